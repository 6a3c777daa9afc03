# SPDX-License-Identifier: Apache-2.0
# lib.sh - checks shared by run.sh and soak.sh (sourced): the victims of
# tests/hv/systems/{attacks,random}.dts keep their schedule and their output.
# The caller defines pass and fail NAME WHY and counts `tried`.

# victim_cadence LEDLOG NAME LED STATE PERIOD_MS: the LED's events with STATE
# ("on", "off" or "" for both) come every PERIOD_MS +-1 %, at least 3.
victim_cadence() {
	local r
	tried=$((tried + 1))
	r=$(awk -v led="$3" -v st="$4" -v p="$5" '
		$1 == "[led]" && $2 == led && (st == "" || $3 == st) {
			t = $5 + 0
			if (n > 0 && (t - last < p * 0.99 || t - last > p * 1.01))
				bad = bad sprintf(" %.3f", t - last)
			last = t; n++
		}
		END { if (n < 3) print "only " n " events"; else if (bad != "") print "off:" bad; else print "ok" }' "$1")
	if [ "$r" = ok ]; then pass; else fail "$2" "$3 every $5 ms: $r"; fi
}

# victims LEDLOG CONSOLE MS: the two demo guests' LED cadence, every symbol
# they owe in MS milliseconds (VM 2 one per 100 ms, VM 1 one a second) and
# their banners.
victims() {
	local leds=$1 con=$2 ms=$3 stars dots
	victim_cadence "$leds" victim-poll-ld1 LD1 "" 500
	victim_cadence "$leds" victim-irq-ld2 LD2 on 300
	victim_cadence "$leds" victim-irq-ld3 LD3 on 300
	victim_cadence "$leds" victim-irq-ld4 LD4 on 300
	tried=$((tried + 1))
	stars=$(sed -n 's/^\[2\] \([*]*\)$/\1/p' "$con" | tr -d '\n' | wc -c)
	if [ "$stars" -ge $((ms / 100 - 2)) ]; then pass
	else fail victim-irq-output "$stars symbols from VM 2 in $ms ms, expected $((ms / 100 - 1))"; fi
	tried=$((tried + 1))
	dots=$(sed -n 's/^\[1\] \([.]*\)$/\1/p' "$con" | tr -d '\n' | wc -c)
	if [ "$dots" -ge $((ms / 1000 - 1)) ]; then pass
	else fail victim-poll-output "$dots symbols from VM 1 in $ms ms"; fi
	tried=$((tried + 1))
	if grep -q '^\[1\] poll: LD1 blinks' "$con" && grep -q '^\[2\] irq: LD2-LD4' "$con"; then pass
	else fail victim-banners "a victim's first line is missing"; fi
}
