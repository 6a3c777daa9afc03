# SPDX-License-Identifier: Apache-2.0
# The partitioning demo's guests (systems/wifire-partition.dts, `make
# run-partition`): plain guests/lib programs with the 16 KB of RAM their VM
# nodes give them. Included from hypervisor/hypervisor.mk.
CRITICAL_GUEST := $(BUILD)/guests/critical.elf
UNTRUSTED_GUEST := $(BUILD)/guests/untrusted.elf

$(CRITICAL_GUEST) $(UNTRUSTED_GUEST): GUEST_LDFLAGS_EXTRA := -Wl,--defsym=_guest_ram_size=0x4000
$(CRITICAL_GUEST) $(UNTRUSTED_GUEST): $(BUILD)/guests/%.elf: $(BUILD)/target/guests/partition/%.o $(GUEST_START_OBJS) $(GUEST_LIB) $(GUEST_LDSCRIPT)
	$(GUEST_LINK)

ALL_TARGETS += $(CRITICAL_GUEST) $(UNTRUSTED_GUEST)
-include $(BUILD)/target/guests/partition/critical.d $(BUILD)/target/guests/partition/untrusted.d
