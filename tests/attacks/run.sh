#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# run.sh VZLET_SIM IMAGE VZLET_CONFIG OUTDIR - the attack suite.
#
# The attacker (VM 3, tests/hv/guests/attack.c) runs one case per start; the
# hypervisor console restarts it every $PERIOD cycles (Ctrl-E 0, "3", then
# "r"), and it takes the next case number from a page restart does not
# clear. Each case's expected outcome is a line of tests/attacks/cases.txt:
#   N stop REGEX   the hypervisor stops VM 3 with a diagnosis matching REGEX
#   N ok [REGEX]   the attacker reports "case N ok" (what it observed was
#                  contained: ignored or clamped), and a [hv] line matches
#                  REGEX if given
#   N run          a storm or a guest that never yields: it runs until the
#                  restart, and is not stopped
# Meanwhile the victims (VM 1 "poll", VM 2 "irq") must keep their LED
# cadence within 1 % and print every symbol they owe. Then the console
# input cases, and the configurations that must be refused
# (tests/attacks/config.txt). Prints the number of attacks tried and
# contained; exit 1 if any was not.
set -u
SIM=$1 IMAGE=$2 CFG=$3 OUT=$4
HERE=$(dirname "$0")
mkdir -p "$OUT"
PERIOD=2500000          # cycles between restarts (12.5 ms at 200 MHz)
FIRST=20000000          # the first restart
E='\x05'
failures=0 tried=0 contained=0

fail() { echo "FAIL attack $1: $2"; failures=$((failures + 1)); }
pass() { contained=$((contained + 1)); }

ncases=$(grep -cE '^[0-9]+ ' "$HERE/cases.txt")
args=(--input-at "$((FIRST - 1000000)):${E}03")
for ((k = 1; k <= ncases; k++)); do
	args+=(--input-at "$((FIRST + (k - 1) * PERIOD)):r")
done
END_CASES=$((FIRST + ncases * PERIOD))
# Console input: escape sequences (cursor up, clear screen, an SS3 key)
# and a long pasted line at the hypervisor's focus; one unknown key answer
# for the whole line, no command taken from the sequences' letters, and the
# console still answers afterwards. Then a flood of keys into VM 3's
# 16-byte input ring.
LONG=$(printf 'z%.0s' $(seq 1 300))
args+=(--input-at "$((END_CASES + 2000000)):\x1b[A\x1b[2J\x1bOP\x1b[15~${LONG}")
args+=(--input-at "$((END_CASES + 6000000)):q")
args+=(--input-at "$((END_CASES + 8000000)):${E}3$(printf 'k%.0s' $(seq 1 60))${E}0")
# More hostile typing at the hypervisor's focus, each group followed by a
# command that must be answered (1 ms = 200000 cycles; a pause of 5 ms ends
# an unfinished escape sequence): NULs and floods of DEL and backspace (one
# answer); bytes >= 0x80, an 8-bit CSI and SS3 (one answer, shown as \xNN;
# no letter of the sequences taken as a key); a
# partial CSI, then after a pause a key; a lone Escape, then after a pause a
# key; ESC ESC [ A (Alt+Up) then a key in one burst.
DELS=$(printf '\\x7f%.0s' $(seq 1 400)) BSS=$(printf '\\x08%.0s' $(seq 1 400))
args+=(--input-at "$((END_CASES + 10000000)):\x00\x00\x00${DELS}${BSS}")
args+=(--input-at "$((END_CASES + 14000000)):q")
args+=(--input-at "$((END_CASES + 16000000)):\xff\xc3\xa9\x9b2J\x8fP")
args+=(--input-at "$((END_CASES + 20000000)):l")
args+=(--input-at "$((END_CASES + 22000000)):\x1b[1;5")
args+=(--input-at "$((END_CASES + 24000000)):q")
args+=(--input-at "$((END_CASES + 26000000)):\x1b")
args+=(--input-at "$((END_CASES + 28000000)):q")
args+=(--input-at "$((END_CASES + 30000000)):\x1b\x1b[Aq")
CYCLES=$((END_CASES + 160000000))
[ "$CYCLES" -ge 440000000 ] || CYCLES=440000000

"$SIM" --strict --fast --quiet --leds --cycles "$CYCLES" --uart "4=file:$OUT/attacks.uart" \
	"${args[@]}" "$IMAGE" > "$OUT/attacks.log" 2>&1
rc=$?
if [ $rc -ne 0 ] && [ $rc -ne 3 ]; then
	echo "FAIL attacks: vzlet-sim exited with $rc (see $OUT/attacks.log)"
	exit 1
fi
L=$OUT/attacks.uart
# (BEL: a key for a full input ring; it shows nothing)
tr -d '\r\a' < "$L" > "$OUT/attacks.txt"
L=$OUT/attacks.txt

