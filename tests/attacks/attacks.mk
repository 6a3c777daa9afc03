# SPDX-License-Identifier: Apache-2.0
# The attack suite (test-attacks): a hostile guest tries ~100 things beside
# two victim guests (tests/hv/systems/attacks.dts, tests/hv/guests/attack.c),
# each case with its expected outcome in tests/attacks/cases.txt, plus the
# configurations the configurator must refuse (tests/attacks/config.txt).
# docs/isolation.md describes what is defended and how.

.PHONY: test-attacks
TEST_TARGETS += test-attacks

test-attacks: $(HVT_DIR)/attacks/image.srec $(SIM_CLI) $(VZLET_CONFIG) $(CFGT_INPUTS)
	tests/attacks/run.sh $(SIM_CLI) $(HVT_DIR)/attacks/image.srec $(VZLET_CONFIG) $(BUILD)/attacks

# The random-instruction guest: a short run in `make test`, >= 10^8 random
# instruction words in `make soak` (several minutes; the count is printed).
.PHONY: test-random soak
TEST_TARGETS += test-random
SOAK_CYCLES ?= 48000M
SOAK_TRIALS ?= 100000000

test-random: $(HVT_DIR)/random/image.srec $(SIM_CLI)
	tests/attacks/soak.sh $(SIM_CLI) $< 400M 500000 $(BUILD)/random

soak: $(HVT_DIR)/random/image.srec $(SIM_CLI)
	tests/attacks/soak.sh $(SIM_CLI) $< $(SOAK_CYCLES) $(SOAK_TRIALS) $(BUILD)/soak
