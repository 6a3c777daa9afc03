# SPDX-License-Identifier: Apache-2.0
# bench/hv.mk - make bench-hv: the hypervisor's costs on vzlet-sim, exact
# (docs/benchmarks.md, "make bench-hv"). Included from bench/bench.mk.
#
#   guest   bench/hv/guest/*          -> build/bench/hv/hvbench-guest.elf
#   system  bench/hv/bench-1vm.dts    -> build/bench/hv/image.srec (the real
#           chain: dtc, vzlet-config, the hypervisor objects, srec_cat)
#   driver  bench/hv/hvbench.c, elfsyms.c -> build/bin/vzlet-bench-hv (libvzsim)
#
# The code/RAM size figures are those of the two-guest demo system's
# hypervisor ELF (systems/wifire-2guests.dts).

HVB_OUT := $(BUILD)/bench/hv
HVB_GUEST := $(HVB_OUT)/hvbench-guest.elf
HVB_GUEST_OBJS := $(HVB_OUT)/guest/start.o $(HVB_OUT)/guest/ops.o \
	$(HVB_OUT)/guest/main.o $(HVB_OUT)/guest/devcfg.o
HVB_IMAGE := $(HVB_OUT)/image.srec
HVB_HV_ELF := $(HVB_OUT)/vzlet.elf
HVB_TOOL := $(BUILD)/bin/vzlet-bench-hv
HVB_SIZE_ELF := $(BUILD)/system/wifire-2guests/vzlet.elf

$(HVB_OUT)/guest/%.o: bench/hv/guest/%.c
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_CFLAGS) -MMD -MP -c $< -o $@

$(HVB_OUT)/guest/%.o: bench/hv/guest/%.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -MMD -MP -c $< -o $@

# The Wi-Fire's DEVCFG words (for bare runs; the configurator drops them).
$(HVB_OUT)/guest/devcfg.o: guests/lib/boot/devcfg.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -MMD -MP -c $< -o $@

$(HVB_GUEST): $(HVB_GUEST_OBJS) bench/hv/guest/guest.ld
	$(TARGET_CC) $(TARGET_CFLAGS) $(TARGET_LDFLAGS) -T bench/hv/guest/guest.ld \
		-o $@ $(HVB_GUEST_OBJS) -lgcc

