"""Training loop: checkpoints, resume, progress, early stopping, history.csv."""
import csv
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
import torch.nn as nn

from . import data as D
from .augment import TrainTransform, config_from_args, worker_init_fn
from .constants import LABELS, TRAIN_PACKS, TRAINING_DIR, REPO_ROOT
from .evaluation import predict, score, STILLS_NO_HAND, VIDEO_NO_HAND
from .model import (build_model, apply_config, set_train_mode, trainable_share, param_groups,
                    load_imagenet_weights, load_fused_onnx, calibrate_batchnorm)

HISTORY_FIELDS = ["epoch", "train_loss", "train_acc", "val_loss", "val_accuracy", "val_macro_f1",
                  "lr", "epoch_seconds", "images_per_s"]


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, flush=True)


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def rng_state():
    return {"python": random.getstate(), "numpy": np.random.get_state(), "torch": torch.get_rng_state()}


def set_rng_state(s):
    random.setstate(s["python"])
    np.random.set_state(s["numpy"])
    torch.set_rng_state(s["torch"])


def make_schedule(optimizer, total_steps, warmup_steps, kind="cosine", min_factor=0.01):
    def f(step):
        if step < warmup_steps:
            return (step + 1) / float(max(1, warmup_steps))
        t = (step - warmup_steps) / float(max(1, total_steps - warmup_steps))
        t = min(1.0, t)
        if kind == "constant":
            return 1.0
        return min_factor + (1 - min_factor) * 0.5 * (1 + math.cos(math.pi * t))
    return torch.optim.lr_scheduler.LambdaLR(optimizer, f)


class TimeCosine:
    """Cosine learning-rate decay over training time rather than steps: on a shared CPU the throughput, and so
    the number of steps that fit in the budget, is unknown in advance, and a step-based cosine cut short by the
    budget never anneals. Linear warm-up over the first warmup_steps steps; factor(1) = min_factor."""

    def __init__(self, optimizer, budget_seconds, warmup_steps, min_factor=0.01):
        self.optimizer = optimizer
        self.budget = float(budget_seconds)
        self.warmup_steps = warmup_steps
        self.min_factor = min_factor
        self.base_lrs = [g["lr"] for g in optimizer.param_groups]
        self.steps = 0
        self.apply(0.0)

    def factor(self, fraction):
        warm = min(1.0, (self.steps + 1) / float(max(1, self.warmup_steps)))
        t = min(1.0, max(0.0, fraction))
        return warm * (self.min_factor + (1 - self.min_factor) * 0.5 * (1 + math.cos(math.pi * t)))

    def apply(self, trained_seconds):
        f = self.factor(trained_seconds / self.budget)
        for g, base in zip(self.optimizer.param_groups, self.base_lrs):
            g["lr"] = base * f

    def step(self):
        self.steps += 1

    def state_dict(self):
        return {"base_lrs": self.base_lrs, "steps": self.steps, "budget": self.budget}

    def load_state_dict(self, state):
        self.base_lrs, self.steps = state["base_lrs"], state["steps"]


def prepare_rows(args):
    """Split rows (with paths) for the training packs, split path/sha, crop metas."""
    D.require_data_root(args.data_root, args.packs)
    rows, split_path, split_sha = D.make_split(args.data_root, args.packs, args.split_name,
                                                  getattr(args, "splits_dir", None))
    metas = {}
    if args.crops_root:
        rows, metas = D.attach_crops(rows, args.crops_root)
        D.min_landmark_presence(metas)  # packs cut with different hand checks are refused
    else:
        rows = D.attach_paths(rows, args.data_root)
    return rows, split_path, split_sha, metas


def train_val_rows(args):
    """All split rows, the (subsampled) train and val rows, split path/sha and crop metas of a run's arguments."""
    rows, split_path, split_sha, metas = prepare_rows(args)
    train_rows = [r for r in rows if r["split"] == "train"]
    val_rows = [r for r in rows if r["split"] == "val"]
    if args.crops_root:
        train_rows = D.classifier_rows(train_rows)
    train_rows = D.subsample_per_class(train_rows, args.max_train_per_class)
    val_rows = D.subsample_per_class(val_rows, args.max_val_per_class)
    if getattr(args, "masks_root", None):
        found = D.attach_masks(train_rows, args.masks_root)
        print("hand masks for %d of %d training crops (%s)" % (found, len(train_rows), args.masks_root), flush=True)
    elif getattr(args, "background", 0.0) > 0 or getattr(args, "backlight", 0.0) > 0:
        raise SystemExit("--background and --backlight need --masks-root (training/make_masks.py)")
    return rows, train_rows, val_rows, split_path, split_sha, metas


