# The polling demo guest (bare chipKIT Wi-Fire program; runs unmodified under
# the hypervisor). Included from hypervisor/hypervisor.mk.
DEMO_GUEST_CFLAGS := $(TARGET_CFLAGS) -MMD -MP
DEMO_GUEST_ASFLAGS := $(TARGET_ASFLAGS) -MMD -MP
DEMO_GUEST_LD := guests/poll/guest.ld

$(BUILD)/target/demo/%.o: guests/%.c
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(DEMO_GUEST_CFLAGS) -c $< -o $@

$(BUILD)/target/demo/%.o: guests/%.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(DEMO_GUEST_ASFLAGS) -c $< -o $@

# $(call demo_guest_link,out.elf,objects)
define demo_guest_link
	@mkdir -p $(dir $(1))
	$(TARGET_CC) $(TARGET_CFLAGS) $(TARGET_LDFLAGS) -T $(DEMO_GUEST_LD) \
		-Wl,-Map,$(basename $(1)).map -o $(1) $(2) -lgcc
endef

POLL_GUEST := $(BUILD)/guests/poll.elf
POLL_OBJS := $(BUILD)/target/demo/poll/start.o $(BUILD)/target/demo/poll/main.o \
	$(BUILD)/target/demo/poll/devcfg.o

$(BUILD)/target/demo/poll/devcfg.o: guests/lib/boot/devcfg.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(DEMO_GUEST_ASFLAGS) -c $< -o $@

$(POLL_GUEST): $(POLL_OBJS) $(DEMO_GUEST_LD)
	$(call demo_guest_link,$@,$(POLL_OBJS))

ALL_TARGETS += $(POLL_GUEST)
-include $(POLL_OBJS:.o=.d)
