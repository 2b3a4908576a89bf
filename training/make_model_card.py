#!/usr/bin/env python3
"""Write models/MODEL_CARD.md from a descriptor, its eval JSON, history and run log.

/usr/bin/python3 training/make_model_card.py --name fingerspell --run training/runs/NAME \
    --eval models/fingerspell-report/eval.json --report-dir models/fingerspell-report
"""
import argparse
import csv
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fingerspell_train.augment import FOREARM_CUT  # noqa: E402
from fingerspell_train.constants import MODELS_DIR, REPO_ROOT, LABELS  # noqa: E402
from compare_models import read_metrics, read_predictions  # noqa: E402  (the same report folders as int8.md's)

SET_DESC = {
    "kaggle-test": "the 28 official Kaggle test images (1 per class, no `del`); same signer and room as kaggle-train",
    "kaggle-train-heldout": "last 10% of each class's frame-number range in kaggle-train (never trained or tuned on)",
    "phone-train-heldout": "last 10% of each class's file-number range in phone-train (never trained or tuned on)",
    "massey": "Massey 2D static ASL, cross-dataset, hands segmented on black; **26 letters only** (predictions outside A..Z count as errors; accuracy and macro-F1 over the 26 letter classes)",
}


def rel(p):
    return os.path.relpath(os.path.abspath(p), REPO_ROOT)


def top_confusions(cm, k=8):
    pairs = []
    for i in range(len(cm)):
        for j in range(len(cm[i])):
            if i != j and cm[i][j]:
                pairs.append((cm[i][j], LABELS[i], LABELS[j]))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    return ", ".join("%s→%s ×%d" % (a, b, n) for n, a, b in pairs[:k]) or "none"


def cm_markdown(cm, rows_labels=None):
    """Compact confusion matrix: only rows/columns that are non-empty."""
    n = len(cm)
    rows = [i for i in range(n) if sum(cm[i])]
    cols = [j for j in range(n) if sum(cm[i][j] for i in range(n))]
    out = ["| true \\ pred | " + " | ".join(LABELS[j] for j in cols) + " |",
           "|---|" + "---|" * len(cols)]
    for i in rows:
        out.append("| **%s** | " % LABELS[i] + " | ".join(str(cm[i][j]) if cm[i][j] else "·" for j in cols) + " |")
    return "\n".join(out)


def image_key(path):
    """'<class>/<file name>': names one image both in a Python eval ('pack/class/file') and in a Java report of any
    folder-per-class tree (absolute paths, symlinked held-out trees), so the two can be compared image by image."""
    return "/".join(path.replace("\\", "/").split("/")[-2:])


def java_eval_lines(reports, tag, python_sets):
    """Table lines comparing `fingerspell eval --report <reports>/<tag>-<set>` folders with the Python eval, image by
    image (a Python image missing from the errors list was predicted right), and the names of the sets that agree on
    every image."""
    lines = ["| test set | n | Java correct | Java accuracy | Java macro-F1 | Python correct | Python accuracy / macro-F1 "
             "| images predicted differently |", "|---|---|---|---|---|---|---|---|"]
    agree = []
    for name, ps in python_sets.items():
        folder = os.path.join(reports, "%s-%s" % (tag, name))
        if not os.path.isdir(folder):
            continue
        jm = read_metrics(folder)
        java = {image_key(k): v for k, v in read_predictions(folder).items()}
        python_wrong = {image_key(e["file"]): e["pred"] for e in ps["errors"]}
        differ = sum(1 for k, pred in java.items() if python_wrong.get(k, k.split("/")[0]) != pred)
        differ += sum(1 for k in python_wrong if k not in java)
        if differ == 0 and jm["n"] == ps["n"]:
            agree.append(name)
        lines.append("| %s | %d | %d | %.4f | %.4f | %d | %.4f / %.4f | %d |" % (
            name, jm["n"], jm["correct"], jm["accuracy"], jm["macro_f1"], ps["n"] - len(ps["errors"]),
            ps["accuracy"], ps["macro_f1"], differ))
    return lines, agree


