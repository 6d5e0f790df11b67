#!/usr/bin/env bash
# Fleet benchmark: N distinct hosts (real sshd's on loopback, tests/fleet/fleet.sh), assessed with
# the full cis-linux template over SSH by triad-cli. Prints wall time, peak memory of triad-cli
# and the per-host cost, for 1, 10 and 50 hosts (or the counts given).
#
#   tests/bench/bench_fleet.sh [BUILD_DIR] [COUNTS...]      e.g. tests/bench/bench_fleet.sh build 1 10 50
#
# The simulated hosts share this machine's two cores and one disk, where real hosts each walk their
# own disk: the filesystem walk is limited to /etc, /home, /root and /tmp by a tailoring (the full
# walk is measured on one host by bench_single_host.sh).
#
# Where the time goes: the sum over hosts of each phase as triad-cli recorded it (`triad-cli
# timing`: connect, authentication, collection, evaluation, storage), the CPU the hosts spent (their
# sshd's and everything the collection script started) and the CPU of triad-cli itself, and the
# three slowest collectors.
#
# Needs root (sshd on 127.<FLEET_OCTET>.y.z:22 in mount namespaces; FLEET_OCTET defaults to 10).
# Stops every sshd it started.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(realpath "${1:-$root/build}")
shift || true
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1 10 50)
cli="$build/app/triad-cli"
export TRIAD_TEMPLATES_DIR="$root/templates"
work=$(mktemp -d)
trap 'bash "$root/tests/fleet/fleet.sh" stop "$work/fleet" || true; rm -rf "$work"' EXIT

cat > "$work/fleet-tailoring.yaml" <<'EOF'
tailoring: {template: cis-linux, name: fleet benchmark}
parameters: {fs_walk_roots: [/etc, /home, /root, /tmp], fs_walk_cross_mounts: false}
EOF

octet=${FLEET_OCTET:-10}
# CPU seconds of every host so far: each sshd -D reaps its sessions, so their time is in its cutime.
hosts_cpu() {
    local total=0 pid
    while read -r pid; do
        total=$(awk -v t="$total" '{ print t + ($16 + $17) / 100 }' "/proc/$pid/stat" 2>/dev/null || echo "$total")
    done <"$work/fleet/pids"
    echo "$total"
}
breakdown=()
printf '%-6s %-10s %-12s %-12s %-10s %s\n' hosts wall_s per_host_ms peak_rss_mb results reached
for n in "${counts[@]}"; do
    bash "$root/tests/fleet/fleet.sh" start "$work/fleet" "$n" "$octet" >/dev/null
    cpu_before=$(hosts_cpu)
    project="$work/fleet-$n.triad"
    "$cli" project init "$project" --name "Fleet $n" >/dev/null
    "$cli" assets import "$project" --from "$work/fleet/inventory.csv" >/dev/null
    start=$(date +%s.%N)
    /usr/bin/time -f '%M %U %S' -o "$work/rss" "$cli" scan "$project" --template cis-linux --accept-new-host-keys \
        --concurrency 16 --tailoring "$work/fleet-tailoring.yaml" --json "$work/scan-$n.json" --quiet || true
    end=$(date +%s.%N)
    wall=$(echo "$end - $start" | bc -l)
    read -r rss_kb cli_user cli_sys < <(tail -n1 "$work/rss")
    cpu_after=$(hosts_cpu)
    "$cli" timing "$project" --json --top 3 >"$work/timing-$n.json"
    breakdown+=("$(python3 - "$work/timing-$n.json" "$n" "$cpu_before" "$cpu_after" "$cli_user" "$cli_sys" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); n = int(sys.argv[2])
s = d["sum"]
host_cpu = float(sys.argv[4]) - float(sys.argv[3]); cli_cpu = float(sys.argv[5]) + float(sys.argv[6])
slow = ", ".join("%s %.1f s" % (c["collector"], c["total_ms"] / 1000) for c in d["slowest_collectors"])
print("%-6d connect %6.1f s  auth %6.1f s  collect %7.1f s  evaluate %5.1f s  store %5.1f s  (summed over hosts)\n"
      "       CPU: hosts %.2f s/host, triad-cli %.2f s/host; sent %.0f KiB, received %.0f KiB per host\n"
      "       slowest collectors: %s" % (n, s["connect_ms"] / 1000, s["auth_ms"] / 1000, s["collect_ms"] / 1000,
      s["evaluate_ms"] / 1000, s["store_ms"] / 1000, host_cpu / n, cli_cpu / n,
      s["bytes_sent"] / 1024 / n, s["bytes_received"] / 1024 / n, slow))
PY
)")
    results=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['results']))" "$work/scan-$n.json")
    reached=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(a['status']=='ok' for a in d['assets']))" "$work/scan-$n.json")
    printf '%-6s %-10.2f %-12.0f %-12.1f %-10s %s\n' "$n" "$wall" "$(echo "$wall * 1000 / $n" | bc -l)" \
        "$(echo "$rss_kb / 1024" | bc -l)" "$results" "$reached/$n"
    bash "$root/tests/fleet/fleet.sh" stop "$work/fleet"
done
echo
echo "Where the time goes:"
printf '%s\n' "${breakdown[@]}"
