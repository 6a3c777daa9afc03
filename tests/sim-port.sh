# SPDX-License-Identifier: Apache-2.0
# sim-port.sh - sourced by tests that talk to vzlet-sim over a TCP port on
# loopback (tests/gdb, tests/console). Needs $sim, $tmp and fail() from the
# sourcing script.
#
# sim_on_port SECONDS READY ARGS... : vzlet-sim ARGS in the background, with
# the word PORT in ARGS replaced by a free port, killed after SECONDS; sets
# $port and $simpid. Returns once its stderr shows READY (printed after
# listen(), so the port is open then). A port another program holds
# ("cannot listen") is retried on another one; any other failure ends the
# test.
sim_on_port() {
	local limit=$1 ready=$2 try
	shift 2
	for try in $(seq 0 19); do
		port=$((20000 + ($$ * 7 + try * 101) % 40000))
		timeout -k 5 "$limit" "$sim" "${@/PORT/$port}" </dev/null >"$tmp/sim.out" 2>"$tmp/sim.err" &
		simpid=$!
		for _ in $(seq 200); do       # at most 10 s
			grep -q "$ready" "$tmp/sim.err" && return 0
			kill -0 "$simpid" 2>/dev/null || break
			sleep 0.05
		done
		wait "$simpid" 2>/dev/null
		simpid=
		grep -q 'cannot listen' "$tmp/sim.err" || break
	done
	fail "vzlet-sim did not start listening"; cat "$tmp/sim.err"; exit 1
}

# start_sim SECONDS IMAGE... : vzlet-sim --strict --gdb PORT IMAGE...
start_sim() {
	local limit=$1
	shift
	sim_on_port "$limit" 'waiting for gdb' --strict --gdb PORT "$@"
}
