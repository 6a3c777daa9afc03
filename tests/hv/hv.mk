# SPDX-License-Identifier: Apache-2.0
# Hypervisor end-to-end tests (test-hv): real images on the simulator.
#
# Each test system in tests/hv/systems/ goes through the real chain:
# dtc -> vzlet-config (tables + merge plan) -> hypervisor ELF -> srec_cat
# image, then tests/hv/hvtest.sh runs it on vzlet-sim and checks the console
# output and the LED timing.

HVT_DIR := $(BUILD)/hv
HVT_SYSTEMS := two rogue bench vevic units mixed attacks random threads chan hm win wdt
HVT_IMAGES := $(foreach s,$(HVT_SYSTEMS),$(HVT_DIR)/$(s)/image.srec)
# The test guests are guests/lib programs (docs/guest-lib.md) with the 16 KB
# of RAM the demo guests have.
HVT_ROGUE := $(HVT_DIR)/rogue.elf
HVT_BENCH := $(HVT_DIR)/bench.elf
HVT_DSLOT := $(HVT_DIR)/dslot.elf
HVT_VEVIC := $(HVT_DIR)/vevic.elf
HVT_UNITS := $(HVT_DIR)/units.elf
# dslot as microMIPS code (GUEST_MM_*, guests/guests.mk): VM 2 of 2 in the
# mixed system, beside the MIPS32 poll guest; units as microMIPS: VM 3 of
# the units system, beside two MIPS32 ones.
HVT_DSLOT_MM := $(HVT_DIR)/dslot-mm.elf
HVT_UNITS_MM := $(HVT_DIR)/units-mm.elf
HVT_ATTACK := $(HVT_DIR)/attack.elf
HVT_SPY := $(HVT_DIR)/spy.elf
HVT_RANDOM := $(HVT_DIR)/random.elf
HVT_CHAN := $(HVT_DIR)/chan.elf
HVT_HM := $(HVT_DIR)/hm.elf
HVT_WIN := $(HVT_DIR)/win.elf
HVT_WDT := $(HVT_DIR)/wdt.elf

$(BUILD)/target/hv/%.o: tests/hv/guests/%.c $(GUEST_ISA_STAMP)
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(GUEST_CFLAGS) -c $< -o $@

HVT_LIB_GUESTS := $(HVT_ROGUE) $(HVT_BENCH) $(HVT_DSLOT) $(HVT_VEVIC) $(HVT_UNITS) $(HVT_ATTACK) \
	$(HVT_SPY) $(HVT_RANDOM) \
	$(HVT_CHAN) $(HVT_HM) $(HVT_WIN) $(HVT_WDT)
$(HVT_LIB_GUESTS): GUEST_LDFLAGS_EXTRA := -Wl,--defsym=_guest_ram_size=0x4000
$(HVT_LIB_GUESTS): $(HVT_DIR)/%.elf: $(BUILD)/target/hv/%.o $(GUEST_START_OBJS) $(GUEST_LIB) $(GUEST_LDSCRIPT)
	$(GUEST_LINK)
-include $(patsubst $(HVT_DIR)/%.elf,$(BUILD)/target/hv/%.d,$(HVT_LIB_GUESTS))

$(BUILD)/target/mm/hv/dslot.o: tests/hv/guests/dslot.c
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_CFLAGS) -Iguests/lib/include -MMD -MP $(GUEST_MM_CFLAGS) \
		-DDSLOT_VM_ID=2 -DDSLOT_NUM_VMS=2 -c $< -o $@
$(HVT_DSLOT_MM): GUEST_LDFLAGS_EXTRA := -Wl,--defsym=_guest_ram_size=0x4000
$(HVT_DSLOT_MM): $(BUILD)/target/mm/hv/dslot.o $(GUEST_MM_START_OBJS) $(GUEST_MM_LIB) $(GUEST_LDSCRIPT)
	$(GUEST_MM_LINK)
-include $(BUILD)/target/mm/hv/dslot.d

$(BUILD)/target/mm/hv/units.o: tests/hv/guests/units.c
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_CFLAGS) -Iguests/lib/include -MMD -MP $(GUEST_MM_CFLAGS) -c $< -o $@
$(HVT_UNITS_MM): GUEST_LDFLAGS_EXTRA := -Wl,--defsym=_guest_ram_size=0x4000
$(HVT_UNITS_MM): $(BUILD)/target/mm/hv/units.o $(GUEST_MM_START_OBJS) $(GUEST_MM_LIB) $(GUEST_LDSCRIPT)
	$(GUEST_MM_LINK)
