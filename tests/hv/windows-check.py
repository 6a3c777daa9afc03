#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""windows-check.py - time partitioning measured from outside, in simulated
time: the VM run slices of a vzlet-sim --trace-events file against the
windows the configurator emitted (vm_tables.c) and the first frame start the
hypervisor printed (console log).

  windows-check.py TRACE VM_TABLES UART [--jitter-max TICKS] [--idle VM...]
                   [--bench]

Checks (one "ok NAME" or "FAIL NAME: why" line each; exit 1 on a failure):
  win-enforced   every run slice of a VM lies inside one of its windows
                 (up to SLACK ticks after its end: an exit in progress at the
                 boundary returns to the guest, whose next instruction takes
                 the boundary interrupt)
  win-jitter     the first run slice of each window of a runnable VM starts
                 at most --jitter-max ticks after the window's scheduled start
  win-idle-VM    nothing runs in the windows of VM (stopped or waiting): the
                 hypervisor idles for at least 90 % of each (the rest is its
                 own work: console output interrupts, the boundaries)
--bench prints window_switch_jitter_ticks: instead (make bench-hv).
Times: core-timer ticks (cycles / 2, 10 ns), as the hypervisor counts.
"""
import json
import re
import sys

SLACK = 400   # ticks: the longest exit in the guests used (a console write)


def parse_args(argv):
    opts = {"jitter": None, "idle": [], "bench": False}
    pos = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--jitter-max":
            opts["jitter"] = int(argv[i + 1])
            i += 1
        elif a == "--idle":
            opts["idle"].append(int(argv[i + 1]))
            i += 1
        elif a == "--bench":
            opts["bench"] = True
        else:
            pos.append(a)
        i += 1
    if len(pos) != 3:
        sys.exit(__doc__)
    return pos, opts


def read_schedule(path):
    text = open(path).read()
    wins = [(int(s), int(e), int(v)) for s, e, v in re.findall(
        r"\{ \.start = (\d+), \.end = (\d+), \.vm = (\d+) \}", text)]
    m = re.search(r"\.frame_ticks = (\d+)", text)
    if not wins or not m:
        sys.exit("windows-check: no schedule in " + path)
    return int(m.group(1)), wins


def first_frame(path):
    m = re.search(r"first frame at Count (\d+)", open(path, errors="replace").read())
    if not m:
        sys.exit("windows-check: no 'first frame at Count' line in " + path)
    return int(m.group(1))


def read_slices(path):
    """(kind, tid, start, end) in ticks; kind "run" (tid = VM) or "idle"."""
    data = json.load(open(path))
    events = data["traceEvents"] if isinstance(data, dict) else data
    out = []
    for ev in events:
        if ev.get("ph") != "X" or ev.get("name") not in ("run", "idle"):
            continue
        start = round(ev["ts"] * 200) / 2.0
        out.append((ev["name"], ev["tid"], start, start + ev["args"]["cycles"] / 2.0))
    return out, data.get("otherData", {}).get("cycles") if isinstance(data, dict) else None


def main():
    (trace, tables, uart), opts = parse_args(sys.argv[1:])
    frame, wins = read_schedule(tables)
    t0 = first_frame(uart)
    slices, cycles = read_slices(trace)
    runs = [s for s in slices if s[0] == "run"]
    if not runs:
        sys.exit("windows-check: no run slices in " + trace)
    end_time = cycles / 2.0 if cycles else max(s[3] for s in slices)
    failures = 0

    def ok(name, detail=""):
        print("ok   " + name + (" (" + detail + ")" if detail else ""))

    def fail(name, why):
        nonlocal failures
        failures += 1
        print("FAIL %s: %s" % (name, why))

    # Enforcement: each slice inside one window of its VM.
    bad = []
    for _, vm, s, e in runs:
        rel = s - t0
        f = int(rel // frame)
        phase = rel - f * frame
        # a slice may start up to SLACK after its window's end: the exit in
        # progress at the boundary returns to the guest, whose next
        # instruction takes the boundary interrupt
        inside = [w for w in wins if w[2] == vm and w[0] <= phase < w[1] + SLACK]
        if rel < 0 or not inside or e - t0 - f * frame > inside[0][1] + SLACK:
            bad.append((vm, s, e))
    if opts["bench"]:
        pass
    elif bad:
        vm, s, e = bad[0]
        fail("win-enforced", "%d slices outside their VM's windows, the first: vm%d %.0f..%.0f "
             "ticks (frame phase %.0f)" % (len(bad), vm, s, e, (s - t0) % frame))
    else:
        ok("win-enforced", "%d run slices of %d VMs, %d frames" %
           (len(runs), len({r[1] for r in runs}), int((end_time - t0) // frame)))

    # Window starts of the VMs that run: the first slice of the VM in the window.
    devs = []
    nframes = int((end_time - t0) // frame)
    by_vm = {}
    for _, vm, s, e in runs:
        by_vm.setdefault(vm, []).append(s)
    for f in range(nframes):
        base = t0 + f * frame
        for ws, we, vm in wins:
            if vm in opts["idle"] or vm not in by_vm:
                continue
            starts = [s for s in by_vm[vm] if base + ws <= s < base + we]
            if starts:
                devs.append(min(starts) - (base + ws))
    if opts["bench"]:
        if not devs:
            sys.exit("windows-check: no window starts measured")
        print("window_switch_jitter_ticks: max %.1f mean %.1f min %.1f (%d window starts in %d "
              "frames of %d ticks)" % (max(devs), sum(devs) / len(devs), min(devs), len(devs),
                                       nframes, frame))
        return 0
    if opts["jitter"] is not None:
        if not devs:
            fail("win-jitter", "no window start measured")
        elif max(devs) > opts["jitter"]:
            fail("win-jitter", "a window started %.1f ticks late (at most %d)" %
                 (max(devs), opts["jitter"]))
        else:
            ok("win-jitter", "%d window starts, %.1f..%.1f ticks after the schedule" %
               (len(devs), min(devs), max(devs)))

    # Idle windows: the hypervisor's idle slices cover them.
    for vm in opts["idle"]:
        worst = None
        for f in range(nframes):
            base = t0 + f * frame
            for ws, we, wvm in wins:
                if wvm != vm:
                    continue
                a, b = base + ws, base + we
                idle = sum(max(0, min(e, b) - max(s, a)) for k, _, s, e in slices if k == "idle")
                share = idle / (b - a)
                worst = share if worst is None or share < worst else worst
        if worst is None:
            fail("win-idle-vm%d" % vm, "no window of vm%d in the trace" % vm)
        elif worst < 0.90:
            fail("win-idle-vm%d" % vm, "a window of vm%d idled only %.1f %%" % (vm, worst * 100))
        else:
            ok("win-idle-vm%d" % vm, "its windows idle at least %.1f %%" % (worst * 100))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
