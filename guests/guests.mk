# SPDX-License-Identifier: Apache-2.0
# guests build fragment (see top-level Makefile): the guest support library
# (guests/lib), the boot-flash stub (guests/lib/boot) and the bare-metal demo
# (guests/demo).
#
# A guest links like this (see docs/guest-lib.md):
#   $(BUILD)/guests/foo.elf: $(BUILD)/target/guests/foo/foo.o $(GUEST_LIB)
#   	$(GUEST_LINK)

GUEST_CFLAGS := $(TARGET_CFLAGS) -Iguests/lib/include -MMD -MP
GUEST_ASFLAGS := $(TARGET_ASFLAGS) -Iguests/lib/include -MMD -MP

# microMIPS guests (docs/guest-lib.md): `make GUEST_ISA=micromips` builds the
# library and every guest as microMIPS code (entry point with bit 0 set: the
# hypervisor starts them in microMIPS and they take exceptions in microMIPS).
# Switching GUEST_ISA rebuilds the guest objects (the stamp below). Single
# guests are built as microMIPS whatever GUEST_ISA says with the GUEST_MM_*
# library and GUEST_MM_LINK (objects under $(BUILD)/target/mm/).
GUEST_ISA ?= mips32
GUEST_MM_CFLAGS := -mmicromips -minterlink-compressed
ifeq ($(GUEST_ISA),micromips)
GUEST_CFLAGS += $(GUEST_MM_CFLAGS)
GUEST_ASFLAGS += -mmicromips
else ifneq ($(GUEST_ISA),mips32)
$(error GUEST_ISA must be mips32 or micromips, not "$(GUEST_ISA)")
endif
# The stamp holds the ISA the guest objects were built for; rewritten (so
# newer than every object) when GUEST_ISA changes.
GUEST_ISA_STAMP := $(BUILD)/target/guests/isa.stamp
$(shell mkdir -p $(dir $(GUEST_ISA_STAMP)) && \
	[ "$$(cat $(GUEST_ISA_STAMP) 2>/dev/null)" = "$(GUEST_ISA)" ] || \
	echo $(GUEST_ISA) > $(GUEST_ISA_STAMP))

$(BUILD)/target/guests/%.o: guests/%.c $(GUEST_ISA_STAMP)
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(GUEST_CFLAGS) -c $< -o $@

$(BUILD)/target/guests/%.o: guests/%.S $(GUEST_ISA_STAMP)
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(GUEST_ASFLAGS) -c $< -o $@

# The boot-flash stub is MIPS32 in either case (the reset ISA, DEVCFG0.BOOTISA).
$(BUILD)/target/guests/lib/boot/%.o: guests/lib/boot/%.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -Iguests/lib/include -MMD -MP -c $< -o $@

$(BUILD)/target/mm/%.o: %.c
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_CFLAGS) -Iguests/lib/include -MMD -MP $(GUEST_MM_CFLAGS) -c $< -o $@

$(BUILD)/target/mm/%.o: %.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -Iguests/lib/include -MMD -MP -mmicromips -c $< -o $@

