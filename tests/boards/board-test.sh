#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# board-test.sh SIM BOARD CONSOLE_UART IMAGE - a board's demo system
# (systems/BOARD-demo.dts, docs/boards.md) on vzlet-sim --board BOARD: the
# hypervisor's banner and both guests' on the board's console UART, LED1
# toggling every 500 ms and LED2 every 100 ms on the board's LED pins, a key
# typed for VM 2 on that console changing its symbol; the same image on the
# Wi-Fire board model lights none of its LEDs (other pins).
set -u
sim=$1 board=$2 uart=$3 image=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
ok()   { echo "ok   board $board: $1"; }
fail() { echo "FAIL board $board: $1"; failures=$((failures + 1)); }

"$sim" --strict --fast --quiet --leds --board "$board" --cycles 700M --uart "$uart=file:$tmp/uart" \
	--input-at '300M:\x052Q' "$image" >"$tmp/log" 2>&1
rc=$?
{ [ $rc -eq 0 ] || [ $rc -eq 3 ]; } || fail "vzlet-sim exited with $rc: $(head -3 "$tmp/log")"
expect() { grep -Eq -- "$2" "$tmp/uart" && ok "$1" || fail "$1 (no /$2/ on UART$uart)"; }
expect "hypervisor banner, console UART$uart" "^\[hv\] vzlet hypervisor: 2 VMs, console UART$uart,"
expect "vm1's banner" "^\[1\] slow: LED1 every 500 ms on $board;"
expect "vm2's banner" "^\[2\] fast: LED2 every 100 ms on $board;"
expect "a key for vm2 changes its symbol" '^\[2\] \**Q+$'

# cadence LED MS: its on/off events every MS ms (+-1 %), at least 4
cadence() {
	local r
	r=$(awk -v led="$1" -v p="$2" '$1 == "[led]" && $2 == led { t = $5 + 0
		if (n++) { d = t - last; if (d < p * 0.99 || d > p * 1.01) bad = bad " " d }; last = t }
		END { print (n >= 4 && bad == "") ? "ok" : n " events" bad }' "$tmp/log")
	[ "$r" = ok ] && ok "$1 toggles every $2 ms" || fail "$1: $r"
}
cadence LED1 500
cadence LED2 100

"$sim" --strict --fast --quiet --leds --cycles 300M --uart "$uart=none" --uart 4=none "$image" >"$tmp/wifire" 2>&1
grep -q '^\[led\]' "$tmp/wifire" && fail "LEDs lit on the Wi-Fire model: $(grep -m1 '^\[led\]' "$tmp/wifire")" ||
	ok "no Wi-Fire LED lights (the board model decides the pins)"

[ $failures -eq 0 ] || { echo "--- console"; head -20 "$tmp/uart"; echo "--- log"; head -10 "$tmp/log"; }
exit $((failures > 0))
