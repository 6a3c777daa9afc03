# SPDX-License-Identifier: Apache-2.0
# tests/hazard: one program per CP0-hazard rule and per peripheral-bus rule
# (docs/simulator-cpu.md "CP0 hazards", docs/cycle-model.md "Peripheral
# bus"). Each bad/NAME.S is built twice: as is (--strict must stop it, naming
# the rule and the writer's pc) and with -DBARRIER (it must run clean).

HAZARD_PROGS := $(patsubst tests/hazard/bad/%.S,%,$(wildcard tests/hazard/bad/*.S))
HAZARD_ELFS := $(foreach p,$(HAZARD_PROGS),$(BUILD)/tests/hazard/bad/$(p).elf \
	$(BUILD)/tests/hazard/fixed/$(p).elf)

# link at the reset vector, without the sections a bare program has no use for
define HAZARD_LINK
	$(TARGET_OBJCOPY) -R .MIPS.abiflags -R .reginfo -R .pdr $(@:.elf=.o)
	$(TARGET_LD) -EL --fatal-warnings -N -Ttext=0xBFC00000 -e _start -o $@ $(@:.elf=.o)
endef

$(BUILD)/tests/hazard/bad/%.elf: tests/hazard/bad/%.S tests/hazard/hz.h
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -c $< -o $(@:.elf=.o)
	$(HAZARD_LINK)

$(BUILD)/tests/hazard/fixed/%.elf: tests/hazard/bad/%.S tests/hazard/hz.h
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -DBARRIER -c $< -o $(@:.elf=.o)
	$(HAZARD_LINK)

.PHONY: test-hazard
test-hazard: $(SIM_CLI) $(HAZARD_ELFS) tests/hazard/run.sh
	@tests/hazard/run.sh $(SIM_CLI) $(CROSS)nm $(BUILD)/tests/hazard
TEST_TARGETS += test-hazard