# ---- Library -----------------------------------------------------------------
GUEST_LIB_DIR := $(BUILD)/target/guests/lib
GUEST_START_OBJS := $(GUEST_LIB_DIR)/crt0.o $(GUEST_LIB_DIR)/vectors.o
GUEST_LIB_SRCS := $(wildcard guests/lib/*.c)
GUEST_LIB_OBJS := $(patsubst guests/%.c,$(BUILD)/target/guests/%.o,$(GUEST_LIB_SRCS))
GUEST_LIB := $(GUEST_LIB_DIR)/libguest.a
GUEST_LDSCRIPT := guests/lib/guest.ld

$(GUEST_LIB): $(GUEST_LIB_OBJS)
	rm -f $@ && $(CROSS)ar rcs $@ $^

# Recipe: link the .o prerequisites into the guest ELF $@ (start-up first,
# library last). Override sizes with GUEST_LDFLAGS_EXTRA, e.g.
#   -Wl,--defsym=_guest_ram_size=0x4000
GUEST_LINK = @mkdir -p $(dir $@) && $(TARGET_CC) $(TARGET_ARCH) $(TARGET_LDFLAGS) \
	-T $(GUEST_LDSCRIPT) $(GUEST_LDFLAGS_EXTRA) -o $@ $(GUEST_START_OBJS) \
	$(filter-out $(GUEST_START_OBJS),$(filter %.o,$^)) $(GUEST_LIB)

# The same library as microMIPS, whatever GUEST_ISA is.
GUEST_MM_LIB_DIR := $(BUILD)/target/mm/guests/lib
GUEST_MM_START_OBJS := $(GUEST_MM_LIB_DIR)/crt0.o $(GUEST_MM_LIB_DIR)/vectors.o
GUEST_MM_LIB_OBJS := $(patsubst guests/%.c,$(BUILD)/target/mm/guests/%.o,$(GUEST_LIB_SRCS))
GUEST_MM_LIB := $(GUEST_MM_LIB_DIR)/libguest.a
$(GUEST_MM_LIB): $(GUEST_MM_LIB_OBJS)
	rm -f $@ && $(CROSS)ar rcs $@ $^
GUEST_MM_LINK = @mkdir -p $(dir $@) && $(TARGET_CC) $(TARGET_ARCH) $(TARGET_LDFLAGS) \
	-T $(GUEST_LDSCRIPT) $(GUEST_LDFLAGS_EXTRA) -o $@ $(GUEST_MM_START_OBJS) \
	$(filter-out $(GUEST_MM_START_OBJS),$(filter %.o,$^)) $(GUEST_MM_LIB)
-include $(GUEST_MM_LIB_OBJS:.o=.d) $(GUEST_MM_START_OBJS:.o=.d)

# ---- Boot-flash stub ---------------------------------------------------------
GUEST_BOOT := $(BUILD)/guests/boot.elf
$(GUEST_BOOT): $(GUEST_LIB_DIR)/boot/boot.o $(GUEST_LIB_DIR)/boot/devcfg.o guests/lib/boot/boot.ld
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ARCH) $(TARGET_LDFLAGS) -T guests/lib/boot/boot.ld -o $@ \
		$(filter %.o,$^)

# ---- Demo --------------------------------------------------------------------
GUEST_DEMO := $(BUILD)/guests/demo.elf
$(GUEST_DEMO): $(BUILD)/target/guests/demo/demo.o $(GUEST_START_OBJS) $(GUEST_LIB) $(GUEST_LDSCRIPT)
	$(GUEST_LINK)

.PHONY: guests
guests: $(GUEST_BOOT) $(GUEST_DEMO)
ALL_TARGETS += guests

# run-bare-demo: the bare-metal demo on the simulated Wi-Fire with LEDs shown. Interactive
# (Ctrl-] quits) on a terminal, else 3 simulated seconds.
DEMO_SIM_ARGS := --leds $(GUEST_BOOT) $(GUEST_DEMO)
.PHONY: run-bare-demo
run-bare-demo: $(SIM_CLI) $(GUEST_BOOT) $(GUEST_DEMO)
	@if [ -t 0 ]; then $(SIM_CLI) $(DEMO_SIM_ARGS); \
	else $(SIM_CLI) --cycles 600M $(DEMO_SIM_ARGS); fi

.PHONY: test-demo
test-demo: $(SIM_CLI) $(GUEST_BOOT) $(GUEST_DEMO) guests/demo/test-demo.sh
	@guests/demo/test-demo.sh $(SIM_CLI) $(GUEST_BOOT) $(GUEST_DEMO)
TEST_TARGETS += test-demo

-include $(GUEST_LIB_OBJS:.o=.d) $(GUEST_START_OBJS:.o=.d)

# ---- Library self-check --------------------------------------------------------
GUEST_LIBCHECK := $(BUILD)/guests/libcheck.elf
$(GUEST_LIBCHECK): $(BUILD)/target/guests/lib/tests/libcheck.o $(GUEST_START_OBJS) $(GUEST_LIB) $(GUEST_LDSCRIPT)
	$(GUEST_LINK)

.PHONY: test-guest-lib
test-guest-lib: $(SIM_CLI) $(GUEST_BOOT) $(GUEST_LIBCHECK) guests/lib/tests/test-guest-lib.sh
	@guests/lib/tests/test-guest-lib.sh $(SIM_CLI) $(GUEST_BOOT) $(GUEST_LIBCHECK)
TEST_TARGETS += test-guest-lib

# ---- Third-party guests ------------------------------------------------------
include guests/nuttx/nuttx.mk
