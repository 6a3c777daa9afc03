#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# gdb-vm-test.sh SIM SYSDIR UNITS_IMAGE UNITS_ELF - VM-aware debugging with
# gdb-multiarch (docs/debugging.md): threads named after the VMs, a VM's
# registers loaded or not, guest-virtual memory per VM (read and write),
# breakpoints, hardware breakpoints and watchpoints in one VM, stepping a
# VM, FPU and DSP state per VM, the target description. Every wait is bounded.
set -u
sim=$1 sys=$2 units_img=$3 units_elf=$4
here=$(dirname "$0")
tmp=$(mktemp -d)
simpid=
cleanup() { [ -n "$simpid" ] && kill "$simpid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
failures=0
fail() { echo "FAIL gdb-vm: $1"; failures=$((failures + 1)); }
ok() { echo "ok gdb-vm: $1"; }
check() { # DESCRIPTION EXTENDED-REGEX
	if grep -Eq -- "$2" "$tmp/gdb.out"; then ok "$1"; else fail "$1 (no '$2')"; fi
}
value() { sed -n "s/^$1 //p" "$tmp/gdb.out" | head -1; }

. "$here/../sim-port.sh"
run_gdb() { # COMMAND-FILE
	timeout -k 5 120 gdb-multiarch -batch -nx -x "$1" >"$tmp/gdb.out" 2>&1
	gdb_rc=$?
	wait "$simpid"; sim_rc=$?; simpid=
	[ "$gdb_rc" -eq 0 ] || fail "gdb exit status $gdb_rc"
	[ "$sim_rc" -eq 0 ] || fail "vzlet-sim status $sim_rc after kill"
}
dump() { [ $failures -eq 0 ] || { echo "--- gdb output"; sed "s/^/    /" "$tmp/gdb.out"; echo "--- sim stderr"; cat "$tmp/sim.err"; }; }
sym() { mipsel-linux-gnu-nm "$1" | awk -v s="$2" '$3 == s { print substr($1, length($1) - 7) }'; }

# 1. The demo: vzlet-gdb's commands with VM 2's symbols.
irq_elf=$sys/irq.elf poll_elf=$sys/poll.elf
tick=$(sym "$irq_elf" tick_isr)
# VM 2's RAM: the real address its guest-physical 0 maps to (report.txt).
vm1_ram=$(awk '/^VM 1 /{v=1} /^VM 2 /{v=2} v==1 && $1=="RAM" {print $6; exit}' "$sys/report.txt")
vm2_ram=$(awk '/^VM 2 /{v=1} v==1 && $1=="RAM" {print $6; exit}' "$sys/report.txt")
[ -n "$tick" ] && [ -n "$vm1_ram" ] && [ -n "$vm2_ram" ] || { fail "symbols or report missing"; exit 1; }
start_sim 120 "$sys.srec"
scripts/vzlet-gdb --port "$port" --vm 2 --commands "$sys" >"$tmp/cmds"
cat >>"$tmp/cmds" <<GDB
info threads
break tick_isr
continue
printf "stop-thread %d\n", \$_thread
printf "pc 0x%x\n", \$pc
printf "exccode %d\n", (\$cause >> 2) & 31
printf "vm2-epc 0x%x\n", \$epc
info registers guestctl1
printf "vm2-word0 0x%x\n", *(unsigned *)0x80000000
thread 2
printf "vm1-pc 0x%x\n", \$pc
printf "vm1-insn 0x%08x\n", *(unsigned *)\$pc
printf "vm1-word0 0x%x\n", *(unsigned *)0x80000000
thread 1
printf "hv-vm1-ram 0x%x\n", *(unsigned *)(0x80000000 + $vm1_ram)
printf "hv-vm2-ram 0x%x\n", *(unsigned *)(0x80000000 + $vm2_ram)
printf "hv-guestctl1 0x%x\n", \$guestctl1
thread 3
set var symbol = 'Q'
printf "vm2-symbol %c\n", symbol
thread 1
printf "hv-vm2-ram-after 0x%x\n", *(unsigned *)(0x80000000 + $vm2_ram)
thread 3
stepi
printf "after-step-thread %d pc 0x%x\n", \$_thread, \$pc
delete
watch ticks
continue
printf "watch-thread %d\n", \$_thread
delete
rwatch symbol
continue
printf "rwatch-thread %d\n", \$_thread
delete
hbreak tick_isr
continue
printf "hbreak-thread %d\n", \$_thread
kill
GDB
run_gdb "$tmp/cmds"
check "info threads names the hypervisor" '^[ *]+1 +Thread 1 "hv"'
check "info threads names VM 1" '^[ *]+2 +Thread 2 "vm1 poll"'
check "info threads names VM 2" '^[ *]+3 +Thread 3 "vm2 irq"'
check "breakpoint in VM 2's ISR stops in thread 3" 'Thread 3 "vm2 irq" hit Breakpoint 1, tick_isr'
[ "$(value stop-thread)" = 3 ] && ok "stopped thread is 3" || fail "stop thread '$(value stop-thread)'"
[ "$(value pc)" = "0x$tick" ] && ok "VM 2's pc is tick_isr" || fail "pc '$(value pc)' vs $tick"
[ "$(value exccode)" = 0 ] && ok "VM 2's guest Cause: an interrupt" || fail "exccode '$(value exccode)'"
check "root-only registers are unavailable in a VM" '^guestctl1: +<unavailable>'
[ "$(value hv-guestctl1)" = 0x20002 ] && ok "hv thread: GuestCtl1 ID = RID = 2" || fail "hv guestctl1 '$(value hv-guestctl1)'"
# VM 1 is not loaded while VM 2 runs: its pc comes from the hypervisor's
# saved context, and reading it goes through VM 1's own translation.
vm1_pc=$(value vm1-pc)
want_insn=$(mipsel-linux-gnu-objdump -d --start-address="$vm1_pc" --stop-address=$(printf '0x%x' $((vm1_pc + 4))) "$poll_elf" |
	awk -F'\t' '/^ *[0-9a-f]+:/ { gsub(/ /, "", $2); print "0x" $2; exit }')
[ -n "$want_insn" ] && [ "$(value vm1-insn)" = "$want_insn" ] &&
	ok "VM 1 (saved) pc $vm1_pc holds poll.elf's instruction $want_insn" ||
	fail "VM 1 pc '$vm1_pc': insn '$(value vm1-insn)' vs poll.elf '$want_insn'"
[ "$(value vm2-word0)" = "$(value hv-vm2-ram)" ] && [ "$(value vm1-word0)" = "$(value hv-vm1-ram)" ] &&
	[ "$(value vm2-word0)" != "$(value vm1-word0)" ] &&
	ok "guest 0x80000000 is each VM's own RAM ($vm1_ram, $vm2_ram)" ||
	fail "guest-virtual memory: vm1 $(value vm1-word0) / $(value hv-vm1-ram), vm2 $(value vm2-word0) / $(value hv-vm2-ram)"
[ "$(value vm2-symbol)" = Q ] && [ "$(value hv-vm2-ram-after)" = 0x51 ] &&
	ok "a write at a VM 2 address lands in VM 2's RAM" || fail "write: '$(value vm2-symbol)' '$(value hv-vm2-ram-after)'"
check "stepi in VM 2 stays in VM 2" "^after-step-thread 3 pc 0x[0-9a-f]+"
[ "$(value after-step-thread | awk '{print $3}')" != "0x$tick" ] || fail "stepi did not move"
check "write watchpoint on VM 2's ticks" 'Hardware watchpoint [0-9]+: ticks'
check "watchpoint old/new value" '^New value = [0-9]+'
[ "$(value watch-thread)" = 3 ] && ok "watchpoint stops in thread 3" || fail "watch thread '$(value watch-thread)'"
check "read watchpoint on VM 2's symbol" 'Hardware read watchpoint [0-9]+: symbol'
[ "$(value rwatch-thread)" = 3 ] && ok "read watchpoint stops in thread 3" || fail "rwatch thread '$(value rwatch-thread)'"
check "hardware breakpoint hit" 'Thread 3 "vm2 irq" hit Breakpoint [0-9.]+, tick_isr'
[ "$(value hbreak-thread)" = 3 ] && ok "hardware breakpoint stops in thread 3" || fail "hbreak thread '$(value hbreak-thread)'"
dump

[ -z "${ONLY1:-}" ] || exit 1
# 2. Two VMs of one ELF (units): the same addresses in both (and in the
# hypervisor's own code at 0x9D00xxxx: thread 1 is left out). `monitor vm 2`
# scopes breakpoints to VM 2; each VM's FPU and DSP registers, whichever
# owns the unit; stepping the VM that is not running.
line=$(grep -n 'while (ct_now() - t0 < SPIN_TICKS)' tests/hv/guests/units.c | cut -d: -f1)
start_sim 120 "$units_img"
cat >"$tmp/cmds" <<GDB
set architecture mips:isa32r2
set pagination off
symbol-file $units_elf
target remote 127.0.0.1:$port
break units.c:$line if \$_thread != 1
continue
# Unscoped, the breakpoint's address also stops the hypervisor (thread 1)
# whenever its own code (root kseg0, flash at 0x9D000000) lies at the same
# virtual address: the first stop in a VM is the one checked.
while \$_thread == 1
continue
end
printf "first-thread %d\n", \$_thread
monitor vm 2
continue
printf "scoped-thread %d\n", \$_thread
info registers fcsr hi1 lo1 hi3 lo3 dspctl
thread 2
info registers fcsr hi1 lo1 hi3 lo3 dspctl
delete
monitor vm all
set scheduler-locking step
printf "vm1-before 0x%x\n", \$pc
stepi
printf "vm1-step-thread %d\n", \$_thread
printf "vm1-after 0x%x\n", \$pc
kill
GDB
run_gdb "$tmp/cmds"
[ "$(value first-thread)" = 2 ] && ok "unscoped: VM 1 reaches the shared line first" || fail "first thread '$(value first-thread)'"
check "monitor vm 2 answers" 'stop only in thread 3 \(vm2 units2\)'
[ "$(value scoped-thread)" = 3 ] && ok "scoped: the same address stops only in VM 2" || fail "scoped thread '$(value scoped-thread)'"
# units.c: FCSR.RM = 3 in VM 1, 0 in VM 2; ac1 = pattern(id + 16, round, 0/1),
# DSPControl = dspcontrol(id, round); both VMs are in round 0 here.
python3 - "$tmp/gdb.out" <<'PY' && ok "FPU/DSP registers per VM, loaded or saved (units.c's values)" || fail "FPU/DSP registers"
import re, sys
text = open(sys.argv[1]).read()
regs = re.findall(r'^(fcsr|hi1|lo1|hi3|lo3|dspctl): +(0x[0-9a-f]+)', text, re.M)
def pattern(i, r, k): return ((i * 0x01000193 + r * 0x9E3779B9) ^ (k * 0x2545F491)) & 0xffffffff
def want(vm):
    d = {'fcsr': 3 if vm == 1 else 0, 'hi1': pattern(vm + 16, 0, 0), 'lo1': pattern(vm + 16, 0, 1),
         'hi3': pattern(vm + 16, 0, 4), 'lo3': pattern(vm + 16, 0, 5),
         'dspctl': ((vm * 7) & 0x3F) | ((vm * 5) & 0x3F) << 7}
    return d
got = [dict(regs[0:6]), dict(regs[6:12])]
ok = len(regs) == 12
for vm, g in ((2, got[0]), (1, got[1])):
    for k, v in want(vm).items():
        gv = int(g.get(k, '0x-1'), 16) if ok else -1
        if (gv & 0x1FBF if k == 'dspctl' else gv) != v:
            print(f'vm{vm} {k}: {g.get(k)} want {v:#x}'); ok = False
sys.exit(0 if ok else 1)
PY
b=$(value vm1-before) a=$(value vm1-after)
[ "$(value vm1-step-thread)" = 2 ] && [ -n "$a" ] && [ "$a" != "$b" ] &&
	ok "stepi of VM 1 while VM 2 ran: thread 2, $b -> $a" || fail "VM 1 step: thread '$(value vm1-step-thread)' $b -> $a"
dump

# 3. The target description names the CP0, FPU and DSP registers.
start_sim 120 "$units_img"
cat >"$tmp/cmds" <<GDB
set architecture mips:isa32r2
target remote 127.0.0.1:$port
maint print xml-tdesc
info registers epc ebase compare count intctl
kill
GDB
run_gdb "$tmp/cmds"
for f in org.gnu.gdb.mips.cpu org.gnu.gdb.mips.cp0 org.gnu.gdb.mips.fpu org.gnu.gdb.mips.dsp org.vzlet.cp0; do
	check "target description feature $f" "feature name=\"$f\""
done
check "CP0 EPC/EBase in the description" '^epc: +0x'
check "EBase at reset" '^ebase: +0x'
dump

[ "$failures" -eq 0 ] || { echo "test-gdb (VMs): $failures failure(s)"; exit 1; }
echo "ok gdb-vm: all"
