#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# tidy.sh [FILE.c...] - clang-tidy over the project's C files (default: all
# of them, git ls-files), host code with the host's flags, target code as
# mipsel freestanding. The checks and the disabled ones are in
# tests/static/clang-tidy.yaml (reasons in docs/misra.md). Two jobs at a
# time. Exit status 1 on any finding.
set -eu
cd "$(dirname "$0")/../.."
jobs=${STATIC_JOBS:-2}

. tests/static/code-kinds.sh

if [ $# -eq 0 ]; then
	set -- $(git ls-files '*.c')
fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in "$@"; do echo "$f"; done | xargs -P "$jobs" -I{} sh -c '
	f=$1; out=$2
	. tests/static/code-kinds.sh
	if is_target "$f"; then flags=$TARGET_FLAGS; else flags=$(host_flags "$f"); fi
	log=$out/$(echo "$f" | tr / _).log
	clang-tidy --quiet --config-file=tests/static/clang-tidy.yaml "$f" -- $flags >"$log" 2>&1 || true
	' sh {} "$out"
# A finding is a line "file:line:col: warning|error: ... [check]".
cat "$out"/*.log | grep -E '^[^ ]+:[0-9]+:[0-9]+: (warning|error):|Error while processing' | sort -u >"$out/all" || true
n=$(wc -l <"$out/all")
if [ "$n" -ne 0 ]; then
	cat "$out/all"
	echo "clang-tidy: $n findings"
	exit 1
fi
echo "clang-tidy: $# files, no findings"
