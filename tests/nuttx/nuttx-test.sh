#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# nuttx-test.sh - Apache NuttX (chipkit-wifire:nsh) on vzlet-sim: scripted NSH
# sessions bare (from its HEX and from its ELF) and as VM 3 of
# systems/wifire-nuttx.dts beside the poll and irq demo guests, for both
# builds: MIPS32 (checks named bare-..., vm-...) and the stock microMIPS one
# (mm-bare-..., mm-vm-...; systems/wifire-nuttx-mm.dts).
# Usage: nuttx-test.sh VZLET_SIM NUTTX_OUT SYSTEM_TARGET NUTTX_MM_OUT SYSTEM_MM_TARGET
#   NUTTX_OUT, NUTTX_MM_OUT  where scripts/nuttx-build.sh builds (and caches)
#                            the MIPS32 and the microMIPS NuttX
#   SYSTEM_TARGET, SYSTEM_MM_TARGET  their system images, built with $MAKE
#                            once NuttX exists
# Without the NuttX sources it says so and passes. Every check prints
# "ok <name>" or "FAIL <name>: why"; exit 1 if any failed.
set -u
SIM=$1 NX32=$2 SYS32=$3 NXMM=$4 SYSMM=$5
MAKE=${MAKE:-make}
failures=0

# Checks and logs of the build under test (session below): names carry
# its prefix P, logs go to OUT.
P= OUT=
ok()   { echo "ok   $P$1"; }
fail() { echo "FAIL $P$1: $2"; failures=$((failures + 1)); }

# The two builds side by side, one job each: their serial steps (configure,
# archive, link) overlap the other's compiling.
mkdir -p "$NX32" "$NXMM"
NUTTX_JOBS=1 scripts/nuttx-build.sh "$NX32" mips32 >"$NX32/build.out" 2>&1 &
pid32=$!
NUTTX_JOBS=1 scripts/nuttx-build.sh "$NXMM" micromips >"$NXMM/build.out" 2>&1 &
pidmm=$!
wait $pid32; rc32=$?
wait $pidmm; rcmm=$?
cat "$NX32/build.out" "$NXMM/build.out"
if [ $rc32 -eq 3 ] || [ $rcmm -eq 3 ]; then
	echo "test-nuttx: skipped: NuttX sources not found (see README)"; exit 0
fi
[ $rc32 -eq 0 ] || { echo "FAIL nuttx-build: scripts/nuttx-build.sh $NX32 mips32 failed"; exit 1; }
[ $rcmm -eq 0 ] || { echo "FAIL nuttx-build-mm: scripts/nuttx-build.sh $NXMM micromips failed"; exit 1; }
$MAKE --no-print-directory "$SYS32" "$SYSMM" >/dev/null ||
	{ echo "FAIL nuttx-system: make $SYS32 $SYSMM"; exit 1; }

# run NAME ARGS... : console (UART4) in $OUT/NAME.uart, LEDs and the
# simulator's statistics in $OUT/NAME.log. Status 0 (--until) and 3 (cycle
# limit) are normal ends.
# Strict, but CP0-hazard findings stay warnings: NuttX's own code writes CP0
# registers and uses them without EHB (separated by NOPs or nothing) at the
# sites listed in docs/nuttx.md ("Strict model"), code that runs on Wi-Fire
# boards. Every other checker (cache, bus order, ISA) is fatal here too.
run() {
	local name=$1
	shift
	rm -f "$OUT/$name.uart"
	"$SIM" --strict --lenient cp0-hazard --fast --leds --stats \
		--uart "4=file:$OUT/$name.uart" "$@" >"$OUT/$name.log" 2>&1
	local rc=$?
	if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
		fail "$name-run" "vzlet-sim exited with $rc (see $OUT/$name.log)"
	fi
}
# Console text without NuttX's VT100 "erase to end of line" and CRs.
text() { sed -e 's/\x1b\[K//g' -e 's/\r//g' "$OUT/$1.uart"; }

