#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# hvtest.sh - end-to-end checks of the hypervisor on the simulator.
# Usage: hvtest.sh VZLET_SIM HV_BUILD_DIR BOOT_ELF POLL_ELF IRQ_ELF DSLOT_ELF VEVIC_ELF UNITS_ELF
#                  DSLOT_MM_ELF MIXED_DEMO_IMAGE UNITS_MM_ELF
# (BOOT_ELF: the boot-flash stub, guests/lib/boot, for the bare runs)
# Every check prints "ok <name>" or "FAIL <name>: why"; exit 1 if any failed.
set -u
SIM=$1 DIR=$2 BOOT=$3 POLL=$4 IRQ=$5 DSLOT=$6 VEVIC=$7 UNITS=$8 DSLOT_MM=$9 MIXED_DEMO=${10} UNITS_MM=${11}
OUT=$DIR/out
mkdir -p "$OUT"
. "$(dirname "$0")/check-lib.sh"

# cadence NAME LOG LED STATE PERIOD_MS [FROM_MS [TO_MS]] : the LED's events
# with STATE ("on", "off" or "" for both) between FROM_MS and TO_MS come every
# PERIOD_MS (+-1%), at least 3 of them.
cadence() {
	local name=$1 log=$2 led=$3 state=$4 period=$5 from=${6:-0} to=${7:-1e12}
	local r
	r=$(awk -v led="$led" -v st="$state" -v p="$period" -v from="$from" -v to="$to" '
		$1 == "[led]" && $2 == led && (st == "" || $3 == st) && $5 + 0 >= from && $5 + 0 <= to {
			t = $5 + 0
			if (n > 0) {
				d = t - last
				if (d < p * 0.99 || d > p * 1.01) { bad = bad sprintf(" %.3f", d) }
			}
			last = t; n++
		}
		END {
			if (n < 3) print "only " n " events"
			else if (bad != "") print "intervals off:" bad
			else print "ok"
		}' "$log")
	if [ "$r" = ok ]; then ok "$name"; else fail "$name" "$led $state every $period ms: $r"; fi
}

# ---- 1. The guests run bare ------------------------------------------------
run bare-poll 700M "$BOOT" "$POLL" --input-at 250M:x
expect bare-poll-banner "$OUT/bare-poll.uart" '^poll: LD1 blinks'
cadence bare-poll-ld1 "$OUT/bare-poll.log" LD1 "" 500
expect bare-poll-input "$OUT/bare-poll.uart" 'x'

run bare-irq 400M "$BOOT" "$IRQ" --input-at 150M:Q
expect bare-irq-banner "$OUT/bare-irq.uart" '^irq: LD2-LD4'
cadence bare-irq-ld2 "$OUT/bare-irq.log" LD2 on 300
expect bare-irq-input "$OUT/bare-irq.uart" 'Q'

run bare-dslot 100M "$BOOT" "$DSLOT"
# dslot runs 3 more checks when built as microMIPS (make GUEST_ISA=micromips)
if mipsel-linux-gnu-readelf -h "$DSLOT" | grep -Eq 'Entry point address: +0x[0-9a-f]*[13579bdf]$'
then DS_BARE=19 DS_HV=29; else DS_BARE=16 DS_HV=26; fi
expect bare-dslot "$OUT/bare-dslot.uart" "^dslot: $DS_BARE/$DS_BARE ok"

run bare-vevic 30M "$BOOT" "$VEVIC"
expect bare-vevic "$OUT/bare-vevic.uart" '^vevic: 28/28 ok'

run bare-units 200M "$BOOT" "$UNITS"
expect bare-units "$OUT/bare-units.uart" '^units: 72/72 ok'
# the same checks as microMIPS code (its FPU and DSP instructions in their
# microMIPS encodings)
run bare-units-mm 200M "$BOOT" "$UNITS_MM"
expect bare-units-mm "$OUT/bare-units-mm.uart" '^units: 72/72 ok'

# ---- 2. The same ELFs under the hypervisor -----------------------------------
# Input focus starts on VM 1; at 0.7 s "x" goes to it; at 1.2 s Ctrl-E 2
# moves the focus to VM 2, which gets "y".
TWO=$DIR/two/image.srec
# At 1.5 s the console stops VM 2 (Ctrl-E 0, "2s"), at 1.8 s continues it.
run two 700M "$TWO" --input-at 140M:x --input-at '240M:\x052' --input-at 260M:y \
	--input-at '300M:\x0502s' --input-at 360M:c
L=$OUT/two.uart; LEDS=$OUT/two.log
expect two-banner "$L" '^\[hv\] vzlet hypervisor: 2 VMs'
expect two-poll-started "$L" '^\[1\] poll: LD1 blinks'
expect two-irq-started "$L" '^\[2\] irq: LD2-LD4'
cadence two-poll-ld1 "$LEDS" LD1 "" 500
cadence two-irq-ld2 "$LEDS" LD2 on 300 0 1500
cadence two-irq-ld3 "$LEDS" LD3 on 300 0 1500
cadence two-irq-ld4 "$LEDS" LD4 on 300 0 1500
expect two-stop "$L" '^\[hv\] vm2 stopped'
expect two-continue "$L" '^\[hv\] vm2 continued'
if awk '$1 == "[led]" && $2 ~ /LD[234]/ && $5 > 1510 && $5 < 1790 { found = 1 } END { exit found }' "$LEDS"
then ok two-stopped-still; else fail two-stopped-still "VM 2's LEDs moved while it was stopped"; fi
cadence two-irq-ld2-continued "$LEDS" LD2 on 300 1850
cadence two-poll-ld1-throughout "$LEDS" LD1 "" 500
reject two-tagged "$L" '^([^[]|\[[^12h])'
expect two-poll-progress "$L" '^\[1\] [.x]+$'
expect two-irq-progress "$L" '^\[2\] [*y]*\*\*[*y]*$'
expect two-focus-vm1 "$L" '^\[1\] [^ ]*x[^ ]*$'
expect two-focus-vm2 "$L" '^\[2\] [^ ]*y[^ ]*$'
reject two-focus-only-vm1 "$L" '^\[2\] [^ ]*x[^ ]*$'
reject two-focus-only-vm2 "$L" '^\[1\] [^ ]*y[^ ]*$'
expect two-focus-message "$L" '^\[hv\] input to vm2 \(irq\)'

# The idle hypervisor waits too: both guests spend most of their time in
# WAIT, so with the hypervisor's own idle WAIT the core executes a tiny
# fraction of the cycles as instructions (about 0.2%); an idle loop that
# spins instead executes one instruction per cycle (over 80%).
"$SIM" --strict --fast --quiet --stats --cycles 200M --uart 4=none "$TWO" > "$OUT/idle.log" 2>&1
insns=$(sed -n 's/^vzlet-sim: instructions *\([0-9]*\)$/\1/p' "$OUT/idle.log")
cycles=$(sed -n 's/^vzlet-sim: cycles *\([0-9]*\)$/\1/p' "$OUT/idle.log")
if [ -n "$insns" ] && [ -n "$cycles" ] && [ "$cycles" -ge 200000000 ] && \
   [ $((insns * 20)) -lt "$cycles" ]; then ok idle-waits
else fail idle-waits "instructions '$insns' not below 5% of cycles '$cycles' (see $OUT/idle.log)"; fi

# The interrupt controller checks under the hypervisor: the same answers
# as the chip, except that INT0 (not the VM's) is ignored and reported.
run vevic 60M "$DIR/vevic/image.srec"
expect vevic "$DIR/out/vevic.uart" '^\[1\] vevic: 28/28 ok$'
reject vevic-fail "$DIR/out/vevic.uart" 'vevic: FAIL'
# Two VMs using the FPU and DSP at once, switched every 200 us: each one's
# registers survive the other's use (lazy switching, core/units.c).
run units 400M "$DIR/units/image.srec"
expect units-vm1 "$DIR/out/units.uart" '^\[1\] units: 36/36 ok$'
expect units-vm2 "$DIR/out/units.uart" '^\[2\] units: 36/36 ok$'
expect units-vm3-micromips "$DIR/out/units.uart" '^\[3\] units: 36/36 ok$'
reject units-fail "$DIR/out/units.uart" 'units: FAIL|stopped'
expect vevic-not-owned-reported "$DIR/out/vevic.uart" '^\[hv\] vm1: interrupt controller bits 14000000 at \+148 not owned: ignored'

# ---- 3. Containment ------------------------------------------------------------
# VM 3 (rogue) gets the focus and one key every 0.3 s; after each fault the
# hypervisor console restarts it (Ctrl-E 0, "3r", Ctrl-E 3).
E='\x05'
RESTART="${E}03r${E}3"
run rogue 1200M "$DIR/rogue/image.srec" \
	--input-at "60M:${E}3" \
	--input-at 100M:i \
	--input-at 160M:h \
	--input-at 220M:o \
	--input-at "280M:$RESTART" \
	--input-at 340M:s \
	--input-at "400M:$RESTART" \
	--input-at 460M:f \
	--input-at "520M:${E}0l2ITh" \
	--input-at "560M:$RESTART" \
	--input-at 600M:c \
	--input-at 630M:p \
	--input-at 660M:d \
	--input-at "700M:$RESTART" \
	--input-at 740M:b
L=$OUT/rogue.uart; LEDS=$OUT/rogue.log
expect rogue-ready "$L" '^\[3\] rogue: ready'
expect rogue-irq-bits-ignored "$L" '^\[hv\] vm3: interrupt controller bits 200 .* not owned: ignored'
expect rogue-irq-bits-survived "$L" '^\[3\] rogue: IEC0 bit 9 clear'
expect rogue-hv-ram-own "$L" '^\[3\] rogue: hv RAM overwritten: own RAM only'
expect rogue-other-ram-stopped "$L" '^\[hv\] vm3 \(rogue\) stopped: write outside its memory'
expect rogue-other-ram-diagnosis "$L" 'badvaddr=00020000'
reject rogue-other-ram-contained "$L" 'wrote other guest RAM'
expect rogue-restarted "$L" '^\[hv\] vm3 restarted'
reject rogue-sfr-contained "$L" 'wrote T2CON'
expect rogue-sfr-stopped "$L" 'badvaddr=1f840200'
expect rogue-flash-stopped "$L" '^\[hv\] vm3 \(rogue\) stopped: write to read-only memory'
reject rogue-flash-contained "$L" 'wrote flash'
expect rogue-others-listed "$L" '^\[hv\] vm2 irq: (running|waiting) .* irqs=[1-9]'
expect rogue-faulted-listed "$L" '^\[hv\] vm3 rogue: faulted'
reject rogue-status-live "$L" '^\[hv\] vm[124] [a-z]+: (running|waiting) .*status=10400004'
expect rogue-tlb-dump "$L" "^\\[hv\\] root TLB, 10 wired \\(guests' part 2\\)"
expect rogue-tlb-dump-vm2 "$L" '^\[hv\]  [0-9]+ 2 00000000 0001e000 '
expect rogue-irq-state "$L" '^\[hv\] vm2 GuestCtl2 [0-9a-f]{8}; virtual IFS/IEC, owned:'
expect rogue-irq-state-owned "$L" '^\[hv\]  0: [0-9a-f]{8} 00000200 00000200'
expect rogue-help "$L" '^\[hv\] 1-7 VM, s stop, c continue'
expect rogue-dslot "$L" "^\\[4\\] dslot: $DS_HV/$DS_HV ok"
# CP0 registers outside the guest context read as on the bare chip.
bare_cp0=$(tr -d '\r' < "$OUT/bare-dslot.uart" | grep -m1 '^dslot: cp0 ')
hv_cp0=$(sed -n 's/^\[4\] \(dslot: cp0 .*\)$/\1/p' "$L" | head -1)
if [ -n "$bare_cp0" ] && [ "$bare_cp0" = "$hv_cp0" ]; then ok rogue-dslot-cp0-as-bare
else fail rogue-dslot-cp0-as-bare "bare '$bare_cp0', under vzlet '$hv_cp0'"; fi
expect rogue-hypercall-write "$L" '^\[4\] dslot: hello through a hypercall'
reject rogue-dslot-fail "$L" 'dslot: FAIL'
cadence rogue-poll-ld1 "$LEDS" LD1 "" 500
cadence rogue-irq-ld2 "$LEDS" LD2 on 300
cadence rogue-irq-ld4 "$LEDS" LD4 on 300
expect rogue-write-ignored "$L" '^\[3\] rogue: CFGCON unchanged'
expect rogue-write-logged "$L" '^\[hv\] vm3 ignored write ffffffff \(4 bytes\) to 1f800040'
expect rogue-write-logged-dropped "$L" '^\[3\] rogue: PMD1 unchanged'
# (a VM switch may flush the line after its "rogue: " prefix: tagged anew)
# (VM 3's text joined: where its line is split depends on the slice ends)
sed -n 's/^\[3\] //p' "$L" | tr -d '\n' > "$OUT/rogue-vm3.txt"
expect rogue-read-only-reads "$OUT/rogue-vm3.txt" 'DEVID PIC32MZ2048EFG100'
expect rogue-read-only-stopped "$L" 'badvaddr=1f800020'
reject rogue-read-only-contained "$L" 'wrote DEVID'
expect rogue-spinning "$L" '^\[3\] rogue: spinning'
expect rogue-spin-progress "$L" '^\[3\] \+\+'
cadence rogue-poll-ld1-vs-spinner "$LEDS" LD1 "" 500 3750
cadence rogue-irq-ld3-vs-spinner "$LEDS" LD3 on 300 3750
# (VM 3's output joined up: a VM switch may split a line, see above)
if [ "$(sed -n 's/^\[3\] //p' "$L" | tr -d '\r\n' | grep -o 'rogue: ready' | wc -l)" -eq 5 ]
then ok rogue-restart-count
else fail rogue-restart-count "expected 5 starts of VM 3"; fi

# ---- microMIPS: the delay-slot guest as microMIPS code, bare (the boot stub
# enters it with bit 0 set) and beside the MIPS32 poll guest ------------------
run bare-dslot-mm 100M "$BOOT" "$DSLOT_MM"
expect bare-dslot-mm "$OUT/bare-dslot-mm.uart" '^dslot: 19/19 ok'
run mixed 500M "$DIR/mixed/image.srec"
L=$OUT/mixed.uart
expect mixed-dslot-mm "$L" '^\[2\] dslot: 29/29 ok'
expect mixed-hypercall-write "$L" '^\[2\] dslot: hello through a hypercall'
reject mixed-dslot-mm-fail "$L" 'dslot: FAIL'
reject mixed-fault "$L" 'stopped:'
expect mixed-poll-banner "$L" '^\[1\] poll: LD1 blinks'
cadence mixed-poll-ld1 "$OUT/mixed.log" LD1 "" 500
bare_cp0=$(tr -d '\r' < "$OUT/bare-dslot-mm.uart" | grep -m1 '^dslot: cp0 ')
hv_cp0=$(sed -n 's/^\[2\] \(dslot: cp0 .*\)$/\1/p' "$L" | head -1)
if [ -n "$bare_cp0" ] && [ "$bare_cp0" = "$hv_cp0" ]; then ok mixed-dslot-cp0-as-bare
else fail mixed-dslot-cp0-as-bare "bare '$bare_cp0', under vzlet '$hv_cp0'"; fi
# The demo system with the interrupt-driven guest as microMIPS: its Timer2
# and console interrupts enter its microMIPS vectors (guest ISAOnExc).
run mixed-demo 300M "$MIXED_DEMO" --input-at 150M:'\x052Z'
L=$OUT/mixed-demo.uart
expect mixed-demo-irq-entry "$L" '^\[hv\] vm2 irq: entry 9d001001'
expect mixed-demo-irq-banner "$L" '^\[2\] irq: LD2-LD4'
cadence mixed-demo-irq-ld2 "$OUT/mixed-demo.log" LD2 on 300
expect mixed-demo-irq-input "$L" '^\[2\] .*Z'
reject mixed-demo-fault "$L" 'stopped:'

if [ $failures -ne 0 ]; then
	echo "test-hv: $failures check(s) failed (logs in $OUT)"
	exit 1
fi
echo "test-hv: all checks passed"
