#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# run-bad.sh VZLET_CONFIG OUTDIR [NAME...] - every tests/config/bad/*.dts (or
# only the NAMEs given) must make vzlet-config exit with status 1 (not crash)
# and print the message fragment named on the file's first line:
# /* expect: <fragment> */
set -u
cfg=$1
out=$2
shift 2
only="$*"
fail=0
count=0
mkdir -p "$out/bad"

check() { # name, dtb, expected fragment, extra args...
	name=$1 dtb=$2 want=$3
	shift 3
	count=$((count + 1))
	"$cfg" "$@" "$dtb" >"$out/bad/$name.out" 2>&1
	rc=$?
	if [ "$rc" -ne 1 ]; then
		echo "FAIL config/bad/$name: exit status $rc, expected 1"
		cat "$out/bad/$name.out"
		fail=1
	elif ! grep -qF -- "$want" "$out/bad/$name.out"; then
		echo "FAIL config/bad/$name: expected \"$want\" in:"
		cat "$out/bad/$name.out"
		fail=1
	fi
}

cases=tests/config/bad/*.dts
if [ -n "$only" ]; then
	cases=$(for n in $only; do echo "tests/config/bad/$n.dts"; done)
fi
for dts in $cases; do
	name=$(basename "$dts" .dts)
	want=$(sed -n '1s|^/\* expect: \(.*\) \*/$|\1|p' "$dts")
	if [ -z "$want" ]; then
		echo "FAIL config/bad/$name: first line must be /* expect: ... */"
		fail=1
		continue
	fi
	if ! dtc -q -I dts -O dtb -i systems -i tests/config/bad -o "$out/bad/$name.dtb" "$dts"; then
		echo "FAIL config/bad/$name: dtc failed"
		fail=1
		continue
	fi
	check "$name" "$out/bad/$name.dtb" "$want"
done

if [ -n "$only" ]; then
	[ "$fail" -eq 0 ] || exit 1
	echo "ok config bad-configuration cases ($count)"
	exit 0
fi

# Inputs that are not devicetrees at all.
dtc -q -I dts -O dtb -i systems -o "$out/bad/good.dtb" tests/config/good/two-vms.dts
head -c 300 "$out/bad/good.dtb" >"$out/bad/truncated.dtb"
check truncated-dtb "$out/bad/truncated.dtb" "not a valid devicetree blob"
check not-a-dtb tests/config/good/two-vms.dts "not a valid devicetree blob"
check missing-dtb "$out/bad/no-such-file.dtb" "cannot open"
# A hypervisor image that spills out of its reservation.
check hv-outside "$out/bad/good.dtb" "outside the hypervisor's reservation" \
	--hypervisor "$out/hv-outside.elf" --merge "$out/bad/hv-outside.plan"

# --deps: an ELF path make would misread (a space, a colon) is refused.
sed 's|"build/tests/config/guest-small.elf"|"build/my guest:2.elf"|' \
	tests/config/good/two-vms.dts >"$out/bad/deps-unsafe.dts"
dtc -q -I dts -O dtb -i systems -o "$out/bad/deps-unsafe.dtb" "$out/bad/deps-unsafe.dts"
check deps-unsafe-path "$out/bad/deps-unsafe.dtb" "cannot be named in a make rule" \
	--deps "$out/bad/deps-unsafe.d" --deps-target t

# A failed run leaves no output behind (make must not take it as up to date).
rm -f "$out/bad/left.c"
"$cfg" --tables "$out/bad/left.c" "$out/bad/ram-misaligned.dtb" >/dev/null 2>&1
if [ -e "$out/bad/left.c" ] || [ -e "$out/bad/left.c.tmp" ]; then
	echo "FAIL config/bad/no-partial-output: tables written for an invalid system"
	fail=1
fi
# Usage errors: status 2.
for args in "--bogus x.dtb" "" "--tables" "--merge m.args $out/bad/good.dtb" \
	"--deps d.d $out/bad/good.dtb" "--deps-target t $out/bad/good.dtb"; do
	count=$((count + 1))
	# shellcheck disable=SC2086
	"$cfg" $args >/dev/null 2>&1
	rc=$?
	if [ "$rc" -ne 2 ]; then
		echo "FAIL config/bad/usage: \"vzlet-config $args\" exited with $rc, expected 2"
		fail=1
	fi
done

[ "$fail" -eq 0 ] || exit 1
echo "ok config bad-configuration cases ($count)"
