#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# test-guest-lib.sh SIM BOOT LIBCHECK - run libcheck.elf bare on the simulator
# with scripted console input and button presses; check its report.
set -u
sim=$1 boot=$2 elf=$3
out=$(mktemp)
trap 'rm -f "$out"' EXIT
failures=0
check() {
	desc=$1
	shift
	if "$@"; then echo "ok guest-lib: $desc"; else echo "FAIL guest-lib: $desc"; failures=$((failures + 1)); fi
}

"$sim" --strict --quiet --leds --cycles 200M --input-at 20M:hello --pin-at 50M:RA4=1 --pin-at 52M:RA4=0 \
	--until 'BadVAddr' "$boot" "$elf" >"$out" 2>&1
rc=$?
check "runs to the final exception report (status $rc)" [ "$rc" -eq 0 ]
check "cprintf formats" grep -Fq 'fmt [-42] [   42] [42   |] [-0042] [beef] [0000BEEF] [4000000000] [z] [str] [ab  |] [0x00001234] [%] [0]' "$out"
for step in 2 3 4 5 6 7 8 9 10; do
	check "step $step" grep -q "^ok $step " "$out"
done
check "no failed step" sh -c "! grep -q '^FAIL' '$out'"
check "summary" grep -q '^libcheck: all passed' "$out"
check "LD1, LD2 lit; LD4 on and off again" sh -c "grep -q '^\[led\] LD1 on' '$out' && grep -q '^\[led\] LD2 on' '$out' && grep -q '^\[led\] LD4 off' '$out'"
check "default exception report names Bp and EPC" grep -Eq '^guest: exception 9 \(Bp\) at EPC 0x9d00[0-9a-f]{4}, BadVAddr' "$out"

if [ "$failures" -ne 0 ]; then
	echo "--- simulator output ---"
	cat "$out"
	echo "test-guest-lib: $failures failure(s)"
	exit 1
fi
