# SPDX-License-Identifier: Apache-2.0
# tests/config: vzlet-config. Unit tests (cmocka) of placement, page
# splitting, sub-page masks and checks; one bad system description per error
# (tests/config/bad/*.dts, each naming the message it must produce); a good
# system taken through tables (compiled for the target), merge plan and
# srec_cat, with the merged image checked byte for byte against the ELFs; a
# new system taken through the real make rules of systems/systems.mk.

CFGT := $(BUILD)/tests/config
CFGT_TA := $(TARGET_ARCH) -msoft-float
CFGT_LINK := $(TARGET_CC) $(CFGT_TA) -nostdlib -static -Wl,--build-id=none -Wl,--fatal-warnings

# Stand-in guest images: name:TEXT_PAD:DATA_PAD:BSS_SIZE
CFGT_GUESTS := big:0x5000:0x100:0x1000 small:0x100:0x10:0x100 huge:0x30000:0x10:0x100
CFGT_GUEST_ELFS := $(foreach g,$(CFGT_GUESTS),$(CFGT)/guest-$(word 1,$(subst :, ,$(g))).elf)

define cfgt_guest
$(CFGT)/guest-$(1).elf: tests/config/guest/guest.S tests/config/guest/guest.ld
	@mkdir -p $$(dir $$@)
	$(TARGET_CC) $(CFGT_TA) -Wa,--defsym,TEXT_PAD=$(2) -Wa,--defsym,DATA_PAD=$(3) \
		-Wa,--defsym,BSS_SIZE=$(4) -c $$< -o $$(@:.elf=.o)
	$(CFGT_LINK) -T tests/config/guest/guest.ld $$(@:.elf=.o) -o $$@
endef
$(foreach g,$(CFGT_GUESTS),$(eval $(call cfgt_guest,$(word 1,$(subst :, ,$(g))),$(word 2,$(subst :, ,$(g))),$(word 3,$(subst :, ,$(g))),$(word 4,$(subst :, ,$(g))))))

$(CFGT)/guest-in-ram.elf: tests/config/guest/guest.S tests/config/guest/guest-in-ram.ld
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(CFGT_TA) -Wa,--defsym,TEXT_PAD=0x100 -Wa,--defsym,DATA_PAD=4 \
		-Wa,--defsym,BSS_SIZE=0x100 -c $< -o $(@:.elf=.o)
	$(CFGT_LINK) -T tests/config/guest/guest-in-ram.ld $(@:.elf=.o) -o $@

# The guest of the system test-config-systems drops in (it deletes it first:
# the system's make rules must build it).
$(eval $(call cfgt_guest,sys,0x200,0x10,0x100))

# Malformed inputs: a truncated ELF and a file that is not an ELF at all.
$(CFGT)/truncated.elf: $(CFGT)/guest-small.elf
	head -c 100 $< >$@
$(CFGT)/not-an-elf.elf: tests/config/guest/guest.ld
	@mkdir -p $(dir $@)
	cp $< $@

# Stand-in hypervisors: inside and outside the reservation.
$(CFGT)/hv-%.elf: tests/config/guest/hypervisor.S tests/config/guest/hypervisor.ld
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(CFGT_TA) -Wa,--defsym,HV_PAD=0x100 -c $< -o $(@:.elf=.o)
	$(CFGT_LINK) -Wl,--defsym,HV_TEXT=$(if $(filter good,$*),0x9D000000,0x9D020000) \
		-T tests/config/guest/hypervisor.ld $(@:.elf=.o) -o $@

CFGT_INPUTS := $(CFGT_GUEST_ELFS) $(CFGT)/guest-in-ram.elf $(CFGT)/truncated.elf \
	$(CFGT)/not-an-elf.elf $(CFGT)/hv-good.elf $(CFGT)/hv-outside.elf

# Unit tests (the fuzz cases mutate a good system and a guest image).
CFGT_UNIT := $(CFGT)/test_config
$(CFGT)/two-vms.dtb: tests/config/good/two-vms.dts $(SYSTEM_DTSI)
	@mkdir -p $(dir $@)
	dtc -q -I dts -O dtb -i systems -o $@ $<

$(CFGT_UNIT): tests/config/unit/test_config.c $(VZCFG_LIB_OBJS) $(wildcard configurator/*.h)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(VZCFG_CFLAGS) -DFUZZ_DIR='"$(CFGT)"' -o $@ $< $(VZCFG_LIB_OBJS) \
		$(VZCFG_LIBS) -lcmocka

.PHONY: test-config test-config-unit test-config-bad test-config-good test-config-systems
test-config-unit: $(CFGT_UNIT) $(CFGT)/two-vms.dtb $(CFGT_INPUTS)
	@$(CFGT_UNIT) >$(CFGT_UNIT).log 2>&1 || { cat $(CFGT_UNIT).log; exit 1; }
	@echo "ok config unit tests"

test-config-bad: $(VZLET_CONFIG) $(CFGT_INPUTS)
	@tests/config/run-bad.sh $(VZLET_CONFIG) $(CFGT)

test-config-good: $(VZLET_CONFIG) $(CFGT_INPUTS)
	@TARGET_CC="$(TARGET_CC)" TARGET_CFLAGS="$(TARGET_CFLAGS)" OBJCOPY="$(TARGET_OBJCOPY)" \
		tests/config/run-good.sh $(VZLET_CONFIG) $(CFGT)

# A sub-make builds the system: what it shares with this make is built first.
test-config-systems: $(VZLET_CONFIG) $(HV_OBJS) $(HV_LDSCRIPT) $(SYSTEM_DTSI) \
		tests/config/systems/mine.dts.in
	@MAKE="$(MAKE)" tests/config/run-systems.sh $(CFGT) $(CFGT)/guest-sys.elf

test-config: test-config-unit test-config-bad test-config-good test-config-systems
TEST_TARGETS += test-config
