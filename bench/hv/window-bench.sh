#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# window-bench.sh SIM IMAGE VM_TABLES - make bench-hv's time-partitioning
# figure, from the time-partitioning test system (tests/hv/systems/win.dts:
# a 10 ms major frame, two always-runnable VMs in three windows, a stopped
# VM's window, a gap), run for ten frames with a trace of every VM run slice:
#   window_switch_jitter_ticks  how late each window's VM executed its first
#                               instruction after the scheduled window start
#                               (max, mean, min over every window start)
set -u
sim=$1 image=$2 tables=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$sim" --strict --fast --quiet --cycles 22M --uart "4=file:$dir/uart" \
	--trace-events "$dir/trace.json" "$image" >"$dir/log" 2>&1
rc=$?
[ "$rc" -eq 0 ] || [ "$rc" -eq 3 ] || { echo "window-bench: the run failed"; cat "$dir/log"; exit 1; }
python3 "$(dirname "$0")/../../tests/hv/windows-check.py" "$dir/trace.json" "$tables" "$dir/uart" \
	--idle 3 --bench
