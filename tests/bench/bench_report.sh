#!/usr/bin/env bash
# Report benchmark (run by hand, not in CI): a project of N hosts (default 100) with two runs of
# the full cis-linux template (336 checks; report_demo_project stores realistic results, evidence,
# waivers and an attestation), then
#   1. `triad-cli report --format pdf` under /usr/bin/time: wall time and peak RSS of the whole
#      command (open, model, layout, paint, write, record) - the figures in README;
#   2. bench_report: the time of each phase and of every other format.
#   bash tests/bench/bench_report.sh [BUILD_DIR] [HOSTS]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
hosts=${2:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --build "$build" --target triad-cli report_demo_project bench_report >/dev/null
export TRIAD_TEMPLATES_DIR="$here/templates"
start=$(date +%s.%N)
"$build/tests/reports/report_demo_project" "$work/bench.triad" --assets "$hosts" --runs 2
echo "project: $hosts hosts, 2 runs, $(du -m "$work/bench.triad" | cut -f1) MB, made in $(echo "$(date +%s.%N) - $start" | bc) s"
for format in pdf html csv json junit oscal; do
    /usr/bin/time -f "$format: %e s wall, %M KB peak RSS" "$build/app/triad-cli" report "$work/bench.triad" \
        --format "$format" --out "$work/report.$format" 2>&1 >/dev/null | grep -v XDG_RUNTIME_DIR
    echo "  $(du -k "$work/report.$format" | cut -f1) KB"
done
echo "pages: $(pdfinfo "$work/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')"
TRIAD_REPORT_PHASES=1 "$build/tests/reports/bench_report" "$work/bench.triad" 2>&1 | grep -v XDG_RUNTIME_DIR