$(HVB_OUT)/system.dtb: bench/hv/bench-1vm.dts $(wildcard systems/*.dtsi)
	@mkdir -p $(dir $@)
	dtc -q -I dts -O dtb -i systems -o $@ $<

$(HVB_OUT)/vm_tables.c: $(HVB_OUT)/system.dtb $(VZLET_CONFIG) $(HVB_GUEST)
	$(VZLET_CONFIG) --tables $@ --linker $(HVB_OUT)/layout.ld --report $< >$(HVB_OUT)/report.txt

$(HVB_OUT)/vm_tables.o: $(HVB_OUT)/vm_tables.c
	$(TARGET_CC) $(HV_CFLAGS) -c $< -o $@

$(HVB_HV_ELF): $(HVB_OUT)/vm_tables.o $(HV_OBJS) $(HV_LDSCRIPT)
	$(call hv_link,$@,$< $(HVB_OUT)/layout.ld)

$(HVB_IMAGE): $(HVB_HV_ELF) $(HVB_OUT)/system.dtb $(VZLET_CONFIG)
	$(VZLET_CONFIG) --hypervisor $< --merge $(HVB_OUT)/merge.args $(HVB_OUT)/system.dtb
	srec_cat @$(HVB_OUT)/merge.args -o $@

HVB_TOOL_OBJS := $(BUILD)/host/bench/hv/hvbench.o $(BUILD)/host/bench/hv/elfsyms.o \
	$(BUILD)/host/bench/hv/vmswitch.o $(BUILD)/host/bench/hv/partbench.o \
	$(BUILD)/host/bench/hv/simload.o
# VM switches with and without guest TLB work: the four-VM test system
# (tests/hv/systems/rogue.dts: dslot has a guest TLB share with a wired
# entry, the other three have none).
HVB_SWITCH_IMAGE := $(BUILD)/hv/rogue/image.srec
HVB_SWITCH_ELF := $(BUILD)/hv/rogue/hypervisor.elf

$(BUILD)/host/bench/hv/%.o: bench/hv/%.c
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -MMD -MP -Isimulator/include -Ibench/hv -c $< -o $@

$(HVB_TOOL): $(HVB_TOOL_OBJS) $(SIM_LIB)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_LDFLAGS) -o $@ $(HVB_TOOL_OBJS) $(SIM_LIB) $(SIM_LIBS)

.PHONY: bench-hv-tools bench-hv
bench-hv-tools: $(HVB_TOOL) $(HVB_GUEST) $(HVB_IMAGE)
ALL_TARGETS += bench-hv-tools

# HVB_FLAGS=--profile: the path of every figure through the hypervisor,
# function by function; --console: the guest's output.
HVB_FLAGS ?=
bench-hv: bench-hv-tools $(HVB_SIZE_ELF) $(HVB_SWITCH_IMAGE) $(HVB_PART_IMAGE)
	$(HVB_TOOL) --guest $(HVB_GUEST) --image $(HVB_IMAGE) --hv-elf $(HVB_HV_ELF) \
		--size-elf $(HVB_SIZE_ELF) --size-tool $(TARGET_SIZE) \
		--switch-image $(HVB_SWITCH_IMAGE) --switch-hv-elf $(HVB_SWITCH_ELF) \
		--partition-image $(HVB_PART_IMAGE) --partition-guest $(HVB_PART_GUEST) $(HVB_FLAGS)
	@bench/hv/dma-bench.sh $(SIM_CLI) $(GUEST_BOOT) $(DMA_GUEST) $(HVB_OUT)/dma/image.srec
	@bench/hv/window-bench.sh $(SIM_CLI) $(BUILD)/hv/win/image.srec $(BUILD)/hv/win/vm_tables.c
BENCH_TARGETS += bench-hv

# The partitioning figures (bench/hv/partbench.c): channels between two
# VMs and health-monitor restarts, on bench/hv/bench-partition.dts with the
# guest bench/hv/partition/main.c in every VM.
HVB_PART_DIR := $(HVB_OUT)/partition
HVB_PART_GUEST := $(HVB_OUT)/partition.elf
HVB_PART_IMAGE := $(HVB_PART_DIR)/image.srec
$(BUILD)/target/bench/hv/partition/%.o: bench/hv/partition/%.c $(GUEST_ISA_STAMP)
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(GUEST_CFLAGS) -c $< -o $@
$(HVB_PART_GUEST): GUEST_LDFLAGS_EXTRA := -Wl,--defsym=_guest_ram_size=0x4000
$(HVB_PART_GUEST): $(BUILD)/target/bench/hv/partition/main.o $(GUEST_START_OBJS) $(GUEST_LIB) \
		$(GUEST_LDSCRIPT)
	$(GUEST_LINK)
$(HVB_PART_DIR)/system.dtb: bench/hv/bench-partition.dts $(wildcard systems/*.dtsi)
	@mkdir -p $(dir $@)
	dtc -q -I dts -O dtb -i systems -o $@ $<
$(HVB_PART_DIR)/vm_tables.c: $(HVB_PART_DIR)/system.dtb $(VZLET_CONFIG) $(HVB_PART_GUEST)
	$(VZLET_CONFIG) --tables $@ --linker $(HVB_PART_DIR)/layout.ld $<
$(HVB_PART_DIR)/vm_tables.o: $(HVB_PART_DIR)/vm_tables.c
	$(TARGET_CC) $(HV_CFLAGS) -c $< -o $@
$(HVB_PART_DIR)/vzlet.elf: $(HVB_PART_DIR)/vm_tables.o $(HV_OBJS) $(HV_LDSCRIPT)
	$(call hv_link,$@,$< $(HVB_PART_DIR)/layout.ld)
$(HVB_PART_IMAGE): $(HVB_PART_DIR)/vzlet.elf $(HVB_PART_DIR)/system.dtb $(VZLET_CONFIG)
	$(VZLET_CONFIG) --hypervisor $< --merge $(HVB_PART_DIR)/merge.args $(HVB_PART_DIR)/system.dtb
	srec_cat @$(HVB_PART_DIR)/merge.args -o $@
bench-hv-tools: $(HVB_PART_IMAGE)
.PRECIOUS: $(HVB_PART_DIR)/system.dtb $(HVB_PART_DIR)/vm_tables.c $(HVB_PART_DIR)/vm_tables.o
-include $(BUILD)/target/bench/hv/partition/main.d

# The DMA figures (bench/hv/dma-bench.sh): the DMA demo guest alone.
$(HVB_OUT)/dma/system.dtb: bench/hv/bench-dma.dts $(wildcard systems/*.dtsi)
	@mkdir -p $(dir $@)
	dtc -q -I dts -O dtb -i systems -o $@ $<
$(HVB_OUT)/dma/vm_tables.c: $(HVB_OUT)/dma/system.dtb $(VZLET_CONFIG) $(DMA_GUEST)
	$(VZLET_CONFIG) --tables $@ --linker $(HVB_OUT)/dma/layout.ld $<
$(HVB_OUT)/dma/vm_tables.o: $(HVB_OUT)/dma/vm_tables.c
	$(TARGET_CC) $(HV_CFLAGS) -c $< -o $@
$(HVB_OUT)/dma/vzlet.elf: $(HVB_OUT)/dma/vm_tables.o $(HV_OBJS) $(HV_LDSCRIPT)
	$(call hv_link,$@,$< $(HVB_OUT)/dma/layout.ld)
$(HVB_OUT)/dma/image.srec: $(HVB_OUT)/dma/vzlet.elf $(HVB_OUT)/dma/system.dtb $(VZLET_CONFIG)
	$(VZLET_CONFIG) --hypervisor $< --merge $(HVB_OUT)/dma/merge.args $(HVB_OUT)/dma/system.dtb
	srec_cat @$(HVB_OUT)/dma/merge.args -o $@
bench-hv: $(SIM_CLI) $(GUEST_BOOT) $(DMA_GUEST) $(HVB_OUT)/dma/image.srec
# The time-partitioning figure (bench/hv/window-bench.sh): the test system of
# tests/hv/windows.sh.
bench-hv: $(BUILD)/hv/win/image.srec
.PRECIOUS: $(HVB_OUT)/dma/system.dtb $(HVB_OUT)/dma/vm_tables.c $(HVB_OUT)/dma/vm_tables.o

.PRECIOUS: $(HVB_OUT)/system.dtb $(HVB_OUT)/vm_tables.c $(HVB_OUT)/vm_tables.o
-include $(HVB_GUEST_OBJS:.o=.d) $(HVB_TOOL_OBJS:.o=.d)
