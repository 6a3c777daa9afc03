#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# run-systems.sh CFGT_DIR GUEST_ELF - a system dropped into a systems
# directory goes through the real make rules (systems/systems.mk, with
# SYSTEMS_DIR and SYS_OUT pointed at scratch directories): make learns the
# guest ELF from `vzlet-config --deps`, builds it, writes the .srec and .hex,
# rebuilds the image when the guest changes, takes a prebuilt ELF no rule
# builds, and stops with a clear error when a system names an ELF that
# nothing builds and that does not exist. Needs MAKE.
set -eu
dir=$1/systems
guest=$2
fail() { echo "FAIL config/systems: $*"; exit 1; }
sysmake() { # SRC OUT make-args...
	src=$1 out=$2
	shift 2
	$MAKE --no-print-directory SYSTEMS_DIR="$src" SYS_OUT="$out" "$@"
}
rm -rf "$dir"
mkdir -p "$dir/src" "$dir/prebuilt" "$dir/lost"

sed "s|@GUEST@|$guest|" tests/config/systems/mine.dts.in >"$dir/src/mine.dts"
rm -f "$guest"
sysmake "$dir/src" "$dir/out" systems >"$dir/make.log" 2>&1 ||
	{ cat "$dir/make.log"; fail "make did not build a new system"; }
[ -f "$guest" ] || fail "make did not build the guest ELF the system names"
for f in mine.srec mine.hex mine/vzlet.elf mine/$(basename "$guest"); do
	[ -s "$dir/out/$f" ] || fail "make did not write $f"
done
grep -q "\"mine\"" "$dir/out/mine/report.txt" || fail "the report does not show the VM"
sysmake "$dir/src" "$dir/out" -q "$dir/out/mine.srec" || fail "image out of date after make"
touch "$guest"
if sysmake "$dir/src" "$dir/out" -q "$dir/out/mine.srec"; then
	fail "the image does not depend on the guest ELF its system names"
fi

cp "$guest" "$dir/prebuilt.elf"
sed "s|@GUEST@|$dir/prebuilt.elf|" tests/config/systems/mine.dts.in >"$dir/prebuilt/pre.dts"
sysmake "$dir/prebuilt" "$dir/prebuilt-out" systems >"$dir/prebuilt.log" 2>&1 ||
	{ cat "$dir/prebuilt.log"; fail "make did not take a prebuilt guest ELF"; }
[ -s "$dir/prebuilt-out/pre.srec" ] || fail "no image for the system with a prebuilt guest"

sed "s|@GUEST@|$dir/no-such-guest.elf|" tests/config/systems/mine.dts.in >"$dir/lost/lost.dts"
if sysmake "$dir/lost" "$dir/lost-out" systems >"$dir/lost.log" 2>&1; then
	fail "make accepted a system naming an ELF nothing builds"
fi
grep -q "error: no rule builds $dir/no-such-guest.elf" "$dir/lost.log" ||
	{ cat "$dir/lost.log"; fail "no clear error for an ELF nothing builds"; }
echo "ok config systems (a new system built by make, its guest ELF a dependency)"
