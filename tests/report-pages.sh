#!/usr/bin/env bash
# Renders a demo report (a 6-host project with three runs of cis-linux, waivers, an attestation)
# as PDF in A4 and US Letter and as HTML, and turns the PDF pages into PNG images to look at:
#   bash tests/report-pages.sh [BUILD_DIR] [OUT_DIR]      (default: build, report-pages)
# Needs poppler-utils (pdftoppm, pdftotext), installed by installer/deps.sh test.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
out=${2:-$here/report-pages}
for tool in pdftoppm pdftotext pdfinfo; do
    command -v "$tool" >/dev/null || { echo "report-pages: $tool is missing (apt-get install poppler-utils)" >&2; exit 2; }
done
cmake --build "$build" --target triad-cli report_demo_project >/dev/null
export TRIAD_TEMPLATES_DIR="$here/templates"
rm -rf "$out" && mkdir -p "$out"
"$build/tests/reports/report_demo_project" "$out/demo.triad" --assets 6 --runs 3
"$build/tests/reports/report_demo_project" "$out/hostile.triad" --assets 3 --runs 2 --hostile
"$build/app/triad-cli" report "$out/demo.triad" --format pdf --out "$out/demo-a4.pdf"
"$build/app/triad-cli" report "$out/demo.triad" --format pdf --paper letter --out "$out/demo-letter.pdf"
"$build/app/triad-cli" report "$out/demo.triad" --format html --out "$out/demo.html"
"$build/app/triad-cli" report "$out/hostile.triad" --format pdf --out "$out/hostile.pdf"
# The first pages (cover, contents, summary, scope), the first findings, the registers and the
# last page (sign-off) at a size a person can read on screen.
pages=$(pdfinfo "$out/demo-a4.pdf" | awk '/^Pages:/ {print $2}')
findings=$(pdftotext -layout -f 2 -l 2 "$out/demo-a4.pdf" - | awk '/4 Findings/ {print $NF}')
registers=$(pdftotext -layout -f 2 -l 2 "$out/demo-a4.pdf" - | awk '/5 Exceptions register/ {print $NF}')
pdftoppm -png -r 70 -f 1 -l 5 "$out/demo-a4.pdf" "$out/a4"
pdftoppm -png -r 70 -f "$findings" -l "$((findings + 1))" "$out/demo-a4.pdf" "$out/a4-findings"
pdftoppm -png -r 70 -f "$registers" -l "$((registers + 2))" "$out/demo-a4.pdf" "$out/a4-registers"
pdftoppm -png -r 70 -f "$pages" -l "$pages" "$out/demo-a4.pdf" "$out/a4-last"
pdftoppm -png -r 70 -f 1 -l 3 "$out/demo-letter.pdf" "$out/letter"
pdftoppm -png -r 70 -f 1 -l 1 "$out/hostile.pdf" "$out/hostile"
hostile_findings=$(pdftotext -layout -f 2 -l 2 "$out/hostile.pdf" - | awk '/4 Findings/ {print $NF}')
pdftoppm -png -r 70 -f "$hostile_findings" -l "$hostile_findings" "$out/hostile.pdf" "$out/hostile-findings"
echo "report-pages: $pages pages (A4); images in $out:"
ls "$out"/*.png
