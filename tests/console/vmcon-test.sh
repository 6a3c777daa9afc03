#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# vmcon-test.sh SIM DEMO_IMAGE - consoles over TCP (docs/console.md, "A VM's
# console on its own port"): the run waits for its TCP client, and gives up
# after --tcp-wait; VM 2's console on its own port gets VM 2's lines
# without their tag and none of VM 1's, and the keys typed there reach VM 2
# (the simulator types Ctrl-E 2 for them); the main console keeps VM 1 and
# the hypervisor. The client is bash's /dev/tcp over loopback.
set -u
sim=$1 image=$2
tmp=$(mktemp -d)
simpid=
trap '[ -n "$simpid" ] && kill "$simpid" 2>/dev/null; rm -rf "$tmp"' EXIT
failures=0
ok()   { echo "ok   vm-console: $1"; }
fail() { echo "FAIL vm-console: $1"; failures=$((failures + 1)); }

. "$(dirname "$0")/../sim-port.sh"
# start ARGS...: vzlet-sim --strict --fast ARGS, waiting for its TCP client
start() { sim_on_port 120 'waiting for a client' --strict --fast "$@"; }

# 1. VM 2 on its own port; the key 'y' typed there becomes VM 2's symbol.
start --cycles 400M --uart "4=file:$tmp/main" --vm-console 2=tcp:PORT --tcp-wait 20 "$image"
# Without the wait these 400M cycles take well under a second with --fast.
kill -0 "$simpid" 2>/dev/null && [ ! -s "$tmp/main" ] && ok "nothing runs before the client" ||
	fail "the run did not wait for its client"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'y' >&3
timeout 30 cat <&3 >"$tmp/vm2"
exec 3<&-
wait "$simpid"; rc=$?; simpid=
{ [ $rc -eq 0 ] || [ $rc -eq 3 ]; } && ok "the run starts when the client connects" || fail "status $rc: $(cat "$tmp/sim.err")"
grep -qx 'irq: LD2-LD4 move every 100 ms, one symbol each; type to change it' "$tmp/vm2" &&
	ok "vm2's banner on its port, untagged" || fail "vm2's banner missing: $(head -3 "$tmp/vm2")"
grep -Eqx 'y{5,}' "$tmp/vm2" && ok "the key typed on vm2's port reached vm2" || fail "no 'yyyyy' line on vm2's port"
grep -q '^\[\|poll:' "$tmp/vm2" && fail "tagged or VM 1 lines on vm2's port" || ok "only vm2's lines on its port"
grep -q '^\[2\]' "$tmp/main" && fail "vm2's lines still on the main console" || ok "vm2's lines left the main console"
grep -q '^\[1\] poll: LD1 blinks' "$tmp/main" && grep -q '^\[hv\] vzlet hypervisor' "$tmp/main" &&
	ok "vm1 and the hypervisor stay on the main console" || fail "main console: $(head -5 "$tmp/main")"
grep -q '^\[hv\] input to vm2 (irq)$' "$tmp/main" && ok "focus moved to vm2 for its key" ||
	fail "no focus confirmation on the main console"

# 2. The main console over TCP: the client gets everything from the start.
start --cycles 100M --uart 4=tcp:PORT --tcp-wait 20 "$image"
exec 3<>"/dev/tcp/127.0.0.1/$port"
timeout 30 cat <&3 >"$tmp/tcp4"
exec 3<&-
wait "$simpid"; simpid=
head -1 "$tmp/tcp4" | grep -q '^\[hv\] vzlet hypervisor: 2 VMs' && ok "TCP console: the banner is the first line" ||
	fail "TCP console: first line '$(head -1 "$tmp/tcp4")'"

# 3. Nobody connects: give up after --tcp-wait, status 2.
"$sim" --strict --fast --cycles 100M --vm-console 1=tcp:$((port + 1)) --tcp-wait 1 "$image" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 2 ] && grep -q "vm1's console: no client on 127.0.0.1:$((port + 1)) within 1 s" "$tmp/err" &&
	ok "no client within --tcp-wait: status 2" || fail "timeout: status $rc, $(cat "$tmp/err")"
"$sim" --vm-console 8=pty "$image" >"$tmp/out" 2>&1
[ $? -eq 2 ] && grep -q 'N 1..7' "$tmp/out" && ok "--vm-console 8 refused" || fail "--vm-console 8: $(cat "$tmp/out")"

[ $failures -eq 0 ] || { echo "--- vm2 port"; head -20 "$tmp/vm2"; echo "--- main"; head -20 "$tmp/main"; }
exit $((failures > 0))
