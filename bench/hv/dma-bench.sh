#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# dma-bench.sh SIM BOOT DMA_ELF IMAGE - make bench-hv's DMA figures, from
# the DMA demo guest (guests/dma) run bare and as the only VM of
# bench/hv/bench-dma.dts, side by side in one run:
#   dma_copy_bytes_per_us  a 4 KB memory-to-memory DMA copy, started and
#                          waited for by the guest (core timer ticks, 10 ns)
#   dma_reg_write_ticks    one write to a DMA channel register (of 64 in a
#                          row): a bus store bare, a trap and its emulation
#                          (address check and translation) as a guest
set -u
sim=$1 boot=$2 guest=$3 image=$4
bare=$(mktemp) hv=$(mktemp)
trap 'rm -f "$bare" "$hv"' EXIT
"$sim" --strict --quiet --cycles 100M --until 'dma: all ok' "$boot" "$guest" >"$bare" 2>&1 ||
	{ echo "dma-bench: the bare run failed"; cat "$bare"; exit 1; }
"$sim" --strict --quiet --cycles 400M --until '[1] dma: all ok' "$image" >"$hv" 2>&1 ||
	{ echo "dma-bench: the guest run failed"; cat "$hv"; exit 1; }
field() { # FILE PATTERN: the number before "core timer ticks"
	sed -n "s/.*$2[^0-9]*\([0-9][0-9]*\) core timer ticks.*/\1/p" "$1" | head -1
}
cb=$(field "$bare" 'memory-to-memory 4096 bytes ok,')
cg=$(field "$hv" 'memory-to-memory 4096 bytes ok,')
rb=$(field "$bare" 'channel register writes,')
rg=$(field "$hv" 'channel register writes,')
[ -n "$cb" ] && [ -n "$cg" ] && [ -n "$rb" ] && [ -n "$rg" ] ||
	{ echo "dma-bench: figures missing"; cat "$bare" "$hv"; exit 1; }
awk -v cb="$cb" -v cg="$cg" -v rb="$rb" -v rg="$rg" 'BEGIN {
	printf "dma_copy_bytes_per_us: bare %.1f guest %.1f (guest/bare %.3f; 4096 bytes in %d / %d ticks)\n",
		4096 * 100 / cb, 4096 * 100 / cg, cb / cg, cb, cg
	printf "dma_reg_write_ticks: bare %.1f guest %.1f (64 writes in %d / %d ticks)\n",
		rb / 64, rg / 64, rb, rg
}'
