#!/usr/bin/env bash
# Builds the .deb and .tar.gz with CPack, installs the .deb on this machine and runs triad-cli from
# it (a scan of this machine with the installed templates), then removes it again.
# Usage: installer/check-package.sh BUILD_DIR
set -euo pipefail
build=$(realpath "${1:?usage: check-package.sh BUILD_DIR}")
(cd "$build" && rm -f triad_*.deb triad-*.tar.gz && cpack -G "DEB;TGZ" >/dev/null)
deb=$(find "$build" -maxdepth 1 -name 'triad_*.deb' -print -quit)
tgz=$(find "$build" -maxdepth 1 -name 'triad-*.tar.gz' -print -quit)
echo "Built $(basename "$deb") and $(basename "$tgz")"
echo "Depends: $(dpkg-deb --field "$deb" Depends)"
listing=$(tar -tzf "$tgz")
for f in bin/triad-cli bin/triad share/triad/templates/cis-linux.yaml; do
    grep -q "$f\$" <<<"$listing" || { echo "the archive lacks $f" >&2; exit 1; }
done

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >/dev/null
trap '$SUDO dpkg --purge triad >/dev/null' EXIT
/usr/bin/triad-cli --version
# The installed binary finds the installed templates without any environment variable.
tmp=$(mktemp -d)
env -u TRIAD_TEMPLATES_DIR /usr/bin/triad-cli templates list >/dev/null
env -u TRIAD_TEMPLATES_DIR /usr/bin/triad-cli project init "$tmp/p.triad" --name "Package check" >/dev/null
env -u TRIAD_TEMPLATES_DIR /usr/bin/triad-cli assets add "$tmp/p.triad" localhost --transport local >/dev/null
env -u TRIAD_TEMPLATES_DIR /usr/bin/triad-cli scan "$tmp/p.triad" --template cis-linux --quiet
rm -rf "$tmp"
echo "package check: passed"
