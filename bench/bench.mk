# SPDX-License-Identifier: Apache-2.0
# bench build fragment (see top-level Makefile). Benchmarks are not tests:
# nothing here is part of `make test`.
#
#   make bench-sim    vzlet-sim against qemu-system-mipsel on the integer workload
#                     (BENCH_ITERATIONS=N to change the work; docs/benchmarks.md)
#
# Guest-mode figures (issue 3): the same workload also runs as a VZ guest under
# the minimal root harness bench/harness (or BENCH_GUEST_HARNESS=<image>; empty
# to skip), adding the sim_guest_mips: and guest_vs_root: lines.

BENCH_TBUILD := $(BUILD)/target/bench
BENCH_HBUILD := $(BUILD)/host/bench
BENCH_BOOT := $(BENCH_TBUILD)/boot.bin
BENCH_WORKLOAD := $(BENCH_TBUILD)/workload.bin
BENCH_SIM_TOOL := $(BUILD)/bin/vzlet-bench-sim
BENCH_WL_OBJS := $(BENCH_TBUILD)/start.o $(BENCH_TBUILD)/bench_main.o
BENCH_ITERATIONS ?= 4000
BENCH_HARNESS := $(BENCH_TBUILD)/root_harness.elf
BENCH_GUEST_HARNESS ?= $(BENCH_HARNESS)
# The workload is compiled for speed like real firmware would be.
BENCH_CFLAGS := $(TARGET_CFLAGS) -O2 -MMD -MP -Ibench/workload

$(BENCH_TBUILD)/%.o: bench/workload/%.c
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(BENCH_CFLAGS) -c $< -o $@

$(BENCH_TBUILD)/%.o: bench/workload/%.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -MMD -MP -Ibench/workload -c $< -o $@

$(BENCH_TBUILD)/workload.elf: $(BENCH_WL_OBJS) bench/workload/workload.ld
	$(TARGET_CC) $(TARGET_LDFLAGS) -T bench/workload/workload.ld $(BENCH_WL_OBJS) -o $@

$(BENCH_WORKLOAD): $(BENCH_TBUILD)/workload.elf
	$(TARGET_OBJCOPY) -O binary -j .text -j .rodata -j .data $< $@

# The same workload with bench_main.c as microMIPS code (start.S stays MIPS32
# and enters it by JALR with bit 0 set): the microMIPS line of bench-sim.
BENCH_WORKLOAD_MM := $(BENCH_TBUILD)/workload-mm.bin
$(BENCH_TBUILD)/mm/bench_main.o: bench/workload/bench_main.c
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(BENCH_CFLAGS) -mmicromips -minterlink-compressed -c $< -o $@
$(BENCH_TBUILD)/workload-mm.elf: $(BENCH_TBUILD)/start.o $(BENCH_TBUILD)/mm/bench_main.o bench/workload/workload.ld
	$(TARGET_CC) $(TARGET_LDFLAGS) -T bench/workload/workload.ld $(filter %.o,$^) -o $@
$(BENCH_WORKLOAD_MM): $(BENCH_TBUILD)/workload-mm.elf
	$(TARGET_OBJCOPY) -O binary -j .text -j .rodata -j .data $< $@

$(BENCH_TBUILD)/boot.elf: $(BENCH_TBUILD)/boot.o bench/workload/boot.ld
	$(TARGET_CC) $(TARGET_LDFLAGS) -T bench/workload/boot.ld $(BENCH_TBUILD)/boot.o -o $@

$(BENCH_BOOT): $(BENCH_TBUILD)/boot.elf
	$(TARGET_OBJCOPY) -O binary -j .reset $< $@

$(BENCH_TBUILD)/root_harness.o: bench/harness/root_harness.S bench/workload/bench_abi.h
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -Ibench/workload -c $< -o $@

$(BENCH_HARNESS): $(BENCH_TBUILD)/root_harness.o bench/harness/root_harness.ld
	$(TARGET_CC) $(TARGET_LDFLAGS) -T bench/harness/root_harness.ld $< -o $@

$(BENCH_HBUILD)/%.o: bench/host/%.c
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -MMD -MP -Isimulator/include -c $< -o $@

$(BENCH_SIM_TOOL): $(BENCH_HBUILD)/benchsim.o $(SIM_LIB)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_LDFLAGS) -o $@ $(BENCH_HBUILD)/benchsim.o $(SIM_LIB) $(SIM_LIBS)