def make_transform(args):
    """The training-time augmentation a run's arguments select."""
    return TrainTransform(args.size, config_from_args(args), seed=args.seed)


def crop_descriptor(metas):
    if not metas:
        return {"mode": "whole", "margin": 0.0, "rotate_upright": False, "no_hand": "classify"}
    m = next(iter(metas.values()))
    return {"mode": "hand", "margin": float(m.get("margin", 0.0)),
            "rotate_upright": bool(m.get("rotate_upright", False)), "no_hand": VIDEO_NO_HAND,
            "no_hand_stills": STILLS_NO_HAND}


def init_from_onnx(model, onnx_path, ds, batch_size, seed, batches=8):
    """Start from an exported Fingerspell model: its folded weights, BatchNorm calibrated on augmented batches."""
    load_fused_onnx(model, onnx_path)
    g = torch.Generator()
    g.manual_seed(seed)
    dl = torch.utils.data.DataLoader(ds, batch_size=batch_size, shuffle=True, generator=g, num_workers=0)
    sample = []
    for x, _ in dl:
        sample.append(x)
        if len(sample) == batches:
            break
    calibrate_batchnorm(model, sample)
    log("initialised from %s (BatchNorm calibrated on %d augmented training images)"
        % (onnx_path, sum(len(x) for x in sample)))


def epoch_path(out, epoch):
    """Where --keep-epochs saves the weights after an epoch (1-based)."""
    return os.path.join(out, "epoch-%02d.pt" % epoch)


