#!/usr/bin/env bash
# Installs everything, builds with warnings as errors, runs every test, and builds and installs the
# packages. This is the README's test command and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash installer/deps.sh test
build=${TRIAD_BUILD_DIR:-build-tests}
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRIAD_WERROR=ON >/dev/null
cmake --build "$build"
(cd "$build" && ctest --output-on-failure --timeout 600 -j2)
bash installer/check-package.sh "$build"
