# SPDX-License-Identifier: Apache-2.0
# The DMA demo guest (guests/dma/main.c), a plain guests/lib program.
# Included from hypervisor/hypervisor.mk. RAM: 32 KB (two 4 KB buffers
# beside its data and stack), the ram-size its VM node gives it.
DMA_GUEST := $(BUILD)/guests/dma.elf
DMA_GUEST_OBJS := $(BUILD)/target/guests/dma/main.o

$(DMA_GUEST): GUEST_LDFLAGS_EXTRA := -Wl,--defsym=_guest_ram_size=0x8000
$(DMA_GUEST): $(DMA_GUEST_OBJS) $(GUEST_START_OBJS) $(GUEST_LIB) $(GUEST_LDSCRIPT)
	$(GUEST_LINK)

ALL_TARGETS += $(DMA_GUEST)
-include $(DMA_GUEST_OBJS:.o=.d)
