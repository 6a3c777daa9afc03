# SPDX-License-Identifier: Apache-2.0
# tests/vz: the VZ module. Host unit tests of the VZ decisions (cmocka) and
# root-mode target programs that run guests on the simulator.

VZ_UNIT := $(BUILD)/tests/vz/test_vz_policy
VZ_UNIT_SRCS := tests/vz/test_vz_policy.c simulator/cpu/vz_policy.c

$(VZ_UNIT): $(VZ_UNIT_SRCS) simulator/cpu/vz_policy.h
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -Isimulator -o $@ $(VZ_UNIT_SRCS) -lcmocka

.PHONY: test-vz test-vz-unit
test-vz-unit: $(VZ_UNIT)
	@$(VZ_UNIT) >$(VZ_UNIT).log 2>&1 || { cat $(VZ_UNIT).log; exit 1; }
	@echo "ok vz policy unit tests"

test-vz: test-vz-unit test-vz-target
TEST_TARGETS += test-vz

# Target programs: each tests/vz/<name>.c with the helpers.
VZ_PROGS := vz_exits vz_gctl0 vz_mmu vz_irq vz_ctx vz_harness vz_dsp vz_tlb vz_micromips
VZ_HELPER_OBJS := $(BUILD)/target/tests/vz/vzt.o $(BUILD)/target/tests/vz/vzt_asm.o
VZ_ELFS := $(patsubst %,$(BUILD)/tests/vz/%.elf,$(VZ_PROGS))

$(BUILD)/tests/vz/%.elf: $(BUILD)/target/tests/vz/%.o $(VZ_HELPER_OBJS) $(TESTLIB_OBJS)
	$(TEST_LINK)

# vz_micromips.c is microMIPS guest (and test) code; the helpers stay MIPS32.
$(BUILD)/target/tests/vz/vz_micromips.o: TEST_TARGET_CFLAGS += -mmicromips -minterlink-compressed

.PHONY: test-vz-target
test-vz-target: $(TESTRUN) $(VZ_ELFS)
	@for t in $(VZ_PROGS); do $(TESTRUN) --cycles 50000000 --name vz/$$t $(BUILD)/tests/vz/$$t.elf || exit 1; done

# Not a test group: shows each target program fails when its feature is
# removed from the model (builds a mutated copy of the tree per case).
.PHONY: test-vz-mutations
test-vz-mutations:
	@tests/vz/mutations.py
