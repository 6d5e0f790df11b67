#!/usr/bin/env python3
"""Compare Triad's cis-linux verdicts on one machine with OpenSCAP's and lynis's.

    tests/bench/compare_peers.py run DIR [--build BUILD_DIR]
        Runs the three tools on this machine at the same time (so they see the same state) and
        writes their outputs into DIR: triad.json, oscap-results.xml, lynis-report.dat, lynis.log,
        plus *.time (GNU time -v) for each. Needs root, openscap-scanner, ssg-debderived (for the
        Ubuntu 22.04 CIS content) and lynis; prints the apt-get line and exits when one is missing.
        Lynis audits sshd only while an sshd runs: when none does, one is started on 127.0.0.1:2299
        with the machine's own configuration for the duration of the run, then stopped by its pid.

    tests/bench/compare_peers.py compare DIR [--mapping tests/bench/peer-mapping.tsv] [--markdown]
        Reads those outputs and the mapping (peer rule or test -> our check id) and prints, for
        every check that a peer covers, both verdicts, then the counts.

Verdicts. Triad: per check, fail if any subject fails, else error if any errors, else pass if any
passes, else not_applicable. OpenSCAP: per mapped rule, from the XCCDF results (pass, fail,
notapplicable, notchecked, ...); several rules on one check fail it if any fails. Lynis: a test (or
TEST:detail) fails when the report holds a warning or suggestion for it (with the detail in its text)
or the log shows lynis giving it partial hardening points; KRNL-6000:<key> and SSH-7408:<option>
are read from the log's per-key lines; a test that ran without either passes; a skipped test is
not_applicable. A control is compared when both sides give pass or fail.
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PROFILE = "xccdf_org.ssgproject.content_profile_cis_level1_server"
SSG_UBUNTU = "/usr/share/xml/scap/ssg/content/ssg-ubuntu2204-ds.xml"
RULE_PREFIX = "xccdf_org.ssgproject.content_rule_"


def make_anyhost_copy(dest):
    """The Ubuntu CIS content applies only to Ubuntu on a physical or virtual machine: on Debian, in
    a container, every rule is notapplicable. This copy drops those two platform conditions."""
    src = open(SSG_UBUNTU, encoding="utf-8").read()
    out = re.sub(r'<xccdf-1\.2:platform idref="(cpe:/o:canonical[^"]*|#machine)"/>', "", src)
    with open(dest, "w", encoding="utf-8") as f:
        f.write(out)
    return dest


def missing_tools():
    need = []
    if not shutil.which("oscap"):
        need.append("openscap-scanner")
    if not os.path.exists(SSG_UBUNTU):
        need.append("ssg-debderived")
    if not shutil.which("lynis"):
        need.append("lynis")
    if not os.path.exists("/usr/bin/time"):
        need.append("time")
    return need


def cmd_run(args):
    need = missing_tools()
    if need:
        print("missing: apt-get install " + " ".join(need), file=sys.stderr)
        return 2
    out = os.path.abspath(args.dir)
    os.makedirs(out, exist_ok=True)
    cli = os.path.join(os.path.abspath(args.build), "app", "triad-cli")
    env = dict(os.environ, TRIAD_TEMPLATES_DIR=os.path.join(ROOT, "templates"))
    tmp = tempfile.mkdtemp(prefix="triad-peers-")
    sshd = None
    try:
        ds = make_anyhost_copy(os.path.join(tmp, "ubuntu2204-anyhost-ds.xml"))
        if subprocess.run(["pgrep", "-x", "sshd"], capture_output=True).returncode != 0:
            os.makedirs("/run/sshd", exist_ok=True)
            pidfile = os.path.join(tmp, "sshd.pid")
            sshd = subprocess.Popen(["/usr/sbin/sshd", "-D", "-o", "ListenAddress=127.0.0.1", "-o", "Port=2299",
                                     "-o", "PidFile=" + pidfile, "-E", os.path.join(tmp, "sshd.log")])
            time.sleep(0.5)
        project = os.path.join(tmp, "peers.triad")
        subprocess.run([cli, "project", "init", project, "--name", "peers"], env=env, check=True, capture_output=True)
        subprocess.run([cli, "assets", "add", project, "localhost", "--transport", "local"], env=env, check=True,
                       capture_output=True)
        jobs = {
            "triad": [cli, "scan", project, "--template", "cis-linux", "--json", os.path.join(out, "triad.json")],
            "oscap": ["oscap", "xccdf", "eval", "--profile", PROFILE, "--results", os.path.join(out, "oscap-results.xml"), ds],
            "lynis": ["lynis", "audit", "system", "--quick", "--no-colors", "--logfile", os.path.join(out, "lynis.log"),
                      "--report-file", os.path.join(out, "lynis-report.dat")],
        }
        procs = {}
        for name, argv in jobs.items():
            procs[name] = subprocess.Popen(["/usr/bin/time", "-v", "-o", os.path.join(out, name + ".time")] + argv,
                                           env=env, stdout=open(os.path.join(out, name + ".out"), "w"),
                                           stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        for name, p in procs.items():
            p.wait()
            print(f"{name}: exit {p.returncode}, {wall(os.path.join(out, name + '.time'))} s")
    finally:
        if sshd is not None:
            sshd.terminate()
            sshd.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def wall(timefile):
    try:
        for line in open(timefile):
            if "Elapsed (wall clock)" in line:
                t = line.rsplit(" ", 1)[1].strip().split(":")
                return round(sum(float(x) * 60 ** i for i, x in enumerate(reversed(t))), 1)
    except OSError:
        pass
    return None


# ---------------------------------------------------------------- verdicts

def triad_verdicts(path):
    d = json.load(open(path))
    by = collections.defaultdict(list)
    for r in d["results"]:
        by[r["check_id"]].append(r)
    out = {}
    for cid, rs in by.items():
        st = {r["raw_status"] if r.get("raw_status") else r["status"] for r in rs}
        if "fail" in st:
            v = "fail"
        elif "error" in st:
            v = "error"
        elif "pass" in st:
            v = "pass"
        else:
            v = "not_applicable"
        detail = "; ".join(sorted({str(r.get("actual", ""))[:60] for r in rs if (r.get("raw_status") or r["status"]) == v}))[:120]
        out[cid] = (v, detail)
    return out


def oscap_verdicts(path):
    out = {}
    for el in ET.parse(path).iter():
        if el.tag.endswith("}rule-result"):
            rid = el.get("idref", "")
            res = next((c.text for c in el if c.tag.endswith("}result")), None)
            if rid.startswith(RULE_PREFIX):
                rid = rid[len(RULE_PREFIX):]
            if res in ("pass", "fail"):
                out[rid] = res
            elif res in ("notapplicable", "notchecked", "notselected", "informational"):
                out[rid] = "not_applicable"
            elif res is not None:
                out[rid] = "error"
    return out


class Lynis:
    def __init__(self, report, log):
        self.findings = collections.defaultdict(list)   # test -> [text|details]
        self.executed = set()
        for line in open(report, errors="replace"):
            line = line.rstrip("\n")
            m = re.match(r"^(warning|suggestion)\[\]=([A-Z0-9-]+)\|(.*)$", line)
            if m:
                self.findings[m.group(2)].append(m.group(3))
            elif line.startswith("tests_executed="):
                self.executed = set(line.split("=", 1)[1].split("|"))
        self.blocks = collections.defaultdict(list)     # test -> its log lines
        cur = None
        for line in open(log, errors="replace"):
            m = re.search(r"Performing test ID ([A-Z0-9-]+)", line)
            if m:
                cur = m.group(1)
                self.executed.add(cur)
                continue
            if re.search(r"Skipped test |Action: Performing tests from category", line):
                cur = None
            if cur:
                self.blocks[cur].append(line.rstrip("\n"))

    def verdict(self, item):
        test, _, sub = item.partition(":")
        if test not in self.executed:
            return "not_applicable", "test skipped"
        block = self.blocks.get(test, [])
        if test == "KRNL-6000" and sub:
            for l in block:
                if f"sysctl key {sub} " in l:
                    return ("fail", l.split("Result: ", 1)[-1]) if "different value" in l else ("pass", l.split("Result: ", 1)[-1])
            return "not_applicable", "key not in lynis profile"
        if test == "SSH-7408" and sub:
            if any(f.startswith(f"Consider hardening SSH configuration|{sub} (") for f in self.findings.get(test, [])):
                return "fail", next(f.split("|")[1] for f in self.findings[test] if f.split("|")[1].startswith(sub + " "))
            for l in block:
                if f"OpenSSH option {sub} " in l:
                    return ("fail" if "weak" in l else "pass"), l.split("Result: ", 1)[-1]
            return "not_applicable", "option not examined"
        found = [f for f in self.findings.get(test, []) if not sub or sub in f]
        if found:
            return "fail", found[0].split("|")[0][:100]
        if not sub and any("partial number of hardening points" in l for l in block):
            return "fail", "partial hardening points"
        return "pass", "no finding"


def load_mapping(path):
    rows = []
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        parts += [""] * (4 - len(parts))
        rows.append(tuple(parts[:4]))
    return rows


def combine(vs):
    s = {v for v, _ in vs}
    for v in ("fail", "error", "pass"):
        if v in s:
            return v
    return "not_applicable"


def cmd_compare(args):
    d = os.path.abspath(args.dir)
    ours = triad_verdicts(os.path.join(d, "triad.json"))
    peers = {"oscap": oscap_verdicts(os.path.join(d, "oscap-results.xml")),
             "lynis": Lynis(os.path.join(d, "lynis-report.dat"), os.path.join(d, "lynis.log"))}
    groups = collections.OrderedDict()
    mapping = load_mapping(args.mapping)
    notes = {(t, i): n for t, i, _, n in mapping}
    for tool, item, check, note in mapping:
        while note.startswith("see ") and (tool, note[4:].strip()) in notes:
            note = notes[(tool, note[4:].strip())]
        if tool == "oscap":
            v = peers["oscap"].get(item)
            v = (v, "") if v else ("absent", "rule not in results")
        else:
            v = peers["lynis"].verdict(item)
        g = groups.setdefault((tool, check), {"items": [], "notes": []})
        g["items"].append((item, v))
        if note and note not in g["notes"]:
            g["notes"].append(note)
    counts = collections.Counter()
    rows = []
    for (tool, check), g in groups.items():
        pv = combine([v for _, v in g["items"]])
        ov, odetail = ours.get(check, ("absent", "check not in run"))
        if pv in ("pass", "fail") and ov in ("pass", "fail"):
            kind = "agree" if pv == ov else "disagree"
        elif pv in ("pass", "fail") or ov in ("pass", "fail"):
            kind = "one-sided"
        else:
            kind = "neither"
        counts[(tool, kind)] += 1
        failing = [i for i, (v, _) in g["items"] if v == pv] if pv == "fail" else [i for i, _ in g["items"]]
        rows.append((tool, check, ov, pv, kind, ",".join(failing), odetail, " / ".join(g["notes"])))
    if args.markdown:
        print("| tool | our check | ours | peer | peer items | kind | note |")
        print("|---|---|---|---|---|---|---|")
        for r in rows:
            if r[4] != "agree":
                print(f"| {r[0]} | `{r[1]}` | {r[2]} | {r[3]} | {r[5].replace(',', ', ')} | {r[4]} | {r[7]} |")
    else:
        for r in rows:
            print("\t".join(r[:6]) + ("\t" + r[7] if r[4] != "agree" else ""))
    print()
    for tool in ("oscap", "lynis"):
        both = counts[(tool, "agree")] + counts[(tool, "disagree")]
        mapped = both + counts[(tool, 'one-sided')] + counts[(tool, 'neither')]
        print(f"{tool}: {mapped} checks mapped, {both} with a pass/fail verdict from both: "
              f"{counts[(tool, 'agree')]} agree, {counts[(tool, 'disagree')]} disagree; "
              f"{counts[(tool, 'one-sided')]} with a verdict from one side only (the other not_applicable/error), "
              f"{counts[(tool, 'neither')]} with neither")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("dir")
    r.add_argument("--build", default=os.path.join(ROOT, "build"))
    c = sub.add_parser("compare")
    c.add_argument("dir")
    c.add_argument("--mapping", default=os.path.join(HERE, "peer-mapping.tsv"))
    c.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    return cmd_run(args) if args.cmd == "run" else cmd_compare(args)


if __name__ == "__main__":
    sys.exit(main())
