#!/usr/bin/env python3
"""Deterministic evaluation of a checkpoint on every test set.

Sets: kaggle-test (28 images), the held-out test block of each training pack
(kaggle-train-heldout, phone-train-heldout) and massey (26 letters only:
predictions outside A..Z count as errors; accuracy and macro-F1 over the 26
letter classes). Writes a JSON with metrics, per-class F1, confusion matrices
and (optionally) confusion-matrix PNGs.

/usr/bin/python3 training/evaluate.py --checkpoint training/runs/<run>/best.pt \
    --out training/runs/<run>/eval.json [--plots-dir models/] [--crops-root DIR]
/usr/bin/python3 training/evaluate.py --onnx models/fingerspell.onnx --crops-root DIR --out eval.json

--onnx scores an exported model (its BatchNorm is folded into the convolutions, which is exact in evaluation)
with the split and crop policy its descriptor names. --hide-forearm adds each held-out block again with
everything beyond the wrist filled black (the cut at the middle of augment.FOREARM_CUT): what a sleeve or a dark
shirt does to the score; it needs crop folders that record the hand's direction.
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fingerspell_train.constants import DEFAULT_DATA_ROOT, REPO_ROOT, TRAIN_PACKS, LABELS  # noqa: E402

SET_ORDER = ["kaggle-test", "kaggle-train-heldout", "phone-train-heldout", "massey"]
NO_FOREARM = "/no-forearm"


def no_forearm_transform(size, exposure=None):
    """The evaluation view of a crop whose forearm is filled black at a fixed cut (no randomness)."""
    import random
    from fingerspell_train.augment import FOREARM_CUT, hide_forearm
    from fingerspell_train.preprocess import eval_transform
    base = eval_transform(size, exposure)
    cut = sum(FOREARM_CUT) / 2.0

    def f(img_rgb, context=1.0, hand=None):
        if hand is not None:
            img_rgb = hide_forearm(img_rgb, hand[0], hand[1], random.Random(0), cut=(cut, cut), p_black=1.0)
        return base(img_rgb, context, hand)
    return f


def load_model(args):
    """(model, checkpoint-like dict with meta) from --checkpoint or --onnx."""
    if args.checkpoint:
        from fingerspell_train.export import load_checkpoint_model
        return load_checkpoint_model(args.checkpoint)
    from fingerspell_train.model import build_model, load_fused_onnx
    descriptor_path = os.path.splitext(args.onnx)[0] + ".json"
    with open(descriptor_path) as f:
        descriptor = json.load(f)
    training = descriptor.get("training") or {}
    model = build_model()
    load_fused_onnx(model, args.onnx)
    model.eval()
    meta = {"size": int(training.get("input_size") or descriptor["input"]["size"]),
            "split_file": training["split_file"], "crop": descriptor.get("crop") or {},
            "exposure": descriptor["input"].get("exposure", "none")}
    return model, {"meta": meta, "epoch": training.get("best_epoch"), "descriptor": descriptor_path}


def landmark_fusion(args, ck):
    """(landmark net, fusion weight) from --landmarks or from the --onnx descriptor's landmarks section, or None."""
    from fingerspell_train.landmarks import load_onnx
    if args.landmarks:
        return load_onnx(args.landmarks), args.landmark_weight
    if not args.onnx:
        return None
    with open(ck["descriptor"]) as f:
        section = json.load(f).get("landmarks")
    if not section:
        return None
    path = os.path.join(os.path.dirname(os.path.abspath(args.onnx)), section["classifier"])
    weight = args.landmark_weight if args.landmark_weight is not None else float(section["weight"])
    return load_onnx(path), weight


