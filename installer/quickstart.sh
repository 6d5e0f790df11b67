#!/usr/bin/env bash
# The main job, from a fresh clone: install packages, build, and assess this computer with the
# local transport. Leaves the project in ./demo.triad, the JSON result in ./demo-scan.json and the
# PDF report in ./demo-report.pdf (HTML beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/deps.sh build
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build

cli=./build/app/triad-cli
project=${TRIAD_DEMO_PROJECT:-demo.triad}
if [ ! -f "$project" ]; then
    "$cli" project init "$project" --name "This computer" --customer "$(hostname)"
    "$cli" assets add "$project" localhost --transport local --tags local
fi
set +e
"$cli" scan "$project" --template cis-linux --json demo-scan.json
rc=$?
set -e
# 0: all passed, 1: some checks failed (expected on most machines); anything else is a real error.
if [ "$rc" -gt 1 ]; then
    echo "scan failed with exit code $rc" >&2
    exit "$rc"
fi
# The audit-ready report of that run (QtGui renders it; no display needed).
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$cli" report "$project" --format pdf --out demo-report.pdf
QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} "$cli" report "$project" --format html --out demo-report.html
echo
echo "Project: $project   JSON: demo-scan.json   Report: demo-report.pdf (and demo-report.html)"
echo "Next:    $cli issues $project    |    $cli runs $project    |    ./build/app/triad $project"
