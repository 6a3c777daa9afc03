# SPDX-License-Identifier: Apache-2.0
# tests/boards: each board's demo system on vzlet-sim --board (board-test.sh;
# docs/boards.md). The Wi-Fire's demo is test-hv's and test-demo's.
.PHONY: test-boards
test-boards: $(SIM_CLI) $(SYS_OUT)/dm320007-demo.srec $(SYS_OUT)/emz64-demo.srec tests/boards/board-test.sh
	@tests/boards/board-test.sh $(SIM_CLI) dm320007 1 $(SYS_OUT)/dm320007-demo.srec
	@tests/boards/board-test.sh $(SIM_CLI) emz64 4 $(SYS_OUT)/emz64-demo.srec
TEST_TARGETS += test-boards
