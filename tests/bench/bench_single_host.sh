#!/usr/bin/env bash
# Single-host benchmark, side by side in one run on this machine:
#   1. triad-cli over SSH on loopback against one fleet host (tests/fleet/fleet.sh, 127.10.1.1:22),
#      the full cis-linux template with its full filesystem walk;
#   2. triad-cli with the local transport, same template;
#   3. oscap xccdf eval, CIS level 1 server profile of the SSG Ubuntu 22.04 content (ssg-debderived),
#      on a copy without the Ubuntu-only and bare-metal-only platform conditions (otherwise every
#      rule is notapplicable on Debian in a container); the copy is made here, in a temp dir;
#   4. lynis audit system --quick.
# The tools run one after another (not at the same time), and the script prints wall time,
# peak RSS (GNU time -v), what each assessed, and for Triad the round trips, the bytes and a
# per-phase breakdown read from the project file's own timings.
#
#   tests/bench/bench_single_host.sh [BUILD_DIR]          (default: build)
#   REPEAT=N tests/bench/bench_single_host.sh ...         Triad scans N times each (default 3), the
#                                                         median run is reported; oscap and lynis once
#   NICE=-10 tests/bench/bench_single_host.sh ...         run every measured tool (and the fleet host's
#                                                         sshd) at that niceness, the same for all, so
#                                                         that other work on a shared machine weighs less
#
# Needs root (fleet sshd on 127.10.1.1:22 in a mount namespace, lynis, oscap). Installs nothing:
# it names the packages to install and stops when one is missing. Stops every process it started.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(realpath "${1:-$root/build}")
cli="$build/app/triad-cli"
ssg=/usr/share/xml/scap/ssg/content/ssg-ubuntu2204-ds.xml
profile=xccdf_org.ssgproject.content_profile_cis_level1_server

missing=()
command -v oscap >/dev/null || missing+=(openscap-scanner)
[ -f "$ssg" ] || missing+=(ssg-debderived)
command -v lynis >/dev/null || missing+=(lynis)
[ -x /usr/bin/time ] || missing+=(time)
[ -x /usr/sbin/sshd ] || missing+=(openssh-server)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    echo "missing: apt-get install ${missing[*]}" >&2
    exit 2
fi
[ -x "$cli" ] || { echo "no $cli: build triad-cli first" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "needs root (fleet sshd on port 22, lynis, oscap)" >&2; exit 2; }

