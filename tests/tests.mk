# SPDX-License-Identifier: Apache-2.0
# tests build fragment (see top-level Makefile)
include tests/lib/lib.mk
include tests/runner/runner.mk
include tests/vz/vz.mk
include tests/loaders/loaders.mk
include tests/cpu/cpu.mk
include tests/cache/cache.mk
include tests/hazard/hazard.mk
include tests/fpu/fpu.mk
include tests/diff/diff.mk
include tests/soc/soc.mk
include tests/config/config.mk
include tests/hv/hv.mk
include tests/attacks/attacks.mk
include tests/dma/dma.mk
include tests/disasm/disasm.mk
include tests/gdb/gdb.mk
include tests/nuttx/nuttx.mk
include tests/fuzz/fuzz.mk
include tests/static/static.mk
include tests/trace/trace.mk
include tests/console/console.mk
include tests/boards/boards.mk
