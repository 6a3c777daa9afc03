# SPDX-License-Identifier: Apache-2.0
# The demo guests of the other boards (guests/boards/blink.c, docs/boards.md):
# for each board, "slow" (LED1 every 500 ms, symbol '.') and "fast" (LED2
# every 100 ms, symbol '*'), build/guests/BOARD-slow.elf and BOARD-fast.elf.
# Included from hypervisor/hypervisor.mk. RAM: 16 KB.
BOARD_DEMO_BOARDS := dm320007 emz64
BOARD_DEMO_GUESTS := $(foreach b,$(BOARD_DEMO_BOARDS),$(BUILD)/guests/$(b)-slow.elf $(BUILD)/guests/$(b)-fast.elf)

board_define = $(if $(filter dm320007,$(1)),-DBOARD_DM320007,-DBOARD_EMZ64)
board_demo_flags = $(if $(filter slow,$(2)),-DDEMO_LED=1 -DDEMO_MS=500u "-DDEMO_SYMBOL='.'",\
	-DDEMO_LED=2 -DDEMO_MS=100u "-DDEMO_SYMBOL='*'") \
	'-DDEMO_BANNER="$(2): LED$(if $(filter slow,$(2)),1 every 500,2 every 100) ms on $(1); type to change its symbol"'

define board_demo_guest
$(BUILD)/target/guests/boards/$(1)-$(2).o: guests/boards/blink.c $(GUEST_ISA_STAMP)
	@mkdir -p $$(dir $$@)
	$$(TARGET_CC) $$(GUEST_CFLAGS) $(call board_define,$(1)) $(call board_demo_flags,$(1),$(2)) -c $$< -o $$@
$(BUILD)/guests/$(1)-$(2).elf: GUEST_LDFLAGS_EXTRA := -Wl,--defsym=_guest_ram_size=0x4000
$(BUILD)/guests/$(1)-$(2).elf: $(BUILD)/target/guests/boards/$(1)-$(2).o $$(GUEST_START_OBJS) $$(GUEST_LIB) $$(GUEST_LDSCRIPT)
	$$(GUEST_LINK)
-include $(BUILD)/target/guests/boards/$(1)-$(2).d
endef
$(foreach b,$(BOARD_DEMO_BOARDS),$(foreach k,slow fast,$(eval $(call board_demo_guest,$(b),$(k)))))

ALL_TARGETS += $(BOARD_DEMO_GUESTS)
