# SPDX-License-Identifier: Apache-2.0
# tests/runner: the host test runner vzlet-testrun (see tests/runner/testrun.c)
# and the self-test of the test conventions (test-runner).

TESTRUN := $(BUILD)/bin/vzlet-testrun
TESTRUN_SRCS := $(wildcard tests/runner/*.c)
TESTRUN_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(TESTRUN_SRCS))
# Counts with k/M/G suffixes are decoded exactly as vzlet-sim does.
TESTRUN_SHARED_OBJS := $(BUILD)/host/simulator/cli/count.o

$(BUILD)/host/tests/runner/%.o: tests/runner/%.c
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -Isimulator/include -Isimulator/cli -Itests/lib -MMD -MP -c $< -o $@

$(TESTRUN): $(TESTRUN_OBJS) $(TESTRUN_SHARED_OBJS) $(SIM_LIB)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_LDFLAGS) -o $@ $(TESTRUN_OBJS) $(TESTRUN_SHARED_OBJS) $(SIM_LIB) $(SIM_LIBS)

.PHONY: testrun
testrun: $(TESTRUN)
ALL_TARGETS += testrun

-include $(TESTRUN_OBJS:.o=.d)

# Self-test: the runner and tests/lib must report pass, check failures,
# unexpected exceptions, non-zero results and hangs exactly as documented.
RUNNER_CASES := pass fail_check unexpected_exception handled_exception returns_nonzero hangs \
	unimplemented_sfr
RUNNER_CASE_ELFS := $(patsubst %,$(BUILD)/tests/runner/%.elf,$(RUNNER_CASES))

$(BUILD)/tests/runner/%.elf: $(BUILD)/target/tests/runner/cases/%.o $(TESTLIB_OBJS)
	$(TEST_LINK)

.PHONY: test-runner
test-runner: $(TESTRUN) $(RUNNER_CASE_ELFS) tests/runner/selftest.sh
	@tests/runner/selftest.sh $(TESTRUN) $(BUILD)/tests/runner
TEST_TARGETS += test-runner

# vzlet-sim's options and exit statuses, on the bare-metal demo.
.PHONY: test-cli
test-cli: $(SIM_CLI) $(GUEST_BOOT) $(GUEST_DEMO) $(BUILD)/tests/runner/unimplemented_sfr.elf tests/runner/cli-test.sh
	@tests/runner/cli-test.sh $(SIM_CLI) $(GUEST_BOOT) $(GUEST_DEMO) $(BUILD)/tests/runner/unimplemented_sfr.elf
TEST_TARGETS += test-cli
