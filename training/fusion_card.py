#!/usr/bin/python3
"""The model card's section on the landmark classifier and its fusion with the crop classifier, from measured files.

    /usr/bin/python3 training/fusion_card.py --run training/runs/landmarks_v1 \\
        --eval "crop classifier alone (w 0)=A.json" "fused (w chosen on validation)=B.json" "landmarks alone (w 1)=C.json" \\
        --java-reports /work/rep --java-tag fused --out training/cards/fingerspell-0.6.0-landmarks.md

Every number comes from a train_landmarks.py run.json, evaluate.py JSONs and `fingerspell eval --report` folders.
The first --eval that names the chosen weight is the one the Java reports are compared with (--java-eval).
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_model_card import cm_markdown, java_eval_lines, rel, top_confusions  # noqa: E402

SET_ORDER = ["kaggle-test", "kaggle-train-heldout", "phone-train-heldout", "massey"]


def load(path):
    with open(path) as f:
        return json.load(f)


def metrics_table(evals):
    head = "| model | " + " | ".join("%s acc / F1" % s for s in SET_ORDER) + " |"
    lines = [head, "|---|" + "---|" * len(SET_ORDER)]
    for label, e in evals:
        cells = []
        for s in SET_ORDER:
            m = e["sets"].get(s)
            cells.append("%.4f / %.4f" % (m["accuracy"], m["macro_f1"]) if m else "–")
        lines.append("| %s | %s |" % (label, " | ".join(cells)))
    return lines


def fusion_weight_sentence(run):
    """How the shipped weight was set: the grid's best, or fixed in advance (train_landmarks.py --fixed-weight)."""
    grid = ("mean macro-F1 of the two packs, each scored as the app reads it: no hand detected is `nothing`")
    if run.get("args", {}).get("fixed_weight") is not None:
        return ("Fusion weight **w = %.2f**, fixed before the run (`--fixed-weight`): this split's validation block "
                "is a buffer, not a block to choose on. The grid below (%s) is reported, not used."
                % (run["fusion_weight"], grid))
    return "Fusion weight chosen on the validation blocks only (%s): **w = %.2f**." % (grid, run["fusion_weight"])


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--run", required=True, help="train_landmarks.py run folder")
    p.add_argument("--eval", nargs="+", required=True, help="LABEL=evaluate.py JSON, in table order")
    p.add_argument("--java-eval", default=None, help="the LABEL whose figures the Java reports reproduce")
    p.add_argument("--java-reports", default=None)
    p.add_argument("--java-tag", default="fused")
    p.add_argument("--out", required=True)
    args = p.parse_args(argv)

    run = load(os.path.join(args.run, "run.json"))
    evals = [(spec.split("=", 1)[0], load(spec.split("=", 1)[1])) for spec in args.eval]
    by_label = dict(evals)
    java_label = args.java_eval or evals[0][0]
    a = run["args"]
    # an ensemble's run holds one history per member
    histories = run["history"] if run["history"] and isinstance(run["history"][0], list) else [run["history"]]
    last = {k: float(np.mean([h[-1][k] for h in histories])) for k in ("val_accuracy", "val_macro_f1")}
    members = len(histories)
    out = ["## Landmark classifier and fusion (measured)", ""]
    out.append("Run `%s`: %d training rows with landmarks (the split's train blocks of kaggle-train and phone-train), "
               "%d epochs of one-cycle AdamW (peak lr %g, weight decay %g, label smoothing %g, batch %d, seed %d), "
               "augmentation: turn about the wrist ±%g°%s, stretch ±%g per axis, %s, jitter %g palm lengths; "
               "%.0f s on 2 CPU cores%s. Last epoch: validation (rows with landmarks) accuracy %.4f, macro-F1 %.4f%s."
               % (rel(args.run), run["train_rows"], a["epochs"], a["max_lr"], a["weight_decay"], a["label_smoothing"],
                  a["batch_size"], a["seed"], a["rotate"],
                  " in the image plane and ±%g° out of it" % a["tilt"] if a.get("tilt") else "",
                  a["scale"], "no mirroring (right hands only)" if a.get("no_mirror") else "mirror p 0.5",
                  a["noise"], run["train_seconds"],
                  "" if members == 1 else "; %d members (seeds %d–%d), the mean of their logits" % (
                      members, a["seed"], a["seed"] + members - 1),
                  last["val_accuracy"], last["val_macro_f1"], "" if members == 1 else " (mean over the members)"))
    out.append("")
    out.append(fusion_weight_sentence(run))
    out.append("")
    out.append("| w | " + " | ".join("val macro-F1 %s" % k for k in run["fusion_grid"][0]["val_macro_f1"]) + " | mean |")
    out.append("|---|" + "---|" * (len(run["fusion_grid"][0]["val_macro_f1"]) + 1))
    for t in run["fusion_grid"]:
        mark = "**" if t["weight"] == run["fusion_weight"] else ""
        out.append("| %s%.2f%s | %s | %.4f |" % (mark, t["weight"], mark,
                                                 " | ".join("%.4f" % v for v in t["val_macro_f1"].values()), t["mean"]))
    out += ["", "### Test sets (Python, the app's crops and landmarks from `fingerspell crop`)", ""]
    out += metrics_table(evals)
    out += ["", "massey: 26 letters only (predictions outside A..Z count as errors). Rows are the same crops and "
            "landmarks scored with the fusion weight of the row (0: the crop classifier alone, as 0.5.0; 1: the landmark "
            "classifier alone wherever a hand was found)."]
    if args.java_reports:
        lines, agree = java_eval_lines(args.java_reports, args.java_tag, by_label[java_label]["sets"])
        out += ["", "### The same sets through the Java CLI (%s)" % java_label, "",
                "`fingerspell eval DIR --report FOLDER` with the committed descriptor: the app's hand detection, crop, "
                "hand landmarks and fusion (ONNX Runtime 1.21.1). \"Images predicted differently\" compares the Java "
                "and Python predictions image by image.", ""]
        out += lines
        out += ["", "Same prediction on every image in %d of %d sets%s." % (
            len(agree), len(lines) - 2, " (%s)" % ", ".join(agree) if agree else "")]
    fused = by_label[java_label]["sets"]
    out += ["", "### Most frequent confusions (%s)" % java_label, ""]
    for s in SET_ORDER:
        if s in fused:
            out.append("- %s: %s" % (s, top_confusions(fused[s]["confusion"])))
    if "massey" in fused:
        out += ["", "<details><summary>massey confusion matrix (%s)</summary>" % java_label, "",
                cm_markdown(fused["massey"]["confusion"]), "", "</details>"]
    with open(args.out, "w") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", args.out)


if __name__ == "__main__":
    main()