def build_sets(args, meta):
    from fingerspell_train import data as D
    D.require_data_root(args.data_root, ["kaggle-test", "massey"])
    split_file = args.split_file or os.path.join(REPO_ROOT, meta["split_file"])
    split = D.read_split(split_file)
    sets = {}
    for pack in TRAIN_PACKS:
        rows = [dict(r) for r in split if r["pack"] == pack and r["split"] == "test"]
        if rows:
            sets[pack + "-heldout"] = rows
        if getattr(args, "validation", False):
            sets[pack + "-val"] = [dict(r) for r in split if r["pack"] == pack and r["split"] == "val"]
    for pack in ["kaggle-test", "massey"]:
        sets[pack] = D.read_index(args.data_root, pack)
    out = {}
    metas = {}
    for name, rows in sets.items():
        if args.sets and name not in args.sets:
            continue
        if args.crops_root:
            rows, set_metas = D.attach_crops(rows, args.crops_root)
            metas.update(set_metas)
        else:
            rows = D.attach_paths(rows, args.data_root)
        out[name] = rows
    return out, split_file, metas


def check_hand_check(ck, metas):
    """The crops' landmark check (crops.json) against the descriptor's landmarks.min_presence, which the app applies:
    a mismatch means these scores are not the app's, so it is said. Returns the crops' value (None without crops)."""
    from fingerspell_train import data as D
    if not metas:
        return None
    crops = D.min_landmark_presence(metas)
    if ck.get("descriptor"):
        with open(ck["descriptor"]) as f:
            wanted = float((json.load(f).get("landmarks") or {}).get("min_presence") or 0.0)
        if wanted != crops:
            print("warning: the crops were cut with min_landmark_presence %.2f but the descriptor asks %.2f: the app "
                  "finds hands differently, so these scores are not the app's (crop again with this model)"
                  % (crops, wanted), file=sys.stderr)
    return crops


