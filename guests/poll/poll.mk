# SPDX-License-Identifier: Apache-2.0
# The polling demo guest, a plain guests/lib program (bare chipKIT Wi-Fire
# application; runs unmodified under the hypervisor). Included from
# hypervisor/hypervisor.mk. RAM: 16 KB, the ram-size its VM nodes give it.
POLL_GUEST := $(BUILD)/guests/poll.elf
POLL_OBJS := $(BUILD)/target/guests/poll/main.o

$(POLL_GUEST): GUEST_LDFLAGS_EXTRA := -Wl,--defsym=_guest_ram_size=0x4000
$(POLL_GUEST): $(POLL_OBJS) $(GUEST_START_OBJS) $(GUEST_LIB) $(GUEST_LDSCRIPT)
	$(GUEST_LINK)

ALL_TARGETS += $(POLL_GUEST)
-include $(POLL_OBJS:.o=.d)