def augmentation_line(run_args):
    """The recipe's augmentation bullet; random erasing only where the run turned it on."""
    erase = (", random erasing of one rectangle of 2–20%% of the crop with noise (p %g)" % run_args["erase"]
             if run_args.get("erase") else "")
    if run_args.get("hide_forearm"):
        erase += (", everything beyond the wrist filled with black or one flat colour (p %g; `--hide-forearm`)"
                  % run_args["hide_forearm"])
    scale, rotate = run_args.get("scale") or (0.8, 1.15), run_args.get("rotate", 15.0)
    return ("- Augmentations (training only): box jitter (crop side ×%g–%g, shift ±10%%, rotation ±%g°), horizontal "
            % (scale[0], scale[1], rotate) +
            "flip (p 0.5, left-handed signers), brightness/contrast/saturation (±35%) + hue (±0.04) (p 0.8), "
            "per-channel gain ±12% (white balance, p 0.5), gaussian blur σ 0.3–1.5 (p 0.2), JPEG re-encode q 30–95 "
            "(p 0.3), grayscale (p 0.05), gaussian noise σ 2–10 (p 0.3)" + erase + ".")


def gpu_run(run):
    """Whether the run came from train_gpu.py (batch augmentation on the device) rather than train.py."""
    return run.get("trainer") == "train_gpu.py"


def recipe_lines(run, tr, hist):
    ra = run["args"]
    per_class = ra.get("max_train_per_class", 0)
    out = ["This model trained on **%d** images (%s) and validated on %d (%s)." % (
        run["n_train"], "all train-block crops of both packs where a hand was detected, and every `nothing` crop"
        if not per_class else "`--max-train-per-class %s`: evenly spaced over each class's train block of both packs"
        % per_class, run["n_val"], "the whole validation block" if not ra.get("max_val_per_class")
        else "`--max-val-per-class %s`" % ra["max_val_per_class"]), "", "## Recipe",
        "- torchvision ResNet-18, `num_classes=29`, configuration **%s** (from scratch, all %d parameters trainable), "
        "input %d px, seed %d." % (tr["config"], 11191389, tr["input_size"], tr["seed"])]
    if gpu_run(run):
        out.append("- %s lr %g, weight decay %g, batch %d, label smoothing %g, cosine decay over %g minutes of "
                   "training time with a %.1f-epoch linear warm-up, bf16 mixed precision%s%s (`training/train_gpu.py`)."
                   % ("AdamW" if ra["optimizer"] == "adamw" else "Adam", ra["lr"], ra["weight_decay"],
                      ra["batch_size"], ra["label_smoothing"], ra["time_budget_min"], ra["warmup_epochs"],
                      ", EMA of the weights (decay %g per step)" % ra["ema"] if ra.get("ema") else "",
                      ", CutMix (p %g per batch)" % ra["cutmix"] if ra.get("cutmix") else ""))
        out.append(augmentation_line(ra) + " Applied batch-wise on the GPU (`fingerspell_train/batch_augment.py`, "
                   "same ranges and probabilities as the CPU trainer's; JPEG as 8×8 DCT quantisation with 4:2:0 chroma).")
    else:
        out.append("- Adam lr %g, weight decay %g, batch %d, label smoothing %g, %s schedule with %.1f-epoch linear "
                   "warm-up (planned %d epochs), early stopping on validation macro-F1 (patience %d), "
                   "`--time-budget-min` per invocation (see the commands)."
                   % (ra["lr"], ra["weight_decay"], ra["batch_size"], ra["label_smoothing"], ra["schedule"],
                      ra["warmup_epochs"], ra["epochs"], ra["patience"]))
        out.append(augmentation_line(ra))
    if tr.get("averaged_epochs"):
        out.append("- Weights: the mean of epochs %s of the run (`training/average_weights.py`, epochs chosen by "
                   "validation macro-F1), BatchNorm statistics measured again on augmented training crops; validation "
                   "macro-F1 %.4f." % (", ".join(str(e) for e in tr["averaged_epochs"]), tr["averaged_val_macro_f1"]))
    elif gpu_run(run):
        out.append("- Best checkpoint: epoch %s of %d (by validation macro-F1, %s weights)."
                   % (tr.get("best_epoch"), len(hist), "EMA" if tr.get("weights") == "ema" else "raw"))
    else:
        out.append("- Best checkpoint: epoch %s of %d run (by validation macro-F1)." % (tr.get("best_epoch"), len(hist)))
    return out + [""]


