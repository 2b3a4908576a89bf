#!/usr/bin/env python3
"""Markdown tables comparing two models from `fingerspell eval --report` folders and `fingerspell benchmark --json`
outputs (docs/performance/int8.md):

    /usr/bin/python3 training/compare_models.py --reports /tmp/int8/rep --bench /tmp/int8/bench [--base fp32 --other int8]

--reports holds <tag>-<set>/ (metrics.json, predictions.csv) for each tag and set; --bench holds <tag>-<run>.json.
Accuracy loss is in points (percentage points); `changed` counts images whose predicted class differs.
"""
import argparse
import csv
import glob
import json
import os
import statistics
import sys

SETS = ["kaggle-test", "kaggle-train-heldout", "phone-train-heldout", "massey"]


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--reports", required=True)
    p.add_argument("--bench")
    p.add_argument("--base", default="fp32")
    p.add_argument("--other", default="int8")
    return p.parse_args(argv)


def read_metrics(folder):
    with open(os.path.join(folder, "metrics.json")) as f:
        return json.load(f)


def read_predictions(folder):
    with open(os.path.join(folder, "predictions.csv"), newline="") as f:
        return {r["file"]: r["predicted"] for r in csv.DictReader(f)}


def accuracy_rows(reports, base, other):
    lines = ["| test set | n | %s acc | %s acc | Δ acc (points) | %s macro-F1 | %s macro-F1 | Δ macro-F1 (points) | changed |"
             % (base, other, base, other), "|---|---|---|---|---|---|---|---|---|"]
    worst = None
    for name in SETS:
        a, b = (os.path.join(reports, "%s-%s" % (t, name)) for t in (base, other))
        if not (os.path.isdir(a) and os.path.isdir(b)):
            continue
        ma, mb = read_metrics(a), read_metrics(b)
        pa, pb = read_predictions(a), read_predictions(b)
        changed = sum(1 for k in pa if pb.get(k) != pa[k])
        d_acc = 100 * (mb["accuracy"] - ma["accuracy"])
        worst = d_acc if worst is None else min(worst, d_acc)
        lines.append("| %s | %d | %.4f | %.4f | %+.2f | %.4f | %.4f | %+.2f | %d |" % (
            name, ma["n"], ma["accuracy"], mb["accuracy"], d_acc, ma["macro_f1"], mb["macro_f1"],
            100 * (mb["macro_f1"] - ma["macro_f1"]), changed))
    return lines, worst


def speed_rows(bench, base, other):
    runs = {}
    for path in sorted(glob.glob(os.path.join(bench, "*.json"))):
        tag, run = os.path.splitext(os.path.basename(path))[0].rsplit("-", 1)
        with open(path) as f:
            d = json.load(f)
        runs.setdefault(run, {})[tag] = d
    # hand detection does not run the classifier: how far it moves between runs shows what the load does
    lines = ["| run | model | classifier median ms | bare ORT median ms | hand detection median ms | e2e fps "
             "| load avg start → end |", "|---|---|---|---|---|---|---|"]
    ratios = []
    for run in sorted(runs):
        for tag in (base, other):
            d = runs[run].get(tag)
            if d is None:
                continue
            load = d["machine"]
            lines.append("| %s | %s | %.2f | %.2f | %.1f | %.2f | %.2f → %.2f |" % (
                run, tag, d["stages"]["classifier"]["median_ms"], d["bare_ort_classifier"]["median_ms"],
                d["stages"]["hand_detection"]["median_ms"], d["e2e_fps"], load["load_average_start"][0],
                load["load_average_end"][0]))
        if base in runs[run] and other in runs[run]:
            a, b = runs[run][base], runs[run][other]
            ratios.append((run, a["stages"]["classifier"]["median_ms"] / b["stages"]["classifier"]["median_ms"],
                           a["bare_ort_classifier"]["median_ms"] / b["bare_ort_classifier"]["median_ms"],
                           b["e2e_fps"] / a["e2e_fps"]))
    lines += ["", "| run | classifier speed-up (%s median / %s median) | bare ORT speed-up | e2e fps ratio (%s / %s) |"
              % (base, other, other, base), "|---|---|---|---|"]
    lines += ["| %s | %.2f× | %.2f× | %.2f× |" % r for r in ratios]
    if ratios:
        lines.append("| median | %.2f× | %.2f× | %.2f× |" % tuple(statistics.median(r[i] for r in ratios)
                                                             for i in (1, 2, 3)))
    return lines


def main(argv=None):
    args = parse_args(argv)
    lines, worst = accuracy_rows(args.reports, args.base, args.other)
    print("\n".join(lines))
    if worst is not None:
        print("\nlargest accuracy loss: %.2f points" % max(0.0, -worst))
    if args.bench:
        print()
        print("\n".join(speed_rows(args.bench, args.base, args.other)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
