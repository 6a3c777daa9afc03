#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# gdb-test.sh SIM BOOT DEMO - vzlet-sim --gdb with Debian's gdb-multiarch:
# breakpoint at main, step, registers, memory read/write, kill; then a raw
# protocol session for the Ctrl-C interrupt. Every wait is bounded.
set -u
sim=$1 boot=$2 demo=$3
tmp=$(mktemp -d)
simpid=
cleanup() { [ -n "$simpid" ] && kill "$simpid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
failures=0
fail() { echo "FAIL gdb: $1"; failures=$((failures + 1)); }
ok() { echo "ok gdb: $1"; }

if ! command -v gdb-multiarch >/dev/null 2>&1; then
	echo "FAIL gdb: gdb-multiarch not installed (scripts/install-deps.sh)"; exit 1
fi

. "$(dirname "$0")/../sim-port.sh"

"$sim" --strict --gdb 0 "$demo" </dev/null >"$tmp/out" 2>&1; rc=$?
if [ "$rc" -eq 2 ] && grep -q 'needs a TCP port' "$tmp/out"; then ok "bad --gdb port: status 2"; else fail "--gdb 0: status $rc"; fi

main_addr=$(mipsel-linux-gnu-nm "$demo" | awk '$3 == "main" { print substr($1, length($1) - 7) }')
[ -n "$main_addr" ] || { fail "no main in $demo"; exit 1; }
next_addr=$(printf '%x' $((0x$main_addr + 4)))
after4_addr=$(printf '%x' $((0x$main_addr + 16)))

# 1. A gdb session.
start_sim 60 "$boot" "$demo"
cat >"$tmp/cmds" <<GDB
set architecture mips:isa32r2
target remote 127.0.0.1:$port
break main
continue
printf "pc-at-break 0x%x\n", \$pc
stepi
printf "pc-after-step 0x%x\n", \$pc
info registers
stepi 3
printf "pc-after-4 0x%x\n", \$pc
printf "a0-after-4 %d\n", \$a0
set \$t5 = 0x55aa1234
stepi
printf "t5-written 0x%x\n", \$t5
set {unsigned int}0x80070000 = 0x12345678
set {unsigned int}0xa0070004 = 0x9abcdef0
x/4x 0xa0070000
kill
GDB
timeout -k 5 60 gdb-multiarch -batch -nx -x "$tmp/cmds" "$demo" >"$tmp/gdb.out" 2>&1
gdb_rc=$?
wait "$simpid"; sim_rc=$?; simpid=
check() { # DESCRIPTION EXTENDED-REGEX
	if grep -Eq -- "$2" "$tmp/gdb.out"; then ok "$1"; else fail "$1 (no '$2')"; fi
}
check "breakpoint at main hit" '^Breakpoint 1, main \(\)'
check "pc equals main ($main_addr)" "^pc-at-break 0x$main_addr\$"
check "stepi moves one instruction" "^pc-after-step 0x$next_addr\$"
check "info registers shows GPRs" '^ R0 +00000000 '
check "info registers shows sr lo hi bad cause pc" "^ +[0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{8} [0-9a-f]{8} 0*$next_addr *\$"
check "three more stepi: one instruction each" "^pc-after-4 0x$after4_addr\$"
check "lui+ori built console_init's 115200 in a0" '^a0-after-4 115200$'
check "register write (P) survives a step" '^t5-written 0x55aa1234$'
check "memory written and read back via KSEG0/KSEG1" '^0xa0070000:[[:space:]]+0x12345678[[:space:]]+0x9abcdef0[[:space:]]+0x00000000'
check "kill" 'Remote target\) killed'
[ "$gdb_rc" -eq 0 ] || fail "gdb exit status $gdb_rc"
[ "$sim_rc" -eq 0 ] && ok "vzlet-sim ends with status 0 after kill" || fail "vzlet-sim status $sim_rc after kill"
[ $failures -eq 0 ] || { echo "--- gdb output"; sed 's/^/    /' "$tmp/gdb.out"; echo "--- sim stderr"; cat "$tmp/sim.err"; }

# 2. Raw protocol: a mapped address without a mapping (kseg2, empty TLB) is
# refused; continue, then Ctrl-C (0x03) stops it with T05.
start_sim 60 "$boot" "$demo"
if exec 3<>"/dev/tcp/127.0.0.1/$port"; then
	printf '$mc0001000,4#81' >&3
	reply=
	read -r -t 20 -d '#' -u 3 reply
	case $reply in
	*'$E01') ok "unmapped kseg2 address is refused with E01" ;;
	*) fail "mc0001000,4: reply '$reply'" ;;
	esac
	head -c 2 <&3 >/dev/null   # the checksum
	printf '$c#63' >&3
	printf '\003' >&3
	reply=
	read -r -t 20 -d '#' -u 3 reply
	case $reply in
	*'$T05thread:1;') ok "Ctrl-C stops a running core with T05 (thread 1)" ;;
	*) fail "Ctrl-C: reply '$reply'" ;;
	esac
	printf '$k#6b' >&3
	exec 3<&-
else
	fail "cannot connect to 127.0.0.1:$port"
fi
wait "$simpid"; sim_rc=$?; simpid=
[ "$sim_rc" -eq 0 ] && ok "raw k ends the simulation" || fail "vzlet-sim status $sim_rc after raw k"

[ "$failures" -eq 0 ] || { echo "test-gdb: $failures failure(s)"; exit 1; }