def plot_confusion(cm, labels, title, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    cm = np.asarray(cm)
    fig, ax = plt.subplots(figsize=(9, 8))
    ax.imshow(cm, cmap="Blues")
    ax.set_xticks(range(len(labels)))
    ax.set_yticks(range(len(labels)))
    ax.set_xticklabels(labels, rotation=90, fontsize=7)
    ax.set_yticklabels(labels, fontsize=7)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title, fontsize=10)
    for i in range(cm.shape[0]):
        for j in range(cm.shape[1]):
            if cm[i, j]:
                ax.text(j, i, str(cm[i, j]), ha="center", va="center", fontsize=5,
                        color="white" if cm[i, j] > cm.max() / 2 else "black")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    model_source = p.add_mutually_exclusive_group(required=True)
    model_source.add_argument("--checkpoint", help="a run's .pt (train.py, train_gpu.py, average_weights.py)")
    model_source.add_argument("--onnx", help="an exported model with its descriptor JSON beside it")
    p.add_argument("--data-root", default=DEFAULT_DATA_ROOT)
    p.add_argument("--crops-root", default=None, help="evaluate on `fingerspell crop` folders (hand model)")
    p.add_argument("--split-file", default=None, help="default: the split recorded in the checkpoint")
    p.add_argument("--sets", nargs="*", default=None, help="subset of " + ", ".join(SET_ORDER))
    p.add_argument("--out", default=None, help="JSON output (default <checkpoint dir>/eval.json)")
    p.add_argument("--plots-dir", default=None, help="write confusion-matrix PNGs here")
    p.add_argument("--plot-prefix", default="", help="file-name prefix for the PNGs")
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--landmarks", default=None,
                   help="a landmark classifier ONNX to fuse with (default: the one --onnx's descriptor names)")
    p.add_argument("--landmark-weight", type=float, default=None, help="its fusion weight (default: the descriptor's)")
    p.add_argument("--no-landmarks", action="store_true", help="score the crop classifier alone")
    p.add_argument("--validation", action="store_true",
                   help="also score the validation block of each training pack (<pack>-val): for choices made "
                        "before the test sets are looked at")
    p.add_argument("--hide-forearm", action="store_true",
                   help="also score each held-out block with the forearm filled black (needs --crops-root)")
    args = p.parse_args(argv)
    if args.hide_forearm and not args.crops_root:
        p.error("--hide-forearm needs --crops-root: the crop folders record where the hand points")
    if args.landmarks and args.landmark_weight is None:
        p.error("--landmarks needs --landmark-weight")

    import torch
    torch.set_num_threads(args.threads)
    from fingerspell_train.evaluation import predict, score, stills_no_hand
    from train_landmarks import fused_probabilities, landmark_logits

    model, ck = load_model(args)
    meta = ck["meta"]
    size = int(meta["size"])
    no_hand = stills_no_hand(meta.get("crop")) if args.crops_root else "classify"
    sets, split_file, metas = build_sets(args, meta)
    crops_min_presence = check_hand_check(ck, metas)
    landmarks = None if args.no_landmarks else landmark_fusion(args, ck)
    if landmarks and not args.crops_root:
        raise SystemExit("the landmark classifier reads the landmarks that `fingerspell crop` writes: pass --crops-root")
    if args.hide_forearm:
        for name in [n for n in sets if n.endswith("-heldout")]:
            if not any(r.get("hand") for r in sets[name]):
                raise SystemExit("--hide-forearm: the crops of %s do not record the hand's direction" % name)
            sets[name + NO_FOREARM] = sets[name]
    result = {"checkpoint": os.path.relpath(os.path.abspath(args.checkpoint or args.onnx), REPO_ROOT),
              "landmarks": None if not landmarks else {"weight": landmarks[1]},
              "epoch": ck.get("epoch"), "input_size": size, "crops_root": args.crops_root,
              "crops_min_landmark_presence": crops_min_presence,
              "split_file": os.path.relpath(split_file, REPO_ROOT),
              "note": "massey: letters only (26 classes); predictions outside A..Z count as errors. "
                      "macro_f1 averages F1 over the classes present in the set's ground truth.",
              "sets": {}}
    order = [n for n in SET_ORDER if n in sets] + [n + NO_FOREARM for n in SET_ORDER if n + NO_FOREARM in sets]
    order += sorted(n for n in sets if n.endswith("-val"))
    for name in order:
        rows = sets[name]
        t = time.time()
        exposure = ck["meta"].get("exposure")
        transform = no_forearm_transform(size, exposure) if name.endswith(NO_FOREARM) else None
        probs, _ = predict(model, rows, size, args.batch_size, transform=transform, exposure=exposure)
        if landmarks:
            net, weight = landmarks
            if not any(r.get("landmarks") is not None for r in rows):
                raise SystemExit("the crops of %s have no landmarks: crop with a model that names the landmark model"
                                 % name)
            probs = fused_probabilities(probs, landmark_logits(net, rows), weight)
        s = score(rows, probs, letters_only=(name == "massey"), no_hand=no_hand)
        result["sets"][name] = s
        print("%-22s n=%4d  accuracy %.4f  macro-F1 %.4f  (%s, %.0f s)"
              % (name, s["n"], s["accuracy"], s["macro_f1"], s["classes"], time.time() - t), flush=True)
        if args.plots_dir:
            os.makedirs(args.plots_dir, exist_ok=True)
            labels = LABELS
            cm = s["confusion"]
            if name == "massey":  # rows: 26 letters; columns: all 29 predictions
                pass
            plot_confusion(cm, labels, "%s %s: acc %.3f, macro-F1 %.3f (n=%d)"
                           % (args.plot_prefix.strip("_-") or os.path.basename(os.path.dirname(os.path.abspath(args.checkpoint or args.onnx))), name, s["accuracy"], s["macro_f1"], s["n"]),
                           os.path.join(args.plots_dir, "%sconfusion_%s.png"
                                        % (args.plot_prefix, name.replace("/", "_"))))
    out = args.out or os.path.join(os.path.dirname(os.path.abspath(args.checkpoint or args.onnx)), "eval.json")
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
    print("wrote", out)


if __name__ == "__main__":
    main()
