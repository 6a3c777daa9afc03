# SPDX-License-Identifier: Apache-2.0
# tests/cache: the cache model (docs/simulator-cache.md). behaviour.c runs
# like any test program; the programs in bad/ break one coherence or
# initialisation rule each and must be stopped by --strict (run-bad.sh).

CACHE_BAD_C := uncached_dirty stale_line code_not_written_back stale_icache \
	dma_reads_dirty dma_under_clean \
	flash_stale_dline flash_stale_icache
CACHE_BAD_S := uninit_dcache uninit_icache
CACHE_BAD_ELFS := $(patsubst %,$(BUILD)/tests/cache/bad/%.elf,$(CACHE_BAD_C) $(CACHE_BAD_S))

$(BUILD)/tests/cache/behaviour.elf: $(BUILD)/target/tests/cache/behaviour.o $(TESTLIB_OBJS)
	$(TEST_LINK)

$(addprefix $(BUILD)/tests/cache/bad/,$(addsuffix .elf,$(CACHE_BAD_C))): \
$(BUILD)/tests/cache/bad/%.elf: $(BUILD)/target/tests/cache/bad/%.o $(TESTLIB_OBJS)
	$(TEST_LINK)

$(addprefix $(BUILD)/tests/cache/bad/,$(addsuffix .elf,$(CACHE_BAD_S))): \
$(BUILD)/tests/cache/bad/%.elf: tests/cache/bad/%.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -c $< -o $(@:.elf=.o)
	$(TARGET_OBJCOPY) -R .MIPS.abiflags -R .reginfo -R .pdr $(@:.elf=.o)
	$(TARGET_LD) -EL --fatal-warnings -N -Ttext=0xBFC00000 -e _start -o $@ $(@:.elf=.o)

.PHONY: test-cache
test-cache: $(TESTRUN) $(BUILD)/tests/cache/behaviour.elf $(CACHE_BAD_ELFS) tests/cache/run-bad.sh
	@$(TESTRUN) --cycles 50000000 --name cache-behaviour $(BUILD)/tests/cache/behaviour.elf
	@tests/cache/run-bad.sh $(TESTRUN) $(BUILD)/tests/cache/bad
TEST_TARGETS += test-cache
