#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# soak.sh VZLET_SIM IMAGE CYCLES MIN_TRIALS OUTDIR - the random-instruction
# guest (tests/hv/guests/random.c, VM 3 of tests/hv/systems/random.dts) runs
# for CYCLES simulated cycles beside the two demo guests: it must execute at
# least MIN_TRIALS random instruction words, the hypervisor must never fault
# or stop it, the simulator's model checks must find nothing (--strict), and
# the victims must keep their schedule within 1 % and their output.
set -u
SIM=$1 IMAGE=$2 CYCLES=$3 MIN=$4 OUT=$5
HERE=$(dirname "$0")
mkdir -p "$OUT"
failures=0 tried=0 contained=0
fail() { echo "FAIL random $1: $2"; failures=$((failures + 1)); }
pass() { contained=$((contained + 1)); }

"$SIM" --strict --fast --quiet --leds --stats --cycles "$CYCLES" --uart "4=file:$OUT/random.uart" \
	"$IMAGE" > "$OUT/random.log" 2>&1
rc=$?
if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
	echo "FAIL random: vzlet-sim exited with $rc (see $OUT/random.log)"
	exit 1
fi
L=$OUT/random.txt
tr -d '\r\a' < "$OUT/random.uart" > "$L"
cycles=$(sed -n 's/^vzlet-sim: cycles *\([0-9]*\)$/\1/p' "$OUT/random.log")

tried=$((tried + 1))
if grep -Eq '^\[hv\] (panic|vm[0-9] \(.*\) stopped)|random: FAIL' "$L"; then
	fail hypervisor "$(grep -Em2 '^\[hv\] (panic|vm[0-9] \(.*\) stopped)|random: FAIL|^\[hv\]   epc' "$L" | tr '\n' ' ')"
else pass; fi
last=$(sed -n 's/^\[3\] random: \([0-9]*\) trials, \([0-9]*\) exceptions, seed \(.*\)$/\1 \2 \3/p' "$L" | tail -1)
set -- $last
trials=${1:-0} excs=${2:-0} seed=${3:-?}
tried=$((tried + 1))
if [ "$trials" -ge "$MIN" ]; then pass
else fail trials "only $trials random instructions (at least $MIN)"; fi
# shellcheck source=tests/attacks/lib.sh
. "$HERE/lib.sh"
victims "$OUT/random.log" "$L" $((${cycles:-0} / 200000))

if [ $failures -ne 0 ]; then
	echo "random: $failures check(s) failed (logs in $OUT)"
	exit 1
fi
echo "ok random: $trials random instructions (seed $seed, $excs of them raised the guest's own exceptions) in ${cycles} cycles, no hypervisor fault, victims on schedule ($contained checks)"
