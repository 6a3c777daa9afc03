# SPDX-License-Identifier: Apache-2.0
# check-lib.sh - the check helpers of the end-to-end hypervisor scripts
# (hvtest.sh, partition.sh), sourced after SIM and OUT are set. Every check
# prints "ok <name>" or "FAIL <name>: why" and counts failures.
failures=0

ok()   { echo "ok   $1"; }
fail() { echo "FAIL $1: $2"; failures=$((failures + 1)); }

# run NAME CYCLES ARGS... : console (UART4) output in $OUT/NAME.uart, LED
# changes and simulator messages in $OUT/NAME.log
run() {
	local name=$1 cycles=$2
	shift 2
	rm -f "$OUT/$name.uart"
	"$SIM" --strict --fast --quiet --leds --cycles "$cycles" --uart "4=file:$OUT/$name.uart" "$@" \
		> "$OUT/$name.log" 2>&1
	local rc=$?
	# 3 = cycle limit reached: the normal end of these runs
	if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
		fail "$name-run" "vzlet-sim exited with $rc (see $OUT/$name.log)"
	fi
}

expect() {   # expect NAME LOG REGEX : some line matches
	if grep -Eq -- "$3" "$2"; then ok "$1"; else fail "$1" "no line matches /$3/ in $2"; fi
}

reject() {   # reject NAME LOG REGEX : no line matches
	if grep -Eq -- "$3" "$2"; then
		fail "$1" "unexpected line /$3/: $(grep -Em1 -- "$3" "$2")"
	else
		ok "$1"
	fi
}
