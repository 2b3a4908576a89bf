#!/usr/bin/env python3
"""The ablation table of the model card, from real runs: one row per run folder.

Each row reads the run's history.csv (training time, images/s, best validation macro-F1) and the eval.json that
evaluate.py wrote (accuracy and macro-F1 on every test set; a run without one shows "–" there). Nothing is typed
in by hand. For train_gpu.py runs the validation figure is the better of the raw and the EMA weights per epoch.

/usr/bin/python3 training/ablation_table.py \
    "hand crop, Kaggle + phone, augmented, 112 px (baseline)=training/runs/abl_base" \
    "whole frame=training/runs/abl_whole_frame" ... > training/cards/ablation.md
"""
import csv
import json
import os
import sys

SETS = [("kaggle-test", "kaggle-test"), ("kaggle-train-heldout", "kaggle held-out"),
        ("phone-train-heldout", "phone held-out"), ("massey", "massey (26 letters)")]


def val_f1(row):
    """Validation macro-F1 of a history row: the better of the raw and the EMA weights where both were scored."""
    ema = row.get("ema_val_macro_f1") or "nan"
    return max(float(row["val_macro_f1"]), float(ema)) if ema != "nan" else float(row["val_macro_f1"])


def read_run(folder):
    with open(os.path.join(folder, "history.csv"), newline="") as f:
        history = list(csv.DictReader(f))
    evaluation = {"sets": {}}
    if os.path.isfile(os.path.join(folder, "eval.json")):
        with open(os.path.join(folder, "eval.json")) as f:
            evaluation = json.load(f)
    size = evaluation.get("input_size")
    if size is None and os.path.isfile(os.path.join(folder, "run.json")):
        with open(os.path.join(folder, "run.json")) as f:
            size = json.load(f).get("size")
    seconds = sum(float(r["epoch_seconds"]) for r in history)
    best = max(history, key=val_f1)
    rates = [float(r["images_per_s"]) for r in history]
    return {
        "epochs": len(history),
        "minutes": seconds / 60.0,
        "images_per_s": sum(rates) / len(rates),
        "best_val_f1": val_f1(best),
        "best_epoch": int(best["epoch"]),
        "sets": evaluation["sets"],
        "size": size,
    }


def table(rows):
    head = ["run", "input", "epochs", "train min", "img/s", "val macro-F1"]
    head += ["%s acc / F1" % title for _, title in SETS]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for label, run in rows:
        cells = [label, "%s px" % run["size"], str(run["epochs"]), "%.1f" % run["minutes"],
                 "%.1f" % run["images_per_s"], "%.3f" % run["best_val_f1"]]
        for key, _ in SETS:
            s = run["sets"].get(key)
            cells.append("%.3f / %.3f" % (s["accuracy"], s["macro_f1"]) if s else "–")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    rows = []
    for arg in argv:
        if "=" not in arg:
            print("expected LABEL=RUN_FOLDER, got %r" % arg, file=sys.stderr)
            return 2
        label, folder = arg.rsplit("=", 1)
        rows.append((label, read_run(folder)))
    sys.stdout.write(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
