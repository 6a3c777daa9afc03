# SPDX-License-Identifier: Apache-2.0
# hypervisor build fragment (see top-level Makefile).
#
# The hypervisor is built once as objects ($(HV_OBJS)); a system's image is
# those objects plus the system's generated tables (vm_tables.c, see
# hypervisor/include/vzlet/vm_config.h), linked with $(HV_LDSCRIPT):
#   $(call hv_link,<out.elf>,<vm_tables.o>)
# Compile vm_tables.c with $(HV_CFLAGS).

HV_DIRS := hypervisor/arch/mips hypervisor/core hypervisor/vdev hypervisor/soc
HV_C_SRCS := $(foreach d,$(HV_DIRS),$(wildcard $(d)/*.c))
HV_S_SRCS := $(foreach d,$(HV_DIRS),$(wildcard $(d)/*.S))
HV_OBJS := $(patsubst %.c,$(BUILD)/target/%.o,$(HV_C_SRCS)) \
	   $(patsubst %.S,$(BUILD)/target/%.o,$(HV_S_SRCS))
# -flto: link-time optimisation across the hypervisor's files saves about
# 2 KB of code (cross-file inlining of single-use functions, dead code) at
# unchanged costs on the measured paths (make bench-hv).
HV_CFLAGS := $(TARGET_CFLAGS) -Ihypervisor/include -fno-tree-loop-distribute-patterns \
	-fno-jump-tables -flto -MMD -MP
HV_ASFLAGS := $(TARGET_ASFLAGS) -Ihypervisor/include -MMD -MP
HV_LDSCRIPT := hypervisor/hypervisor.ld

$(BUILD)/target/hypervisor/%.o: hypervisor/%.c
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(HV_CFLAGS) -c $< -o $@

$(BUILD)/target/hypervisor/%.o: hypervisor/%.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(HV_ASFLAGS) -c $< -o $@

# $(call hv_link,out.elf,tables.o): one bootable hypervisor ELF for a system.
define hv_link
	@mkdir -p $(dir $(1))
	$(TARGET_CC) $(TARGET_CFLAGS) -flto $(TARGET_LDFLAGS) -T $(HV_LDSCRIPT) \
		-Wl,-Map,$(basename $(1)).map -o $(1) $(2) $(HV_OBJS) -lgcc
endef

.PHONY: hypervisor
hypervisor: $(HV_OBJS)
ALL_TARGETS += hypervisor

-include $(HV_OBJS:.o=.d)

# The demo guests are built with the hypervisor.
include guests/poll/poll.mk
include guests/irq/irq.mk
include guests/partition/partition.mk
include guests/boards/boards.mk
include guests/dma/dma.mk
