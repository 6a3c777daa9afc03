#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# debug-test.sh SIM DEMO_IMAGE IRQ_ELF - the console's debug mode
# (docs/console.md): d, e, i, t typed on the demo's console through the
# simulator's scripted input, the answers checked against the guests: VM 2's
# WAIT exits at its `wait` instructions, its device accesses, its Timer2
# (vector 9) every 100 ms, VM 1's 500 ms sleeps; the rings hold 8 entries;
# nothing is recorded while recording is off.
set -u
sim=$1 image=$2 irq_elf=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
ok()   { echo "ok   console-debug: $1"; }
fail() { echo "FAIL console-debug: $1"; failures=$((failures + 1)); }

E='\x05'
"$sim" --strict --fast --quiet --cycles 420M --uart "4=file:$tmp/uart" \
	--input-at "20M:${E}0e" --input-at 30M:d --input-at 200M:2e --input-at 230M:i \
	--input-at 260M:t --input-at 280M:1t --input-at 300M:d --input-at 310M:2e \
	--input-at 400M:e "$image" >"$tmp/log" 2>&1
rc=$?
{ [ $rc -eq 0 ] || [ $rc -eq 3 ]; } || fail "vzlet-sim exited with $rc: $(head -3 "$tmp/log")"
# The hypervisor's reply lines only, without the tag; guest lines dropped.
sed -n 's/^\[hv\] //p' "$tmp/uart" >"$tmp/hv"

# section HEADER-REGEX: the entry lines after the header that matches it
section() { awk -v h="$1" 'on && /^  [0-9]/ { print; next } { on = 0 } $0 ~ h { on = 1 }' "$tmp/hv"; }
expect() { if grep -Eq -- "$2" "$tmp/$3"; then ok "$1"; else fail "$1 (no /$2/ in $3)"; fi; }

expect "off at boot: nothing recorded" '^vm1 poll: last 0 of 0 exits \(recording off: d\)$' hv
expect "d turns recording on" '^debug recording on$' hv
expect "d turns it off again" '^debug recording off$' hv

# e: VM 2's last 8 exits; its WAITs are GPSI exits at a `wait` of irq.elf.
section '^vm2 irq: last 8 of [0-9]+ exits$' | head -8 >"$tmp/e"
[ "$(wc -l <"$tmp/e")" -eq 8 ] && ok "e: 8 entries (the ring's size)" || fail "e: $(wc -l <"$tmp/e") entries"
n=$(sed -n 's/^vm2 irq: last 8 of \([0-9]*\) exits$/\1/p' "$tmp/hv" | head -1)
[ "${n:-0}" -gt 8 ] && ok "e: more exits counted ($n) than held" || fail "e: count ${n:-none}"
waits=$(mipsel-linux-gnu-objdump -d "$irq_elf" | awk '$3 == "wait" { sub(":", "", $1); print $1 }')
wpc=$(sed -n 's/.* GE GPSI pc=\([0-9a-f]*\) insn=42000020$/\1/p' "$tmp/e" | head -1)
if [ -n "$wpc" ] && echo "$waits" | grep -qx "$wpc"; then ok "e: a WAIT exit at irq.elf's wait ($wpc)"
else fail "e: no GPSI exit at a wait of irq.elf (wait at: $waits; got '${wpc}')"; fi
expect "e: device accesses with their guest physical address" '^  [0-9.]+ TLB[LS] pc=9d[0-9a-f]{6} gpa=1f8[0-9a-f]{5}$' e
if awk '{ if (NR > 1 && $1 + 0 < last) bad = 1; last = $1 + 0 } END { exit bad }' "$tmp/e"
then ok "e: oldest first"; else fail "e: times not in order"; fi

# i: Timer2 (vector 9) is VM 2's own device, raised every 100 ms.
section '^vm2 irq: last 8 of [0-9]+ interrupts$' >"$tmp/i"
r=$(awk '$2 == "raised" && $3 == 9 && $4 == "(its" { t = $1 + 0
	if (n++) { d = t - last; if (d < 0.0999 || d > 0.1001) bad = bad " " d }; last = t }
	END { print (n >= 3 && bad == "") ? "ok" : n " raises, intervals" bad }' "$tmp/i")
[ "$r" = ok ] && ok "i: vector 9 raised every 100 ms" || fail "i: $r"

# t: VM 2 sleeps in WAIT between its interrupts; VM 1's timer, Compare
# 500 ms (50,000,000 ticks) ahead, WAIT.
section '^vm2 irq: last 8 of [0-9]+ time events$' >"$tmp/t2"
expect "t: vm2 waits and is woken" '^  [0-9.]+ WAIT: leaves the CPU$' t2
expect "t: vm2 woken" '^  [0-9.]+ woken$' t2
section '^vm1 poll: last [0-9]+ of [0-9]+ time events$' >"$tmp/t1"
expect "t: vm1's timer fired" '^  [0-9.]+ timer due at [0-9a-f]{8} fired, [0-9]+ ticks late$' t1
d=$(sed -n 's/.*Compare=[0-9a-f]*, due in \([0-9]*\) ticks$/\1/p' "$tmp/t1" | head -1)
[ "${d:-0}" -gt 49900000 ] && [ "${d:-0}" -le 50000000 ] && ok "t: vm1 sleeps 500 ms ($d ticks)" ||
	fail "t: vm1's Compare due in '${d:-none}' ticks, not 500 ms"

# Off: VM 2's exit count does not move between 310M and 400M.
c=$(sed -n 's/^vm2 irq: last 8 of \([0-9]*\) exits (recording off: d)$/\1/p' "$tmp/hv")
if [ "$(echo "$c" | wc -l)" -eq 2 ] && [ "$(echo "$c" | sort -u | wc -l)" -eq 1 ] && [ "$(echo "$c" | head -1)" -ge "$n" ]
then ok "off: nothing recorded ($(echo "$c" | head -1) exits both times)"
else fail "off: counts '$(echo $c)'"; fi

[ $failures -eq 0 ] || { echo "--- console"; cat "$tmp/uart"; }
exit $((failures > 0))
