#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# partition-demo.sh - the partitioning demo (systems/wifire-partition.dts,
# README) scripted: the untrusted VM is crashed, then hung, from its
# console; the health monitor restarts it each time and the channels carry
# on, while the critical VM keeps its windows and LD1 toggles every 50 ms
# within 1 %. Usage: partition-demo.sh VZLET_SIM IMAGE VM_TABLES OUTDIR
set -u
SIM=$1 IMAGE=$2 TABLES=$3 OUT=$4
mkdir -p "$OUT"
. "$(dirname "$0")/check-lib.sh"

run demo 300M "$IMAGE" --trace-events "$OUT/demo.json" \
	--input-at '60M:\x052c' --input-at '140M:\x052h'
U=$OUT/demo.uart L=$OUT/demo.log
expect demo-crash "$U" '^\[2\] untrusted: crashing$'
expect demo-crash-restart "$U" '^\[hv\] vm2 \(untrusted\) health: fault -> cold restart$'
expect demo-hang "$U" '^\[2\] untrusted: hanging$'
expect demo-hang-restart "$U" '^\[hv\] vm2 \(untrusted\) health: guest stopped -> cold restart$'
n=$(grep -c '^\[2\] untrusted: up' "$U")
[ "$n" -eq 3 ] && ok demo-untrusted-booted-3-times || fail demo-untrusted-booted-3-times "$n boots"
n=$(grep -c '^\[2\] untrusted: answering command' "$U")
[ "$n" -eq 3 ] && ok demo-channels-after-restarts || fail demo-channels-after-restarts "$n first answers, expected 3"
# Reports reach the critical VM after the last restart.
expect demo-reports "$U" '^\[1\] critical: period 20, [1-9][0-9]* reports'
n=$(grep -c '^\[1\] critical: LD1 toggles' "$U")
[ "$n" -eq 1 ] && ok demo-critical-untouched || fail demo-critical-untouched "critical booted $n times"
# LD1: every interval 50 ms within 1 %, across both restarts.
awk '/^\[led\] LD1 (on|off) @/ { t = $5 + 0; if (n++) { d = t - p; if (d < min || n == 2) min = d;
	if (d > max) max = d } p = t }
	END { printf "%d %.6f %.6f\n", n, min, max }' "$L" >"$OUT/demo-led.txt"
read -r toggles min max <"$OUT/demo-led.txt"
if [ "$toggles" -ge 25 ] && awk -v a="$min" -v b="$max" 'BEGIN { exit !(a >= 49.5 && b <= 50.5) }'; then
	ok "demo-led-period ($toggles toggles, every $min..$max ms)"
else
	fail demo-led-period "$toggles toggles, intervals $min..$max ms (50 ms +- 1 %)"
fi
# Each VM only in its windows, whatever the untrusted one did. (No jitter
# check: both VMs sleep in WAIT, so a window's VM often starts later.)
if python3 "$(dirname "$0")/windows-check.py" "$OUT/demo.json" "$TABLES" "$U" \
	>"$OUT/demo-check.txt"; then :; fi
cat "$OUT/demo-check.txt"
failures=$((failures + $(grep -c '^FAIL' "$OUT/demo-check.txt")))
grep -q '^ok   win-enforced' "$OUT/demo-check.txt" || fail demo-windows "see $OUT/demo-check.txt"

[ "$failures" -eq 0 ] || exit 1
echo "ok partition demo"
