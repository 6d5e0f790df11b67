#!/usr/bin/env bash
# A fleet of distinct Linux hosts on one machine, for integration tests and benchmarks.
#
#   tests/fleet/fleet.sh start DIR N [FIRST_OCTET]   start N sshd's on 127.<FIRST_OCTET>.x.y:22
#   tests/fleet/fleet.sh stop DIR                    stop every sshd this DIR started (by pid)
#
# Each host is its own OpenSSH server on its own loopback address, started inside a private mount
# namespace in which fixture files are bind-mounted over the real paths, so that `sshd -T`,
# `cat /etc/login.defs` and `stat /etc/ssh/sshd_config` over that host show its fixture. Even
# hosts get the "hardened" fixtures, odd hosts the "weak" ones. Root logs in with one key.
#
# Writes DIR/inventory.csv (name,address,port,user,key,tags) and DIR/pids. Loopback only.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cmd=${1:?usage: fleet.sh start DIR N | stop DIR}
dir=${2:?usage: fleet.sh start DIR N | stop DIR}

stop_fleet() {
    [ -f "$dir/pids" ] || return 0
    while read -r pid; do
        kill "$pid" 2>/dev/null || true
    done <"$dir/pids"
    sleep 0.2
    while read -r pid; do
        kill -9 "$pid" 2>/dev/null || true
    done <"$dir/pids"
    rm -f "$dir/pids"
}

if [ "$cmd" = stop ]; then
    stop_fleet
    exit 0
fi

n=${3:?usage: fleet.sh start DIR N}
first=${4:-10}
[ "$(id -u)" -eq 0 ] || { echo "fleet.sh needs root (mount namespaces, port 22)" >&2; exit 1; }
mkdir -p "$dir" /run/sshd
dir=$(cd "$dir" && pwd)
stop_fleet
: >"$dir/pids"
[ -f "$dir/userkey" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/userkey"
cp "$dir/userkey.pub" "$dir/authorized_keys"
chmod 600 "$dir/authorized_keys"
echo "name,address,port,user,key,tags" >"$dir/inventory.csv"

# Fixture files keep the modes and owners auditors check for.
for variant in hardened weak; do
    fx="$dir/fixtures/$variant"
    mkdir -p "$fx"
    cp -r "$here/fixtures/$variant/." "$fx/"
    chown -R root:root "$fx"
    [ -f "$fx/etc/ssh/sshd_config" ] && chmod 600 "$fx/etc/ssh/sshd_config"
    [ -f "$fx/root/.bashrc" ] && chmod 644 "$fx/root/.bashrc"
done
chmod 644 "$dir/fixtures/weak/etc/ssh/sshd_config"   # too open on purpose
# Each host gets its own small /root, as a server has: this machine's /root holds build toolchains
# (hundreds of thousands of files) that no audited server would, and every host would walk them.
chmod 700 "$dir/fixtures/hardened/root"
chmod 755 "$dir/fixtures/weak/root"                   # readable by all, on purpose
# APT keeps a binary package cache on a Debian server (rebuilt by apt update). The container image
# this machine runs switches it off (/etc/apt/apt.conf.d/docker-clean), so that every `apt list`
# would rebuild it from the package lists: half a second of CPU per host. The hosts get Debian's
# default back, with one cache built here for all of them.
apt_conf=""
if [ -f /etc/apt/apt.conf.d/docker-clean ] && command -v apt-cache >/dev/null 2>&1; then
    mkdir -p "$dir/apt-cache"
    apt_conf="$dir/fixtures/apt-cache.conf"
    printf 'Dir::Cache "%s";\nDir::Cache::pkgcache "pkgcache.bin";\nDir::Cache::srcpkgcache "srcpkgcache.bin";\n' \
        "$dir/apt-cache" >"$apt_conf"
    apt-cache -o Dir::Cache="$dir/apt-cache" -o Dir::Cache::pkgcache=pkgcache.bin \
        -o Dir::Cache::srcpkgcache=srcpkgcache.bin stats >/dev/null 2>&1 || true
fi

for i in $(seq 1 "$n"); do
    a=$(( first + (i - 1) / 250 ))
    b=$(( (i - 1) % 250 + 1 ))
    addr="127.$a.$b.1"
    name=$(printf 'host-%03d' "$i")
    hd="$dir/hosts/$name"
    mkdir -p "$hd"
    [ -f "$hd/hostkey" ] || ssh-keygen -q -t ed25519 -N '' -f "$hd/hostkey"
    cat >"$hd/sshd_config" <<CFG
Port 22
ListenAddress $addr
HostKey $hd/hostkey
PidFile $hd/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxStartups 200:30:400
CFG
    if [ $(( i % 2 )) -eq 0 ]; then variant=hardened; tags=fleet,hardened; else variant=weak; tags=fleet,weak; fi
    fx="$dir/fixtures/$variant"
    # FLEET_OWN_ROOT=0 keeps this machine's /root (the single-host benchmark walks the whole disk,
    # as oscap does on the same machine).
    mounts=""
    [ "${FLEET_OWN_ROOT:-1}" = 0 ] || mounts="mount --bind '$fx/root' /root &&"
    [ -n "$apt_conf" ] && mounts="$mounts mount --bind '$apt_conf' /etc/apt/apt.conf.d/docker-clean &&"
    while IFS= read -r -d '' f; do
        rel=${f#"$fx"}
        [ -e "$rel" ] && mounts="$mounts mount --bind '$f' '$rel' &&"
    done < <(find "$fx" -type f -print0)
    # -D keeps sshd in the foreground, so the pid we record is the server's own.
    unshare -m --propagation private sh -c "$mounts exec /usr/sbin/sshd -D -f '$hd/sshd_config' -E '$hd/sshd.log'" &
    echo $! >>"$dir/pids"
    echo "$name,$addr,22,root,$dir/userkey,\"$tags\"" >>"$dir/inventory.csv"
done

# Wait until every host answers with an SSH banner.
deadline=$(( $(date +%s) + 60 ))
for addr in $(tail -n +2 "$dir/inventory.csv" | cut -d, -f2); do
    until timeout 1 bash -c "exec 3<>/dev/tcp/$addr/22 && head -c 4 <&3" 2>/dev/null | grep -q SSH-; do
        if [ "$(date +%s)" -gt "$deadline" ]; then
            echo "host $addr did not come up" >&2
            exit 1
        fi
        sleep 0.1
    done
done
echo "fleet of $n host(s) up: $dir/inventory.csv"
