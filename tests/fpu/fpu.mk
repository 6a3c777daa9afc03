# SPDX-License-Identifier: Apache-2.0
# tests/fpu: the FPU (CP1) model.
#  - fpu_unit: host cmocka test of simulator/cpu/fpu*.c through fpu_exec with
#    a fake core (linked with the FPU objects only, not libvzsim.a).
#  - fpu_ieee_ref: randomized check of fpu_ieee.c against an integer-only
#    IEEE 754 rounding reference.
#  - target programs (tests/fpu/*.S), run on the simulator by vzlet-testrun.
# `make test-fpu` runs all three.

FPU_UNIT := $(BUILD)/tests/fpu/fpu_unit
FPU_MODEL_SRCS := simulator/cpu/fpu.c simulator/cpu/fpu_ieee.c

$(FPU_UNIT): tests/fpu/fpu_unit.c $(FPU_MODEL_SRCS) simulator/cpu/fpu.h simulator/cpu/fpu_ieee.h
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -Isimulator -o $@ tests/fpu/fpu_unit.c $(FPU_MODEL_SRCS) -lcmocka -lm

# Randomized comparison with an integer-only IEEE rounding reference.
FPU_REF := $(BUILD)/tests/fpu/fpu_ieee_ref

$(FPU_REF): tests/fpu/fpu_ieee_ref.c simulator/cpu/fpu_ieee.c simulator/cpu/fpu_ieee.h
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -Isimulator -o $@ tests/fpu/fpu_ieee_ref.c simulator/cpu/fpu_ieee.c -lcmocka -lm

# Target programs: assembly (the tree's C is soft-float), built for FR=0
# (-mfp32) or FR=1 (-mfp64) as each file's name says, and each also as
# microMIPS code (<name>-mm.elf: the same source through the microMIPS FPU
# encodings; the test library stays MIPS32).
FPU_TARGET_NAMES := $(basename $(notdir $(wildcard tests/fpu/*.S)))
FPU_TARGET_ELFS := $(patsubst %,$(BUILD)/tests/fpu/%.elf,$(FPU_TARGET_NAMES) \
	$(addsuffix -mm,$(FPU_TARGET_NAMES)))
FPU_ASFLAGS := $(TARGET_ARCH) -g -msoft-float -Itests/lib

$(BUILD)/target/tests/fpu/%-mm.o: tests/fpu/%.S tests/fpu/fpu_test.h tests/fpu/fpu_common.inc
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(FPU_ASFLAGS) -mmicromips -Wa,$(if $(findstring fr0,$*),-mfp32,-mfp64) -c $< -o $@

$(BUILD)/target/tests/fpu/%.o: tests/fpu/%.S tests/fpu/fpu_test.h tests/fpu/fpu_common.inc
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(FPU_ASFLAGS) -Wa,$(if $(findstring fr0,$*),-mfp32,-mfp64) -c $< -o $@

$(BUILD)/tests/fpu/%.elf: $(BUILD)/target/tests/fpu/%.o $(TESTLIB_OBJS)
	$(TEST_LINK)

.PHONY: test-fpu
test-fpu: $(FPU_UNIT) $(FPU_REF) $(FPU_TARGET_ELFS) $(TESTRUN)
	@$(FPU_UNIT)
	@$(FPU_REF)
	@fail=0; for e in $(FPU_TARGET_ELFS); do \
		$(TESTRUN) --name fpu/$$(basename $$e .elf) $$e || fail=1; \
	done; exit $$fail
TEST_TARGETS += test-fpu
