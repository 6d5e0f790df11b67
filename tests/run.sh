#!/usr/bin/env bash
# Installs everything, builds with warnings as errors, runs every test, and builds and installs the
# packages. This is the README's test command and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/deps.sh test
build=${TRIAD_BUILD_DIR:-build-tests}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRIAD_WERROR=ON >/dev/null
cmake --build "$build"
# Every parser of outside input under libFuzzer (clang, ASan, UBSan) for a bounded time.
bash tests/fuzz/run.sh "${TRIAD_FUZZ_SECONDS:-60}"
(cd "$build" && ctest --output-on-failure --timeout 600 -j2)
bash installer/check-package.sh "$build"
