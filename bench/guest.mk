# bench/guest.mk - the VZ root harness that runs the benchmark workload as a
# guest (bench/guest-harness, docs/simulator-vz.md). bench-sim then also
# prints sim_guest_mips: and guest_vs_root:.

BENCH_GUEST_HARNESS_ELF := $(BUILD)/target/bench/guest_harness.elf

$(BUILD)/target/bench/guest_harness.o: bench/guest-harness/guest_harness.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -c $< -o $@

$(BENCH_GUEST_HARNESS_ELF): $(BUILD)/target/bench/guest_harness.o bench/guest-harness/guest_harness.ld
	$(TARGET_CC) $(TARGET_LDFLAGS) -T bench/guest-harness/guest_harness.ld $< -o $@

# Always run the guest measurement, even on a fresh tree.
BENCH_GUEST_HARNESS := $(BENCH_GUEST_HARNESS_ELF)
bench-sim: $(BENCH_GUEST_HARNESS_ELF)
bench-sim-tools: $(BENCH_GUEST_HARNESS_ELF)
