#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# analyzer.sh [FILE.c...] - GCC's static analyzer (-fanalyzer) over the
# host C files (default: every tracked .c that is not target code; target
# code is covered by cppcheck/MISRA and clang-tidy). Two jobs at a time.
# Exit status 1 on any finding.
set -eu
cd "$(dirname "$0")/../.."
jobs=${STATIC_JOBS:-2}
. tests/static/code-kinds.sh
if [ $# -eq 0 ]; then
	set -- $(git ls-files '*.c' | grep -Ev "$TARGET_RE")
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in "$@"; do echo "$f"; done | xargs -P "$jobs" -I{} sh -c '
	f=$1; out=$2
	. tests/static/code-kinds.sh
	flags=$(host_flags "$f")
	log=$out/$(echo "$f" | tr / _).log
	gcc $flags -O1 -fanalyzer -c "$f" -o /dev/null >"$log" 2>&1 || echo "$f: gcc failed" >>"$log"
	' sh {} "$out"
cat "$out"/*.log | grep -E '(warning|error):|gcc failed' | sort -u >"$out/all" || true
n=$(wc -l <"$out/all")
if [ "$n" -ne 0 ]; then
	cat "$out"/*.log
	echo "gcc -fanalyzer: $n findings"
	exit 1
fi
echo "gcc -fanalyzer: $# files, no findings"
