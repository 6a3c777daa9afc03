# SPDX-License-Identifier: Apache-2.0
# Toolchains. Host tools are C11 with warnings as errors; target code is built
# for the M5150 (MIPS32r5 + VZ) with Debian's cross compiler, freestanding.

HOST_CC ?= cc
HOST_CFLAGS ?= -std=c11 -O2 -g -Wall -Wextra -Werror -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L
HOST_LDFLAGS ?=

CROSS ?= mipsel-linux-gnu-
TARGET_CC := $(CROSS)gcc
TARGET_LD := $(CROSS)ld
TARGET_OBJCOPY := $(CROSS)objcopy
TARGET_OBJDUMP := $(CROSS)objdump
TARGET_SIZE := $(CROSS)size
TARGET_ARCH := -march=m5101 -mvirt -EL -mno-abicalls -fno-pic -G0
TARGET_CFLAGS ?= -std=c11 $(TARGET_ARCH) -Os -g -ffreestanding -fno-builtin -nostdlib \
	-msoft-float -ffunction-sections -fdata-sections -Wall -Wextra -Werror
TARGET_ASFLAGS ?= $(TARGET_ARCH) -g -msoft-float
TARGET_LDFLAGS ?= -nostdlib -static -Wl,--gc-sections -Wl,--build-id=none -Wl,--fatal-warnings
