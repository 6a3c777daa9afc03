#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# partition.sh - end-to-end checks of inter-VM channels (docs/channels.md)
# and the health monitor (docs/health-monitor.md) on the simulator. Usage: partition.sh VZLET_SIM HV_BUILD_DIR
# Every check prints "ok <name>" or "FAIL <name>: why"; exit 1 if any failed.
set -u
SIM=$1 DIR=$2
OUT=$DIR/out
mkdir -p "$OUT"
. "$(dirname "$0")/check-lib.sh"

# ---- Channels: sampling, queuing, shared memory, doorbells, pointer checks ----
run chan 60M "$DIR/chan/image.srec"
U=$OUT/chan.uart
total=$(grep -c '^\[1\] chan: [a-z-]* ok$' "$U")
expect chan-all "$U" "^\\[1\\] chan: $total/$total ok\$"
[ "$total" -ge 29 ] && ok chan-count || fail chan-count "only $total checks ran"
reject chan-fail "$U" 'chan: .*FAIL|stopped'
# No /health-monitor: the misuse above is counted, not reported.
reject chan-no-health-lines "$U" 'health:'

# ---- Health monitor: each event and each action (tests/hv/systems/hm.dts) ----
# Keys go to one VM at a time (Ctrl-E n); vm4's Timer3 first runs at a
# normal rate (no storm), then storms; `l` lists the VMs with their
# counters twice; the last fault resets the chip.
run hm 260M "$DIR/hm/image.srec" \
	--input-at '20M:\x051' --input-at 25M:m --input-at 40M:h \
	--input-at '50M:\x052' --input-at 55M:m \
	--input-at '70M:\x053' --input-at 75M:f \
	--input-at '90M:\x054' --input-at 95M:n --input-at 115M:c --input-at 120M:s \
	--input-at '130M:\x050' --input-at 132M:l \
	--input-at '140M:\x053' --input-at 145M:h \
	--input-at '170M:\x050' --input-at 175M:l \
	--input-at '190M:\x052' --input-at 195M:f
U=$OUT/hm.uart
# Everything before the chip reset (the second banner).
awk '/^\[hv\] vzlet hypervisor:/ { n++ } n == 1' "$U" >"$OUT/hm-before-reset.uart"
B=$OUT/hm-before-reset.uart
expect hm-misuse-log "$B" '^\[hv\] vm1 \(logger\) health: hypercall misuse -> log$'
expect hm-misuse-log-goes-on "$B" '^\[1\] hm: misuse survived \(-3\)$'
expect hm-stopped-log "$B" '^\[hv\] vm1 \(logger\) health: guest stopped -> log$'
expect hm-warm-restart "$B" '^\[hv\] vm2 \(warm\) health: hypercall misuse -> warm restart$'
expect hm-warm-keeps-ram "$B" '^\[2\] hm: boot 2$'
expect hm-fault-cold-restart "$B" '^\[hv\] vm3 \(cold\) health: fault -> cold restart$'
n=$(grep -c '^\[3\] hm: boot 1$' "$B")
[ "$n" -eq 3 ] && ok hm-cold-clears-ram || fail hm-cold-clears-ram "vm3 booted $n times with a cleared counter, expected 3 (start, fault, restart set)"
reject hm-cold-not-warm "$B" '^\[3\] hm: boot 2$'
expect hm-normal-rate "$B" '^\[4\] hm: timer3 runs$'
expect hm-storm-stop "$B" '^\[hv\] vm4 \(storm\) health: interrupt storm -> stop$'
expect hm-storm-stopped "$B" '^\[hv\] vm4 storm: stopped '
expect hm-stopped-restart-vms "$B" '^\[hv\] vm3 \(cold\) health: guest stopped -> restart VMs$'
n=$(grep -c '^\[4\] hm: boot 1$' "$B")
[ "$n" -eq 2 ] && ok hm-restart-set-member || fail hm-restart-set-member "vm4 booted $n times, expected 2 (restarted with vm3)"
n=$(grep -c '^\[1\] hm: boot' "$B")
[ "$n" -eq 1 ] && ok hm-others-untouched || fail hm-others-untouched "vm1 booted $n times"
expect hm-status-counters "$B" '^\[hv\]   health: fault 0, watchdog 0, storm 0, overrun 0, misuse 1, stopped 1; last: guest stopped@[0-9]+ms hypercall misuse@[0-9]+ms$'
expect hm-status-storm "$B" '^\[hv\]   health: fault 0, watchdog 0, storm 1, overrun 0, misuse 0, stopped 0; last: interrupt storm@[0-9]+ms$'
expect hm-fault-reset-chip "$B" '^\[hv\] vm2 \(warm\) health: fault -> reset chip$'
n=$(grep -c '^\[hv\] vzlet hypervisor:' "$U")
[ "$n" -eq 2 ] && ok hm-chip-reset-reboots || fail hm-chip-reset-reboots "$n banners, expected 2"
reject hm-guest-fail "$U" 'hm: FAIL'

# ---- Each VM's watchdog (tests/hv/systems/wdt.dts, tests/hv/guests/wdt.c) ----
run wdt 50M "$DIR/wdt/image.srec"
W=$OUT/wdt.uart
n=$(grep -c '^\[hv\] vm2 (hung) health: watchdog -> warm restart$' "$W")
[ "$n" -eq 2 ] && ok wdt-expiry-and-wrong-clears || fail wdt-expiry-and-wrong-clears "vm2 had $n watchdog restarts, expected 2 (stopped clearing; only wrong clears)"
expect wdt-restart-order "$W" '^\[2\] wdt: boot 3$'
expect wdt-right-clears "$W" '^\[2\] wdt: hung done$'
expect wdt-window-in "$W" '^\[3\] wdt: window clears ok$'
n=$(grep -c '^\[hv\] vm3 (window) health: watchdog -> log$' "$W")
[ "$n" -eq 1 ] && ok wdt-window-early-clear || fail wdt-window-early-clear "vm3 had $n watchdog events, expected 1 (its one early clear)"
expect wdt-window-goes-on "$W" '^\[3\] wdt: window done$'
expect wdt-fwdten-window "$W" '^\[4\] wdt: always in window$'
expect wdt-fwdten-early-stop "$W" '^\[hv\] vm4 \(always\) health: watchdog -> stop$'
# The VM that clears on time: never an event, its 4 ms watchdog fed every
# millisecond while the others expire and restart.
reject wdt-fed-no-event "$W" 'vm1 \(fed\) health'
expect wdt-fed-runs "$W" '^\[1\] wdt: fed 200, longest gap [0-9]+ us$'
gap=$(sed -n 's/^\[1\] wdt: fed 200, longest gap \([0-9]*\) us$/\1/p' "$W")
[ -n "$gap" ] && [ "$gap" -lt 2000 ] && ok wdt-fed-schedule || fail wdt-fed-schedule "vm1's longest gap between clears: ${gap:-?} us (sleeps of 1 ms)"
reject wdt-fail "$W" 'wdt: FAIL|stopped:'

[ "$failures" -eq 0 ] || exit 1
echo "ok partition tests"
