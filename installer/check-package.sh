#!/usr/bin/env bash
# Builds the .deb and .tar.gz with CPack, installs the .deb on this machine and runs triad-cli from
# it, then removes it again. Usage: installer/check-package.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: check-package.sh BUILD_DIR}
(cd "$build" && cpack -G "DEB;TGZ" >/dev/null)
deb=$(ls -t "$build"/triad_*.deb | head -n1)
tgz=$(ls -t "$build"/triad-*.tar.gz | head -n1)
echo "Built $(basename "$deb") and $(basename "$tgz")"
dpkg-deb --field "$deb" Depends
tar -tzf "$tgz" | grep -q 'bin/triad-cli$'

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
trap '$SUDO dpkg --purge triad >/dev/null' EXIT
/usr/bin/triad-cli --version
/usr/bin/triad-cli templates list >/dev/null
echo "package check: passed"
