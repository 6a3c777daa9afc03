# SPDX-License-Identifier: Apache-2.0
# tests/trace: vzlet-sim --trace-events and scripts/vzlet-timeline on real
# images (trace-test.sh).
.PHONY: test-trace
test-trace: $(SIM_CLI) $(SYS_OUT)/wifire-2guests.srec $(HVT_DIR)/bench/image.srec \
		tests/trace/trace-test.sh tests/trace/check_trace.py scripts/vzlet-timeline
	@tests/trace/trace-test.sh $(SIM_CLI) $(SYS_OUT)/wifire-2guests.srec $(HVT_DIR)/bench/image.srec
TEST_TARGETS += test-trace
