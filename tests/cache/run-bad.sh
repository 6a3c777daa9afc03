#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# run-bad.sh TESTRUN DIR - each deliberately broken program in DIR must be
# stopped by the strict simulator with its rule named, and the finding must
# name the pc, the physical address and the line's state.
testrun=$1 dir=$2
fail=0
check() { # name rule
	out=$("$testrun" --cycles 5000000 --name "cache-bad-$1" "$dir/$1.elf" 2>&1)
	status=$?
	if [ $status -ne 0 ] && printf '%s\n' "$out" | grep -q "strict: $2: pc [0-9a-f]\{8\}: .*, pa [0-9a-f]\{8\}, line "; then
		echo "ok cache-bad-$1: stopped by $2"
	else
		echo "FAIL cache-bad-$1: expected a $2 finding (status $status): $out"
		fail=1
	fi
}
check uncached_dirty cache-coherence
check stale_line cache-coherence
check code_not_written_back cache-coherence
check stale_icache cache-coherence
check dma_reads_dirty cache-coherence
check dma_under_clean cache-coherence
check flash_stale_dline cache-coherence
check flash_stale_icache cache-coherence
check uninit_dcache cache-uninitialised
check uninit_icache cache-uninitialised
exit $fail
