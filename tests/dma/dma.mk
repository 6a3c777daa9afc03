# SPDX-License-Identifier: Apache-2.0
# test-dma: the DMA demo guest (guests/dma) unmodified on the bare chip
# (after the boot stub) and as VM 1 of systems/wifire-dma.dts beside the
# interrupt demo guest; tests/dma/run.sh checks both consoles.
.PHONY: test-dma
test-dma: $(SIM_CLI) $(GUEST_BOOT) $(DMA_GUEST) $(SYS_OUT)/wifire-dma.srec tests/dma/run.sh
	@tests/dma/run.sh $(SIM_CLI) $(GUEST_BOOT) $(DMA_GUEST) $(SYS_OUT)/wifire-dma.srec
TEST_TARGETS += test-dma
