#!/usr/bin/env bash
# bench.sh - a quick hypervisor cost table (make hv-costs), next to tinyVP's
# figures measured on silicon, plus one machine-readable line per figure.
# Usage: bench.sh VZLET_SIM BENCH_IMAGE BOOT_ELF BENCH_ELF HV_ELF SIZE_TOOL
# (BOOT_ELF: the boot-flash stub, guests/lib/boot, for the bare run)
set -u
SIM=$1 IMAGE=$2 BOOT=$3 BARE=$4 HV=$5 SIZE=$6
hv=$("$SIM" --fast --quiet --cycles 2G --until 'bench: done' "$IMAGE" 2>&1) || {
	echo "bench-hv: the benchmark guest did not finish under the hypervisor:"; echo "$hv"; exit 1; }
bare=$("$SIM" --fast --quiet --cycles 2G --until 'bench: done' "$BOOT" "$BARE" 2>&1) || {
	echo "bench-hv: the benchmark guest did not finish bare:"; echo "$bare"; exit 1; }
# (console lines end in "\r\n" bare; the hypervisor's console drops the "\r")
get() { echo "$1" | tr -d '\r' | sed -n "s/^\(\[1\] \)\{0,1\}$2: \([0-9]*\)$/\2/p" | head -1; }

read -r text data bss _ < <("$SIZE" "$HV" | tail -1)
code=$text
ram=$((data + bss))

printf '%-44s %10s %10s %10s %8s\n' "figure (core-timer ticks)" "vzlet" "bare chip" "tinyVP" "goal"
row() { printf '%-44s %10s %10s %10s %8s\n' "$1" "$(get "$hv" "$2")" "$(get "$bare" "$2")" "$3" "$4"; }
row "hypercall round trip" hypercall_ticks "69-75" "<= 35"
row "forced context switch to root and back" context_switch_ticks "336-343" "<= 170"
row "emulated guarded register access" register_emulation_ticks "207-208" "<= 100"
row "software IRQ injection" irq_injection_ticks "173" "<= 85"
row "device IRQ round trip via guest" device_irq_round_trip_ticks "512-580" "<= 260"
printf '%-44s %10s %10s %10s %8s\n' "hypervisor code bytes (two-guest system)" "$code" "-" "~35 KB" "<= 20 KB"
printf '%-44s %10s %10s %10s %8s\n' "hypervisor RAM bytes (incl. stack, console)" "$ram" "-" "< 24 KB" "<= 12 KB"
for f in hypercall_ticks context_switch_ticks register_emulation_ticks irq_injection_ticks \
	 device_irq_round_trip_ticks; do
	echo "$f: $(get "$hv" $f)"
done
echo "hv_code_bytes: $code"
echo "hv_ram_bytes: $ram"
