# SPDX-License-Identifier: Apache-2.0
# tests/console: the hypervisor console driven through the simulator's
# scripted input (debug-test.sh: the debug mode's d, e, i, t) and over TCP
# (vmcon-test.sh: waiting for the client, a VM's console on its own port).
.PHONY: test-console
test-console: $(SIM_CLI) $(SYS_OUT)/wifire-2guests.srec $(IRQ_GUEST) tests/console/debug-test.sh \
		tests/console/vmcon-test.sh tests/sim-port.sh
	@tests/console/debug-test.sh $(SIM_CLI) $(SYS_OUT)/wifire-2guests.srec $(IRQ_GUEST)
	@tests/console/vmcon-test.sh $(SIM_CLI) $(SYS_OUT)/wifire-2guests.srec
TEST_TARGETS += test-console
