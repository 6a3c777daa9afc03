# SPDX-License-Identifier: Apache-2.0
# tests/diff: differential testing of vzlet-sim against qemu-system-mipsel.
#
#   make test-diff                      directed cases + a fast random subset (part of `make test`)
#   make diff-soak SEED=7 CASES=100000  any number of random cases (FP on, FR alternating;
#                                       GUEST=1: vzlet-sim runs them in VZ guest mode;
#                                       DSP=1: DSP ASE cases instead of FP ones;
#                                       MM=1: microMIPS integer cases)
#
# The driver (tests/diff/target) runs from boot flash on both machines; the
# host tool vzlet-diff generates the random case blobs, runs QEMU and the
# simulator library, and compares. See docs/testing.md.

DIFF_DIR := tests/diff
DIFF_TBUILD := $(BUILD)/target/tests/diff
DIFF_HBUILD := $(BUILD)/host/tests/diff
DIFF_DRIVER := $(DIFF_TBUILD)/diffdrv.bin
DIFF_TOOL := $(BUILD)/bin/vzlet-diff
DIFF_DRV_OBJS := $(DIFF_TBUILD)/diff_start.o $(DIFF_TBUILD)/diff_main.o
DIFF_HOST_OBJS := $(DIFF_HBUILD)/diffgen.o $(DIFF_HBUILD)/diffgen_mm.o $(DIFF_HBUILD)/diffrun.o
DIFF_DIRECTED := $(patsubst $(DIFF_DIR)/directed/%.S,$(DIFF_TBUILD)/directed/%.bin,$(wildcard $(DIFF_DIR)/directed/*.S))
DIFF_TARGET_FLAGS := -MMD -MP -I$(DIFF_DIR)

# Fast subset for `make test`: images x cases random cases (>= 3000), integer
# only and with the FPU, then the directed blobs and some FPU images again with
# vzlet-sim running the driver as a VZ guest; then DSP ASE images (QEMU 74Kf),
# in root and in guest mode; then microMIPS images (QEMU M14Kc), in root and
# in guest mode.
DIFF_TEST_SEED ?= 20261122
DIFF_TEST_IMAGES ?= 14
DIFF_TEST_CASES ?= 250
DIFF_TEST_GUEST_IMAGES ?= 4
DIFF_TEST_DSP_IMAGES ?= 8
DIFF_TEST_DSP_GUEST_IMAGES ?= 4
DIFF_TEST_MM_IMAGES ?= 8
DIFF_TEST_MM_GUEST_IMAGES ?= 2

$(DIFF_TBUILD)/%.o: $(DIFF_DIR)/target/%.c
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_CFLAGS) $(DIFF_TARGET_FLAGS) -c $< -o $@

$(DIFF_TBUILD)/%.o: $(DIFF_DIR)/target/%.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) $(DIFF_TARGET_FLAGS) -c $< -o $@

$(DIFF_TBUILD)/diffdrv.elf: $(DIFF_DRV_OBJS) $(DIFF_DIR)/target/diff.ld
	$(TARGET_CC) $(TARGET_LDFLAGS) -T $(DIFF_DIR)/target/diff.ld $(DIFF_DRV_OBJS) -o $@

$(DIFF_DRIVER): $(DIFF_TBUILD)/diffdrv.elf
	$(TARGET_OBJCOPY) -O binary -j .reset -j .text $< $@

# Root harness for guest-mode runs (vzlet-diff --guest).
DIFF_GUEST_ROOT := $(DIFF_TBUILD)/guest_root.bin
$(DIFF_TBUILD)/guest_root.elf: $(DIFF_TBUILD)/guest_root.o $(DIFF_DIR)/target/guest_root.ld
	$(TARGET_CC) $(TARGET_LDFLAGS) -T $(DIFF_DIR)/target/guest_root.ld $< -o $@

$(DIFF_GUEST_ROOT): $(DIFF_TBUILD)/guest_root.elf
	$(TARGET_OBJCOPY) -O binary -j .reset $< $@

# Directed cases: hand-written assembly in the blob format, linked at the
# blob address and flattened.
$(DIFF_TBUILD)/directed/%.o: $(DIFF_DIR)/directed/%.S $(DIFF_DIR)/directed/directed.h $(DIFF_DIR)/directed/fpu_cases.h
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) $(DIFF_TARGET_FLAGS) -c $< -o $@

$(DIFF_TBUILD)/directed/%.bin: $(DIFF_TBUILD)/directed/%.o $(DIFF_DIR)/directed/blob.ld
	$(TARGET_LD) -T $(DIFF_DIR)/directed/blob.ld $< -o $(@:.bin=.elf)
	$(TARGET_OBJCOPY) -O binary -j .blob $(@:.bin=.elf) $@

$(DIFF_HBUILD)/%.o: $(DIFF_DIR)/host/%.c
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -MMD -MP -Isimulator/include -c $< -o $@

$(DIFF_TOOL): $(DIFF_HOST_OBJS) $(SIM_LIB)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_LDFLAGS) -o $@ $(DIFF_HOST_OBJS) $(SIM_LIB) $(SIM_LIBS)

.PHONY: diff-tools test-diff diff-soak
diff-tools: $(DIFF_DRIVER) $(DIFF_GUEST_ROOT) $(DIFF_TOOL) $(DIFF_DIRECTED)
ALL_TARGETS += diff-tools

test-diff: diff-tools
	@fail=0; \
	for b in $(DIFF_DIRECTED); do \
		$(DIFF_TOOL) --driver $(DIFF_DRIVER) --blob $$b --quiet || fail=1; \
	done; \
	$(DIFF_TOOL) --driver $(DIFF_DRIVER) --seed $(DIFF_TEST_SEED) --images $(DIFF_TEST_IMAGES) \
		--cases $(DIFF_TEST_CASES) --no-fp --quiet || fail=1; \
	$(DIFF_TOOL) --driver $(DIFF_DRIVER) --seed $(DIFF_TEST_SEED) --images $(DIFF_TEST_IMAGES) \
		--cases $(DIFF_TEST_CASES) --quiet || fail=1; \
	for b in $(DIFF_DIRECTED); do \
		$(DIFF_TOOL) --driver $(DIFF_DRIVER) --guest $(DIFF_GUEST_ROOT) --blob $$b --quiet || fail=1; \
	done; \
	$(DIFF_TOOL) --driver $(DIFF_DRIVER) --guest $(DIFF_GUEST_ROOT) --seed $(DIFF_TEST_SEED) \
		--images $(DIFF_TEST_GUEST_IMAGES) --cases $(DIFF_TEST_CASES) --quiet || fail=1; \
	$(DIFF_TOOL) --driver $(DIFF_DRIVER) --seed $(DIFF_TEST_SEED) --images $(DIFF_TEST_DSP_IMAGES) \
		--cases $(DIFF_TEST_CASES) --dsp --quiet || fail=1; \
	$(DIFF_TOOL) --driver $(DIFF_DRIVER) --guest $(DIFF_GUEST_ROOT) --seed $(DIFF_TEST_SEED) \
		--images $(DIFF_TEST_DSP_GUEST_IMAGES) --cases $(DIFF_TEST_CASES) --dsp --quiet || fail=1; \
	$(DIFF_TOOL) --driver $(DIFF_DRIVER) --seed $(DIFF_TEST_SEED) --images $(DIFF_TEST_MM_IMAGES) \
		--cases $(DIFF_TEST_CASES) --micromips --quiet || fail=1; \
	$(DIFF_TOOL) --driver $(DIFF_DRIVER) --guest $(DIFF_GUEST_ROOT) --seed $(DIFF_TEST_SEED) \
		--images $(DIFF_TEST_MM_GUEST_IMAGES) --cases $(DIFF_TEST_CASES) --micromips --quiet || fail=1; \
	if [ $$fail = 0 ]; then echo "ok test-diff"; else echo "FAIL test-diff (see MISMATCH lines above)"; fi; \
	exit $$fail
TEST_TARGETS += test-diff

SEED ?= 1
CASES ?= 10000
GUEST ?=
DSP ?=
MM ?=
diff-soak: diff-tools
	$(DIFF_TOOL) --driver $(DIFF_DRIVER) --seed $(SEED) --cases 250 \
		--images $$(( ($(CASES) + 249) / 250 )) $(if $(GUEST),--guest $(DIFF_GUEST_ROOT)) \
		$(if $(DSP),--dsp) $(if $(MM),--micromips)

-include $(DIFF_DRV_OBJS:.o=.d) $(DIFF_HOST_OBJS:.o=.d)
