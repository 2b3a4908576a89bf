#!/usr/bin/python3
"""Trains the landmark classifier and chooses, on validation only, how much it weighs against the crop classifier.

    /usr/bin/python3 training/train_landmarks.py --crops-root CROPS --out training/runs/landmarks_v1 \\
        --crop-model models/fingerspell.onnx [--install --version 0.6.0]

CROPS holds `fingerspell crop` folders of kaggle-train and phone-train made with a model whose descriptor names the
landmark model (crops.csv then has `landmark_presence` and `landmarks`). Training uses the split's train rows,
validation its val rows; the held-out test blocks and massey are never read here (evaluate.py reports them).
The fusion weight w is the grid value with the best mean validation macro-F1 of the fused reading
(1 - w) log p_crop + w log p_landmarks, each pack scored as the app reads it (no hand detected: nothing).
About a minute on 2 CPU cores for the MLP, plus the crop classifier over the validation crops.
"""
import argparse
import json
import os
import shutil
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fingerspell_train.constants import LABEL_TO_INDEX, MODELS_DIR, REPO_ROOT, SPLITS_DIR, TRAIN_PACKS  # noqa: E402

DEFAULT_SPLIT = os.path.join(SPLITS_DIR, "blocks_80_10_10.csv")
NOTHING = LABEL_TO_INDEX["nothing"]


def landmark_rows(rows):
    return [r for r in rows if r.get("landmarks") is not None]


def train(train_rows, val_rows, args, log):
    import torch
    import torch.nn as nn
    from fingerspell_train.landmarks import LandmarkNet, augment
    from fingerspell_train.metrics import summarize
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    x = np.stack([r["landmarks"] for r in train_rows])
    y = np.array([LABEL_TO_INDEX[r["label"]] for r in train_rows])
    xv = torch.from_numpy(np.stack([r["landmarks"] for r in val_rows]))
    yv = np.array([LABEL_TO_INDEX[r["label"]] for r in val_rows])
    net = LandmarkNet()
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    steps = args.epochs * ((len(x) + args.batch_size - 1) // args.batch_size)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, args.max_lr, total_steps=steps)
    loss_fn = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)
    history = []
    for epoch in range(1, args.epochs + 1):
        net.train()
        order = rng.permutation(len(x))
        total = 0.0
        for b in range(0, len(order), args.batch_size):
            i = order[b:b + args.batch_size]
            xb = torch.from_numpy(augment(x[i], rng, args.rotate, args.scale, args.noise, args.tilt,
                                          mirror=not args.no_mirror))
            loss = loss_fn(net(xb), torch.from_numpy(y[i]))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += float(loss) * len(i)
        net.eval()
        with torch.no_grad():
            pred = net(xv).argmax(1).numpy()
        s = summarize(yv, pred)
        history.append({"epoch": epoch, "train_loss": total / len(x), "val_accuracy": s["accuracy"],
                        "val_macro_f1": s["macro_f1"]})
        if epoch % 10 == 0 or epoch == args.epochs:
            log("epoch %d  loss %.4f  val (landmark rows) accuracy %.4f  macro-F1 %.4f"
                % (epoch, total / len(x), s["accuracy"], s["macro_f1"]))
    return net, history


def landmark_logits(net, rows):
    """[n, 29] logits, NaN rows where a row has no landmarks."""
    import torch
    out = np.full((len(rows), len(LABEL_TO_INDEX)), np.nan, np.float32)
    have = [i for i, r in enumerate(rows) if r.get("landmarks") is not None]
    if have:
        with torch.no_grad():
            out[have] = net.eval()(torch.from_numpy(np.stack([rows[i]["landmarks"] for i in have]))).numpy()
    return out


def fused_probabilities(crop_probs, lm_logits, weight):
    """The app's reading: fused where landmarks exist, the crop classifier alone elsewhere."""
    from fingerspell_train.landmarks import fuse
    probs = crop_probs.copy()
    have = ~np.isnan(lm_logits[:, 0])
    if have.any():
        probs[have] = fuse(crop_probs[have], lm_logits[have], weight)
    return probs


