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
# The GUI remembers recent projects and window state: keep this run's settings out of the user's.
export XDG_CONFIG_HOME="$tmp/config"
cmake --build "$build" --target triad triad-cli report_demo_project tst_issues_view tst_assets_view \
    tst_templates_view tst_tailoring_editor tst_new_project_wizard tst_start_page tst_report_dialog tst_compare_view \
    tst_dashboard tst_assessments_view tst_requirements_view >/dev/null
cli="$build/app/triad-cli"
gui="$build/app/triad"
shot() { xvfb-run -a -s '-screen 0 1600x1000x24' "$gui" "$@"; }

"$cli" project init "$tmp/demo.triad" --name "Screenshot demo" --customer "ACME" >/dev/null
"$cli" assets add "$tmp/demo.triad" localhost --transport local --tags lab >/dev/null
"$cli" project init "$tmp/fresh.triad" --name "New project" --customer "ACME" >/dev/null
"$cli" assets add "$tmp/fresh.triad" localhost --transport local --tags lab >/dev/null
"$cli" scan "$tmp/demo.triad" --template cis-linux --quiet || true
"$build/tests/reports/report_demo_project" "$tmp/fleet.triad" --assets 6 --runs 3

shot --project "$tmp/demo.triad" --view results --screenshot "$out/main-window.png"
shot --project "$tmp/fleet.triad" --view issues --screenshot "$out/issues.png"
shot --project "$tmp/fleet.triad" --view register --screenshot "$out/register.png"
shot --project "$tmp/fleet.triad" --view dashboard --screenshot "$out/dashboard.png"
shot --project "$tmp/fresh.triad" --view dashboard --screenshot "$out/dashboard-empty.png"
shot --project "$tmp/fleet.triad" --view assessments --screenshot "$out/assessments.png"
shot --project "$tmp/fresh.triad" --view assessments --screenshot "$out/assessments-empty.png"
shot --project "$tmp/fresh.triad" --view issues --screenshot "$out/issues-empty.png"
shot --project "$tmp/fresh.triad" --view register --screenshot "$out/register-empty.png"
shot --screenshot "$out/empty-state.png"
shot --project "$tmp/fleet.triad" --view assets --screenshot "$out/assets.png"
shot --project "$tmp/fresh.triad" --view assets --screenshot "$out/assets-one.png"
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_issues_view" waiverDialogScreenshot >/dev/null
# The severity chart chosen from the keyboard (focus frame, highlighted bar) and the template
# library browsed from the start page without a project.
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_dashboard" keyboardChoosesABarAndEnterOpensItsIssues >/dev/null
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_start_page" templatesCanBeBrowsedWithoutAProject >/dev/null
shot --project "$tmp/fleet.triad" --view templates --screenshot "$out/templates.png"
shot --project "$tmp/fleet.triad" --view tailoring --screenshot "$out/tailoring.png"
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_templates_view" checkDetailScreenshot >/dev/null
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_tailoring_editor" editorScreenshot >/dev/null
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_assets_view" dialogScreenshots >/dev/null
# Compare (two runs of the fleet; one run only) and File > Export Report with its PDF preview.
shot --project "$tmp/fleet.triad" --view compare --screenshot "$out/compare.png"
shot --project "$tmp/demo.triad" --view compare --screenshot "$out/compare-empty.png"
shot --project "$tmp/fleet.triad" --view export --screenshot "$out/export-dialog.png"
# The first three pages of the export preview as images (export-preview-page1..3.png) and the
# dialog previewing a CSV export (export-dialog-csv.png).
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_report_dialog" pdfPreviewShowsTheFirstPagesOfTheRealReport textFormatsPreviewTheirFirstLines >/dev/null
# The Compare view in a dark palette (compare-dark.png).
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_compare_view" darkPalette >/dev/null
# The start page with recent projects (one of them moved away, shown greyed), the dark palette,
# the New Project wizard's pages and "Scan this computer" while it runs.
"$cli" project init "$tmp/moved.triad" --name "Engagement on a USB disk" >/dev/null
shot --project "$tmp/moved.triad" --view register --screenshot "$tmp/ignored.png"
rm "$tmp/moved.triad"
shot --project "$tmp/fleet.triad" --screenshot "$tmp/ignored.png"
shot --screenshot "$out/start-page.png"
shot --theme dark --screenshot "$out/start-page-dark.png"
shot --project "$tmp/fleet.triad" --theme dark --screenshot "$out/main-window-dark.png"
shot --project "$tmp/fleet.triad" --theme dark --view issues --screenshot "$out/issues-dark.png"
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_new_project_wizard" wizardScreenshots >/dev/null
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_start_page" scanThisComputerReachesResults shortcutsDialogListsTheMenuShortcuts \
        aFileThatIsNotAProjectIsExplainedOnTheStartPage >/dev/null
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_dashboard" clickingChartsOpensTheIssuesViewOnThoseIssues followsADarkPalette >/dev/null
# The run dialog and the live view of a slow local scan caught mid-way (made by the widget test).
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_assessments_view" screenshots >/dev/null
# A run's Requirements tab before and after an attestation, the Record Attestation dialog, and the
# attestation register (a real local scan of a PCI-like lab template).
QT_QPA_PLATFORM=offscreen TRIAD_UI_SCREENSHOT_DIR="$(cd "$out" && pwd)" \
    "$build/tests/ui/tst_requirements_view" mainWindowShowsTheRunsRequirements >/dev/null
echo "Screenshots in $out/"
