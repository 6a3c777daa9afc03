#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# threads-test.sh SIM IMAGE - hypervisor threads (tests/hv/systems/threads.dts):
# the `beat` thread (200 ms, 1 KB stack) and the `slow` one (500 ms, 512
# bytes) print their heartbeat lines on time, each reports the use of its
# own stack, and the two demo guests beside them keep their schedule.
set -u
sim=$1 image=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
ok()   { echo "ok   threads: $1"; }
fail() { echo "FAIL threads: $1"; failures=$((failures + 1)); }

"$sim" --strict --fast --quiet --leds --cycles 700M --uart "4=file:$tmp/uart" "$image" >"$tmp/log" 2>&1
rc=$?
{ [ $rc -eq 0 ] || [ $rc -eq 3 ]; } || fail "vzlet-sim exited with $rc: $(head -3 "$tmp/log")"

# period NAME MS STACK: NAME's lines come every MS ms of simulated time, at
# least 5 of them, with both VMs' states and a stack use below STACK bytes.
period() {
	local r
	r=$(awk -v n="$1:" -v p="$2" -v size="$3" '
		$1 == "[hv]" && $2 == n {
			t = $3 + 0; k++
			if (k > 1 && (t - last < p / 1000 - 0.0015 || t - last > p / 1000 + 0.0015)) bad = bad " " t - last
			last = t
			if ($0 !~ /; vm1 poll [a-z]+, vm2 irq [a-z]+; stack [0-9]+\/[0-9]+$/) form = $0
			split($NF, s, "/"); if (s[2] != size || s[1] <= 0 || s[1] >= size) stack = $NF
		}
		END {
			if (k < 5) print "only " k " lines"
			else if (bad != "") print "intervals" bad
			else if (form != "") print "line: " form
			else if (stack != "") print "stack " stack
			else print "ok"
		}' "$tmp/uart")
	[ "$r" = ok ] && ok "$1 every $2 ms, stack within its $3 bytes" || fail "$1: $r"
}
period beat 200 1024
period slow 500 512

# The guests beside them: VM 2's LD2 every 300 ms, VM 1's symbol each second.
r=$(awk '$1 == "[led]" && $2 == "LD2" && $3 == "on" { t = $5 + 0; if (n++) { d = t - last
	if (d < 297 || d > 303) bad = bad " " d }; last = t }
	END { print (n >= 3 && bad == "") ? "ok" : n " events" bad }' "$tmp/log")
[ "$r" = ok ] && ok "vm2's LD2 every 300 ms beside the threads" || fail "LD2: $r"
[ "$(grep -c '^\[1\] \.' "$tmp/uart")" -ge 2 ] && ok "vm1 prints each second" || fail "vm1's symbols missing"

[ $failures -eq 0 ] || { echo "--- console"; cat "$tmp/uart"; }
exit $((failures > 0))
