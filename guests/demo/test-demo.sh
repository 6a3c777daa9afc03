#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# test-demo.sh SIM BOOT DEMO - run the bare-metal demo on the simulator and
# check its console text, its LED pattern and its echo of console input.
set -u
sim=$1 boot=$2 demo=$3
out=$(mktemp)
trap 'rm -f "$out"' EXIT
failures=0

check() { # check DESCRIPTION COMMAND...
	desc=$1
	shift
	if "$@"; then
		echo "ok demo: $desc"
	else
		echo "FAIL demo: $desc"
		failures=$((failures + 1))
	fi
}

# Up to 2 simulated seconds: three LD1 steps and fifteen timer ticks;
# the typed 'z' arrives at 0.7 s and is echoed on the next step (1.0 s).
"$sim" --strict --quiet --leds --cycles 400M --input-at 140M:z --until 'tick 3: ' \
	--fail-on 'guest: ' "$boot" "$demo" >"$out" 2>&1
rc=$?
check "stops at 'tick 3' with status 0 (got $rc)" [ "$rc" -eq 0 ]
check "banner" grep -q '^vzlet demo: bare-metal PIC32MZ EF' "$out"
check "tick 1 after five timer interrupts" grep -q '^tick 1: 5 timer interrupts' "$out"
check "LD1 on at 0.51 s" grep -Eq '^\[led\] LD1 on @ 51[0-9]\.[0-9]{6} ms$' "$out"
check "LD1 off at 1.01 s" grep -Eq '^\[led\] LD1 off @ 101[0-9]\.[0-9]{6} ms$' "$out"
for led in LD2 LD3 LD4; do
	check "$led goes on and off" sh -c "grep -q '^\[led\] $led on @' '$out' && grep -q '^\[led\] $led off @' '$out'"
done
# Timer1 walks the light: LD3, LD4, LD2, ... one step per 100 ms.
order=$(grep -E '^\[led\] LD[234] on @' "$out" | head -4 | cut -d' ' -f2 | tr '\n' ' ')
check "LD2-LD4 walk in order (got: $order)" [ "$order" = "LD3 LD4 LD2 LD3 " ]
check "echo of typed input" grep -q "^you typed 'z' (0x7a)" "$out"

# The console keeps running without input: a cycle limit with --until unmatched is status 3.
"$sim" --strict --quiet --cycles 50M --until 'never printed' "$boot" "$demo" >/dev/null 2>&1
rc=$?
check "cycle limit before --until gives status 3 (got $rc)" [ "$rc" -eq 3 ]

if [ "$failures" -ne 0 ]; then
	echo "--- simulator output ---"
	cat "$out"
	echo "test-demo: $failures failure(s)"
	exit 1
fi
