#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# run.sh SIM NM DIR - each program in DIR/bad breaks one rule: the strict
# simulator must stop it with that rule named and the pcs of its `writer`
# (and `consumer`, where it has one) in the message; the same program with
# the barrier (DIR/fixed) must run to the cycle limit without a finding.
sim=$1 nm=$2 dir=$3
fail=0
addr() { "$nm" "$1" | awk -v s="$2" '$3 == s { print substr($1, length($1) - 7) }'; }
check() { # name rule [text]
	elf="$dir/bad/$1.elf"
	out=$("$sim" --strict --quiet --cycles 200000 "$elf" 2>&1)
	status=$?
	writer=$(addr "$elf" writer)
	consumer=$(addr "$elf" consumer)
	ok=1
	[ $status -eq 4 ] || ok=0
	printf '%s\n' "$out" | grep -q "strict: $2: " || ok=0
	[ -n "$writer" ] && printf '%s\n' "$out" | grep -q "$writer" || ok=0
	[ -z "$consumer" ] || printf '%s\n' "$out" | grep -q "$consumer" || ok=0
	[ -z "$3" ] || printf '%s\n' "$out" | grep -q "$3" || ok=0
	if [ $ok -eq 1 ]; then
		echo "ok hazard-$1: stopped by $2"
	else
		echo "FAIL hazard-$1: expected a $2 finding naming $writer ${consumer:+and $consumer} (status $status): $out"
		fail=1
	fi
	out=$("$sim" --strict --quiet --cycles 200000 "$dir/fixed/$1.elf" 2>&1)
	status=$?
	if { [ $status -eq 0 ] || [ $status -eq 3 ]; } && ! printf '%s\n' "$out" | grep -q "strict"; then
		echo "ok hazard-$1-fixed: runs clean with the barrier"
	else
		echo "FAIL hazard-$1-fixed: expected a clean run to the cycle limit (status $status): $out"
		fail=1
	fi
}
check mtc0_mfc0 cp0-hazard "MFC0 at .* uses EPC"
check tlb_input cp0-hazard "TLBP at .* uses EntryHi"
check tlb_use cp0-hazard "TLBP at .* uses a TLB entry"
check load_translation cp0-hazard "load of 00400000"
check fetch_translation cp0-hazard "instruction fetch at 00001000"
check eret_input cp0-hazard "ERET at .* uses ErrorEPC"
check srs_input cp0-hazard "RDPGPR/WRPGPR at .* uses SRSCtl"
check cu1 cp0-hazard "coprocessor 1 instruction at .* uses Status"
check irq_masked cp0-hazard "may still be taken"
check erratum_gepc cp0-hazard "erratum"
check exception_vector cp0-hazard "exception taken at .* uses EBase"
check bev_vector cp0-hazard "Status.BEV selects its vector"
check irq_unmasked cp0-hazard "Status unmasked it"
check sw_irq cp0-hazard "software interrupt requested in Cause"
check cp0_usable cp0-hazard "coprocessor 0 instruction .* uses Status"
check dsp_mx cp0-hazard "DSP instruction .* uses Status"
check bus_order bus-order "interrupt vector 1 taken"
exit $fail
