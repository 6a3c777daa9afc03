# guests build fragment (see top-level Makefile): the guest support library
# (guests/lib), the boot-flash stub (guests/lib/boot) and the bare-metal demo
# (guests/demo).

GUEST_CFLAGS := $(TARGET_CFLAGS) -Iguests/lib/include -MMD -MP
GUEST_ASFLAGS := $(TARGET_ASFLAGS) -Iguests/lib/include -MMD -MP

$(BUILD)/target/guests/%.o: guests/%.c
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(GUEST_CFLAGS) -c $< -o $@

$(BUILD)/target/guests/%.o: guests/%.S
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(GUEST_ASFLAGS) -c $< -o $@
