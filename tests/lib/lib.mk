# SPDX-License-Identifier: Apache-2.0
# tests/lib: start-up, checks and memory layout shared by all target test
# programs. A test group links its programs like this:
#
#   $(BUILD)/tests/foo/bar.elf: $(BUILD)/target/tests/foo/bar.o $(TESTLIB_OBJS)
#   	$(TEST_LINK)
#
# and runs them with $(TESTRUN) (build/bin/vzlet-testrun). Objects for files
# under tests/ are built by the pattern rules below (C and assembly, with
# tests/lib on the include path).

# From guests/lib: the DEVCFG words and memset/memcpy.
TESTLIB_OBJS := $(BUILD)/target/tests/lib/start.o $(BUILD)/target/tests/lib/test.o \
	$(BUILD)/target/guests/lib/boot/devcfg.o $(BUILD)/target/guests/lib/string.o
TESTLIB_LDSCRIPT := tests/lib/test.ld
TEST_TARGET_CFLAGS := $(TARGET_CFLAGS) -Itests/lib -MMD -MP
TEST_TARGET_ASFLAGS := $(TARGET_ASFLAGS) -Itests/lib -MMD -MP

# Recipe: link the .o prerequisites with the test layout into $@.
TEST_LINK = @mkdir -p $(dir $@) && $(TARGET_CC) $(TARGET_ARCH) $(TARGET_LDFLAGS) \
	-T $(TESTLIB_LDSCRIPT) -o $@ $(filter %.o,$^)

$(BUILD)/target/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TEST_TARGET_CFLAGS) -c $< -o $@

$(BUILD)/target/tests/%.o: tests/%.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TEST_TARGET_ASFLAGS) -c $< -o $@

$(TESTLIB_OBJS): $(TESTLIB_LDSCRIPT)

-include $(TESTLIB_OBJS:.o=.d)
