#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# misra.sh [--all] - cppcheck with its MISRA C:2012 addon over hypervisor/
# (target code, MIPS32 freestanding). The rules the project deviates from
# are suppressed by misra-deviations.txt (each explained in docs/misra.md);
# any other finding fails. --all: no deviations, a count per rule (for
# docs/misra.md). Exit status 1 on any finding.
set -eu
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
supp=--suppressions-list=tests/static/misra-deviations.txt
[ "${1:-}" = --all ] && supp=
# -D__mips__ etc.: the compiler's predefined macros for the target; the
# platform is a 32-bit little-endian one (unix32 sizes match MIPS32).
cppcheck --quiet --std=c11 --platform=unix32 --addon=misra --enable=warning,style,performance,portability \
	--inline-suppr --suppress=missingIncludeSystem --suppress=unusedFunction \
	-D__mips__ -D__mips=32 -D__MIPSEL__ -D__GNUC__=12 -Ihypervisor/include \
	--cppcheck-build-dir="$out" --template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
	$supp hypervisor 2>"$out/findings"
if [ -n "$supp" ]; then
	if [ -s "$out/findings" ]; then
		cat "$out/findings"
		echo "cppcheck/MISRA: $(wc -l <"$out/findings") findings"
		exit 1
	fi
	echo "cppcheck/MISRA: hypervisor/ clean (deviations: tests/static/misra-deviations.txt)"
else
	grep -o '\[[A-Za-z0-9.-]*\]$' "$out/findings" | sort | uniq -c | sort -k2 -V
	echo "total: $(wc -l <"$out/findings")"
fi
