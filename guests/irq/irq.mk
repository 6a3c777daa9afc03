# SPDX-License-Identifier: Apache-2.0
# The interrupt-driven demo guest, a plain guests/lib program. Included from
# hypervisor/hypervisor.mk. RAM: 16 KB, the ram-size its VM nodes give it.
IRQ_GUEST := $(BUILD)/guests/irq.elf
IRQ_OBJS := $(BUILD)/target/guests/irq/main.o

$(IRQ_GUEST): GUEST_LDFLAGS_EXTRA := -Wl,--defsym=_guest_ram_size=0x4000
$(IRQ_GUEST): $(IRQ_OBJS) $(GUEST_START_OBJS) $(GUEST_LIB) $(GUEST_LDSCRIPT)
	$(GUEST_LINK)

ALL_TARGETS += $(IRQ_GUEST)
-include $(IRQ_OBJS:.o=.d)
