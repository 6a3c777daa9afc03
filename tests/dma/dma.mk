# SPDX-License-Identifier: Apache-2.0
# test-dma: the DMA demo guest (guests/dma) unmodified on the bare chip
# (after the boot stub) and as VM 1 of systems/wifire-dma.dts beside the
# interrupt demo guest; tests/dma/run.sh checks both consoles.
.PHONY: test-dma
test-dma: $(SIM_CLI) $(GUEST_BOOT) $(DMA_GUEST) $(SYS_OUT)/wifire-dma.srec tests/dma/run.sh
	@tests/dma/run.sh $(SIM_CLI) $(GUEST_BOOT) $(DMA_GUEST) $(SYS_OUT)/wifire-dma.srec
TEST_TARGETS += test-dma

# The bus permissions alone (a transfer that slipped past the hypervisor):
# tests/dma/slip.c drives the DMA controller of the booted system directly.
DMA_SLIP := $(BUILD)/tests/dma/slip
$(DMA_SLIP): tests/dma/slip.c $(SIM_LIB) simulator/machine.h simulator/soc/soc.h
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -Isimulator -Isimulator/include -o $@ $< $(SIM_LIB) $(SIM_LIBS)

test-dma: test-dma-slip
.PHONY: test-dma-slip
test-dma-slip: $(DMA_SLIP) $(SYS_OUT)/wifire-dma.srec
	@$(DMA_SLIP) $(SYS_OUT)/wifire-dma.srec
