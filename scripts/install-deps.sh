#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Install the Debian 12 packages vzlet needs (kconfig-frontends-nox and
# xz-utils build Apache NuttX as a guest, docs/nuttx.md). Idempotent: does
# nothing when all are present. As root it installs them; otherwise it
# prints the exact command.
set -eu

PACKAGES="make gcc libc6-dev pkg-config gcc-mipsel-linux-gnu binutils-mipsel-linux-gnu \
srecord device-tree-compiler libfdt-dev libcmocka-dev qemu-system-mips gdb-multiarch \
kconfig-frontends-nox xz-utils afl++ cppcheck clang-tidy python3"

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	echo "install-deps: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing
else
	echo "install-deps: missing Debian packages:$missing" >&2
	echo "install-deps: run as root:  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
	exit 1
fi
