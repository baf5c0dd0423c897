"""Summarizes a libtorch profiler trace (chrome-trace JSON, as `incept bench-case ... profile=FILE`
writes it) of STEPS training steps: per step, how many operators the host called into libtorch
(top-level calls, i.e. not made by another operator), the host time inside them, the wall time
the trace spans, and the operators that took the most host time.

    python3 trace_summary.py TRACE.json [STEPS] [TOP]
"""
import collections
import json
import sys


def main():
    path = sys.argv[1]
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    data = json.load(open(path))
    events = data["traceEvents"] if isinstance(data, dict) else data
    events = [e for e in events if e.get("ph") == "X" and "dur" in e]
    kineto = any("cat" in e for e in events)
    if kineto:  # libtorch's Kineto profiler: operators, kernels and runtime calls are told apart by category
        host = [e for e in events if e.get("cat") == "cpu_op"]
        kernels = [e for e in events if e.get("cat") in ("kernel", "gpu_memcpy", "gpu_memset")]
        launches = [e for e in events if e.get("cat") in ("cuda_runtime", "cuda_driver") and "aunch" in e.get("name", "")]
    else:  # DJL's legacy-profiler trace: operators only
        host = events
        kernels, launches = [], []
    by_thread = collections.defaultdict(list)
    for e in host:
        by_thread[(str(e.get("pid")), str(e.get("tid")))].append(e)
    top_level = []
    for key, evs in by_thread.items():
        evs.sort(key=lambda e: (float(e["ts"]), -float(e["dur"])))
        end = -1.0
        for e in evs:
            ts, dur = float(e["ts"]), float(e["dur"])
            if ts >= end:
                top_level.append(e)
                end = ts + dur
    start = min(float(e["ts"]) for e in events)
    stop = max(float(e["ts"]) + float(e["dur"]) for e in events)
    span_ms = (stop - start) / 1000 / steps
    inside_ms = sum(float(e["dur"]) for e in top_level) / 1000 / steps
    print(f"trace: {path}, {steps} steps")
    print(f"- top-level libtorch calls per step: {len(top_level) / steps:,.0f}")
    print(f"- host time inside them per step: {inside_ms:.1f} ms of {span_ms:.1f} ms traced "
          f"({100 * inside_ms / span_ms:.0f}%; the rest is the caller's own time between calls)")
    if len(by_thread) > 1:
        for key in sorted(by_thread):
            mine = [e for e in top_level if (str(e.get("pid")), str(e.get("tid"))) == key]
            print(f"  - thread {key[1]}: {len(mine) / steps:,.0f} calls, {sum(float(e['dur']) for e in mine) / 1000 / steps:.1f} ms per step")
    if kernels:
        busy, end = 0.0, -1.0
        for e in sorted(kernels, key=lambda e: float(e["ts"])):
            ts, dur = float(e["ts"]), float(e["dur"])
            if ts + dur > end:
                busy += ts + dur - max(ts, end)
                end = ts + dur
        print(f"- device work per step: {len(kernels) / steps:,.0f} kernels and copies, busy {busy / 1000 / steps:.1f} ms "
              f"of the {span_ms:.1f} ms ({100 * busy / 1000 / steps / span_ms:.0f}%)")
    if launches:
        print(f"- kernel launches per step: {len(launches) / steps:,.0f}")
    agg = collections.defaultdict(lambda: [0, 0.0])
    for e in top_level:
        a = agg[e["name"]]
        a[0] += 1
        a[1] += float(e["dur"])
    print()
    print("| operator (top-level) | calls/step | host ms/step | mean us/call |")
    print("|---|---|---|---|")
    for name, (n, dur) in sorted(agg.items(), key=lambda kv: -kv[1][1])[:top]:
        print(f"| {name} | {n / steps:,.0f} | {dur / 1000 / steps:.2f} | {dur / n:.1f} |")


if __name__ == "__main__":
    main()
