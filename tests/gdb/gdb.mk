# SPDX-License-Identifier: Apache-2.0
# tests/gdb: vzlet-sim --gdb driven by Debian's gdb-multiarch (gdb-test.sh).
.PHONY: test-gdb
test-gdb: $(SIM_CLI) $(GUEST_BOOT) $(GUEST_DEMO) tests/gdb/gdb-test.sh
	@tests/gdb/gdb-test.sh $(SIM_CLI) $(GUEST_BOOT) $(GUEST_DEMO)
TEST_TARGETS += test-gdb
