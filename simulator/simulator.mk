# SPDX-License-Identifier: Apache-2.0
# simulator: libvzsim.a (cpu, soc, loaders) and the vzlet-sim command line.
# New .c files in these folders are picked up automatically.

SIM_DIRS := simulator simulator/cpu simulator/soc simulator/loaders
SIM_SRCS := $(foreach d,$(SIM_DIRS),$(wildcard $(d)/*.c))
SIM_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(SIM_SRCS))
SIM_CFLAGS := $(HOST_CFLAGS) -Isimulator -Isimulator/include -MMD -MP
SIM_LIB := $(BUILD)/lib/libvzsim.a
SIM_CLI := $(BUILD)/bin/vzlet-sim
SIM_CLI_SRCS := $(wildcard simulator/cli/*.c)
SIM_CLI_OBJS := $(patsubst %.c,$(BUILD)/host/%.o,$(SIM_CLI_SRCS))
SIM_LIBS := -lutil -lm

$(BUILD)/host/simulator/%.o: simulator/%.c
	@mkdir -p $(dir $@)
	$(HOST_CC) $(SIM_CFLAGS) -c $< -o $@

$(SIM_LIB): $(SIM_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(SIM_CLI): $(SIM_CLI_OBJS) $(SIM_LIB)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_LDFLAGS) -o $@ $(SIM_CLI_OBJS) $(SIM_LIB) $(SIM_LIBS)

.PHONY: sim
sim: $(SIM_CLI)
ALL_TARGETS += sim

-include $(SIM_OBJS:.o=.d) $(SIM_CLI_OBJS:.o=.d)