export TRIAD_TEMPLATES_DIR="$root/templates"
nice_n=${NICE:-0}
run() { nice -n "$nice_n" "$@"; }
work=$(mktemp -d)
cleanup() {
    bash "$root/tests/fleet/fleet.sh" stop "$work/fleet" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

now() { date +%s.%N; }
peak_mb() { awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$1"; }
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s }' "$1"; }
lo_bytes() { cat /sys/class/net/lo/statistics/rx_bytes 2>/dev/null || echo 0; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); measured tools run at niceness $nice_n"
echo

# --- Triad over SSH against one fleet host -------------------------------------------------
FLEET_OWN_ROOT=0 bash "$root/tests/fleet/fleet.sh" start "$work/fleet" 1 >/dev/null
addr=$(tail -n +2 "$work/fleet/inventory.csv" | head -1 | cut -d, -f2)
hostlog="$work/fleet/hosts/host-001/sshd.log"
[ "$nice_n" = 0 ] || while read -r pid; do renice -n "$nice_n" -p "$pid" >/dev/null; done <"$work/fleet/pids"
"$cli" templates script cis-linux >"$work/script.sh"
repeat=${REPEAT:-3}
: >"$work/ssh.runs"
for i in $(seq 1 "$repeat"); do
    "$cli" project init "$work/ssh-$i.triad" --name "bench ssh $i" >/dev/null
    "$cli" assets import "$work/ssh-$i.triad" --from "$work/fleet/inventory.csv" >/dev/null
    accepted_before=$(grep -c 'Accepted publickey' "$hostlog" 2>/dev/null || true)
    lo0=$(lo_bytes)
    t0=$(now)
    run /usr/bin/time -v -o "$work/ssh-$i.time" "$cli" scan "$work/ssh-$i.triad" --template cis-linux --accept-new-host-keys \
        --json "$work/ssh-$i.json" --quiet >"$work/ssh-$i.out" 2>&1 || true
    t1=$(now)
    lo1=$(lo_bytes)
    sleep 0.3   # let sshd write its log lines for the closed session
    connections=$(( $(grep -c 'Accepted publickey' "$hostlog" 2>/dev/null || true) - accepted_before ))
    echo "$i $t0 $t1 $connections $lo0 $lo1" >>"$work/ssh.runs"
done

# OpenSSH's own connect + key exchange + authentication + one exec on the same host, for scale.
ssh_t0=$(now)
run ssh -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
    -i "$work/fleet/userkey" "root@$addr" true
ssh_t1=$(now)
# The same collection script through OpenSSH's client: connect + run, no parsing, no evaluation.
sshs_t0=$(now)
run ssh -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
    -i "$work/fleet/userkey" "root@$addr" /bin/sh -s <"$work/script.sh" 2>/dev/null | python3 -c '
import sys, time
out = open(sys.argv[1], "w")
for line in sys.stdin.buffer:
    if line.startswith(b"@@TRIAD:"):
        out.write("%.6f %s\n" % (time.monotonic(), line.decode(errors="replace").strip()))
' "$work/collector-times" || true
sshs_t1=$(now)
bash "$root/tests/fleet/fleet.sh" stop "$work/fleet"

# --- Triad with the local transport --------------------------------------------------------
: >"$work/local.runs"
for i in $(seq 1 "$repeat"); do
    "$cli" project init "$work/local-$i.triad" --name "bench local $i" >/dev/null
    "$cli" assets add "$work/local-$i.triad" localhost --transport local >/dev/null
    l0=$(now)
    run /usr/bin/time -v -o "$work/local-$i.time" "$cli" scan "$work/local-$i.triad" --template cis-linux \
        --json "$work/local-$i.json" --quiet >"$work/local-$i.out" 2>&1 || true
    l1=$(now)
    echo "$i $l0 $l1" >>"$work/local.runs"
done
# The collection script alone, run by /bin/sh here: the floor under any local scan.
sh_t0=$(now)
run /bin/sh "$work/script.sh" >/dev/null 2>&1 || true
sh_t1=$(now)

# --- OpenSCAP --------------------------------------------------------------------------------
sed -E 's#<xccdf-1.2:platform idref="(cpe:/o:canonical[^"]*|\#machine)"/>##g' "$ssg" >"$work/ubuntu2204-anyhost-ds.xml"
run /usr/bin/time -v -o "$work/oscap.time" oscap xccdf eval --profile "$profile" --results "$work/oscap-results.xml" \
    "$work/ubuntu2204-anyhost-ds.xml" >"$work/oscap.out" 2>&1 || true   # exit 2 = some rule failed

# --- lynis -----------------------------------------------------------------------------------
run /usr/bin/time -v -o "$work/lynis.time" lynis audit system --quick --no-colors --logfile "$work/lynis.log" \
    --report-file "$work/lynis-report.dat" >"$work/lynis.out" 2>&1 || true

# --- Report ----------------------------------------------------------------------------------
python3 - "$work" "$ssh_t0" "$ssh_t1" "$sshs_t0" "$sshs_t1" "$sh_t0" "$sh_t1" <<'PY'
import datetime, json, os, re, sqlite3, statistics, sys
import xml.etree.ElementTree as ET
w = sys.argv[1]
st0, st1, ss0, ss1, sh0, sh1 = map(float, sys.argv[2:8])

def timing(name):
    txt = open(os.path.join(w, name + ".time")).read()
    m = re.search(r"Elapsed \(wall clock\) time.*: (.*)", txt)
    s = 0.0
    for p in m.group(1).split(":"):
        s = s * 60 + float(p)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", txt).group(1)) / 1024
    cpu = sum(float(re.search(r"%s time \(seconds\): ([\d.]+)" % k, txt).group(1)) for k in ("User", "System"))
    return s, rss, cpu

def iso(s):
    return datetime.datetime.strptime(s.replace("Z", "+0000"), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp()

def triad(kind):
    runs = []
    for line in open(os.path.join(w, kind + ".runs")):
        f = line.split()
        i, start, end = f[0], float(f[1]), float(f[2])
        name = f"{kind}-{i}"
        wall, rss, cpu = timing(name)
        d = json.load(open(os.path.join(w, name + ".json")))
        db = sqlite3.connect(os.path.join(w, name + ".triad"))
        started, finished = db.execute("SELECT started_at, finished_at FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        asset_ms, timings = db.execute("SELECT duration_ms, timings_json FROM run_assets ORDER BY id DESC LIMIT 1").fetchone()
        t = json.loads(timings)     # the phases the scanner recorded (triad-cli timing)
        ev = db.execute("SELECT count(*), sum(length(stdout)) + sum(length(stderr)) FROM evidence").fetchone()
        r = dict(wall=wall, rss=rss, cpu=cpu, results=len(d["results"]), checks=len({x["check_id"] for x in d["results"]}),
                 startup=iso(started) - start, connect=(t["connect_ms"] + t["auth_ms"]) / 1000, collect=t["collect_ms"] / 1000,
                 evaluate=t["evaluate_ms"] / 1000, store=iso(finished) - iso(started) - asset_ms / 1000 + t["store_ms"] / 1000,
                 exit=end - iso(finished),
                 collectors=ev[0], evidence_bytes=ev[1] or 0, reached=d["assets"][0]["status"])
        if len(f) > 3:
            r.update(connections=int(f[3]), lo=int(f[5]) - int(f[4]))
        runs.append(r)
    runs.sort(key=lambda r: r["wall"])
    med = runs[(len(runs) - 1) // 2]
    med["all"] = [r["wall"] for r in runs]
    med["rss_max"] = max(r["rss"] for r in runs)
    return med

ssh = triad("ssh")
loc = triad("local")
script_bytes = os.path.getsize(os.path.join(w, "script.sh"))
ow, orss, ocpu = timing("oscap")
counts = {}
for el in ET.parse(os.path.join(w, "oscap-results.xml")).iter():
    if el.tag.endswith("}rule-result"):
        res = next((c.text for c in el if c.tag.endswith("}result")), "")
        if res != "notselected":
            counts[res] = counts.get(res, 0) + 1
lw, lrss, lcpu = timing("lynis")
rep = open(os.path.join(w, "lynis-report.dat"), errors="replace").read()
executed = len(re.search(r"^tests_executed=(.*)$", rep, re.M).group(1).strip("|").split("|"))
findings = len(re.findall(r"^(warning|suggestion)\[\]=", rep, re.M))

def runs_txt(r):
    return "" if len(r["all"]) < 2 else " (runs: " + ", ".join(f"{x:.1f}" for x in r["all"]) + ")"
print(f"{'tool':<34} {'wall s':>7} {'CPU s':>6} {'peak RSS MB':>11}  assessed")
print(f"{'triad-cli scan, SSH (1 fleet host)':<34} {ssh['wall']:>7.1f} {ssh['cpu']:>6.1f} {ssh['rss']:>11.0f}  {ssh['checks']} checks, {ssh['results']} results, host {ssh['reached']}{runs_txt(ssh)}")
print(f"{'triad-cli scan, local transport':<34} {loc['wall']:>7.1f} {loc['cpu']:>6.1f} {loc['rss']:>11.0f}  {loc['checks']} checks, {loc['results']} results{runs_txt(loc)}")
print(f"{'oscap xccdf eval (CIS L1 server)':<34} {ow:>7.1f} {ocpu:>6.1f} {orss:>11.0f}  {sum(counts.values())} rules: " +
      ", ".join(f"{v} {k}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])))
print(f"{'lynis audit system --quick':<34} {lw:>7.1f} {lcpu:>6.1f} {lrss:>11.0f}  {executed} tests, {findings} warnings/suggestions")
print("(Triad: median run. CPU = user + system of the process and the children it waited for: over SSH that")
print(" is triad-cli alone, the host's script runs under sshd; locally it includes the collection commands.")
print(" Peak RSS likewise: triad-cli's own over SSH; locally the largest collection command, apt-get's simulation)")
print()
print(f"ratio oscap / triad over SSH: {ow / ssh['wall']:.1f}x   oscap / triad local: {ow / loc['wall']:.1f}x")
print(f"ratio lynis / triad over SSH: {lw / ssh['wall']:.1f}x   lynis / triad local: {lw / loc['wall']:.1f}x")
print(f"CPU time, oscap / triad local: {ocpu / loc['cpu']:.1f}x   lynis / triad local: {lcpu / loc['cpu']:.1f}x (less sensitive to other load)")
print()
print(f"Triad over SSH: {ssh['connections']} SSH connection(s) accepted by the host's sshd during the scan; one exec channel")
print(f"  per connection (SshTransport::collect runs '/bin/sh -s' once, the script on stdin): 1 round trip of the script.")
print(f"  bytes: script sent {script_bytes}, evidence received {ssh['evidence_bytes']} (stdout+stderr of {ssh['collectors']} collectors,")
print(f"  framing and SSH overhead excluded); loopback traffic during the scan {ssh['lo']} bytes (upper bound: other loopback users count too)")
print()
print("Where the time goes (median run; the phases the scanner records, run_assets.timings_json, and the run's span)")
print(f"{'phase':<62} {'SSH s':>7} {'local s':>8}")
rows = [
    ("process start, template load, plan (until runs.started_at)", ssh["startup"], loc["startup"]),
    ("connect, key exchange, host key, authentication", ssh["connect"], loc["connect"]),
    ("collection script: sent, run on the host, output read", ssh["collect"], loc["collect"]),
    ("parse and evaluate", ssh["evaluate"], loc["evaluate"]),
    ("store results and evidence, close the run", ssh["store"], loc["store"]),
    ("JSON output, exit (after runs.finished_at)", ssh["exit"], loc["exit"]),
]
for name, a, b in rows:
    print(f"{name:<62} {a:>7.2f} {b:>8.2f}")
print(f"{'total (wall)':<62} {ssh['wall']:>7.2f} {loc['wall']:>8.2f}")
print()
print(f"for scale: OpenSSH client connect + kex + auth + 'true' on the same host: {st1 - st0:.2f} s;")
print(f"  the same collection script through the OpenSSH client: {ss1 - ss0:.2f} s; run by /bin/sh locally: {sh1 - sh0:.2f} s")

# Per-collector time on the host: the script frames each collector with BEGIN/END lines as it runs.
names = {}
cur = None
for line in open(os.path.join(w, "script.sh"), errors="replace"):
    m = re.match(r"^# ([\w.-]+/[\w.-]+): ", line)
    if m:
        cur = m.group(1)
    m = re.search(r"BEGIN:(\d+)\\n", line)
    if m and cur:
        names[m.group(1)] = cur
begin, spans = {}, []
for line in open(os.path.join(w, "collector-times")):
    t, tag = line.split(" ", 1)
    m = re.search(r":(BEGIN|END):(\d+)", tag)
    if not m:
        continue
    if m.group(1) == "BEGIN":
        begin[m.group(2)] = float(t)
    elif m.group(2) in begin:
        spans.append((float(t) - begin[m.group(2)], names.get(m.group(2), "#" + m.group(2))))
spans.sort(reverse=True)
total = sum(s for s, _ in spans)
print()
print(f"collectors on the host (script through OpenSSH, {len(spans)} collectors, {total:.2f} s in all); the slowest:")
for s, n in spans[:8]:
    print(f"  {s:6.2f} s  {n}")
print(f"  {sum(s for s, _ in spans[8:]):6.2f} s  the other {max(0, len(spans) - 8)}")
PY
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
