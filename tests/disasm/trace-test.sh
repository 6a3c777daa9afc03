#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# trace-test.sh SIM IMAGE MM_IMAGE: vzlet-sim --trace on tests/disasm/trace.S
# shows the disassembly, the GPR each instruction wrote, delay slots and
# traps (format: docs/simulator-cli.md, "Instruction trace"); on the microMIPS
# CPU test (MM_IMAGE) the 16- and 32-bit instructions as objdump shows them,
# at odd (ISA bit) addresses.
sim=$1 image=$2 mm_image=$3
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
failures=0

if ! "$sim" --strict --quiet --cycles 400 --trace "$tmp/trace" "$image" </dev/null >/dev/null 2>&1; then
	echo "FAIL trace: vzlet-sim did not run $image"
	exit 1
fi

# expect NAME REGEX: some trace line matches REGEX (extended).
expect() {
	if grep -Eq "$2" "$tmp/trace"; then
		echo "ok trace: $1"
	else
		echo "FAIL trace: $1: no line matches '$2'"
		failures=$((failures + 1))
	fi
}
expect "li writes v0" '^ +[0-9]+ bfc00000 24020012  li      v0,18 +-> v0=0x00000012$'
expect "lui" ' bfc00004 3c08a007  lui     t0,0xa007 +-> t0=0xa0070000$'
expect "ori" ' bfc00008 3508ff00  ori     t0,t0,0xff00 +-> t0=0xa007ff00$'
expect "a store writes no GPR" ' bfc0000c ad020004  sw      v0,4\(t0\)$'
expect "a load shows the loaded value" ' bfc00010 8d030004  lw      v1,4\(t0\) +-> v1=0x00000012$'
expect "bal: absolute target, link" ' bfc00014 04110001  bal     0xbfc0001c +-> ra=0xbfc0001c$'
expect "delay slot after its branch" ' bfc00018 00432021  addu    a0,v0,v1 +-> a0=0x00000024 \(ds\)$'
expect "mfc0 with the CP0 name" ' bfc0001c 40056000  mfc0    a1,c0_status +-> a1=0x[0-9a-f]{8}$'
expect "nop" ' bfc00020 00000000  nop$'
expect "a trap is !exc" ' bfc00024 00000034  teq     zero,zero +!exc$'
expect "the handler runs next" ' bfc00380 401a6800  mfc0    k0,c0_cause +-> k0=0x[0-9a-f]{6}34$'
# The branch's line comes before its delay slot's.
if grep -n '' "$tmp/trace" | grep -E ' (bfc00014|bfc00018) ' | head -2 | tr '\n' ' ' |
	grep -Eq 'bfc00014 .* bfc00018 '; then
	echo "ok trace: branch line before its delay slot"
else
	echo "FAIL trace: branch line before its delay slot"; failures=$((failures + 1))
fi

# microMIPS: the CPU test's recursive function (tests/cpu/micromips.c).
if ! "$sim" --strict --quiet --cycles 200000 --trace "$tmp/trace" "$mm_image" </dev/null >/dev/null 2>&1; then
	echo "FAIL trace: vzlet-sim did not run $mm_image"
	exit 1
fi
expect "microMIPS 16-bit swm, ISA bit in the pc" '^ +[0-9]+ [0-9a-f]{7}[13579bdf] 0000[0-9a-f]{4}  swm     s0-s[0-9],ra,[0-9]+\(sp\)$'
expect "microMIPS 16-bit move with its result" ' [0-9a-f]{7}[13579bdf] 0000[0-9a-f]{4}  move    s[0-9],a0 +-> s[0-9]=0x[0-9a-f]{8}$'
expect "microMIPS 32-bit jal: target with the ISA bit" ' [0-9a-f]{7}[13579bdf] f[4-7][0-9a-f]{6}  jal     0x[0-9a-f]{7}[13579bdf]$'
expect "microMIPS delay slot" ' [0-9a-f]{7}[13579bdf] [0-9a-f]{8}  [a-z]+ +[^ ]+ +-> [a-z0-9]+=0x[0-9a-f]{8} \(ds\)$'
[ "$failures" -eq 0 ]
