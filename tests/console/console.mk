# SPDX-License-Identifier: Apache-2.0
# tests/console: the hypervisor console driven through the simulator's
# scripted input (debug-test.sh: the debug mode's d, e, i, t).
.PHONY: test-console
test-console: $(SIM_CLI) $(SYS_OUT)/wifire-2guests.srec $(IRQ_GUEST) tests/console/debug-test.sh
	@tests/console/debug-test.sh $(SIM_CLI) $(SYS_OUT)/wifire-2guests.srec $(IRQ_GUEST)
TEST_TARGETS += test-console
