#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# run-fuzz.sh FUZZDIR SECONDS HARNESS... - run afl-fuzz on each harness for
# SECONDS, one after the other, without a user interface; then print the
# executions and crashes of each (from AFL's fuzzer_stats). Crashing inputs
# stay in FUZZDIR/out/HARNESS/default/crashes. Exit status 1 if any crashed.
set -eu
dir=$1 secs=$2
shift 2
export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
	AFL_NO_AFFINITY=1 AFL_SKIP_CRASHES=1 AFL_QUIET=1
mkdir -p "$dir/out"
crashed=0
summary=""
for h in "$@"; do
	out=$dir/out/$h
	# Resume a previous run's queue if there is one (AFL_AUTORESUME).
	echo "fuzz: $h for ${secs}s"
	AFL_AUTORESUME=1 afl-fuzz -i tests/fuzz/corpus/$h -o "$out" -V "$secs" -t 1000 \
		-- "$dir/afl/$h" >"$dir/$h.log" 2>&1 || {
		echo "fuzz: afl-fuzz failed for $h (see $dir/$h.log)" >&2
		tail -20 "$dir/$h.log" >&2
		exit 2
	}
	stats=$out/default/fuzzer_stats
	execs=$(sed -n 's/^execs_done *: *//p' "$stats")
	crashes=$(sed -n 's/^saved_crashes *: *//p' "$stats")
	[ -n "$crashes" ] || crashes=$(sed -n 's/^unique_crashes *: *//p' "$stats")
	hangs=$(sed -n 's/^saved_hangs *: *//p' "$stats")
	[ -n "$hangs" ] || hangs=$(sed -n 's/^unique_hangs *: *//p' "$stats")
	paths=$(sed -n 's/^corpus_count *: *//p' "$stats")
	summary="$summary$(printf '%-12s %12s execs %6s corpus %4s crashes %4s hangs' \
		"$h" "$execs" "$paths" "$crashes" "$hangs")
"
	[ "$crashes" = 0 ] || crashed=1
done
printf 'fuzz summary (%s s each):\n%s' "$secs" "$summary"
exit $crashed
