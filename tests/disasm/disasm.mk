# SPDX-License-Identifier: Apache-2.0
# tests/disasm: simulator/cpu/disasm.c and disasm_micromips.c against GNU
# objdump (every MIPS32 word and microMIPS instruction of the test, guest and
# hypervisor programs in build/, and seeded random ones), and
# the instruction trace of vzlet-sim on a small image (trace.S).

DISASM_TEST := $(BUILD)/host/tests/disasm/test_disasm
DISASM_TRACE_ELF := $(BUILD)/tests/disasm/trace.elf
DISASM_MM_ELF := $(BUILD)/tests/disasm/micromips.elf
# Programs built before the comparison (their fragments are included
# earlier); the recipe then takes every ELF there is, found when it runs.
# The hypervisor test systems are among them so that none is being linked
# (half written) while objdump reads it under make -j.
DISASM_PROGRAMS := $(RUNNER_CASE_ELFS) $(CPU_TEST_ELFS) $(FPU_TARGET_ELFS) $(VZ_ELFS) \
	$(SOC_TARGET_ELFS) $(GUEST_BOOT) $(GUEST_DEMO) $(SYSTEM_IMAGES) $(HVT_IMAGES) \
	$(DISASM_TRACE_ELF) $(DISASM_MM_ELF)
DISASM_ELFS = $(sort $(filter %.elf,$(DISASM_PROGRAMS)) \
	$(filter-out $(BUILD)/tests/config/%,$(wildcard $(BUILD)/*/*.elf $(BUILD)/*/*/*.elf \
		$(BUILD)/*/*/*/*.elf $(BUILD)/*/*/*/*/*.elf)))

DISASM_TEST_SRCS := tests/disasm/test_disasm.c tests/disasm/micromips.c \
	simulator/cpu/disasm.c simulator/cpu/disasm_micromips.c simulator/cpu/micromips_fpu.c \
	simulator/cpu/micromips_dsp.c
$(DISASM_TEST): $(DISASM_TEST_SRCS) simulator/cpu/disasm.h simulator/cpu/micromips_twin.h \
	tests/disasm/disasm_test.h
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -Isimulator -o $@ $(DISASM_TEST_SRCS) -lcmocka

# At the reset vector, without the ABI sections the loader would place at
# 0x00400000, and without page alignment (-N).
$(DISASM_TRACE_ELF): tests/disasm/trace.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -c $< -o $(@:.elf=.o)
	$(TARGET_OBJCOPY) -R .MIPS.abiflags -R .reginfo -R .pdr $(@:.elf=.o)
	$(TARGET_LD) -EL --fatal-warnings -N -Ttext=0xBFC00000 -e _start -o $@ $(@:.elf=.o)

# One of each microMIPS form (only disassembled, never run).
$(DISASM_MM_ELF): tests/disasm/micromips.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -c $< -o $(@:.elf=.o)
	$(TARGET_LD) -EL --fatal-warnings -N -Ttext=0x9D000000 -e _start -o $@ $(@:.elf=.o)

.PHONY: test-disasm
test-disasm: $(DISASM_TEST) $(SIM_CLI) $(DISASM_PROGRAMS)
	@$(DISASM_TEST) $(DISASM_ELFS)
	@tests/disasm/trace-test.sh $(SIM_CLI) $(DISASM_TRACE_ELF) $(BUILD)/tests/cpu/micromips.elf
TEST_TARGETS += test-disasm
