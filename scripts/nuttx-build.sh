#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Build Apache NuttX chipkit-wifire:nsh with Debian's toolchain into OUT
# (default build/nuttx): OUT/nuttx.elf and OUT/nuttx.hex.
# Usage: nuttx-build.sh [OUT [ISA]]
#   ISA  mips32 (default; CONFIG_MIPS_MICROMIPS off) or micromips (the stock
#        configuration: microMIPS code, DEVCFG0.BOOTISA = microMIPS)
# The NuttX code is never copied into this repository: a build copy is
# unpacked under OUT/src, the build-side changes documented in docs/nuttx.md
# are applied to it there, and the result is cached: a second run with the
# same sources, ISA and script does nothing.
#
# Sources, first found wins:
#   NUTTX_DIR and NUTTX_APPS_DIR   two source trees (e.g. upstream git clones)
#   NUTTX_TARBALLS                 a folder with nuttx.tar.xz and apps.tar.xz
#                                  (default ../shared/thirdparty/nuttx)
# Exit status: 0 built or cached, 1 build error, 3 sources not found.
set -eu

OUT=${1:-build/nuttx}
ISA=${2:-mips32}
case $ISA in mips32|micromips) ;; *) echo "nuttx-build: unknown ISA $ISA (mips32 or micromips)" >&2; exit 1 ;; esac
NUTTX_TARBALLS=${NUTTX_TARBALLS:-../shared/thirdparty/nuttx}
CROSSDEV=${CROSSDEV:-mipsel-linux-gnu-}
JOBS=${NUTTX_JOBS:-2}
SCRIPT="$0"

say() { echo "nuttx-build: $*"; }

# ---- Where the sources are, and a key that changes when they do ------------
if [ -n "${NUTTX_DIR:-}" ]; then
	[ -f "$NUTTX_DIR/tools/configure.sh" ] || { say "NUTTX_DIR=$NUTTX_DIR is not a NuttX tree" >&2; exit 3; }
	APPS=${NUTTX_APPS_DIR:-$(dirname "$NUTTX_DIR")/apps}
	[ -f "$APPS/Make.defs" ] || { say "NUTTX_APPS_DIR=$APPS is not a nuttx-apps tree" >&2; exit 3; }
	newest() { find "$1" -path '*/.git' -prune -o -type f -printf '%T@\n' | sort -n | tail -1; }
	SRC_KEY="dirs $(cd "$NUTTX_DIR" && pwd) $(newest "$NUTTX_DIR") $(cd "$APPS" && pwd) $(newest "$APPS")"
elif [ -f "$NUTTX_TARBALLS/nuttx.tar.xz" ] && [ -f "$NUTTX_TARBALLS/apps.tar.xz" ]; then
	SRC_KEY="tarballs $(cat "$NUTTX_TARBALLS/nuttx.tar.xz" "$NUTTX_TARBALLS/apps.tar.xz" | sha256sum)"
else
	say "skipped: NuttX sources not found (see README)"
	exit 3
fi
KEY="$SRC_KEY isa $ISA script $(sha256sum <"$SCRIPT")"

if [ -f "$OUT/nuttx.elf" ] && [ -f "$OUT/nuttx.hex" ] && [ -f "$OUT/stamp" ] &&
   [ "$(cat "$OUT/stamp")" = "$KEY" ]; then
	exit 0
fi

for tool in kconfig-conf kconfig-tweak "${CROSSDEV}gcc" xz; do
	command -v "$tool" >/dev/null 2>&1 || { say "missing $tool (run scripts/install-deps.sh)" >&2; exit 1; }
done

rm -rf "$OUT/src" "$OUT/stamp" "$OUT/nuttx.elf" "$OUT/nuttx.hex"
mkdir -p "$OUT/src"
SRC=$(cd "$OUT/src" && pwd)

