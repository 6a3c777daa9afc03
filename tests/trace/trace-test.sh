#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# trace-test.sh SIM DEMO_IMAGE BENCH_IMAGE - vzlet-sim --trace-events on the
# two-guest demo (250 ms: VM slices, exits, idle, interrupts raised,
# injected, taken and acknowledged, console lines, LEDs) and on the
# hypervisor benchmark system (hypercalls); the slices cover the simulated
# time exactly; vzlet-timeline draws a window as SVG.
set -u
sim=$1 demo=$2 bench=$3
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL trace: $1"; failures=$((failures + 1)); }
ok() { echo "ok trace: $1"; }

"$sim" --strict --cycles 50000000 --trace-events "$tmp/demo.json" "$demo" >"$tmp/demo.out" 2>&1 ||
	fail "demo run: status $?"
python3 "$here/check_trace.py" "$tmp/demo.json" \
	thread=hv "thread=vm1 poll" "thread=vm2 irq" \
	"slice-on=run@vm1 poll" "slice-on=run@vm2 irq" slice-on=idle@hv \
	"slice-on=exit interrupt@hv" "slice-on=exit GPSI@hv" \
	"instant=irq 9 raised" "instant=irq 9 acknowledged" \
	"instant=irq level 3 injected" "instant=irq level 3 taken" \
	"console=vzlet hypervisor: 2 VMs" "console=[2] irq: LD2-LD4 move" \
	"instant=LD2 on" "instant=LD2 off" || failures=$((failures + 1))

"$sim" --strict --cycles 20000000 --trace-events "$tmp/bench.json" "$bench" >"$tmp/bench.out" 2>&1 ||
	fail "bench run: status $?"
python3 "$here/check_trace.py" "$tmp/bench.json" "slice=exit hypercall" "slice=run" ||
	failures=$((failures + 1))

# Without --trace-events the run prints the same console text.
"$sim" --strict --cycles 50000000 "$demo" >"$tmp/plain.out" 2>&1
cmp -s "$tmp/plain.out" "$tmp/demo.out" && ok "tracing changes nothing in the run's output" ||
	fail "output differs with --trace-events"

"$sim" --strict --cycles 1000 --trace-events /nonexistent/dir/x.json "$demo" >/dev/null 2>"$tmp/err"; rc=$?
[ "$rc" -eq 2 ] && grep -q 'trace-events /nonexistent/dir/x.json' "$tmp/err" &&
	ok "unwritable trace file: status 2 with a message" || fail "unwritable trace file: status $rc"

if scripts/vzlet-timeline "$tmp/demo.json" --from 0 --to 20 -o "$tmp/t.svg" &&
	python3 - "$tmp/t.svg" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = "{http://www.w3.org/2000/svg}"
texts = [t.text for t in root.iter(ns + "text")]
bars = [r for r in root.iter(ns + "rect") if r.find(ns + "title") is not None]
sys.exit(0 if {"hv", "vm1 poll", "vm2 irq"} <= set(texts) and len(bars) > 100 else 1)
PY
then ok "vzlet-timeline: an SVG with a row per track and the slices of 0-20 ms"
else fail "vzlet-timeline"; fi
scripts/vzlet-timeline "$tmp/demo.json" --from 5 --to 1 -o "$tmp/x.svg" 2>/dev/null && fail "timeline: bad window accepted" ||
	ok "timeline: a window that ends before it starts is refused"

[ "$failures" -eq 0 ] || { echo "test-trace: $failures failure(s)"; exit 1; }
