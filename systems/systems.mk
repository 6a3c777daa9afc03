# SPDX-License-Identifier: Apache-2.0
# systems build fragment (see top-level Makefile): one bootable image per
# system description $(SYSTEMS_DIR)/<name>.dts (systems/ unless given).
#
#   dtc          <name>.dts                    -> build/system/<name>/system.dtb
#   vzlet-config --deps system.dtb             -> guests.d (the guest ELFs it names)
#   vzlet-config system.dtb + guest ELFs       -> vm_tables.c, layout.ld
#   hypervisor   $(HV_OBJS) + vm_tables.o      -> build/system/<name>/vzlet.elf
#   vzlet-config --hypervisor vzlet.elf        -> merge.args (srec_cat plan)
#   srec_cat     @merge.args                   -> build/system/<name>.srec, .hex
#
# build/system/<name>/ also keeps the ELFs with symbols for debugging: the
# hypervisor (vzlet.elf) and a copy of each guest ELF, whose addresses are
# the guest's own (what a debugger sees in guest mode).
#
# Every .dts is a system. make learns which guest ELFs a system uses from the
# configurator (guests.d, included below), so it builds them first (their
# rules are in guests/*.mk) and rebuilds the image when one changes.

SYSTEMS_DIR ?= systems
SYSTEMS := $(patsubst $(SYSTEMS_DIR)/%.dts,%,$(wildcard $(SYSTEMS_DIR)/*.dts))

SYS_OUT ?= $(BUILD)/system
SYSTEM_DTSI := $(wildcard systems/*.dtsi)
DTC ?= dtc
SREC_CAT ?= srec_cat

$(SYS_OUT)/%/system.dtb: $(SYSTEMS_DIR)/%.dts $(SYSTEM_DTSI)
	@mkdir -p $(dir $@)
	$(DTC) -q -I dts -O dtb -i systems -o $@ $<

# "vm_tables.c merge.args: <guest ELFs>", from the devicetree alone.
$(SYS_OUT)/%/guests.d: $(SYS_OUT)/%/system.dtb $(VZLET_CONFIG)
	$(VZLET_CONFIG) --deps $@ --deps-target $(dir $@)vm_tables.c \
		--deps-target $(dir $@)merge.args $<

# Tables and linker fragment come out together; the .c is the target.
$(SYS_OUT)/%/vm_tables.c: $(SYS_OUT)/%/system.dtb $(VZLET_CONFIG)
	$(VZLET_CONFIG) --tables $@ --linker $(dir $@)layout.ld --report $< >$(dir $@)report.txt

$(SYS_OUT)/%/vm_tables.o: $(SYS_OUT)/%/vm_tables.c
	$(TARGET_CC) $(HV_CFLAGS) -c $< -o $@

# layout.ld goes in as an implicit linker script: its absolute symbols (where
# each guest really lives) end up in the hypervisor ELF for the debugger.
$(SYS_OUT)/%/vzlet.elf: $(SYS_OUT)/%/vm_tables.o $(HV_OBJS) $(HV_LDSCRIPT)
	$(call hv_link,$@,$< $(SYS_OUT)/$*/layout.ld)

$(SYS_OUT)/%/merge.args: $(SYS_OUT)/%/vzlet.elf $(SYS_OUT)/%/system.dtb $(VZLET_CONFIG)
	$(VZLET_CONFIG) --hypervisor $< --merge $@ $(SYS_OUT)/$*/system.dtb
	@cp $(filter %.elf,$(filter-out $<,$^)) $(dir $@)

$(SYS_OUT)/%.srec: $(SYS_OUT)/%/merge.args
	$(SREC_CAT) @$< -o $@

$(SYS_OUT)/%.hex: $(SYS_OUT)/%.srec
	$(SREC_CAT) $< -o $@ -intel

# SYSTEMS_OPTIONAL (set by the fragments of third-party guests, e.g.
# guests/nuttx/nuttx.mk) are built on request only.
SYSTEM_IMAGES := $(foreach s,$(filter-out $(SYSTEMS_OPTIONAL),$(SYSTEMS)),\
	$(SYS_OUT)/$(s).srec $(SYS_OUT)/$(s).hex)
.PHONY: systems run-demo
systems: $(SYSTEM_IMAGES)
ALL_TARGETS += systems

# `make run`: the demo system from the reset vector. On a terminal the console
# is interactive (Ctrl-E then a digit moves the input focus; Ctrl-] quits the
# simulator); otherwise it runs 4 simulated seconds with scripted input that
# moves the focus to each guest and types a key to it.
# BOARD=dm320007 or BOARD=emz64: that board's demo system on its board
# model (docs/boards.md).
BOARD ?= wifire
RUN_DEMO_SYSTEM := $(if $(filter wifire,$(BOARD)),wifire-2guests,$(BOARD)-demo)
RUN_DEMO_SCRIPT := --cycles 800M --input-at '300M:\x051x' --input-at '500M:\x052y'
run-demo: $(SYS_OUT)/$(RUN_DEMO_SYSTEM).srec $(SIM_CLI)
	@if [ -t 0 ]; then $(SIM_CLI) --board $(BOARD) --leds $<; \
	else $(SIM_CLI) --board $(BOARD) --leds $(RUN_DEMO_SCRIPT) $<; fi

# `make run-partition`: the partitioning demo (README, docs/time-partitioning.md).
# On a terminal interactive (Ctrl-E 2 then c or h misbehaves the untrusted
# VM); otherwise 1.5 simulated seconds that crash it, then hang it.
RUN_PARTITION_SCRIPT := --cycles 300M --input-at '60M:\x052c' --input-at '140M:\x052h'
.PHONY: run-partition
run-partition: $(SYS_OUT)/wifire-partition.srec $(SIM_CLI)
	@if [ -t 0 ]; then $(SIM_CLI) --leds $<; else $(SIM_CLI) --leds $(RUN_PARTITION_SCRIPT) $<; fi

# The guest dependencies are needed to build systems, not to clean or to
# install packages (the wrappers run, test and bench do their work in a
# sub-make, which includes them). vm_tables.d: the hypervisor headers the
# tables were compiled against.
SYS_NO_DEPS_GOALS := clean deps run test bench
ifneq ($(if $(MAKECMDGOALS),$(filter-out $(SYS_NO_DEPS_GOALS),$(MAKECMDGOALS)),all),)
include $(foreach s,$(SYSTEMS),$(SYS_OUT)/$(s)/guests.d)
-include $(foreach s,$(SYSTEMS),$(SYS_OUT)/$(s)/vm_tables.d)
endif

# A guest ELF that a system names, that no rule builds and that does not
# exist. Reached only through a prerequisite nothing else makes, so that make
# prefers every real rule, chained ones included.
%.elf: %.elf-unbuildable ;
%.elf-unbuildable:
	@echo "error: no rule builds $*.elf and it does not exist; a system's \"elf\" names it" \
		"(give it a make rule, see \"Building a guest\" in docs/guest-lib.md, or fix the path)" >&2
	@exit 1

.PRECIOUS: $(SYS_OUT)/%/guests.d $(SYS_OUT)/%/system.dtb $(SYS_OUT)/%/vm_tables.c $(SYS_OUT)/%/vm_tables.o \
	$(SYS_OUT)/%/vzlet.elf $(SYS_OUT)/%/merge.args