# ---- Build copy -------------------------------------------------------------
# A tarball may carry text before its first header (the pinned nuttx.tar.xz
# starts with a line of `git archive` diagnostics): start at the first header,
# found from the "ustar" magic at offset 257 of a tar header.
untar() {
	magic=$(xz -dc "$1" | head -c 65536 | grep -boa ustar | head -1 | cut -d: -f1)
	[ -n "$magic" ] && [ "$magic" -ge 257 ] || { say "$1: no tar header found" >&2; exit 1; }
	xz -dc "$1" | tail -c +$((magic - 257 + 1)) | tar -x -C "$SRC"
}
if [ -n "${NUTTX_DIR:-}" ]; then
	say "copying $NUTTX_DIR and $APPS"
	mkdir -p "$SRC/nuttx" "$SRC/apps"
	(cd "$NUTTX_DIR" && tar -c --exclude=.git .) | tar -x -C "$SRC/nuttx"
	(cd "$APPS" && tar -c --exclude=.git .) | tar -x -C "$SRC/apps"
else
	say "unpacking $NUTTX_TARBALLS"
	untar "$NUTTX_TARBALLS/nuttx.tar.xz"
	untar "$NUTTX_TARBALLS/apps.tar.xz"
fi
[ -d "$SRC/nuttx" ] && [ -d "$SRC/apps" ] || { say "sources did not unpack into nuttx/ and apps/" >&2; exit 1; }

# ---- Configuration: upstream chipkit-wifire:nsh plus the changes of docs/nuttx.md
cd "$SRC/nuttx"
LOG="$SRC/build.log"
say "configuring chipkit-wifire:nsh (log: $LOG)"
./tools/configure.sh -l chipkit-wifire:nsh >"$LOG" 2>&1 || { tail -20 "$LOG" >&2; exit 1; }
if [ "$ISA" = mips32 ]; then
	kconfig-tweak --disable MIPS_MICROMIPS
	isa_line='# CONFIG_MIPS_MICROMIPS is not set'
else
	isa_line='CONFIG_MIPS_MICROMIPS=y'   # upstream's choice, kept
fi
kconfig-tweak --disable LIBM_TOOLCHAIN --enable LIBM \
	--disable SYSTEM_DD \
	--disable ARCH_LEDS
make olddefconfig >>"$LOG" 2>&1 || { tail -20 "$LOG" >&2; exit 1; }
for want in "$isa_line" 'CONFIG_LIBM=y' \
	'# CONFIG_SYSTEM_DD is not set' '# CONFIG_ARCH_LEDS is not set' \
	'CONFIG_MIPS32_TOOLCHAIN_GNU_ELF=y' 'CONFIG_UART4_SERIAL_CONSOLE=y'; do
	grep -qx "$want" .config || { say "configuration did not take: $want" >&2; exit 1; }
done

# Linker script: keep the load addresses of the small data sections aligned
# with their run addresses (docs/nuttx.md).
LD=boards/mips/pic32mz/chipkit-wifire/scripts/mips-debug.ld
sed -i -E 's/^(\s*\.(got|sdata|lit8|lit4)) :\s*$/\1 : ALIGN_WITH_INPUT/' "$LD"
[ "$(grep -c ALIGN_WITH_INPUT "$LD")" -eq 4 ] || { say "$LD: ALIGN_WITH_INPUT patch did not apply" >&2; exit 1; }

# ---- Build ------------------------------------------------------------------
say "building (2-3 minutes on 2 cores)"
if ! make -j"$JOBS" CROSSDEV="$CROSSDEV" EXTRAFLAGS="-mno-abicalls -fno-pic" >>"$LOG" 2>&1; then
	grep -a -m20 -i 'error' "$LOG" >&2 || tail -20 "$LOG" >&2
	exit 1
fi

# Debian's libgcc is hard-float: its double-precision helpers take their
# arguments in FPU registers, which soft-float NuttX code never fills.
bad=$("${CROSSDEV}nm" nuttx | awk '$3 ~ /^__(add|sub|mul|div)[sd]f3$|^__(fix|float)/ {print $3}' | tr '\n' ' ')
[ -z "$bad" ] || { say "hard-float libgcc routines linked into soft-float NuttX: $bad" >&2; exit 1; }

cd - >/dev/null
cp "$SRC/nuttx/nuttx" "$OUT/nuttx.elf"
cp "$SRC/nuttx/nuttx.hex" "$OUT/nuttx.hex"
cp "$SRC/nuttx/.config" "$OUT/config"
echo "$KEY" >"$OUT/stamp"
say "built $OUT/nuttx.elf and $OUT/nuttx.hex"
