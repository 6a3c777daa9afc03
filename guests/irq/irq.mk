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

# The same guest as microMIPS code (systems/wifire-mixed.dts).
IRQ_MM_GUEST := $(BUILD)/guests/irq-mm.elf
IRQ_MM_OBJS := $(BUILD)/target/mm/guests/irq/main.o
$(IRQ_MM_GUEST): GUEST_LDFLAGS_EXTRA := -Wl,--defsym=_guest_ram_size=0x4000
$(IRQ_MM_GUEST): $(IRQ_MM_OBJS) $(GUEST_MM_START_OBJS) $(GUEST_MM_LIB) $(GUEST_LDSCRIPT)
	$(GUEST_MM_LINK)
ALL_TARGETS += $(IRQ_MM_GUEST)
-include $(IRQ_MM_OBJS:.o=.d)
