# SPDX-License-Identifier: Apache-2.0
# tests/soc: host unit tests of the SoC (cmocka). They drive soc_read,
# soc_write, vzsim_* and the event scheduler of a real struct machine from
# the whole library, without executing instructions.

SOC_UNIT := $(BUILD)/tests/soc/test_soc
SOC_UNIT_SRCS := $(wildcard tests/soc/*.c)
SOC_UNIT_HDRS := $(wildcard tests/soc/*.h simulator/soc/*.h) simulator/machine.h

$(SOC_UNIT): $(SOC_UNIT_SRCS) $(SOC_UNIT_HDRS) $(SIM_LIB)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -Isimulator -Isimulator/include -o $@ \
		$(SOC_UNIT_SRCS) $(SIM_LIB) $(SIM_LIBS) -lcmocka

.PHONY: test-soc test-soc-unit
test-soc-unit: $(SOC_UNIT)
	@$(SOC_UNIT) >$(SOC_UNIT).log 2>&1 || { cat $(SOC_UNIT).log; exit 1; }
	@echo "ok soc unit tests"

test-soc: test-soc-unit
TEST_TARGETS += test-soc

# End-to-end target programs: UART and timer interrupts on the whole
# simulator, run by vzlet-testrun from the reset vector.
SOC_TARGETS := $(patsubst tests/soc/target/%.c,%,$(wildcard tests/soc/target/*.c))
SOC_TARGET_ELFS := $(patsubst %,$(BUILD)/tests/soc/%.elf,$(SOC_TARGETS))

$(BUILD)/tests/soc/%.elf: $(BUILD)/target/tests/soc/target/%.o $(TESTLIB_OBJS)
	$(TEST_LINK)
# wdt.c brings its own DEVCFG words (a 1 ms watchdog period).
$(BUILD)/tests/soc/wdt.elf: $(BUILD)/target/tests/soc/target/wdt.o \
		$(filter-out %/devcfg.o,$(TESTLIB_OBJS))
	$(TEST_LINK)

.PHONY: test-soc-target
test-soc-target: $(TESTRUN) $(SOC_TARGET_ELFS)
	@fail=0; for t in $(SOC_TARGETS); do \
		$(TESTRUN) --strict-sfr --cycles 20000000 --name soc-$$t $(BUILD)/tests/soc/$$t.elf || fail=1; \
	done; exit $$fail

test-soc: test-soc-target
