# SPDX-License-Identifier: Apache-2.0
# tests/gdb: vzlet-sim --gdb driven by Debian's gdb-multiarch (gdb-test.sh;
# gdb-micromips-test.sh on microMIPS code).
.PHONY: test-gdb
# The VM-aware part (gdb-vm-test.sh) debugs the two-guest demo and the
# units test system (two VMs of one ELF, with FPU and DSP state).
test-gdb: $(SIM_CLI) $(GUEST_BOOT) $(GUEST_DEMO) tests/gdb/gdb-test.sh tests/gdb/gdb-vm-test.sh tests/sim-port.sh \
		$(SYS_OUT)/wifire-2guests.srec $(HVT_DIR)/units/image.srec $(HVT_UNITS) scripts/vzlet-gdb \
		tests/gdb/gdb-micromips-test.sh $(BUILD)/tests/cpu/micromips.elf
	@tests/gdb/gdb-test.sh $(SIM_CLI) $(GUEST_BOOT) $(GUEST_DEMO)
	@tests/gdb/gdb-vm-test.sh $(SIM_CLI) $(SYS_OUT)/wifire-2guests $(HVT_DIR)/units/image.srec $(HVT_UNITS)
	@tests/gdb/gdb-micromips-test.sh $(SIM_CLI) $(BUILD)/tests/cpu/micromips.elf
TEST_TARGETS += test-gdb
