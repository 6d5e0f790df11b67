#!/usr/bin/env bash
# Makes PNG screenshots of the GUI on real projects, under Xvfb, for a person to look at:
# the runs and results of a local scan, the Issues view and the Waivers & attestations register
# of a fleet demo project (tests/reports/report_demo_project: 6 assets, 3 runs, waivers, an
# attestation), the empty states of a project without runs and of no project, the waive dialog,
# and the Assessments page (runs with scores, empty state, run dialog, live view mid-scan).
# Usage: tests/screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-screenshots}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --build "$build" --target triad triad-cli report_demo_project tst_issues_view tst_assessments_view >/dev/null
cli="$build/app/triad-cli"
gui="$build/app/triad"
shot() { xvfb-run -a -s '-screen 0 1600x1000x24' "$gui" "$@"; }

"$cli" project init "$tmp/demo.triad" --name "Screenshot demo" --customer "ACME" >/dev/null
"$cli" assets add "$tmp/demo.triad" localhost --transport local --tags lab >/dev/null
"$cli" project init "$tmp/fresh.triad" --name "New project" --customer "ACME" >/dev/null
"$cli" assets add "$tmp/fresh.triad" localhost --transport local --tags lab >/dev/null
"$cli" scan "$tmp/demo.triad" --template cis-linux --quiet || true
"$build/tests/reports/report_demo_project" "$tmp/fleet.triad" --assets 6 --runs 3

shot --project "$tmp/demo.triad" --screenshot "$out/main-window.png"
shot --project "$tmp/fleet.triad" --view issues --screenshot "$out/issues.png"
shot --project "$tmp/fleet.triad" --view register --screenshot "$out/register.png"
shot --project "$tmp/fleet.triad" --view assessments --screenshot "$out/assessments.png"
shot --project "$tmp/fresh.triad" --view assessments --screenshot "$out/assessments-empty.png"
shot --project "$tmp/fresh.triad" --view issues --screenshot "$out/issues-empty.png"
shot --project "$tmp/fresh.triad" --view register --screenshot "$out/register-empty.png"
shot --screenshot "$out/empty-state.png"
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_issues_view" waiverDialogScreenshot >/dev/null
# The run dialog and the live view of a slow local scan caught mid-way (made by the widget test).
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_assessments_view" screenshots >/dev/null
echo "Screenshots in $out/"