def choose_weight(val_sets, crop_probs, lm_logits, no_hand, grid):
    from fingerspell_train.evaluation import score
    table = []
    for w in grid:
        f1 = {name: score(rows, fused_probabilities(crop_probs[name], lm_logits[name], w), no_hand=no_hand)["macro_f1"]
              for name, rows in val_sets.items()}
        table.append({"weight": round(float(w), 4), "val_macro_f1": f1, "mean": float(np.mean(list(f1.values())))})
    best = max(table, key=lambda t: t["mean"])
    return best["weight"], table


def fusion_weight(chosen, fixed):
    """The weight to ship and why: a --fixed-weight (a refit on train + validation has no validation left to
    choose on, so it keeps the weight chosen before) or else the grid's best."""
    if fixed is None:
        return chosen, "best mean validation macro-F1"
    if not 0.0 <= fixed <= 1.0:
        raise SystemExit("--fixed-weight %s: a weight is between 0 and 1" % fixed)
    return fixed, "fixed by --fixed-weight; the grid above is reported, not used"


REFERENCE_ROWS = 32


def write_reference(net, rows, path, n=REFERENCE_ROWS):
    """PyTorch's logits for n validation rows (evenly spaced, with landmarks) beside the exported classifier: the
    Java parity test feeds the same 64 numbers to ONNX Runtime and must get the same logits."""
    have = landmark_rows(rows)
    picked = [have[i * len(have) // n] for i in range(n)]
    logits = landmark_logits(net, picked)
    items = [{"pack": r["pack"], "file": r["file"], "input": [round(float(v), 4) for v in r["landmarks"]],
              "logits": [round(float(v), 5) for v in z]} for r, z in zip(picked, logits)]
    # the inputs are rounded as written, so the logits are computed again from exactly those numbers
    exact = landmark_logits(net, [{"landmarks": np.array(i["input"], np.float32)} for i in items])
    for item, z in zip(items, exact):
        item["logits"] = [round(float(v), 5) for v in z]
    with open(path, "w") as f:
        json.dump({"note": "PyTorch logits of the landmark classifier for these inputs (21 x, y, z in frame pixels "
                           "and the presence, from crops.csv); written by train_landmarks.py --install",
                   "tolerance": 1e-3, "items": items}, f, indent=1)


def install(onnx_path, weight, version, run_json, net=None, reference_rows=None, min_presence=0.0):
    """Copies the classifier into models/, writes its parity reference and names it, the landmark model and the
    weight in the descriptor, with the landmark presence palms needed in the training crops (when above 0)."""
    target = os.path.join(MODELS_DIR, "fingerspell-landmarks.onnx")
    shutil.copyfile(onnx_path, target)
    if net is not None:
        write_reference(net, reference_rows, os.path.join(MODELS_DIR, "fingerspell-landmarks.reference.json"))
    descriptor_path = os.path.join(MODELS_DIR, "fingerspell.json")
    with open(descriptor_path) as f:
        d = json.load(f)
    d["landmarks"] = {"detector": "hand_landmark_full.onnx", "classifier": "fingerspell-landmarks.onnx",
                      "input_name": "landmarks", "logits_output": "logits", "weight": weight,
                      "training": os.path.relpath(run_json, REPO_ROOT)}
    if min_presence > 0:
        d["landmarks"]["min_presence"] = min_presence
    if version:
        d["version"] = version
    with open(descriptor_path, "w") as f:
        json.dump(d, f, indent=2)
        f.write("\n")
    print("installed %s and the landmarks section of %s (weight %.2f)" % (target, descriptor_path, weight))


# Arguments that do not change what the members learn: a reused run may differ in these.
NOT_TRAINING_ARGS = ("out", "crop_model", "threads", "weight_step", "fixed_weight", "install", "version",
                     "reuse_members")


def reused_members(args):
    """(net, history) of an earlier run in args.out, after checking it was trained with the same arguments."""
    from fingerspell_train.landmarks import LandmarkEnsemble, LandmarkNet
    run_json, weights = os.path.join(args.out, "run.json"), os.path.join(args.out, "landmarks.pt")
    if not (os.path.isfile(run_json) and os.path.isfile(weights)):
        raise SystemExit("--reuse-members: %s holds no earlier run (run.json and landmarks.pt)" % args.out)
    with open(run_json) as f:
        before = json.load(f)["args"]
    differ = sorted(k for k, v in vars(args).items() if k not in NOT_TRAINING_ARGS and before.get(k) != v)
    if differ:
        raise SystemExit("--reuse-members: the run in %s was trained with other %s" % (args.out, ", ".join(differ)))
    saved = torch_load(weights)
    net = LandmarkNet() if args.members == 1 else LandmarkEnsemble([LandmarkNet() for _ in range(args.members)])
    net.load_state_dict(saved["model"])
    return net.eval(), saved["history"]


def torch_load(path):
    import torch
    return torch.load(path, map_location="cpu")


def build_parser():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--crops-root", required=True)
    p.add_argument("--split-file", default=DEFAULT_SPLIT)
    p.add_argument("--out", required=True, help="run folder: model, run.json, log")
    p.add_argument("--crop-model", default=os.path.join(MODELS_DIR, "fingerspell.onnx"),
                   help="the crop classifier the landmark classifier is fused with (ONNX + descriptor)")
    p.add_argument("--epochs", type=int, default=60)
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--max-lr", type=float, default=3e-3, help="one-cycle peak")
    p.add_argument("--weight-decay", type=float, default=1e-3)
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--rotate", type=float, default=20.0, help="random turn about the wrist, degrees")
    p.add_argument("--scale", type=float, default=0.1, help="random stretch per axis")
    p.add_argument("--noise", type=float, default=0.03, help="jitter of each point, in palm lengths")
    p.add_argument("--tilt", type=float, default=0.0,
                   help="random turn out of the image plane about the wrist, degrees (another camera angle)")
    p.add_argument("--no-mirror", action="store_true",
                   help="right hands only: no mirrored hands in training (the app mirrors a left-handed signer's "
                        "frames; train.py --no-hflip is the crop classifier's counterpart)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--members", type=int, default=1,
                   help="train this many classifiers (seeds seed, seed+1, ...) and export the mean of their logits")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--weight-step", type=float, default=0.05)
    p.add_argument("--fixed-weight", type=float, default=None,
                   help="ship this fusion weight instead of the grid's best (a refit whose validation block is only "
                        "a buffer keeps the weight chosen on the earlier split)")
    p.add_argument("--reuse-members", action="store_true",
                   help="take the trained members from <out>/landmarks.pt (a run with the same training arguments) "
                        "and only redo the fusion grid, e.g. against another --crop-model")
    p.add_argument("--install", action="store_true", help="copy into models/ and write the descriptor's section")
    p.add_argument("--version", default=None, help="with --install: the descriptor's new version")
    return p


def main(argv=None):
    args = build_parser().parse_args(argv)

    import torch
    torch.set_num_threads(args.threads)
    from evaluate import load_model
    from fingerspell_train import data as D
    from fingerspell_train.evaluation import predict, stills_no_hand
    from fingerspell_train.landmarks import LandmarkEnsemble, export_onnx

    os.makedirs(args.out, exist_ok=True)
    log_file = open(os.path.join(args.out, "log.txt"), "a")

    def log(message):
        print(message, flush=True)
        log_file.write(message + "\n")
        log_file.flush()

    t0 = time.time()
    split = [r for r in D.read_split(args.split_file) if r["pack"] in TRAIN_PACKS]
    rows, metas = D.attach_crops([r for r in split if r["split"] in ("train", "val")], args.crops_root)
    min_presence = D.min_landmark_presence(metas)
    train_rows = landmark_rows([r for r in rows if r["split"] == "train"])
    val_sets = {pack: [r for r in rows if r["split"] == "val" and r["pack"] == pack] for pack in TRAIN_PACKS}
    if not train_rows:
        raise SystemExit("no landmarks in %s: crop with a model whose descriptor names the landmark model"
                         % args.crops_root)
    log("train rows with landmarks: %d of %d; val rows: %s" % (
        len(train_rows), sum(r["split"] == "train" for r in rows), {k: len(v) for k, v in val_sets.items()}))
    val_landmarks = landmark_rows([r for v in val_sets.values() for r in v])
    members, history = [], []
    if args.reuse_members:
        net, history = reused_members(args)
        log("reused the %d member(s) of %s" % (args.members, os.path.join(args.out, "landmarks.pt")))
    for k in range(0 if args.reuse_members else args.members):
        seed_args = argparse.Namespace(**dict(vars(args), seed=args.seed + k))
        if args.members > 1:
            log("member %d of %d, seed %d" % (k + 1, args.members, seed_args.seed))
        member, member_history = train(train_rows, val_landmarks, seed_args, log)
        members.append(member)
        history.append(member_history)
    if not args.reuse_members:
        net = members[0] if args.members == 1 else LandmarkEnsemble(members).eval()
        history = history[0] if args.members == 1 else history
    train_seconds = time.time() - t0

    crop_model, ck = load_model(argparse.Namespace(checkpoint=None, onnx=args.crop_model))
    size = int(ck["meta"]["size"])
    no_hand = stills_no_hand(ck["meta"].get("crop"))
    crop_probs = {k: predict(crop_model, v, size, exposure=ck["meta"].get("exposure"))[0] for k, v in val_sets.items()}
    lm_logits = {k: landmark_logits(net, v) for k, v in val_sets.items()}
    grid = np.round(np.arange(0, 1 + 1e-9, args.weight_step), 4)
    best, table = choose_weight(val_sets, crop_probs, lm_logits, no_hand, grid)
    for t in table:
        log("w %.2f  val macro-F1 %s  mean %.4f" % (t["weight"], " ".join("%s %.4f" % kv for kv in t["val_macro_f1"].items()), t["mean"]))
    weight, why = fusion_weight(best, args.fixed_weight)
    log("fusion weight %.2f (%s)" % (weight, why))

    onnx_path = os.path.join(args.out, "fingerspell-landmarks.onnx")
    export_onnx(net, onnx_path)
    torch.save({"model": net.state_dict(), "history": history}, os.path.join(args.out, "landmarks.pt"))
    if args.reuse_members:
        with open(os.path.join(args.out, "run.json")) as f:
            train_seconds = json.load(f)["train_seconds"]  # the cost of training them, not of reading them
    run = {"command": "/usr/bin/python3 training/train_landmarks.py " + " ".join(argv if argv is not None else sys.argv[1:]),
           "args": vars(args), "split_file": os.path.relpath(args.split_file, REPO_ROOT),
           "split_sha256": D.sha256_file(args.split_file), "train_rows": len(train_rows),
           "train_seconds": round(train_seconds, 1), "history": history, "fusion_grid": table,
           "fusion_weight": weight, "fusion_weight_reason": why, "min_landmark_presence": min_presence, "crop_model": os.path.relpath(os.path.abspath(args.crop_model), REPO_ROOT)}
    run_json = os.path.join(args.out, "run.json")
    with open(run_json, "w") as f:
        json.dump(run, f, indent=1)
    log("wrote %s and %s (%.0f s)" % (onnx_path, run_json, time.time() - t0))
    if args.install:
        install(onnx_path, weight, args.version, run_json, net,
                [r for v in val_sets.values() for r in v], min_presence=min_presence)


if __name__ == "__main__":
    main()
