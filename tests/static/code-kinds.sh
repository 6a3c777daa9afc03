# SPDX-License-Identifier: Apache-2.0
# code-kinds.sh - sourced by the static-analysis scripts: which C files are
# target code (cross-compiled for the chip) and the flags each kind is
# analysed with. A new folder of target C code must be added to TARGET_RE.
TARGET_RE='^(hypervisor/|tests/cache/|guests/|tests/lib/|tests/cpu/|tests/soc/target/|tests/hv/guests/|tests/runner/cases/|tests/diff/target/|tests/vz/vz|bench/workload/|bench/hv/guest/|bench/hv/partition/|tests/attacks/guests/|tests/soak/)'
HOST_FLAGS="-std=c11 -Wall -Wextra -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Isimulator \
-Isimulator/include -Isimulator/loaders -Isimulator/cli -Iconfigurator -Ihypervisor/include \
-Itests/lib -Itests/fuzz -Ibench/hv -Ibench/workload"
TARGET_FLAGS="--target=mipsel-linux-gnu -march=mips32r5 -mvirt -msoft-float -mno-abicalls -fno-pic \
-ffreestanding -std=c11 -Ihypervisor/include -Iguests/lib/include -Itests/lib -Ibench/workload \
-Itests/vz -isystem /usr/mipsel-linux-gnu/include"

is_target() { echo "$1" | grep -Eq "$TARGET_RE"; }

# Flags for host file $1 (the fuzz harnesses' own defines included).
host_flags() {
	case $1 in
	tests/fuzz/hv/*) echo "$HOST_FLAGS -DVZLET_HOST_STUB -Itests/fuzz/hv" ;;
	tests/fuzz/config_dtb.c) echo "$HOST_FLAGS -DFUZZ_GUEST_ELF=\"g\" -DFUZZ_HV_ELF=\"h\"" ;;
	*) echo "$HOST_FLAGS" ;;
	esac
}
