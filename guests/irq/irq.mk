# The interrupt-driven demo guest. Included from hypervisor/hypervisor.mk
# after guests/poll/poll.mk (shares its start-up, board facts and layout).
IRQ_GUEST := $(BUILD)/guests/irq.elf
IRQ_OBJS := $(BUILD)/target/demo/poll/start.o $(BUILD)/target/demo/irq/main.o \
	$(BUILD)/target/demo/poll/devcfg.o

$(IRQ_GUEST): $(IRQ_OBJS) $(DEMO_GUEST_LD)
	$(call demo_guest_link,$@,$(IRQ_OBJS))

ALL_TARGETS += $(IRQ_GUEST)
-include $(IRQ_OBJS:.o=.d)
