# SPDX-License-Identifier: Apache-2.0
# tests/loaders: host unit tests of the image loaders (cmocka, under
# AddressSanitizer and UBSan), with a round trip through objcopy and srec_cat.

LOADERS_TEST := $(BUILD)/host/tests/loaders/test_loaders
LOADERS_TEST_SRCS := tests/loaders/test_loaders.c $(filter-out simulator/loaders/loader.c,$(wildcard simulator/loaders/*.c))
LOADERS_SAN := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LOADERS_RT := $(BUILD)/tests/loaders
LOADERS_RT_FILES := $(addprefix $(LOADERS_RT)/,roundtrip.elf roundtrip.srec roundtrip.hex \
	roundtrip-phys.srec roundtrip-phys.hex)

$(LOADERS_TEST): $(LOADERS_TEST_SRCS) simulator/loaders/image.h
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -O1 $(LOADERS_SAN) -Isimulator -Isimulator/include -Isimulator/loaders \
		-o $@ $(LOADERS_TEST_SRCS) -lcmocka

$(LOADERS_RT)/roundtrip.elf: tests/loaders/roundtrip.S tests/loaders/roundtrip.ld
	@mkdir -p $(dir $@)
	$(TARGET_CC) $(TARGET_ASFLAGS) -c $< -o $(LOADERS_RT)/roundtrip.o
	$(TARGET_LD) -EL --fatal-warnings -T tests/loaders/roundtrip.ld -o $@ $(LOADERS_RT)/roundtrip.o

# SREC with the link addresses (KSEG0/KSEG1 and one physical section).
$(LOADERS_RT)/roundtrip.srec: $(LOADERS_RT)/roundtrip.elf
	$(TARGET_OBJCOPY) -O srec $< $@
$(LOADERS_RT)/roundtrip.hex: $(LOADERS_RT)/roundtrip.srec
	srec_cat $< -o $@ -intel
# Physical addresses, as Microchip's tools write them.
LOADERS_RT_PHYS = srec_cat $< -crop 0xBFC00000 0xC0000000 -offset -0xA0000000 \
	$< -crop 0x9D000000 0x9E000000 -offset -0x80000000 \
	$< -crop 0x00000000 0x00080000
$(LOADERS_RT)/roundtrip-phys.srec: $(LOADERS_RT)/roundtrip.srec
	$(LOADERS_RT_PHYS) -o $@ -motorola -address-length=4
$(LOADERS_RT)/roundtrip-phys.hex: $(LOADERS_RT)/roundtrip.srec
	$(LOADERS_RT_PHYS) -o $@ -intel

.PHONY: test-loaders
test-loaders: $(LOADERS_TEST) $(LOADERS_RT_FILES)
	$(LOADERS_TEST) $(LOADERS_RT)
TEST_TARGETS += test-loaders
