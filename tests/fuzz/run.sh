#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a bounded time on a
# seed corpus made of the shipped templates and the test data. Usage: tests/fuzz/run.sh [SECONDS]
# Exits non-zero when a fuzzer finds a crash; the crashing input is left in build-fuzz/crashes/.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
build=${TRIAD_FUZZ_BUILD_DIR:-build-fuzz}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DTRIAD_FUZZ=ON -DTRIAD_BUILD_GUI=OFF >/dev/null
cmake --build "$build" --target fuzz_template_loader fuzz_collector_output fuzz_inventory

mkdir -p "$build/crashes"
run() {   # run NAME SEED_DIR...
    local name=$1; shift
    local corpus="$build/corpus/$name"
    mkdir -p "$corpus"
    echo "fuzzing $name for ${seconds}s"
    "$build/tests/fuzz/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$build/crashes/$name-" -print_final_stats=1 "$corpus" "$@" 2>"$build/$name.log" ||
        { tail -n 60 "$build/$name.log"; echo "fuzz_$name found a failure: see $build/crashes/" >&2; return 1; }
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$build/$name.log" | sed "s/^/  $name /"
}
run fuzz_template_loader templates/checks templates tests/data/cli/bad-templates tests/data/cli/faulty-templates
run fuzz_collector_output tests/data/templates/fixtures
run fuzz_inventory tests/data/inventory
