# SPDX-License-Identifier: Apache-2.0
# sim-gdb.sh - sourced by the gdb tests: start vzlet-sim with --gdb on a
# free port. Needs $sim, $tmp and fail() from the sourcing script.
#
# start_sim SECONDS IMAGE... : vzlet-sim --strict --gdb PORT IMAGE... in the
# background, killed after SECONDS; sets $port and $simpid. The simulator
# announces "waiting for gdb" after listen(), so once that shows the port is
# open. A port another program holds ("cannot listen") is retried on another
# one; any other failure ends the test.
start_sim() {
	local limit=$1 try
	shift
	for try in $(seq 0 19); do
		port=$((20000 + ($$ * 7 + try * 101) % 40000))
		timeout -k 5 "$limit" "$sim" --strict --gdb "$port" "$@" </dev/null >"$tmp/sim.out" 2>"$tmp/sim.err" &
		simpid=$!
		for _ in $(seq 200); do       # at most 10 s
			grep -q 'waiting for gdb' "$tmp/sim.err" && return 0
			kill -0 "$simpid" 2>/dev/null || break
			sleep 0.05
		done
		wait "$simpid" 2>/dev/null
		simpid=
		grep -q 'cannot listen' "$tmp/sim.err" || break
	done
	fail "vzlet-sim --gdb did not start listening"; cat "$tmp/sim.err"; exit 1
}