# The same tool on simulator libraries built without a feature, only to
# state what the feature costs in host time; tests never use them:
#   nocache   -DVZSIM_NO_CACHE_MODEL (sim_mips_no_cache_model:, cache_model_speed:)
#   nohooks   -DVZSIM_NO_EVENT_HOOKS: the event hooks of --trace-events
#             compiled out (sim_mips_no_event_hooks:, event_hooks_off_speed:)
# $(call bench_sim_variant,NAME,CFLAGS) defines build/bin/vzlet-bench-sim-NAME.
define bench_sim_variant
BENCH_$(1)_DIR := $$(BUILD)/host-$(1)
BENCH_$(1)_OBJS := $$(patsubst %.c,$$(BENCH_$(1)_DIR)/%.o,$$(SIM_SRCS))
BENCH_SIM_$(1) := $$(BUILD)/bin/vzlet-bench-sim-$(1)

$$(BENCH_$(1)_DIR)/simulator/%.o: simulator/%.c
	@mkdir -p $$(dir $$@)
	$$(HOST_CC) $$(SIM_CFLAGS) $(2) -c $$< -o $$@

$$(BENCH_$(1)_DIR)/libvzsim.a: $$(BENCH_$(1)_OBJS)
	rm -f $$@ && ar rcs $$@ $$^

$$(BENCH_SIM_$(1)): $$(BENCH_HBUILD)/benchsim.o $$(BENCH_$(1)_DIR)/libvzsim.a
	@mkdir -p $$(dir $$@)
	$$(HOST_CC) $$(HOST_LDFLAGS) -o $$@ $$(BENCH_HBUILD)/benchsim.o $$(BENCH_$(1)_DIR)/libvzsim.a $$(SIM_LIBS)

-include $$(BENCH_$(1)_OBJS:.o=.d)
endef
$(eval $(call bench_sim_variant,nocache,-DVZSIM_NO_CACHE_MODEL))
$(eval $(call bench_sim_variant,nohooks,-DVZSIM_NO_EVENT_HOOKS))

.PHONY: bench-sim-tools bench-sim
bench-sim-tools: $(BENCH_BOOT) $(BENCH_WORKLOAD) $(BENCH_WORKLOAD_MM) $(BENCH_SIM_TOOL) $(BENCH_HARNESS)
ALL_TARGETS += bench-sim-tools

# The baselines run first, in the same make run: the build without the cache
# model (root mode) and the one without event hooks (root and guest mode).
bench-sim: bench-sim-tools $(BENCH_SIM_nocache) $(BENCH_SIM_nohooks)
	@base=$$($(BENCH_SIM_nocache) --sim-only --boot $(BENCH_BOOT) --workload $(BENCH_WORKLOAD) \
		--iterations $(BENCH_ITERATIONS)) || exit 1; \
	nohooks=$$($(BENCH_SIM_nohooks) --sim-only --boot $(BENCH_BOOT) --workload $(BENCH_WORKLOAD) \
		--iterations $(BENCH_ITERATIONS) --guest-harness "$(BENCH_GUEST_HARNESS)") || exit 1; \
	$(BENCH_SIM_TOOL) --boot $(BENCH_BOOT) --workload $(BENCH_WORKLOAD) \
		--workload-mm $(BENCH_WORKLOAD_MM) --iterations $(BENCH_ITERATIONS) --guest-harness "$(BENCH_GUEST_HARNESS)" \
		--baseline-mips "$$(echo "$$base" | sed -n 's/^sim_mips: //p')" \
		--baseline-cpu-mips "$$(echo "$$base" | sed -n 's/^sim_cpu_mips: //p')" \
		--no-hooks-cpu-mips "$$(echo "$$nohooks" | sed -n 's/^sim_cpu_mips: //p')" \
		--no-hooks-guest-cpu-mips "$$(echo "$$nohooks" | sed -n 's/^sim_guest_cpu_mips: //p')"
BENCH_TARGETS += bench-sim

-include $(BENCH_WL_OBJS:.o=.d) $(BENCH_TBUILD)/boot.d $(BENCH_HBUILD)/benchsim.d \
	$(BENCH_TBUILD)/mm/bench_main.d
include bench/hv.mk
