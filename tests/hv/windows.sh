#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# windows.sh - time partitioning (docs/time-partitioning.md) on the
# simulator: tests/hv/systems/win.dts measured from outside in simulated
# time (tests/hv/windows-check.py on a --trace-events file) and from inside
# (tests/hv/guests/win.c). Usage: windows.sh VZLET_SIM HV_BUILD_DIR
set -u
SIM=$1 DIR=$2
OUT=$DIR/out
mkdir -p "$OUT"
. "$(dirname "$0")/check-lib.sh"
CHECK="$(dirname "$0")/windows-check.py"

# Five 10 ms frames: each VM only in its windows, window starts at most
# 6 us late, VM 3 (never started) leaves its window idle, VM 2's core-timer
# interrupt held from the middle of other windows to the start of its own.
run win 12M "$DIR/win/image.srec" --trace-events "$OUT/win.json"
U=$OUT/win.uart
if python3 "$CHECK" "$OUT/win.json" "$DIR/win/vm_tables.c" "$U" --jitter-max 600 --idle 3 \
	>"$OUT/win-check.txt"; then :; fi
cat "$OUT/win-check.txt"
failures=$((failures + $(grep -c '^FAIL' "$OUT/win-check.txt")))
grep -q '^ok   win-enforced' "$OUT/win-check.txt" || fail win-check-ran "see $OUT/win-check.txt"
line=$(grep -E '^\[2\] win: held irq 1: due [0-9]+ ticks before the window, taken -?[0-9]+ ticks after its start$' "$U")
due=$(echo "$line" | sed -n 's/.*due \([0-9]*\) ticks.*/\1/p')
taken=$(echo "$line" | sed -n 's/.*taken \(-\{0,1\}[0-9]*\) ticks.*/\1/p')
if [ -z "$due" ]; then
	fail win-held-irq "no held-interrupt line in $U"
elif [ "$due" -gt 100000 ] && [ "$taken" -ge -1000 ] && [ "$taken" -le 1000 ]; then
	ok "win-held-irq (due $due ticks before its window, taken $taken ticks after its start)"
else
	fail win-held-irq "$line"
fi
reject win-no-overrun "$U" 'health: window overrun'

# 'o' to VM 2: it faults 10 us before its window ends; its cold restart
# (RAM cleared in the hypervisor) passes the boundary: a window overrun.
run win-overrun 30M "$DIR/win/image.srec" --input-at '6M:\x052o'
U=$OUT/win-overrun.uart
expect win-overrun-fault "$U" '^\[hv\] vm2 \(two\) health: fault -> cold restart$'
expect win-overrun-event "$U" '^\[hv\] vm2 \(two\) health: window overrun -> log$'
n=$(grep -c '^\[2\] win: vm2 runs$' "$U")
[ "$n" -eq 2 ] && ok win-overrun-restarted || fail win-overrun-restarted "vm2 booted $n times, expected 2"

[ "$failures" -eq 0 ] || exit 1
echo "ok window tests"