expect() {   # expect NAME RUN REGEX : some console line matches
	if text "$2" | grep -Eq -- "$3"; then ok "$1"; else fail "$1" "no line matches /$3/ in $OUT/$2.uart"; fi
}
count() {    # count NAME RUN REGEX N : exactly N console lines match
	local n
	n=$(text "$2" | grep -Ec -- "$3")
	if [ "$n" -eq "$4" ]; then ok "$1"; else fail "$1" "$n lines match /$3/, expected $4"; fi
}
# stop_s RUN : simulated seconds at the end of the run (--stats)
stop_s() { awk '$2 == "simulated" && $3 == "time" { print $4 }' "$OUT/$1.log"; }
# near NAME VALUE WANT : VALUE is WANT within 1 %
near() {
	if awk -v v="$2" -v w="$3" 'BEGIN { exit !(v != "" && v >= w * 0.99 && v <= w * 1.01) }'
	then ok "$1"; else fail "$1" "$2, expected $3 (+-1%)"; fi
}
# cadence NAME RUN LED STATE PERIOD_MS FROM_MS : the LED's events with STATE
# ("on", "off", "" for both) from FROM_MS on come every PERIOD_MS (+-1%), at
# least 3 of them.
cadence() {
	local r
	r=$(awk -v led="$3" -v st="$4" -v p="$5" -v from="$6" '
		$1 == "[led]" && $2 == led && (st == "" || $3 == st) && $5 + 0 >= from {
			if (n > 0 && ($5 - last < p * 0.99 || $5 - last > p * 1.01))
				bad = bad sprintf(" %.3f", $5 - last)
			last = $5; n++
		}
		END { print n < 3 ? "only " n " events" : bad != "" ? "intervals off:" bad : "ok" }' \
		"$OUT/$2.log")
	if [ "$r" = ok ]; then ok "$1"; else fail "$1" "$3 $4 every $5 ms: $r"; fi
}

# session PREFIX NUTTX_OUT SYSTEM ENTRY_DIGITS: every check of one build,
# named PREFIX<check>; ENTRY_DIGITS: the last hex digits its entry point may
# have (even for MIPS32, odd for microMIPS: the ISA bit).
session() {
	local NX=$2 IMG=$3 ENTRY=$4
	P=$1 OUT=$2/test
	mkdir -p "$OUT"

	# ---- 1. Bare, from the HEX a flash programmer writes ----------------------------
	# 200M cycles = 1 simulated second.
	run bare-hex "$NX/nuttx.hex" --cycles 1400M \
		--input-at '300M:help\r' --input-at '400M:ps\r' --input-at '500M:free\r' \
		--input-at '700M:uptime\r' --input-at '800M:cat /proc/uptime\r'
	expect bare-hex-banner bare-hex '^NuttShell \(NSH\)'
	expect bare-hex-prompt bare-hex '^nsh> '
	expect bare-hex-help bare-hex '^Builtin Apps:'
	expect bare-hex-ps bare-hex 'Idle_Task'
	expect bare-hex-ps-nsh bare-hex 'nsh_main'
	expect bare-hex-free bare-hex 'Umem'
	expect bare-hex-uptime bare-hex '^00:00:03 up'
	# typed at 4.000 s: NuttX's clock against simulated time
	near bare-hex-proc-uptime "$(text bare-hex | awk '/cat \/proc\/uptime/ { getline; print $1 + 0; exit }')" 4.00

	# ---- 2. Bare, from the ELF: `sleep 2` takes 2 simulated seconds -------------------
	# "echo slept" is typed during the sleep and runs when it ends.
	run bare-elf "$NX/nuttx.elf" --cycles 1200M --input-at '300M:sleep 2\r' \
		--input-at '310M:echo slept\r' --until '\nslept'
	expect bare-elf-prompt bare-elf '^nsh> '
	expect bare-elf-slept bare-elf '^slept'
	near bare-elf-sleep-2s "$(awk -v s="$(stop_s bare-elf)" 'BEGIN { print s - 1.5 }')" 2.00

	# ---- 3. As VM 3 beside the demo guests ------------------------------------------
	# The focus starts on VM 1: "ps" at 0.5 s goes to the poll guest. Ctrl-E 3 at
	# 1 s gives NuttX the keyboard.
	run vm "$IMG" --cycles 1800M --input-at '100M:ps\r' --input-at '200M:\x053' \
		--input-at '220M:help\r' --input-at '400M:ps\r' --input-at '500M:free\r' \
		--input-at '700M:uptime\r' --input-at '800M:cat /proc/uptime\r' \
		--input-at '1000M:\x051' --input-at '1020M:free\r'
	expect vm-banner vm '^\[hv\] vzlet hypervisor: 3 VMs'
	expect vm-entry-isa vm "^\\[hv\\] vm3 nuttx: entry [0-9a-f]*[$ENTRY],"
	expect vm-nuttx-banner vm '^\[3\] NuttShell \(NSH\)'
	expect vm-nuttx-prompt vm '^\[3\] nsh> '
	expect vm-help vm '^\[3\] Builtin Apps:'
	expect vm-ps vm '^\[3\] .*Idle_Task'
	expect vm-free vm '^\[3\] .*Umem'
	expect vm-uptime vm '^\[3\] 00:00:03 up'
	# (the answer is the next line of VM 3 with a number: other VMs' lines
	# interleave, and a line VM 3 writes while it leaves the CPU comes in parts)
	near vm-proc-uptime "$(text vm | awk '/cat \/proc/ { f = 1; next }
		f && $1 == "[3]" && $2 ~ /^[0-9.]+$/ { print $2; exit }')" 4.00
	# Typed input reaches NuttX only while it has the focus: the "ps" and "free"
	# typed to VM 1 became the poll guest's symbols; NuttX ran each command once.
	expect vm-focus-poll vm '^\[1\] [.]*[ps]'
	count vm-ps-once vm 'Idle_Task' 1
	count vm-free-once vm 'Umem' 1
	# Every console line is tagged with its VM (or [hv]).
	if text vm | grep -Ev '^\[(hv|1|2|3)\] |^$' | grep -q .; then
		fail vm-tagged "untagged line: $(text vm | grep -Ev '^\[(hv|1|2|3)\] |^$' | head -1)"
	else ok vm-tagged; fi
	# The demo guests keep their LED rates while NuttX runs.
	cadence vm-poll-ld1 vm LD1 "" 500 0
	cadence vm-irq-ld2 vm LD2 on 300 0
	cadence vm-irq-ld4 vm LD4 on 300 0

	run vm-sleep "$IMG" --cycles 1800M --input-at '200M:\x053' --input-at '300M:sleep 2\r' \
		--input-at '310M:echo slept\r' --until '[3] slept'
	near vm-sleep-2s "$(awk -v s="$(stop_s vm-sleep)" 'BEGIN { print s - 1.5 }')" 2.00
}

session "" "$NX32" "$SYS32" 02468ace
session mm- "$NXMM" "$SYSMM" 13579bdf

if [ "$failures" -ne 0 ]; then
	echo "test-nuttx: $failures check(s) failed (logs in $NX32/test and $NXMM/test)"
	exit 1
fi
echo "test-nuttx: all checks passed"