# ---- each case's window of output: from its "case N start" to the next start
while read -r n kind regex; do
	case $n in ''|'#'*) continue ;; esac
	regex=${regex%%--*}
	regex=${regex% }
	tried=$((tried + 1))
	awk -v n="$n" '
		/^\[3\] case [0-9]+ start$/ { on = ($3 == n) }
		on' "$L" > "$OUT/case-$n.txt"
	if ! grep -q "^\[3\] case $n start$" "$OUT/case-$n.txt"; then
		fail "$n" "never started"; continue
	fi
	stopped=$(grep -E '^\[hv\] vm3 \(attack\) stopped: ' "$OUT/case-$n.txt" | head -1)
	diag=$(grep -E '^\[hv\]   epc=' "$OUT/case-$n.txt" | head -1)
	case $kind in
	stop)
		if [ -z "$stopped" ]; then
			fail "$n" "expected a stop /$regex/, got: $(grep -E "^\[3\] case $n (ok|FAIL)" "$OUT/case-$n.txt" | head -1)"
		elif ! printf '%s %s\n' "$stopped" "$diag" | grep -Eq -- "$regex"; then
			fail "$n" "stopped, but not /$regex/: $stopped / $diag"
		else pass; fi ;;
	ok)
		if [ -n "$stopped" ]; then
			fail "$n" "stopped: $stopped $diag"
		elif ! grep -q "^\[3\] case $n ok" "$OUT/case-$n.txt"; then
			fail "$n" "no ok: $(grep -E "^\[3\] case $n " "$OUT/case-$n.txt" | tail -1)"
		elif [ -n "$regex" ] && ! grep -Eq -- "$regex" "$OUT/case-$n.txt"; then
			fail "$n" "no line matches /$regex/"
		else pass; fi ;;
	run)
		if [ -n "$stopped" ]; then fail "$n" "stopped: $stopped"
		elif ! grep -q "^\[3\] case $n run" "$OUT/case-$n.txt"; then fail "$n" "did not run"
		else pass; fi ;;
	*) fail "$n" "unknown kind '$kind' in cases.txt" ;;
	esac
done < "$HERE/cases.txt"

# ---- the victims: schedule within 1 %, output complete ------------------------
# shellcheck source=tests/attacks/lib.sh
. "$HERE/lib.sh"
victims "$OUT/attacks.log" "$L" $((CYCLES / 200000))

# ---- console output: nothing forged, everything tagged, bounded chatter ------
tried=$((tried + 1))
if grep -Eq '^\[hv\] .*forged|^\[hv\] vm1 \(poll\) stopped' "$L"; then
	fail console-forged "$(grep -Em1 '^\[hv\] .*forged' "$L")"
elif ! grep -qF '[3] ^[[2K[hv] vm1 (poll) stopped: forged' "$L" ||
     ! grep -qF '^H^H^H^H^H[hv] forged too' "$L" || ! grep -qF '\x9b31m^[]0;title^G' "$L"; then
	fail console-forged "control bytes not shown as ^X / \\xNN"
else pass; fi
tried=$((tried + 1))
if grep -Evq '^(\[[1-4]\]|\[hv\]) ' "$L"; then
	fail console-tagged "untagged line: $(grep -Evm1 '^(\[[1-4]\]|\[hv\]) ' "$L")"
else pass; fi
tried=$((tried + 1))
logged=$(grep -c '^\[hv\] vm3 ignored write' "$OUT/case-44.txt")
if [ "$logged" -ge 1 ] && [ "$logged" -le 6 ]; then pass
else fail logged-write-flood "$logged lines for 3000 logged writes (rate limit: at most 6)"; fi

# ---- console input ---------------------------------------------------------------
after=$(awk '/case '"$ncases"' start/ { on = 1 } on' "$L")
tried=$((tried + 1))
n=$(printf '%s\n' "$after" | grep -c "^\[hv\] 'z'? (h: help)")
if [ "$n" -eq 1 ] && ! printf '%s\n' "$after" | grep -Eq "^\[hv\] ('\^\['|'\['|'A'|'O'|'P')\?"; then pass
else fail console-input-escapes "$n unknown-key answers for a 300-key line, or a sequence taken as keys"; fi
tried=$((tried + 1))
if printf '%s\n' "$after" | grep -q '^\[hv\] vm3 attack: '; then pass
else fail console-input-after "the console did not answer 'q' after the escapes and the long line"; fi
tried=$((tried + 1))
if printf '%s\n' "$after" | grep -q '^\[hv\] input to vm3 (attack)' &&
   printf '%s\n' "$after" | grep -q '^\[hv\] input to the hypervisor'; then pass
else fail console-input-flood "focus confirmations around a 60-key flood missing"; fi

# The answers, in order: U:key for an unknown-key answer, S for vm3's
# status (q), L for the list (l).
tried=$((tried + 1))
sig=$(printf '%s\n' "$after" | sed -n "s/^\[hv\] '\(.*\)'? (h: help)$/U:\1/p; s/^\[hv\] vm3 attack: .*pc=.*/S/p; s/^\[hv\] vm1 poll: .*pc=.*/L/p" | tr '\n' ' ')
want="U:z S U:^@ S U:\\xff L S S S S "
if [ "$sig" = "$want" ]; then pass
else fail console-input-hostile "answers '$sig', expected '$want' (NUL/DEL/BS floods, bytes >= 0x80, partial and Alt sequences)"; fi
tried=$((tried + 1))
raw=$(LC_ALL=C tr -cd '\000\010\033\177\200-\377' < "$OUT/attacks.uart" | wc -c)
if [ "$raw" -eq 0 ]; then pass
else fail console-raw-bytes "$raw raw control or 8-bit bytes reached the terminal"; fi

# ---- configurations that must be refused -------------------------------------
cases=$(grep -v '^#' "$HERE/config.txt")
ncfg=$(echo "$cases" | wc -w)
tried=$((tried + ncfg))
# shellcheck disable=SC2086
if tests/config/run-bad.sh "$CFG" "$OUT/config" $cases > "$OUT/config.log" 2>&1; then
	contained=$((contained + ncfg))
else
	cat "$OUT/config.log"
	failures=$((failures + 1))
fi

if [ $failures -ne 0 ] || [ $contained -ne $tried ]; then
	echo "test-attacks: $tried attacks tried, $contained contained, $failures failed (logs in $OUT)"
	exit 1
fi
echo "test-attacks: $tried attacks tried ($ncases by a guest, $ncfg configurations), all $contained contained"
