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
# Needs root (sshd on 127.x.y.z:22 in mount namespaces). Stops every sshd it started.
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

printf '%-6s %-10s %-12s %-12s %-10s %s\n' hosts wall_s per_host_ms peak_rss_mb results reached
for n in "${counts[@]}"; do
    bash "$root/tests/fleet/fleet.sh" start "$work/fleet" "$n" >/dev/null
    project="$work/fleet-$n.triad"
    "$cli" project init "$project" --name "Fleet $n" >/dev/null
    "$cli" assets import "$project" --from "$work/fleet/inventory.csv" >/dev/null
    start=$(date +%s.%N)
    /usr/bin/time -f '%M' -o "$work/rss" "$cli" scan "$project" --template cis-linux --accept-new-host-keys \
        --concurrency 16 --tailoring "$work/fleet-tailoring.yaml" --json "$work/scan-$n.json" --quiet || true
    end=$(date +%s.%N)
    wall=$(echo "$end - $start" | bc -l)
    rss_kb=$(tail -n1 "$work/rss")
    results=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(len(d['results']))" "$work/scan-$n.json")
    reached=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(a['status']=='ok' for a in d['assets']))" "$work/scan-$n.json")
    printf '%-6s %-10.2f %-12.0f %-12.1f %-10s %s\n' "$n" "$wall" "$(echo "$wall * 1000 / $n" | bc -l)" \
        "$(echo "$rss_kb / 1024" | bc -l)" "$results" "$reached/$n"
    bash "$root/tests/fleet/fleet.sh" stop "$work/fleet"
done