-include $(BUILD)/target/mm/hv/units.d

HVT_GUESTS := $(POLL_GUEST) $(IRQ_GUEST) $(HVT_ROGUE) $(HVT_BENCH) $(HVT_DSLOT) $(HVT_VEVIC) \
	$(HVT_UNITS) $(HVT_DSLOT_MM) $(HVT_UNITS_MM) $(HVT_ATTACK) $(HVT_SPY) $(HVT_RANDOM) \
	$(HVT_CHAN) $(HVT_HM) $(HVT_WIN) $(HVT_WDT)

$(HVT_DIR)/%/system.dtb: tests/hv/systems/%.dts systems/pic32mz-ef.dtsi systems/chipkit-wifire.dtsi
	@mkdir -p $(dir $@)
	dtc -q -I dts -O dtb -i systems -o $@ $<

$(HVT_DIR)/%/vm_tables.c: $(HVT_DIR)/%/system.dtb $(VZLET_CONFIG) $(HVT_GUESTS)
	$(VZLET_CONFIG) --tables $@ $<

$(HVT_DIR)/%/vm_tables.o: $(HVT_DIR)/%/vm_tables.c
	$(TARGET_CC) $(HV_CFLAGS) -c $< -o $@

$(HVT_DIR)/%/hypervisor.elf: $(HVT_DIR)/%/vm_tables.o $(HV_OBJS) $(HV_LDSCRIPT)
	$(call hv_link,$@,$<)

$(HVT_DIR)/%/image.srec: $(HVT_DIR)/%/hypervisor.elf $(HVT_DIR)/%/system.dtb $(HVT_GUESTS)
	$(VZLET_CONFIG) --hypervisor $< --merge $(HVT_DIR)/$*/merge.txt $(HVT_DIR)/$*/system.dtb
	srec_cat @$(HVT_DIR)/$*/merge.txt -o $@

# The tables' object depends on the hypervisor headers (struct vz_vm sizes
# the VM state array).
-include $(foreach s,$(HVT_SYSTEMS),$(HVT_DIR)/$(s)/vm_tables.d)

.PRECIOUS: $(HVT_DIR)/%/system.dtb $(HVT_DIR)/%/vm_tables.c $(HVT_DIR)/%/vm_tables.o \
	$(HVT_DIR)/%/hypervisor.elf

.PHONY: test-hv hv-images run-hv hv-costs
TEST_TARGETS += test-hv
hv-images: $(HVT_IMAGES)

test-hv: $(HVT_IMAGES) $(SIM_CLI) $(GUEST_BOOT) $(SYS_OUT)/wifire-mixed.srec
	tests/hv/hvtest.sh $(SIM_CLI) $(HVT_DIR) $(GUEST_BOOT) $(POLL_GUEST) $(IRQ_GUEST) $(HVT_DSLOT) \
		$(HVT_VEVIC) $(HVT_UNITS) $(HVT_DSLOT_MM) $(SYS_OUT)/wifire-mixed.srec $(HVT_UNITS_MM)
	tests/hv/threads-test.sh $(SIM_CLI) $(HVT_DIR)/threads/image.srec

# The two-guest system with an interactive console (Ctrl-] quits).
run-hv: $(HVT_DIR)/two/image.srec $(SIM_CLI)
	$(SIM_CLI) --leds $<

# A quick look at the hypervisor's costs measured by a guest
# (tests/hv/guests/bench.c) and its size in the two-guest system; not a test
# (`make bench` has the full benchmark, bench/hv.mk).
hv-costs: $(HVT_DIR)/bench/image.srec $(HVT_DIR)/two/hypervisor.elf $(GUEST_BOOT) $(HVT_BENCH) $(SIM_CLI)
	tests/hv/bench.sh $(SIM_CLI) $(HVT_DIR)/bench/image.srec $(GUEST_BOOT) $(HVT_BENCH) \
		$(HVT_DIR)/two/hypervisor.elf $(TARGET_SIZE)

# Channels, health monitor, watchdog, windows (issue 12): tests/hv/partition.sh.
include tests/hv/partition.mk
