# SPDX-License-Identifier: Apache-2.0
# configurator build fragment (see top-level Makefile): vzlet-config, the
# host tool that turns a system devicetree into the hypervisor's tables.

VZCFG_SRCS := main.c diag.c dt_read.c elf_image.c mem_pool.c tlb_plan.c vm_build.c \
	check.c clocks.c channels.c health.c windows.c system.c emit_tables.c emit_linker.c emit_merge.c emit_deps.c dma.c wdt.c
# Everything but main.c, for the unit tests.
VZCFG_LIB_OBJS := $(patsubst %.c,$(BUILD)/host/configurator/%.o,$(filter-out main.c,$(VZCFG_SRCS)))
VZCFG_CFLAGS := $(HOST_CFLAGS) -Iconfigurator -Ihypervisor/include -MMD -MP
VZCFG_LIBS := -lfdt
VZLET_CONFIG := $(BUILD)/bin/vzlet-config

$(BUILD)/host/configurator/%.o: configurator/%.c
	@mkdir -p $(dir $@)
	$(HOST_CC) $(VZCFG_CFLAGS) -c $< -o $@

$(VZLET_CONFIG): $(BUILD)/host/configurator/main.o $(VZCFG_LIB_OBJS)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_LDFLAGS) -o $@ $^ $(VZCFG_LIBS)

ALL_TARGETS += $(VZLET_CONFIG)

-include $(patsubst %.c,$(BUILD)/host/configurator/%.d,$(VZCFG_SRCS))
