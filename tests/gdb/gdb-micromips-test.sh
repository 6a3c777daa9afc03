#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# gdb-micromips-test.sh SIM ELF - vzlet-sim --gdb on microMIPS code with
# Debian's gdb-multiarch: the microMIPS CPU test's fib() (tests/cpu/
# micromips.c: 16-bit and 32-bit instructions, a 16-bit branch and a JAL
# with their delay slots, JRADDIUSP). A breakpoint at its first
# (16-bit) instruction, stepi over 16- and 32-bit instructions and over a
# branch with its slot (one step), the PC register with the ISA bit set (gdb's
# MIPS target keeps the ISA bit in the addresses of compressed code: $pc,
# breakpoints at `*fib`), a PC written by gdb (with the ISA bit) resuming in
# microMIPS. Every wait is bounded.
set -u
sim=$1 elf=$2
tmp=$(mktemp -d)
simpid=
cleanup() { [ -n "$simpid" ] && kill "$simpid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
failures=0
fail() { echo "FAIL gdb-micromips: $1"; failures=$((failures + 1)); }
ok() { echo "ok gdb-micromips: $1"; }

command -v gdb-multiarch >/dev/null 2>&1 || { fail "gdb-multiarch not installed"; exit 1; }

sym() { mipsel-linux-gnu-nm "$elf" | awk -v s="$1" '$3 == s { print substr($1, length($1) - 7) }'; }
fib=$(sym fib)
[ -n "$fib" ] || { fail "no fib in $elf"; exit 1; }
at() { printf '%x' $((0x$fib + $1)); }
isa() { printf '%x' $((0x$fib + $1 + 1)); } # as gdb shows microMIPS addresses: ISA bit set
# fib's code (objdump -d): +0 addiu16, +2 swm16, +4/+6/+8 move16,
# +0xa slti (32-bit), +0xe bnez16 with its slot, +0x12 jal (32-bit slot).
mipsel-linux-gnu-objdump -d "$elf" >"$tmp/dis"
grep_insn() { grep -Eq "^$(at "$1"):.*	$2" "$tmp/dis"; }
grep_insn 0 'addiu	sp,sp,-32' && grep_insn 0xa 'slti' && grep_insn 0xe 'bnez' && grep_insn 0x12 'jal' ||
	{ fail "fib's code is not the one this test walks (tests/cpu/micromips.c changed?)"; exit 1; }

. "$(dirname "$0")/../sim-port.sh"
start_sim 60 "$elf"

cat >"$tmp/cmds" <<GDB
target remote 127.0.0.1:$port
break *fib
continue
printf "pc-at-fib 0x%x\n", \$pc
maint packet p25
x/i \$pc
stepi
printf "pc-16 0x%x\n", \$pc
stepi 4
printf "pc-32 0x%x\n", \$pc
stepi
printf "pc-after-32 0x%x\n", \$pc
stepi
printf "pc-after-branch 0x%x\n", \$pc
stepi
printf "pc-after-jal 0x%x\n", \$pc
printf "ra 0x%x\n", \$ra
set \$pc = fib + 4
stepi
printf "pc-after-write 0x%x\n", \$pc
delete
kill
GDB
timeout -k 5 60 gdb-multiarch -batch -nx -x "$tmp/cmds" "$elf" >"$tmp/gdb.out" 2>&1
gdb_rc=$?
wait "$simpid"; simpid=
check() { # DESCRIPTION EXTENDED-REGEX
	if grep -Eq -- "$2" "$tmp/gdb.out"; then ok "$1"; else fail "$1 (no '$2')"; fi
}
le() { printf '%s' "$1" | sed -E 's/(..)(..)(..)(..)/\4\3\2\1/'; } # target byte order
check "breakpoint at fib's 16-bit first instruction" "^pc-at-fib 0x$(isa 0)\$"
check "PC register with the ISA bit (p packet)" "received: \"$(le "$(printf '%08x' $((0x$fib | 1)))")\""
check "gdb disassembles it as microMIPS" "^=> 0x$(isa 0) <fib(\\+1)?>:[[:space:]]+addiu[[:space:]]+sp,sp,-32"
check "stepi over a 16-bit instruction: +2" "^pc-16 0x$(isa 2)\$"
check "four more 16-bit steps reach the 32-bit slti" "^pc-32 0x$(isa 0xa)\$"
check "stepi over a 32-bit instruction: +4" "^pc-after-32 0x$(isa 0xe)\$"
check "a 16-bit branch and its slot are one step" "^pc-after-branch 0x$(isa 0x12)\$"
check "jal and its 32-bit slot: into fib again" "^pc-after-jal 0x$(isa 0)\$"
check "the link has the ISA bit" "^ra 0x$(at 0x1b)\$"
check "a PC written by gdb resumes in microMIPS (+2 after a 16-bit move)" "^pc-after-write 0x$(isa 6)\$"
[ "$gdb_rc" -eq 0 ] || fail "gdb exit status $gdb_rc"
[ $failures -eq 0 ] || { echo "--- gdb output"; sed 's/^/    /' "$tmp/gdb.out"; echo "--- sim stderr"; cat "$tmp/sim.err"; exit 1; }
