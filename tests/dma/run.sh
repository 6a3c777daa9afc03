#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# run.sh SIM BOOT DMA_ELF IMAGE - the DMA demo guest bare and under vzlet:
# both copy 4 KB by DMA and read back what DMA sent to UART2; under vzlet
# the other guest keeps running and the hypervisor reports no fault.
set -u
sim=$1 boot=$2 guest=$3 image=$4
out=$(mktemp)
trap 'rm -f "$out"' EXIT
fail=0
check() { # DESCRIPTION COMMAND...
	desc=$1
	shift
	if "$@"; then echo "ok dma: $desc"; else echo "FAIL dma: $desc"; fail=1; fi
}

"$sim" --strict --quiet --cycles 100M --until 'dma: all ok' --fail-on 'FAILED' \
	"$boot" "$guest" >"$out" 2>&1
rc=$?
check "bare: runs to 'all ok' (status $rc)" [ "$rc" -eq 0 ]
check "bare: 4 KB memory-to-memory" grep -q '^dma: memory-to-memory 4096 bytes ok' "$out"
check "bare: UART2 fed by DMA" grep -q '^dma: uart2 sent by DMA, read back "DMA->U2!"' "$out"
check "bare: block-complete interrupt" grep -q '^dma: block-complete interrupt taken' "$out"
[ "$rc" -eq 0 ] || cat "$out"

"$sim" --strict --quiet --cycles 400M --until '[1] dma: all ok' --fail-on 'stopped:' \
	--fail-on 'FAILED' "$image" >"$out" 2>&1
rc=$?
check "vzlet: runs to 'all ok', no VM stopped (status $rc)" [ "$rc" -eq 0 ]
check "vzlet: the other guest runs" grep -q '^\[2\] irq: LD2-LD4' "$out"
check "vzlet: 4 KB memory-to-memory" grep -q '^\[1\] dma: memory-to-memory 4096 bytes ok' "$out"
check "vzlet: UART2 fed by DMA" grep -q '^\[1\] dma: uart2 sent by DMA, read back "DMA->U2!"' "$out"
check "vzlet: block-complete interrupt routed to the VM" \
	grep -q '^\[1\] dma: block-complete interrupt taken' "$out"
check "vzlet: all ok" grep -q '^\[1\] dma: all ok' "$out"
[ "$rc" -eq 0 ] || cat "$out"
exit $fail
