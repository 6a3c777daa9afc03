#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# selftest.sh TESTRUN DIR - check that vzlet-testrun and tests/lib report every
# kind of outcome with the documented line and exit status.
set -u
testrun=$1
dir=$2
failures=0

# expect NAME STATUS PATTERN [runner options...]
expect() {
	name=$1 status=$2 pattern=$3
	shift 3
	out=$("$testrun" --quiet "$@" "$dir/$name.elf" 2>/dev/null)
	rc=$?
	if [ "$rc" -ne "$status" ]; then
		echo "FAIL runner-$name: exit status $rc, expected $status; output: $out"
		failures=$((failures + 1))
	elif ! printf '%s\n' "$out" | grep -Eq -- "$pattern"; then
		echo "FAIL runner-$name: output '$out' does not match '$pattern'"
		failures=$((failures + 1))
	else
		echo "ok runner-$name"
	fi
}

expect pass 0 '^ok pass \(3 checks, [0-9]+ cycles\)$'
expect fail_check 1 '^FAIL fail_check: check 7 \(0x7\) detail 0x00000001 0x00000002 0x00000000 0x00000000 \(1 checks passed\)$'
expect unexpected_exception 1 '^FAIL unexpected_exception: unexpected general exception: ExcCode 9 '
expect handled_exception 0 '^ok handled_exception \(2 checks, '
expect returns_nonzero 1 '^FAIL returns_nonzero: check 42 '
expect hangs 1 '^FAIL hangs: no verdict within 1000000 cycles' --cycles 1000000
expect pass 0 '^ok renamed ' --name renamed
expect unimplemented_sfr 0 '^ok unimplemented_sfr '
expect unimplemented_sfr 1 '^FAIL unimplemented_sfr: simulation error at cycle [0-9]+: .*0xbf80ff00' --strict-sfr

# Usage and load errors: exit status 2 and a message.
"$testrun" >/dev/null 2>&1; rc=$?
if [ "$rc" -eq 2 ]; then echo "ok runner-no-image"; else echo "FAIL runner-no-image: exit $rc"; failures=$((failures + 1)); fi
err=$("$testrun" "$dir/does-not-exist.elf" 2>&1 >/dev/null); rc=$?
if [ "$rc" -eq 2 ] && printf '%s' "$err" | grep -q 'does-not-exist.elf'; then
	echo "ok runner-missing-image"
else
	echo "FAIL runner-missing-image: exit $rc, message '$err'"; failures=$((failures + 1))
fi
"$testrun" --cycles nope "$dir/pass.elf" >/dev/null 2>&1; rc=$?
if [ "$rc" -eq 2 ]; then echo "ok runner-bad-option"; else echo "FAIL runner-bad-option: exit $rc"; failures=$((failures + 1)); fi

[ "$failures" -eq 0 ] || { echo "test-runner: $failures failure(s)"; exit 1; }
