# SPDX-License-Identifier: Apache-2.0
# test-partition: inter-VM channels (docs/channels.md), the health monitor
# and each VM's watchdog (docs/health-monitor.md) on real images in the
# simulator (tests/hv/partition.sh; the systems are in HVT_SYSTEMS, hv.mk).
.PHONY: test-partition
TEST_TARGETS += test-partition
test-partition: $(HVT_DIR)/chan/image.srec $(HVT_DIR)/hm/image.srec $(HVT_DIR)/win/image.srec $(HVT_DIR)/wdt/image.srec $(SIM_CLI) \
	$(SYS_OUT)/wifire-partition.srec
	tests/hv/partition.sh $(SIM_CLI) $(HVT_DIR)
	tests/hv/windows.sh $(SIM_CLI) $(HVT_DIR)
	tests/hv/partition-demo.sh $(SIM_CLI) $(SYS_OUT)/wifire-partition.srec \
		$(SYS_OUT)/wifire-partition/vm_tables.c $(HVT_DIR)/out
