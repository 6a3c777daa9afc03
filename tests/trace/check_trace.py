# SPDX-License-Identifier: Apache-2.0
"""check_trace.py TRACE.json KIND... - checks a vzlet-sim --trace-events file.

Always: it parses as JSON; the "cpu" slices follow each other without gap
or overlap from cycle 0 and their cycles add up to the simulated time
(otherData.cycles). Then each KIND must be present:
  thread=NAME      a track named NAME          slice=NAME  a slice NAME
  slice-on=NAME@T  slice NAME on track T       instant=NAME an instant NAME
  console=TEXT     a console line containing TEXT
Prints one "ok"/"FAIL" line per check; exit status 1 if any failed."""
import json
import sys

failures = 0


def report(ok, what):
    global failures
    print(("ok" if ok else "FAIL") + " trace: " + what)
    failures += 0 if ok else 1


path, kinds = sys.argv[1], sys.argv[2:]
try:
    with open(path) as f:
        doc = json.load(f)
    events = doc["traceEvents"]
    report(True, f"{path} parses as JSON ({len(events)} events)")
except (OSError, ValueError, KeyError) as e:
    report(False, f"{path}: {e}")
    sys.exit(1)

total = doc["otherData"]["cycles"]
slices = sorted((e for e in events if e.get("ph") == "X" and e.get("cat") == "cpu"),
                key=lambda e: e["ts"])
cycles = sum(e["args"]["cycles"] for e in slices)
report(cycles == total and total > 0, f"slices add up to the simulated time ({cycles} of {total} cycles)")
# Consecutive: each starts where the previous ended (timestamps in us at 200 MHz).
pos, gaps = 0, 0
for e in slices:
    start = round(e["ts"] * 200)
    gaps += start != pos
    pos = start + e["args"]["cycles"]
report(gaps == 0 and pos == total, f"slices are consecutive from cycle 0 ({gaps} gaps or overlaps)")

names = {e["tid"]: e["args"]["name"] for e in events if e.get("ph") == "M" and e.get("name") == "thread_name"}
for k in kinds:
    kind, _, arg = k.partition("=")
    if kind == "thread":
        ok = arg in names.values()
    elif kind == "slice":
        ok = any(e["name"] == arg for e in slices)
    elif kind == "slice-on":
        name, _, track = arg.partition("@")
        ok = any(e["name"] == name and names.get(e["tid"]) == track for e in slices)
    elif kind == "instant":
        ok = any(e.get("ph") == "i" and e["name"] == arg for e in events)
    elif kind == "console":
        ok = any(e.get("ph") == "i" and e.get("cat") == "console" and arg in e["args"]["line"] for e in events)
    else:
        ok = False
    report(ok, k)
sys.exit(1 if failures else 0)
