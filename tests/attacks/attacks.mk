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