def train(args, command):
    torch.set_num_threads(args.threads)
    seed_all(args.seed)
    out = args.out
    os.makedirs(out, exist_ok=True)
    rows, train_rows, val_rows, split_path, split_sha, metas = train_val_rows(args)
    fingerprint = D.data_fingerprint([r for r in rows])
    crop = crop_descriptor(metas)
    log("split %s (sha256 %s): train %d val %d (test blocks held out)" %
        (os.path.relpath(split_path, REPO_ROOT), split_sha[:12], len(train_rows), len(val_rows)))

    model = build_model()
    if args.weights and args.config != "S-A":
        load_imagenet_weights(model, args.weights)
        log("loaded ImageNet weights", args.weights)
    elif args.config in ("T-A", "T-B") and not args.weights:
        log("WARNING: %s without --weights trains a frozen random backbone" % args.config)
    if args.init_checkpoint:
        ck = torch.load(args.init_checkpoint, map_location="cpu")
        model.load_state_dict(ck["model"])
        log("initialised from", args.init_checkpoint)
    elif args.config == "T-C":
        log("WARNING: T-C normally starts from a T-B checkpoint (--init-checkpoint)")
    apply_config(model, args.config)
    share = trainable_share(model)
    log("config %s: trainable %.2f%% of %d params" % (args.config, 100 * share,
                                                        sum(p.numel() for p in model.parameters())))

    if getattr(args, "hide_forearm", 0.0) > 0:
        with_hand = sum(1 for r in train_rows if r.get("hand") is not None)
        if not with_hand:
            raise SystemExit("--hide-forearm needs the hands' directions: cut the crop folders with a "
                             "`fingerspell crop` that writes hand_rotation_degrees")
        log("--hide-forearm %.2f: %d of %d training crops have the hand's direction"
            % (args.hide_forearm, with_hand, len(train_rows)))
    tf = make_transform(args)
    ds = D.ImageDataset(train_rows, tf)
    if args.init_onnx and not args.resume:
        init_from_onnx(model, args.init_onnx, ds, args.batch_size, args.seed)
    steps_per_epoch = math.ceil(len(ds) / args.batch_size)
    total_steps = steps_per_epoch * args.epochs
    warmup = int(round(args.warmup_epochs * steps_per_epoch))

    opt = torch.optim.Adam(param_groups(model, args.config, args.lr, args.lr_unfrozen, args.weight_decay))
    if args.schedule == "cosine-time":
        if not args.time_budget_min:
            raise SystemExit("--schedule cosine-time needs --time-budget-min (the training time it anneals over)")
        sched = TimeCosine(opt, args.time_budget_min * 60.0, warmup)
    elif args.schedule == "onecycle":
        sched = torch.optim.lr_scheduler.OneCycleLR(
            opt, max_lr=[g["lr"] for g in opt.param_groups], total_steps=total_steps,
            pct_start=max(0.01, warmup / max(1, total_steps)))
    else:
        sched = make_schedule(opt, total_steps, warmup, args.schedule)
    crit = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)

    start_epoch, best_f1, best_epoch, bad, history, train_seconds = 0, -1.0, -1, 0, [], 0.0
    last_path = os.path.join(out, "last.pt")
    best_path = os.path.join(out, "best.pt")
    resumed_meta = None
    if args.resume and os.path.isfile(last_path):
        ck = torch.load(last_path, map_location="cpu")
        resumed_meta = ck.get("meta")
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["optimizer"])
        sched.load_state_dict(ck["scheduler"])
        set_rng_state(ck["rng"])
        start_epoch, best_f1, best_epoch = ck["epoch"] + 1, ck["best_f1"], ck["best_epoch"]
        bad, history, train_seconds = ck["bad_epochs"], ck["history"], ck.get("train_seconds", 0.0)
        log("resumed from %s at epoch %d (best val macro-F1 %.4f @ %d)" % (last_path, start_epoch, best_f1, best_epoch))
        if ck.get("stopped"):
            if bad < args.patience and start_epoch < args.epochs:
                log("run had stopped on its time budget; continuing (the budget counts per invocation)")
            else:
                log("run had already finished (early stopping / all epochs); nothing to do")
                return best_path

    meta = {"labels": LABELS, "config": args.config, "size": args.size, "packs": args.packs,
            "split_file": os.path.relpath(split_path, REPO_ROOT), "split_sha256": split_sha,
            "data_fingerprint": fingerprint, "crop": crop, "crop_metas": metas, "command": command,
            "seed": args.seed, "trainable_share": share, "args": vars(args),
            "n_train": len(train_rows), "n_val": len(val_rows), "exposure": getattr(args, "exposure", "none")}
    if resumed_meta:
        meta["command"] = resumed_meta.get("command", command)
        meta["resume_commands"] = list(resumed_meta.get("resume_commands", [])) + [command]
    with open(os.path.join(out, "run.json"), "w") as f:
        json.dump(meta, f, indent=2, default=str)

    t_run = time.time()
    stopped = False
    for epoch in range(start_epoch, args.epochs):
        g = torch.Generator()
        g.manual_seed(args.seed * 1000 + epoch)
        tf.reseed(args.seed * 1000 + epoch)
        dl = torch.utils.data.DataLoader(ds, batch_size=args.batch_size, shuffle=True, generator=g,
                                         num_workers=args.workers, worker_init_fn=worker_init_fn,
                                         drop_last=False, persistent_workers=False)
        set_train_mode(model)
        t0 = time.time()
        seen, loss_sum, correct = 0, 0.0, 0
        for i, (x, y) in enumerate(dl):
            if isinstance(sched, TimeCosine):
                trained = train_seconds + time.time() - t0
                if trained >= sched.budget:
                    log("time budget of %.1f min of training reached in epoch %d -> stop"
                        % (args.time_budget_min, epoch + 1))
                    stopped = True
                    break
                sched.apply(trained)
            logits = model(x)
            loss = crit(logits, y)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            seen += len(y)
            loss_sum += float(loss) * len(y)
            correct += int((logits.argmax(1) == y).sum())
            if (i + 1) % args.log_every == 0 or i + 1 == len(dl):
                if isinstance(sched, TimeCosine):
                    left = max(0.0, sched.budget - (train_seconds + time.time() - t0))
                    log("epoch %d batch %d/%d loss %.4f acc %.3f lr %.2e | %.1f img/s | training time left %.1f min"
                        % (epoch + 1, i + 1, len(dl), loss_sum / seen, correct / seen,
                           opt.param_groups[0]["lr"], seen / (time.time() - t0), left / 60))
                    continue
                el = time.time() - t0
                ips = seen / el
                eta_ep = (len(ds) - seen) / ips
                eta_all = eta_ep + (args.epochs - epoch - 1) * len(ds) / ips
                log("epoch %d/%d batch %d/%d loss %.4f acc %.3f lr %.2e | %.1f img/s | ETA epoch %.1f min, run %.1f min (+val)"
                    % (epoch + 1, args.epochs, i + 1, len(dl), loss_sum / seen, correct / seen,
                       opt.param_groups[0]["lr"], ips, eta_ep / 60, eta_all / 60))
        if seen == 0:  # the time budget ran out before this epoch began; the last checkpoint stands
            break
        ep_train_s = time.time() - t0
        train_seconds += ep_train_s
        probs, val_loss = predict(model, val_rows, args.size, args.batch_size, 0, crit,
                                  exposure=meta["exposure"])
        vs = score(val_rows, probs)
        rec = {"epoch": epoch + 1, "train_loss": loss_sum / seen, "train_acc": correct / seen,
               "val_loss": val_loss, "val_accuracy": vs["accuracy"], "val_macro_f1": vs["macro_f1"],
               "lr": opt.param_groups[0]["lr"], "epoch_seconds": time.time() - t0,
               "images_per_s": seen / ep_train_s}
        history.append(rec)
        log("epoch %d done: train loss %.4f | val loss %.4f acc %.4f macro-F1 %.4f | %.1f s, %.1f img/s"
            % (epoch + 1, rec["train_loss"], val_loss, vs["accuracy"], vs["macro_f1"],
               rec["epoch_seconds"], rec["images_per_s"]))
        with open(os.path.join(out, "history.csv"), "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=HISTORY_FIELDS, lineterminator="\n")
            w.writeheader()
            for h in history:
                w.writerow(h)
        improved = vs["macro_f1"] > best_f1
        if improved:
            best_f1, best_epoch, bad = vs["macro_f1"], epoch + 1, 0
        else:
            bad += 1
        if bad >= args.patience:
            log("early stopping: no val macro-F1 gain for %d epochs" % bad)
            stopped = True
        elapsed_min = (time.time() - t_run) / 60.0
        if args.time_budget_min and epoch + 1 < args.epochs and not isinstance(sched, TimeCosine):
            per_epoch = elapsed_min / (epoch + 1 - start_epoch)
            if elapsed_min + per_epoch > args.time_budget_min:
                log("time budget: %.1f min used, next epoch needs ~%.1f, budget %.1f -> stop"
                    % (elapsed_min, per_epoch, args.time_budget_min))
                stopped = True
        ck = {"model": model.state_dict(), "optimizer": opt.state_dict(), "scheduler": sched.state_dict(),
              "epoch": epoch, "rng": rng_state(), "best_f1": best_f1, "best_epoch": best_epoch,
              "bad_epochs": bad, "history": history, "meta": meta, "train_seconds": train_seconds,
              "stopped": stopped or epoch + 1 == args.epochs}
        torch.save(ck, last_path + ".tmp")
        os.replace(last_path + ".tmp", last_path)
        weights = {"model": model.state_dict(), "epoch": epoch + 1, "val": rec, "meta": meta,
                   "history": history, "train_seconds": train_seconds}
        if getattr(args, "keep_epochs", False):  # for weight averaging (average_weights.py)
            torch.save(weights, epoch_path(out, epoch + 1))
        if improved:
            torch.save(weights, best_path + ".tmp")
            os.replace(best_path + ".tmp", best_path)
            log("new best (val macro-F1 %.4f) -> %s" % (best_f1, best_path))
        if stopped:
            break
    # record final history/cost in best.pt too
    if os.path.isfile(best_path):
        b = torch.load(best_path, map_location="cpu")
        b["history"], b["train_seconds"] = history, train_seconds
        torch.save(b, best_path)
    log("finished: best val macro-F1 %.4f at epoch %d; train time %.1f min" % (best_f1, best_epoch, train_seconds / 60))
    return best_path
