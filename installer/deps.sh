#!/usr/bin/env bash
# Installs the Debian 12 packages Triad needs. Usage: installer/deps.sh [build|test]
#   build: compilers and libraries (enough to build and run a scan)
#   test:  build + what the test suite starts for real (sshd, Xvfb, poppler, busybox, ...)
set -euo pipefail
what=${1:-build}

build_pkgs=(cmake ninja-build g++ pkg-config
            qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-svg-dev libqt6sql6-sqlite qt6-qpa-plugins
            libssh-dev libyaml-cpp-dev libsqlite3-dev libssl-dev
            dpkg-dev file)
test_pkgs=(openssh-server openssh-client xvfb xauth poppler-utils busybox-static sqlite3 procps
           clang libclang-rt-14-dev sudo)

pkgs=("${build_pkgs[@]}")
[ "$what" = test ] && pkgs+=("${test_pkgs[@]}")

missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing: ${missing[*]}"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
