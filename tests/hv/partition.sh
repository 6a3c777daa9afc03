#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# partition.sh - end-to-end checks of inter-VM channels (docs/channels.md)
# on the simulator. Usage: partition.sh VZLET_SIM HV_BUILD_DIR
# Every check prints "ok <name>" or "FAIL <name>: why"; exit 1 if any failed.
set -u
SIM=$1 DIR=$2
OUT=$DIR/out
mkdir -p "$OUT"
failures=0

ok()   { echo "ok   $1"; }
fail() { echo "FAIL $1: $2"; failures=$((failures + 1)); }

# run NAME CYCLES IMAGE ARGS... : console output in $OUT/NAME.uart
run() {
	local name=$1 cycles=$2
	shift 2
	rm -f "$OUT/$name.uart"
	"$SIM" --strict --fast --quiet --leds --cycles "$cycles" --uart "4=file:$OUT/$name.uart" "$@" \
		> "$OUT/$name.log" 2>&1
	local rc=$?
	if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
		fail "$name-run" "vzlet-sim exited with $rc (see $OUT/$name.log)"
	fi
}

expect() {   # expect NAME FILE REGEX : some line matches
	if grep -Eq -- "$3" "$2"; then ok "$1"; else fail "$1" "no line matches /$3/ in $2"; fi
}

reject() {   # reject NAME FILE REGEX : no line matches
	if grep -Eq -- "$3" "$2"; then
		fail "$1" "unexpected line /$3/: $(grep -Em1 -- "$3" "$2")"
	else
		ok "$1"
	fi
}

# ---- Channels: sampling, queuing, shared memory, doorbells, pointer checks ----
run chan 60M "$DIR/chan/image.srec"
U=$OUT/chan.uart
total=$(grep -c '^\[1\] chan: [a-z-]* ok$' "$U")
expect chan-all "$U" "^\\[1\\] chan: $total/$total ok\$"
[ "$total" -ge 29 ] && ok chan-count || fail chan-count "only $total checks ran"
reject chan-fail "$U" 'chan: .*FAIL|stopped'

[ "$failures" -eq 0 ] || exit 1
echo "ok partition tests"
