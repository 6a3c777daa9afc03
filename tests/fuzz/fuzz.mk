# SPDX-License-Identifier: Apache-2.0
# tests/fuzz: AFL++ harnesses (docs/testing.md, "Fuzzing").
#
#   make fuzz FUZZ_SECONDS=N   run afl-fuzz on each harness for N seconds
#                              (default 60), one after the other; prints
#                              executions and crashes per harness
#   make test-fuzz             (part of make test) every harness, built with
#                              a plain compiler under ASan/UBSan, runs once
#                              over its seed corpus and crash reproducers
#
# Harnesses (each a fuzz_one() in its own file, main() in driver.c):
#   loader      simulator image loaders (ELF, Intel HEX, SREC)
#   config_elf  vzlet-config's guest ELF reader
#   config_dtb  vzlet-config on a devicetree blob: read, build, emit
#   hv_exits    hypervisor exits, decoding, emulation, hypercalls, interrupts
#   hv_console  hypervisor console input and guest output
# The hypervisor harnesses compile the real hypervisor sources for the host
# over a stub arch layer (tests/fuzz/hv/arch_stub.c, -DVZLET_HOST_STUB).

FUZZ := $(BUILD)/fuzz
FUZZ_HARNESSES := loader config_elf config_dtb hv_exits hv_console
FUZZ_SECONDS ?= 60
# Debian's afl++ ships afl-clang-fast (LLVM instrumentation, persistent mode).
AFL_CC ?= afl-clang-fast
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

# Guest and hypervisor stand-ins for config_dtb: small (-N, stripped) so that
# reading them per input costs little.
FUZZ_TA := $(TARGET_ARCH) -msoft-float
$(FUZZ)/guest.elf: tests/config/guest/guest.S tests/config/guest/guest.ld
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(FUZZ_TA) -Wa,--defsym,TEXT_PAD=0x40 -Wa,--defsym,DATA_PAD=0x10 \
		-Wa,--defsym,BSS_SIZE=0x100 -c $< -o $(@:.elf=.o)
	$(TARGET_CC) $(FUZZ_TA) -nostdlib -static -Wl,--build-id=none -Wl,-z,max-page-size=16 \
		-T tests/config/guest/guest.ld $(@:.elf=.o) -o $@
$(FUZZ)/hv.elf: tests/config/guest/hypervisor.S tests/config/guest/hypervisor.ld
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(FUZZ_TA) -Wa,--defsym,HV_PAD=0x40 -c $< -o $(@:.elf=.o)
	$(TARGET_CC) $(FUZZ_TA) -nostdlib -static -Wl,--build-id=none -Wl,-z,max-page-size=16 \
		-Wl,--defsym,HV_TEXT=0x9D000000 -T tests/config/guest/hypervisor.ld $(@:.elf=.o) -o $@

# Sources and flags per harness.
# Every core/ and vdev/ file but lib.c (memset/memcpy: the host's libc has
# them), debug_info.c (addresses as 32-bit words for a debugger) and the
# hypervisor threads (thread.c switches stacks; con_heartbeat.c is a thread).
FUZZ_HV_SRCS := $(filter-out hypervisor/core/lib.c hypervisor/core/debug_info.c \
	hypervisor/core/thread.c hypervisor/core/con_heartbeat.c, \
	$(wildcard hypervisor/core/*.c hypervisor/vdev/*.c)) hypervisor/soc/board.c hypervisor/soc/evic.c \
	tests/fuzz/hv/arch_stub.c tests/fuzz/hv/tables.c
FUZZ_HV_FLAGS := -DVZLET_HOST_STUB -Ihypervisor/include -Itests/fuzz/hv
FUZZ_CFG_SRCS := $(filter-out configurator/main.c,$(addprefix configurator/,$(VZCFG_SRCS)))
FUZZ_CFG_FLAGS := -Iconfigurator -Ihypervisor/include \
	-DFUZZ_GUEST_ELF='"$(abspath $(FUZZ)/guest.elf)"' -DFUZZ_HV_ELF='"$(abspath $(FUZZ)/hv.elf)"'

fuzz_srcs_loader := tests/fuzz/loader.c $(filter-out simulator/loaders/loader.c,$(wildcard simulator/loaders/*.c))
fuzz_flags_loader := -Isimulator -Isimulator/include -Isimulator/loaders
fuzz_srcs_config_elf := tests/fuzz/config_elf.c $(FUZZ_CFG_SRCS)
fuzz_flags_config_elf := $(FUZZ_CFG_FLAGS)
fuzz_srcs_config_dtb := tests/fuzz/config_dtb.c $(FUZZ_CFG_SRCS)
fuzz_flags_config_dtb := $(FUZZ_CFG_FLAGS)
fuzz_libs_config_elf := -lfdt
fuzz_libs_config_dtb := -lfdt
fuzz_srcs_hv_exits := tests/fuzz/hv/exits.c $(FUZZ_HV_SRCS)
fuzz_flags_hv_exits := $(FUZZ_HV_FLAGS)
fuzz_srcs_hv_console := tests/fuzz/hv/console.c $(FUZZ_HV_SRCS)
fuzz_flags_hv_console := $(FUZZ_HV_FLAGS)

FUZZ_HDRS := tests/fuzz/fuzz.h $(wildcard tests/fuzz/hv/*.h hypervisor/include/vzlet/*.h \
	configurator/*.h simulator/loaders/*.h simulator/machine.h)

# $(1) = harness: the replay build (plain, sanitizers) and the AFL build.
define fuzz_harness
$(FUZZ)/replay/$(1): tests/fuzz/driver.c $$(fuzz_srcs_$(1)) $(FUZZ_HDRS)
	@mkdir -p $$(dir $$@)
	$(HOST_CC) $(HOST_CFLAGS) -O1 $(FUZZ_SAN) $$(fuzz_flags_$(1)) -Itests/fuzz -o $$@ \
		tests/fuzz/driver.c $$(fuzz_srcs_$(1)) $$(fuzz_libs_$(1))
$(FUZZ)/afl/$(1): tests/fuzz/driver.c $$(fuzz_srcs_$(1)) $(FUZZ_HDRS)
	@mkdir -p $$(dir $$@)
	AFL_QUIET=1 $(AFL_CC) $(filter-out -O2,$(HOST_CFLAGS)) -O2 -Wno-error $$(fuzz_flags_$(1)) \
		-Itests/fuzz -o $$@ tests/fuzz/driver.c $$(fuzz_srcs_$(1)) $$(fuzz_libs_$(1))
endef
$(foreach h,$(FUZZ_HARNESSES),$(eval $(call fuzz_harness,$(h))))

FUZZ_RUNTIME := $(FUZZ)/guest.elf $(FUZZ)/hv.elf

# Replay: every corpus file and every crash reproducer, once.
.PHONY: test-fuzz fuzz
test-fuzz: $(addprefix $(FUZZ)/replay/,$(FUZZ_HARNESSES)) $(FUZZ_RUNTIME)
	@for h in $(FUZZ_HARNESSES); do \
		ASAN_OPTIONS=detect_leaks=1 timeout 300 $(FUZZ)/replay/$$h tests/fuzz/corpus/$$h \
			$$(test -d tests/fuzz/crashes/$$h && echo tests/fuzz/crashes/$$h) || exit 1; \
	done
TEST_TARGETS += test-fuzz

fuzz: $(addprefix $(FUZZ)/afl/,$(FUZZ_HARNESSES)) $(FUZZ_RUNTIME)
	@tests/fuzz/run-fuzz.sh $(FUZZ) $(FUZZ_SECONDS) $(FUZZ_HARNESSES)