def cost_lines(run, tr, hist, wall_minutes, max_rows=30):
    """The training-cost section; long GPU runs show every k-th epoch (and the last) to keep the card readable."""
    ips = [float(h["images_per_s"]) for h in hist]
    out = ["## Training cost"]
    if gpu_run(run):
        out.append("One GPU (%s), PyTorch %s; the whole pack decoded once into GPU memory and augmented there."
                   % (run.get("device", "?"), run.get("torch", "?")))
    else:
        out.append("2 CPU cores (other work beside the run shows as slower epochs below), torch 1.13, 2 threads, "
                   "1 DataLoader worker.")
    step = max(1, -(-len(hist) // max_rows))
    shown = [h for i, h in enumerate(hist) if i % step == step - 1 or i == len(hist) - 1]
    out += ["", "| epoch | train loss | val loss | val acc | val macro-F1 | epoch s | train img/s |",
            "|---|---|---|---|---|---|---|"]
    for h in shown:
        out.append("| %s | %.4f | %.4f | %.4f | %.4f | %.1f | %.1f |" % (
            h["epoch"], float(h["train_loss"]), float(h["val_loss"]), float(h["val_accuracy"]),
            float(h["val_macro_f1"]), float(h["epoch_seconds"]), float(h["images_per_s"])))
    if step > 1:
        out += ["", "Every %d%s epoch shown; all %d in `history.csv` of the report folder." % (
            step, {2: "nd", 3: "rd"}.get(step, "th"), len(hist))]
    out += ["", "Training time (forward/backward only) %s min; mean training throughput %.1f images/s (range "
            "%.1f–%.1f)%s." % (tr.get("train_minutes"), sum(ips) / len(ips), min(ips), max(ips),
                               "; wall clock of the whole run incl. validation %.1f min" % wall_minutes
                               if wall_minutes else ""), ""]
    return out


def forearm_lines(specs):
    """Held-out blocks scored as they are and with the forearm filled black, one column pair per model."""
    models = []
    for spec in specs:
        label, _, path = spec.partition("=")
        with open(path) as f:
            models.append((label, json.load(f)["sets"]))
    blocks = [k for k in models[0][1] if not k.endswith("/no-forearm") and k + "/no-forearm" in models[0][1]]
    out = ["### Forearm hidden",
           "Each held-out block scored again with everything beyond the wrist filled black (`evaluate.py "
           "--hide-forearm`: the cut across the hand's axis at %g of the wrist's estimated distance from the hand "
           "square's centre, as a sleeve or a dark shirt would hide it). Accuracy / macro-F1." % (sum(FOREARM_CUT) / 2),
           "",
           "| test set | " + " | ".join("%s: as shot | %s: forearm hidden" % (m, m) for m, _ in models) + " |",
           "|---|" + "---|---|" * len(models)]
    for block in blocks:
        cells = []
        for _, sets in models:
            for key in (block, block + "/no-forearm"):
                cells.append("%.3f / %.3f" % (sets[key]["accuracy"], sets[key]["macro_f1"]) if key in sets else "–")
        out.append("| %s | %s |" % (block, " | ".join(cells)))
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--name", default="fingerspell")
    p.add_argument("--run", required=True, help="run folder (history.csv, run.json, train.log)")
    p.add_argument("--eval", required=True)
    p.add_argument("--report-dir", required=True, help="folder with curves.png and confusion_*.png")
    p.add_argument("--out", default=os.path.join(MODELS_DIR, "MODEL_CARD.md"))
    p.add_argument("--history", default=None, help="history CSV (default <run>/history.csv)")
    p.add_argument("--commands", default=None, help="text file with the exact commands run")
    p.add_argument("--summary", required=True,
                   help="text file: what this model is, in a paragraph (written by whoever trained it)")
    p.add_argument("--limitations", required=True, help="markdown file: the model's limitations, one '- ' per line")
    p.add_argument("--ablation", default=None,
                   help="markdown file: the ablation section (training/cards/ablation.md, its table from "
                        "ablation_table.py)")
    p.add_argument("--java-reports", default=None,
                   help="folder of `fingerspell eval --report` folders <tag>-<set> of this model (as for compare_models.py)")
    p.add_argument("--java-tag", default="fp32", help="tag of this model's report folders under --java-reports")
    p.add_argument("--java-commands", default=None, help="text: how the Java reports were made (shown above the table)")
    p.add_argument("--forearm-evals", nargs="*", default=None, metavar="LABEL=EVAL_JSON",
                   help="evaluate.py --hide-forearm outputs, one per model: a table of the held-out blocks with and "
                        "without the forearm")
    p.add_argument("--wall-minutes", type=float, default=None, help="wall-clock minutes of the training run")
    args = p.parse_args(argv)

    with open(os.path.join(MODELS_DIR, args.name + ".json")) as f:
        desc = json.load(f)
    with open(args.eval) as f:
        ev = json.load(f)
    with open(os.path.join(args.run, "run.json")) as f:
        run = json.load(f)
    with open(args.history or os.path.join(args.run, "history.csv")) as f:
        hist = list(csv.DictReader(f))
    tr = desc["training"]
    split_counts = {}
    with open(os.path.join(REPO_ROOT, tr["split_file"])) as f:
        for r in csv.DictReader(f):
            split_counts[(r["pack"], r["split"])] = split_counts.get((r["pack"], r["split"]), 0) + 1
    rd = rel(args.report_dir)
    L = []
    a = L.append
    a("# Fingerspell model card: `models/%s.onnx`" % args.name)
    a("")
    with open(args.summary) as f:
        a("> " + " ".join(f.read().split()))
    a("")
    a("Created %s · version %s · descriptor `models/%s.json` · parity reference `models/%s.reference.json`."
      % (desc["created"], desc["version"], args.name, args.name))
    a("")
    a("## Contract")
    a("- Input `%s`: float32 [N,3,%d,%d], NCHW, RGB, `(pixel/255 - mean)/std`, mean %s, std %s; dynamic batch N."
      % (desc["input_name"], desc["input"]["size"], desc["input"]["size"], desc["input"]["mean"], desc["input"]["std"]))
    a("- Outputs `logits` [N,29] and `embedding` [N,512] (global-average-pooled features before the fc head). "
      "ONNX opset %s, checked with onnx.checker." % tr.get("onnx_opset", 17))
    a("- Labels (fixed order): %s." % ", ".join(desc["labels"]))
    a("- Preprocessing (reproduced by the Java side): `cv2.imread` (BGR uint8) → largest centred square → "
      "`cv2.resize(..., (%d,%d), INTER_AREA)` → BGR→RGB → /255 → mean/std → CHW." % (desc["input"]["size"], desc["input"]["size"]))
    a("- Parity reference: 60 real held-out images (16 evenly spaced from each training pack's test block + the 28 "
      "kaggle-test images) with PyTorch float32 softmax; the Java test demands the same top-1 and max |Δp| < 1e-3.")
    a("")
    a("## Data and licences")
    a("| pack | used for | source and licence |")
    a("|---|---|---|")
    a("| `kaggle-train` (29 classes × 300 video frames, one signer, one room, 200→160 px) | train / val / held-out test blocks | "
      "Akash Nagaraj (2018), *ASL Alphabet*, Kaggle, doi:10.34740/KAGGLE/DSV/29550 (reported as GPL-2.0 on Kaggle). |")
    a("| `phone-train` (29 classes, 8,610 phone photos / video frames, several signers light to dark skin, many home scenes; "
      "`nothing` = empty scenes, 210) | train / val / held-out test blocks | From a public repository under Apache-2.0 with "
      "no statement of its own about the images. |")
    a("| `kaggle-test` (28 images, no `del`) | test only | The official Kaggle test images of Nagaraj (2018), same citation "
      "and licence as kaggle-train. Same signer and room as training: 100% here says little. |")
    a("| `massey` (26 letters, 1,815 images, 5 people, segmented on black, 400→160 px) | test only, never trained or tuned on | "
      "Barczak, Reyes, Abastillas, Piccio & Susnjak (2011), \"A new 2D static hand gesture colour image dataset for ASL "
      "gestures\", *Research Letters in the Information and Mathematical Sciences* 15:12–20. |")
    a("")
    a("The images are not in the repository (they live in `../shared/data`). Data fingerprint (sha256 over the sorted "
      "`pack,file,sha256_16` lines of all kaggle-train + phone-train rows of the split file): `%s`." % tr["data_fingerprint"])
    a("")
    a("## Split")
    a("Per pack and class, files sorted by the number in their name (Kaggle frame number, phone file number); the first "
      "80%% of the number range is train, the next 10%% validation, the last 10%% the held-out test block. Each split is "
      "one contiguous block of frame numbers per class, so no run of near-identical video frames crosses splits. "
      "Split file `%s`, sha256 `%s`." % (tr["split_file"], tr["split_fingerprint"]))
    a("")
    a("| pack | train | val | test (held out) |")
    a("|---|---|---|---|")
    for pk in ("kaggle-train", "phone-train"):
        a("| %s | %d | %d | %d |" % (pk, split_counts.get((pk, "train"), 0), split_counts.get((pk, "val"), 0),
                                     split_counts.get((pk, "test"), 0)))
    a("")
    ra = run["args"]
    L.extend(recipe_lines(run, tr, hist))
    L.extend(cost_lines(run, tr, hist, args.wall_minutes))
    a("![curves](%s/curves.png)" % os.path.relpath(args.report_dir, MODELS_DIR))
    a("")
    a("## Metrics")
    a("Deterministic preprocessing as in the contract (whole frame). macro-F1 = mean F1 over the classes present in the "
      "set's ground truth. Full confusion matrices and per-class F1: `%s`." % rel(args.eval))
    a("")
    a("| test set | what | n | accuracy | macro-F1 | classes |")
    a("|---|---|---|---|---|---|")
    for k, v in ev["sets"].items():
        a("| %s | %s | %d | %.4f | %.4f | %s |" % (k, SET_DESC.get(k, ""), v["n"], v["accuracy"], v["macro_f1"], v["classes"]))
    a("")
    if args.java_reports:
        lines, agree = java_eval_lines(args.java_reports, args.java_tag, ev["sets"])
        a("### The same sets through the Java CLI")
        if args.java_commands:
            with open(args.java_commands) as f:
                a(" ".join(f.read().split()))
            a("")
        L.extend(lines)
        a("")
        a("Same prediction on every image in %d of %d sets%s." % (
            len(agree), len(lines) - 2, (" (%s)" % ", ".join(agree)) if agree else ""))
        a("")
    if args.forearm_evals:
        L.extend(forearm_lines(args.forearm_evals))
        a("")
    a("### Confusion matrices")
    for k, v in ev["sets"].items():
        a("")
        a("**%s** (acc %.4f, macro-F1 %.4f). Most frequent confusions (true→pred): %s."
          % (k, v["accuracy"], v["macro_f1"], top_confusions(v["confusion"])))
        a("")
        a("![%s](%s/confusion_%s.png)" % (k, os.path.relpath(args.report_dir, MODELS_DIR), k))
        if k == "kaggle-test":
            a("")
            a("Errors: %s" % (", ".join("%s→%s" % (e["true"], e["pred"]) for e in v["errors"]) or "none"))
        if k in ("kaggle-train-heldout", "phone-train-heldout", "massey"):
            a("")
            a("<details><summary>matrix (rows true, columns predicted; empty rows/columns omitted)</summary>")
            a("")
            a(cm_markdown(v["confusion"]))
            a("")
            a("</details>")
    a("")
    if args.ablation:
        with open(args.ablation) as f:
            a(f.read().rstrip())
        a("")
    a("## Exact commands")
    a("```")
    if args.commands and os.path.isfile(args.commands):
        with open(args.commands) as f:
            a(f.read().rstrip())
    else:
        a(tr["command"])
    a("```")
    a("")
    a("## Limitations")
    with open(args.limitations) as f:
        for line in f.read().strip().splitlines():
            a(line)
    with open(args.out, "w") as f:
        f.write("\n".join(L) + "\n")
    print("wrote", args.out)


if __name__ == "__main__":
    main()
