# SPDX-License-Identifier: Apache-2.0
# tests/cpu: instruction-level self-checking programs for the M5150 core,
# run from the reset vector by vzlet-testrun. One program per feature group;
# each C file becomes one ELF.

CPU_TESTS := $(patsubst tests/cpu/%.c,%,$(wildcard tests/cpu/*.c))
CPU_TEST_ELFS := $(patsubst %,$(BUILD)/tests/cpu/%.elf,$(CPU_TESTS))

$(BUILD)/tests/cpu/%.elf: $(BUILD)/target/tests/cpu/%.o $(TESTLIB_OBJS)
	$(TEST_LINK)

# dsp.c uses the DSP ASE r2 instructions (the M5150 has them).
$(BUILD)/target/tests/cpu/dsp.o: TEST_TARGET_CFLAGS += -mdspr2
# micromips.c is microMIPS code (the start-up and check library stay MIPS32).
$(BUILD)/target/tests/cpu/micromips.o: TEST_TARGET_CFLAGS += -mmicromips -minterlink-compressed

.PHONY: test-cpu
test-cpu: $(TESTRUN) $(CPU_TEST_ELFS)
	@fail=0; for t in $(CPU_TESTS); do \
		$(TESTRUN) --cycles 50000000 --name cpu-$$t $(BUILD)/tests/cpu/$$t.elf || fail=1; \
	done; exit $$fail
TEST_TARGETS += test-cpu
