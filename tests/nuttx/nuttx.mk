# SPDX-License-Identifier: Apache-2.0
# test-nuttx: Apache NuttX bare and as a guest (tests/nuttx/nuttx-test.sh).
# Builds NuttX once per ISA (cached in build/nuttx and build/nuttx-mm by
# scripts/nuttx-build.sh); without the NuttX sources the group says it is
# skipped and passes.
.PHONY: test-nuttx
test-nuttx: $(SIM_CLI) $(VZLET_CONFIG) $(HV_OBJS) $(BUILD)/guests/poll.elf $(BUILD)/guests/irq.elf
	+@MAKE="$(MAKE)" tests/nuttx/nuttx-test.sh $(SIM_CLI) $(NUTTX_OUT) $(SYS_OUT)/wifire-nuttx.srec \
		$(NUTTX_MM_OUT) $(SYS_OUT)/wifire-nuttx-mm.srec
TEST_TARGETS += test-nuttx
