#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# bench.sh - a quick guest-side view of the hypervisor's costs (make
# hv-costs), bare chip next to vzlet, plus one machine-readable line per
# figure.
# Usage: bench.sh VZLET_SIM BENCH_IMAGE BOOT_ELF BENCH_ELF HV_ELF SIZE_TOOL
# (BOOT_ELF: the boot-flash stub, guests/lib/boot, for the bare run)
set -u
SIM=$1 IMAGE=$2 BOOT=$3 BARE=$4 HV=$5 SIZE=$6
hv=$("$SIM" --strict --fast --quiet --cycles 2G --until 'bench: done' "$IMAGE" 2>&1) || {
	echo "bench-hv: the benchmark guest did not finish under the hypervisor:"; echo "$hv"; exit 1; }
bare=$("$SIM" --strict --fast --quiet --cycles 2G --until 'bench: done' "$BOOT" "$BARE" 2>&1) || {
	echo "bench-hv: the benchmark guest did not finish bare:"; echo "$bare"; exit 1; }
# (console lines end in "\r\n" bare; the hypervisor's console drops the "\r")
get() { echo "$1" | tr -d '\r' | sed -n "s/^\(\[1\] \)\{0,1\}$2: \([0-9]*\)$/\2/p" | head -1; }

read -r text data bss _ < <("$SIZE" "$HV" | tail -1)
code=$text
ram=$((data + bss))

# Not bench-hv's figures (make bench-hv: exact cycles per instance, the ones
# the goals and docs/architecture.md quote): these include the guest's own
# loops, so each row and key is named for what it covers (bench.c).
echo "hypervisor costs seen by a guest (loops included; the goals apply to make bench-hv)"
printf '%-52s %10s %10s\n' "figure (core-timer ticks, per iteration)" "vzlet" "bare chip"
row() { printf '%-52s %10s %10s\n' "$1" "$(get "$hv" "$2")" "$(get "$bare" "$2")"; }
row "hypercall VM_ID loop" guest_hypercall_ticks
row "trap emulated in C (MFC0 PRId) loop" guest_trap_prid_ticks
row "guarded register store (PR2) loop" guest_guarded_store_ticks
row "software IRQ whole round (raise, handler, ack, back)" guest_swirq_round_ticks
row "Timer2 interrupt: CPU time taken from a busy loop" guest_timer_irq_cost_ticks
printf '%-52s %10s\n' "hypervisor code bytes (two-guest system)" "$code"
printf '%-52s %10s\n' "hypervisor RAM bytes (incl. stack, console)" "$ram"
for f in guest_hypercall_ticks guest_trap_prid_ticks guest_guarded_store_ticks \
	 guest_swirq_round_ticks guest_timer_irq_cost_ticks; do
	echo "$f: $(get "$hv" $f)"
done
echo "hv_code_bytes: $code"
echo "hv_ram_bytes: $ram"
