#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# cli-test.sh SIM BOOT DEMO SFR_ELF - vzlet-sim's options and exit statuses
# (docs/simulator-cli.md), on the bare-metal demo and a test program that
# touches an unimplemented SFR.
set -u
sim=$1 boot=$2 demo=$3 sfr=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0

# expect DESCRIPTION STATUS PATTERN|'' -- vzlet-sim arguments (stdout+stderr in $tmp/out)
expect() {
	desc=$1 status=$2 pattern=$3
	shift 4
	"$sim" --strict "$@" </dev/null >"$tmp/out" 2>&1
	rc=$?
	if [ "$rc" -ne "$status" ]; then
		echo "FAIL cli: $desc: status $rc, expected $status"
		sed 's/^/    /' "$tmp/out" | head -20
		failures=$((failures + 1))
	elif [ -n "$pattern" ] && ! grep -Eq -- "$pattern" "$tmp/out"; then
		echo "FAIL cli: $desc: output does not match '$pattern'"
		sed 's/^/    /' "$tmp/out" | head -20
		failures=$((failures + 1))
	else
		echo "ok cli: $desc"
	fi
}

expect "--help" 0 '^usage: vzlet-sim' -- --help
expect "no image" 2 'no image given' --
expect "unknown option" 2 'usage:' -- --bogus "$demo"
expect "bad --uart" 2 'unknown destination' -- --uart 4=serial "$demo"
expect "bad --uart number" 2 'N 1..6' -- --uart 9=stdio "$demo"
expect "bad --cycles" 2 'positive number' -- --cycles 12x "$demo"
expect "bad --input-at" 2 'CYCLE:STRING' -- --input-at hello "$demo"
expect "bad escape" 2 'bad escape' -- --input 'a\q' "$demo"
expect "empty --until" 2 'empty string' -- --until '' "$demo"
expect "missing image" 2 'nope.elf: No such file' -- "$tmp/nope.elf"
printf 'garbage\n' >"$tmp/garbage.img"
expect "garbage image" 2 'unrecognised image format' -- "$tmp/garbage.img"
printf ':0400000001020304F3\n:00000001FF\n' >"$tmp/badsum.hex"
expect "bad HEX checksum names file and line" 2 'badsum.hex:1: checksum 0xF3, expected 0xF2' -- "$tmp/badsum.hex"

expect "--until matches" 0 '^tick 1: ' -- --quiet --cycles 400M --until 'tick 1: ' "$boot" "$demo"
expect "--fail-on matches first" 1 'fail-on string appeared' -- --cycles 400M --until 'tick 2' --fail-on 'tick 1' "$boot" "$demo"
expect "--cycles without --until is success" 0 '' -- --quiet --cycles 20M "$boot" "$demo"
expect "--cycles before --until" 3 'reached before any --until' -- --quiet --cycles 20M --until 'tick 1' "$boot" "$demo"
expect "--input reaches the console" 0 "you typed 'q' \(0x71\)" -- --quiet --cycles 400M --input q --until '(0x71)' "$boot" "$demo"
expect "--input escapes" 0 "you typed '.' \(0x01\)" -- --quiet --cycles 400M --input '\x01' --until '(0x01)' "$boot" "$demo"
expect "--leds format" 0 '^\[led\] LD3 on @ 110\.[0-9]{6} ms$' -- --quiet --leds --cycles 30M "$boot" "$demo"
expect "--stats" 0 'simulated MIPS' -- --quiet --stats --cycles 10M "$boot" "$demo"
expect "unimplemented SFR: warning" 0 'unimplemented SFR 0xbf80ff00' -- --cycles 1M "$sfr"
expect "--strict-sfr: fatal error" 4 'simulation error at cycle' -- --strict-sfr --cycles 1M "$sfr"
expect "--quiet hides the warning" 0 '' -- --quiet --cycles 1M "$sfr"
if grep -q 'warning' "$tmp/out"; then
	echo "FAIL cli: --quiet still warns"; failures=$((failures + 1))
fi

# Same image and input: same output, byte for byte.
"$sim" --strict --quiet --leds --cycles 300M --input-at 50M:abc "$boot" "$demo" </dev/null >"$tmp/run1" 2>&1
"$sim" --strict --quiet --leds --cycles 300M --input-at 50M:abc "$boot" "$demo" </dev/null >"$tmp/run2" 2>&1
if cmp -s "$tmp/run1" "$tmp/run2" && grep -q "you typed 'c'" "$tmp/run1"; then
	echo "ok cli: deterministic output"
else
	echo "FAIL cli: two identical runs differ"; failures=$((failures + 1))
fi

# UART output to a file; stdout then has none of it.
"$sim" --strict --quiet --uart 4=file:"$tmp/console.txt" --cycles 120M "$boot" "$demo" </dev/null >"$tmp/out" 2>&1
if grep -q '^tick 1: 5 timer interrupts' "$tmp/console.txt" && ! grep -q 'tick' "$tmp/out"; then
	echo "ok cli: --uart 4=file:PATH"
else
	echo "FAIL cli: --uart 4=file:PATH"; failures=$((failures + 1))
fi

# A pty is announced with its device name.
expect "--uart 4=pty announces the device" 0 'UART4 is on /dev/pts/' -- --uart 4=pty --cycles 10M "$boot" "$demo"

# --trace writes one line per instruction, starting at --trace-after.
"$sim" --strict --quiet --cycles 1000 --trace "$tmp/trace" "$boot" "$demo" </dev/null >/dev/null 2>&1
if [ -s "$tmp/trace" ] && head -1 "$tmp/trace" | grep -qi 'bfc00000'; then
	echo "ok cli: --trace starts at the reset vector"
else
	echo "FAIL cli: --trace"; failures=$((failures + 1))
fi

# Interactive console on a terminal (script(1) provides the pty): keys reach
# the program, Ctrl-] quits with status 0. Without the escape the run would
# end at the cycle limit with status 3.
if command -v script >/dev/null 2>&1; then
	printf 'k\035' | script -qec "$sim --cycles 100M --until never-printed $boot $demo" /dev/null \
		>"$tmp/tty" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ] && grep -q 'press Ctrl-] to quit' "$tmp/tty" && grep -q 'vzlet-sim: quit' "$tmp/tty"; then
		echo "ok cli: Ctrl-] quits the interactive console"
	else
		echo "FAIL cli: Ctrl-] on a terminal: status $rc"; sed 's/^/    /' "$tmp/tty" | head; failures=$((failures + 1))
	fi
else
	echo "skip cli: no script(1) for the terminal test"
fi

[ "$failures" -eq 0 ] || { echo "test-cli: $failures failure(s)"; exit 1; }
