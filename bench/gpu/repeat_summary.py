"""Summarizes gpu-check's interleaved repeats (GPU_CHECK_SET=repeat): incept's Inception-v3 step
against torchvision's at its best, float32 and fp16, in ROUNDS rounds of the four cases.

One run cannot settle a ratio near 1.0: two processes of the same case have differed by more than
the gap (bench/reports/gpu-2026-11-26c.md, 53.0 against 45.5 ms). So each round yields one ratio per
precision from cases that ran next to each other, the rounds alternate which side goes first (a
drift of the machine then favours neither side), and the verdict is the median of the rounds'
ratios with their lowest and highest.

    python3 repeat_summary.py RESULTS.jsonl OUT.md
"""
import json
import statistics
import sys


def side(row):
    return "torchvision" if row["case"].startswith("torchvision") else "incept"


def summarize(rows):
    """Returns (table lines, {precision: [per-round ratios]}) for rows tagged with a round."""
    cells = {}
    for r in rows:
        if "round" not in r or "phase_forward_ms" in r:
            continue
        cells.setdefault((r["round"], r.get("precision", "float32"), side(r)), r)
    rounds = sorted({k[0] for k in cells})
    ratios = {}
    lines = ["| round | precision | incept images/s | torchvision images/s | incept / torchvision |",
             "|---|---|---|---|---|"]
    for n in rounds:
        for precision in ("float32", "fp16"):
            ours, theirs = cells.get((n, precision, "incept")), cells.get((n, precision, "torchvision"))
            if not ours or not theirs:
                continue  # a case that failed or was cut short leaves its round without a ratio
            ratio = ours["images_per_sec"] / theirs["images_per_sec"]
            ratios.setdefault(precision, []).append(ratio)
            lines.append("| %d | %s | %.1f | %.1f | %.2fx |" % (n, precision, ours["images_per_sec"], theirs["images_per_sec"], ratio))
    return lines, ratios


def verdict(precision, values):
    goal = "best against best" if precision == "float32" else "the moonshot (fp16 on both sides)"
    med = statistics.median(values)
    settled = "met" if min(values) >= 1.0 else "not met" if max(values) < 1.0 else "met in the median, not in every round" if med >= 1.0 else "not met in the median"
    return "- %s: median %.3fx over %d rounds (lowest %.3fx, highest %.3fx); %s at 1.0x: %s" % (
        precision, med, len(values), min(values), max(values), goal, settled)


def main():
    rows = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
    lines, ratios = summarize(rows)
    text = ["# incept / torchvision (channels-last + cuDNN's autotuner), Inception-v3 training step, interleaved repeats", ""]
    text += lines + [""]
    text += [verdict(p, v) for p, v in ratios.items()] or ["- no round has both sides: see the failures above"]
    out = "\n".join(text) + "\n"
    open(sys.argv[2], "w").write(out)
    print(out)


if __name__ == "__main__":
    main()
