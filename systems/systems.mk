# systems build fragment (see top-level Makefile): one bootable image per
# system description systems/<name>.dts.
#
#   dtc          systems/<name>.dts            -> build/system/<name>/system.dtb
#   vzlet-config system.dtb + guest ELFs       -> vm_tables.c, layout.ld
#   hypervisor   $(HV_OBJS) + vm_tables.o      -> build/system/<name>/vzlet.elf
#   vzlet-config --hypervisor vzlet.elf        -> merge.args (srec_cat plan)
#   srec_cat     @merge.args                   -> build/system/<name>.srec, .hex
#
# build/system/<name>/ also keeps the ELFs with symbols for debugging: the
# hypervisor (vzlet.elf) and a copy of each guest ELF, whose addresses are
# the guest's own (what a debugger sees in guest mode).
#
# A system lists the guest ELFs its .dts names in SYSTEM_GUESTS_<name>, so
# that make rebuilds the image when a guest changes.

SYSTEMS := wifire-2guests
SYSTEM_GUESTS_wifire-2guests := $(POLL_GUEST) $(IRQ_GUEST)

SYS_OUT := $(BUILD)/system
SYSTEM_DTSI := $(wildcard systems/*.dtsi)
DTC ?= dtc
SREC_CAT ?= srec_cat

$(SYS_OUT)/%/system.dtb: systems/%.dts $(SYSTEM_DTSI)
	@mkdir -p $(dir $@)
	$(DTC) -q -I dts -O dtb -i systems -o $@ $<

# Tables and linker fragment come out together; the .c is the target. Each
# system's tables also depend on its guests (one rule per system).
$(SYS_OUT)/%/vm_tables.c: $(SYS_OUT)/%/system.dtb $(VZLET_CONFIG)
	$(VZLET_CONFIG) --tables $@ --linker $(dir $@)layout.ld --report $< >$(dir $@)report.txt
$(foreach s,$(SYSTEMS),$(eval $(SYS_OUT)/$(s)/vm_tables.c: $(SYSTEM_GUESTS_$(s))))

$(SYS_OUT)/%/vm_tables.o: $(SYS_OUT)/%/vm_tables.c
	$(TARGET_CC) $(HV_CFLAGS) -c $< -o $@

# layout.ld goes in as an implicit linker script: its absolute symbols (where
# each guest really lives) end up in the hypervisor ELF for the debugger.
$(SYS_OUT)/%/vzlet.elf: $(SYS_OUT)/%/vm_tables.o $(HV_OBJS) $(HV_LDSCRIPT)
	$(call hv_link,$@,$< $(SYS_OUT)/$*/layout.ld)

$(SYS_OUT)/%/merge.args: $(SYS_OUT)/%/vzlet.elf $(SYS_OUT)/%/system.dtb $(VZLET_CONFIG)
	$(VZLET_CONFIG) --hypervisor $< --merge $@ $(SYS_OUT)/$*/system.dtb
	@cp $(SYSTEM_GUESTS_$*) $(dir $@)

$(SYS_OUT)/%.srec: $(SYS_OUT)/%/merge.args
	$(SREC_CAT) @$< -o $@

$(SYS_OUT)/%.hex: $(SYS_OUT)/%.srec
	$(SREC_CAT) $< -o $@ -intel

SYSTEM_IMAGES := $(foreach s,$(SYSTEMS),$(SYS_OUT)/$(s).srec $(SYS_OUT)/$(s).hex)
.PHONY: systems run-demo
systems: $(SYSTEM_IMAGES)
ALL_TARGETS += systems

# `make run`: the demo system from the reset vector. On a terminal the console
# is interactive (Ctrl-E then a digit moves the input focus; Ctrl-] quits the
# simulator); otherwise it runs 4 simulated seconds with scripted input that
# moves the focus to each guest and types a key to it.
RUN_DEMO_SCRIPT := --cycles 800M --input-at '300M:\x051x' --input-at '500M:\x052y'
run-demo: $(SYS_OUT)/wifire-2guests.srec $(SIM_CLI)
	@if [ -t 0 ]; then $(SIM_CLI) --leds $<; \
	else $(SIM_CLI) --leds $(RUN_DEMO_SCRIPT) $<; fi
.PRECIOUS: $(SYS_OUT)/%/system.dtb $(SYS_OUT)/%/vm_tables.c $(SYS_OUT)/%/vm_tables.o \
	$(SYS_OUT)/%/vzlet.elf $(SYS_OUT)/%/merge.args
