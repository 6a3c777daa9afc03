# SPDX-License-Identifier: Apache-2.0
# Apache NuttX chipkit-wifire:nsh as a guest (docs/nuttx.md). Its sources are
# not in this repository: scripts/nuttx-build.sh builds them from
# ../shared/thirdparty/nuttx (or NUTTX_DIR/NUTTX_APPS_DIR) into build/nuttx
# (MIPS32) and build/nuttx-mm (microMIPS, the stock configuration), once:
# the script keeps its result until the sources or the script change.
#
#   make nuttx       build/nuttx/nuttx.elf and nuttx.hex (MIPS32)
#   make nuttx-mm    build/nuttx-mm/nuttx.elf and nuttx.hex (microMIPS)
#   make run-nuttx   NuttX beside the demo guests (systems/wifire-nuttx.dts)
#   make run-nuttx-bare   NuttX alone on the simulated chip
#   make run-nuttx-mm, run-nuttx-mm-bare: the same with the microMIPS build
NUTTX_OUT := $(BUILD)/nuttx
NUTTX_MM_OUT := $(BUILD)/nuttx-mm
SYS_OUT ?= $(BUILD)/system
NUTTX_ELF := $(NUTTX_OUT)/nuttx.elf
NUTTX_HEX := $(NUTTX_OUT)/nuttx.hex
NUTTX_MM_ELF := $(NUTTX_MM_OUT)/nuttx.elf
NUTTX_BUILD := scripts/nuttx-build.sh

# Systems with a NuttX VM are built on request only, not by `make`: the
# NuttX build takes minutes and needs the third-party sources.
SYSTEMS_OPTIONAL += wifire-nuttx wifire-nuttx-mm
# wifire-nuttx-mm.dts is wifire-nuttx.dts with the other ELF.
$(SYS_OUT)/wifire-nuttx-mm/system.dtb: systems/wifire-nuttx.dts

# The script decides whether anything is to be done (its cache): run it
# every time; files that did not change keep their time stamps.
NUTTX_SKIPPED = { rc=$$?; [ $$rc -ne 3 ] || \
	echo "make nuttx: NuttX sources not found: see docs/nuttx.md" >&2; exit 1; }
.PHONY: nuttx nuttx-mm FORCE-NUTTX
nuttx: $(NUTTX_ELF)
nuttx-mm: $(NUTTX_MM_ELF)
$(NUTTX_ELF) $(NUTTX_HEX) &: FORCE-NUTTX
	@$(NUTTX_BUILD) $(NUTTX_OUT) mips32 || $(NUTTX_SKIPPED)
$(NUTTX_MM_ELF) $(NUTTX_MM_OUT)/nuttx.hex &: FORCE-NUTTX
	@$(NUTTX_BUILD) $(NUTTX_MM_OUT) micromips || $(NUTTX_SKIPPED)
FORCE-NUTTX:

# Interactive on a terminal (Ctrl-E 3 gives NuttX the keyboard, Ctrl-] quits);
# otherwise a short scripted session.
RUN_NUTTX_SCRIPT := --cycles 1200M --input-at '300M:\x053' --input-at '320M:help\r' \
	--input-at '500M:ps\r' --input-at '700M:uptime\r'
.PHONY: run-nuttx run-nuttx-bare run-nuttx-mm run-nuttx-mm-bare
run-nuttx: $(SYS_OUT)/wifire-nuttx.srec $(SIM_CLI)
run-nuttx-mm: $(SYS_OUT)/wifire-nuttx-mm.srec $(SIM_CLI)
run-nuttx run-nuttx-mm:
	@if [ -t 0 ]; then $(SIM_CLI) --leds $<; \
	else $(SIM_CLI) --leds $(RUN_NUTTX_SCRIPT) $<; fi
run-nuttx-bare: $(NUTTX_ELF) $(SIM_CLI)
run-nuttx-mm-bare: $(NUTTX_MM_ELF) $(SIM_CLI)
run-nuttx-bare run-nuttx-mm-bare:
	@if [ -t 0 ]; then $(SIM_CLI) $<; \
	else $(SIM_CLI) --cycles 800M --input-at '300M:help\r' $<; fi
