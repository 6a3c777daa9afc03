# SPDX-License-Identifier: Apache-2.0
# vzlet - top-level build. Each part owns a fragment (<part>/<part>.mk) that
# adds its targets; this file only ties them together.
#
#   make run     boot the demo system in the simulator (installs missing packages as root)
#   make test    build everything and run the whole test suite
#   make bench   benchmarks (simulator speed, hypervisor costs); not tests

.DEFAULT_GOAL := all
BUILD ?= build
include mk/toolchain.mk

# Fragments append to these.
ALL_TARGETS :=
TEST_TARGETS :=
BENCH_TARGETS :=

include simulator/simulator.mk
include guests/guests.mk
include configurator/configurator.mk
include hypervisor/hypervisor.mk
include systems/systems.mk
include tests/tests.mk
include bench/bench.mk

.PHONY: all deps run test check bench clean
.SECONDARY: # keep intermediate files (test objects made by pattern chains): no rebuild each run
all: $(ALL_TARGETS)

deps:
	@scripts/install-deps.sh

# The two quick-start commands: dependencies first, then the real work in a
# sub-make so that freshly installed tools are found.
run: deps
	@$(MAKE) --no-print-directory run-demo

test: deps
	@$(MAKE) --no-print-directory check

# The closing line counts test groups (each group prints its own results).
check: $(TEST_TARGETS)
	@echo "test groups run: $(TEST_TARGETS)"
	@echo "test groups: $(words $(TEST_TARGETS)) passed, 0 failed"

bench: deps
	@$(MAKE) --no-print-directory $(BENCH_TARGETS)

clean:
	rm -rf $(BUILD)
