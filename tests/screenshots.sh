#!/usr/bin/env bash
# Makes PNG screenshots of the GUI on a real project, under Xvfb, for a person to look at.
# Usage: tests/screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
out=${2:-screenshots}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cli="$build/app/triad-cli"
"$cli" project init "$tmp/demo.triad" --name "Screenshot demo" --customer "ACME" >/dev/null
"$cli" assets add "$tmp/demo.triad" localhost --transport local --tags lab >/dev/null
"$cli" scan "$tmp/demo.triad" --template cis-linux --quiet || true
xvfb-run -a -s '-screen 0 1600x1000x24' "$build/app/triad" --project "$tmp/demo.triad" --screenshot "$out/main-window.png"
xvfb-run -a -s '-screen 0 1600x1000x24' "$build/app/triad" --screenshot "$out/empty-state.png"
echo "Screenshots in $out/"
