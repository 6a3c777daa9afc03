#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# run-good.sh VZLET_CONFIG OUTDIR - take tests/config/good/two-vms.dts all the
# way: tables compiled with the target compiler against vm_config.h, merge
# plan through srec_cat, and every guest's program flash found byte for byte
# at the real address the report gives. Needs TARGET_CC, TARGET_CFLAGS,
# OBJCOPY from the environment.
set -eu
cfg=$1
out=$2/good
mkdir -p "$out"
fail() { echo "FAIL config/good: $*"; exit 1; }

dtc -q -I dts -O dtb -i systems -o "$out/two-vms.dtb" tests/config/good/two-vms.dts
"$cfg" --report --tables "$out/vm_tables.c" --linker "$out/layout.ld" \
	--hypervisor "$2/hv-good.elf" --merge "$out/merge.args" "$out/two-vms.dtb" \
	>"$out/report.txt" || fail "vzlet-config rejected a valid system"
# shellcheck disable=SC2086
$TARGET_CC $TARGET_CFLAGS -Ihypervisor/include -c "$out/vm_tables.c" -o "$out/vm_tables.o" ||
	fail "generated tables do not compile against vm_config.h"
srec_cat @"$out/merge.args" -o "$out/image.srec" || fail "srec_cat rejected the merge plan"

grep -q "memory    gpa 0x0007f000 -> rpa 0x0007f000  0x001000 bytes rw-" "$out/report.txt" ||
	fail "the explicit mailbox memory is not mapped where it was asked"
grep -q "VZ_REGION_SHARED" "$out/vm_tables.c" || fail "shared memory not flagged in the tables"

# The report's "flash gpa 0x1d000000 -> rpa X" line of each VM, in VM order.
for vm in big small; do
	rpa=$(awk -v vm="\"$vm\"" '$1 == "VM" { cur = $3 }
		cur == vm && $1 == "flash" && $3 == "0x1d000000" { print $6 }' "$out/report.txt")
	[ -n "$rpa" ] || fail "no program flash placement for $vm in the report"
	$OBJCOPY -O binary --only-section=.text "$2/guest-$vm.elf" "$out/$vm.text.bin"
	len=$(wc -c <"$out/$vm.text.bin")
	srec_cat "$out/image.srec" -crop "$rpa" $((rpa + len)) -offset -"$rpa" \
		-o "$out/$vm.placed.bin" -binary
	cmp -s "$out/$vm.text.bin" "$out/$vm.placed.bin" ||
		fail "$vm: program flash content is not at $rpa in the merged image"
done
# The hypervisor's DEVCFG words are in, the guests' are not duplicated.
srec_cat "$out/image.srec" -crop 0x1fc0ffc0 0x1fc0ffd0 -offset -0x1fc0ffc0 \
	-o "$out/devcfg.bin" -binary
[ "$(od -An -tx4 "$out/devcfg.bin" | tr -s ' ')" = " c7ffffff fff9b11a 0374fc39 fffffbdb" ] ||
	fail "DEVCFG words are not the hypervisor's"
echo "ok config good system (tables compile, merged image checked)"
