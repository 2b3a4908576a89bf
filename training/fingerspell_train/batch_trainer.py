"""Training loop over a crop pack held on the training device, augmented there batch by batch (train_gpu.py).

Same model, split, augmentations and checkpoint format as trainer.py (best.pt is read by evaluate.py,
export.py and average_weights.py), with what a GPU allows: mixed precision, large batches, an exponential
moving average (EMA) of the weights, and optional CutMix. Every epoch scores the validation block with the
raw and the EMA weights; best.pt keeps whichever scored higher, and says which.
"""
import copy
import csv
import json
import math
import os
import time

import numpy as np
import torch
import torch.nn as nn

from .augment import config_from_args
from .batch_augment import BatchAugment
from .constants import LABELS
from .metrics import summarize
from .model import build_model
from .evaluation import score, STILLS_NO_HAND
from .packed import CropPack, TRAIN, VAL, TEST
from .trainer import TimeCosine, HISTORY_FIELDS, log, seed_all

BATCH_HISTORY_FIELDS = HISTORY_FIELDS + ["ema_val_macro_f1"]


class Ema:
    """Exponential moving average of parameters; BatchNorm statistics are copied from the live model."""

    def __init__(self, model, decay):
        self.decay = decay
        self.model = copy.deepcopy(model).eval()
        for p in self.model.parameters():
            p.requires_grad_(False)

    @torch.no_grad()
    def update(self, model):
        mine, theirs = list(self.model.parameters()), [p.detach() for p in model.parameters()]
        torch._foreach_mul_(mine, self.decay)
        torch._foreach_add_(mine, theirs, alpha=1 - self.decay)
        for e, b in zip(self.model.buffers(), model.buffers()):
            e.copy_(b)


def cutmix(x, y, gen, alpha=1.0):
    """Paste a random box of a shuffled batch into x; returns x, y, y of the pasted images, label weight."""
    n, _, h, w = x.shape
    lam = float(np.random.default_rng(int(torch.randint(1 << 30, (1,), generator=gen))).beta(alpha, alpha))
    cut = math.sqrt(1 - lam)
    ch, cw = int(h * cut), int(w * cut)
    cy, cx = int(torch.randint(h, (1,), generator=gen)), int(torch.randint(w, (1,), generator=gen))
    t, b = max(0, cy - ch // 2), min(h, cy + ch // 2)
    l, r = max(0, cx - cw // 2), min(w, cx + cw // 2)
    perm = torch.randperm(n, generator=gen).to(x.device)
    x = x.clone()
    x[:, :, t:b, l:r] = x[perm, :, t:b, l:r]
    lam = 1 - (b - t) * (r - l) / float(h * w)
    return x, y, y[perm], lam


@torch.no_grad()
def validate(model, images, labels, augment, batch_size, amp_dtype):
    """Loss and metrics on the canonical crop (no jitter) of every validation image."""
    model.eval()
    preds, loss_sum = [], 0.0
    crit = nn.CrossEntropyLoss(reduction="sum")
    for i in range(0, len(images), batch_size):
        x = augment.canonical(images[i:i + batch_size])
        y = labels[i:i + batch_size]
        with torch.autocast(x.device.type, dtype=amp_dtype, enabled=amp_dtype is not None):
            logits = model(x)
        loss_sum += float(crit(logits.float(), y))
        preds.append(logits.argmax(1).cpu())
    s = summarize(labels.cpu().numpy(), torch.cat(preds).numpy())
    return loss_sum / len(images), s["accuracy"], s["macro_f1"]


def load(path):
    """torch.load of our own run files (PyTorch >= 2.6 loads tensors only unless told otherwise)."""
    try:
        return torch.load(path, map_location="cpu", weights_only=False)
    except TypeError:  # PyTorch < 1.13 has no weights_only
        return torch.load(path, map_location="cpu")


def save_atomic(obj, path):
    torch.save(obj, path + ".tmp")
    os.replace(path + ".tmp", path)


def train(args, command):
    seed_all(args.seed)
    device = torch.device(args.device)
    torch.backends.cudnn.benchmark = device.type == "cuda"
    amp_dtype = torch.bfloat16 if (args.amp and device.type == "cuda") else None
    os.makedirs(args.out, exist_ok=True)

    t_load = time.time()
    pack = CropPack.load(args.pack, threads=args.threads)
    train_x, train_y = (t.to(device) for t in pack.part(TRAIN, args.packs))
    train_hands = pack.part_hands(TRAIN, args.packs).to(device)
    if args.hide_forearm > 0 and bool(torch.isnan(train_hands).all()):
        raise SystemExit("--hide-forearm needs the hands' directions: pack %s has none (pack crop folders cut by "
                         "a `fingerspell crop` that writes hand_rotation_degrees)" % args.pack)
    val_x, val_y = (t.to(device) for t in pack.part(VAL, args.packs))
    if len(train_x) == 0 or len(val_x) == 0:
        raise SystemExit("pack %s has %d train and %d validation crops: both are needed"
                         % (args.pack, len(train_x), len(val_x)))
    log("pack %s: %d train, %d val crops of %s px, decoded and on %s in %.1f s"
        % (args.pack, len(train_x), len(val_x), tuple(train_x.shape[2:]), device, time.time() - t_load))

    cfg = config_from_args(args)
    augment = BatchAugment(args.size, 1.0 / float(pack.meta.get("context", 1.0)), cfg, args.seed, device)
    model = build_model().to(device).to(memory_format=torch.channels_last)
    ema = Ema(model, args.ema) if args.ema else None
    params = [p for p in model.parameters()]
    if args.optimizer == "adamw":
        opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=args.weight_decay)
    else:
        opt = torch.optim.Adam(params, lr=args.lr, weight_decay=args.weight_decay)
    steps_per_epoch = math.ceil(len(train_x) / args.batch_size)
    sched = TimeCosine(opt, args.time_budget_min * 60.0, int(round(args.warmup_epochs * steps_per_epoch)))
    crit = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)
    gen = torch.Generator()
    gen.manual_seed(args.seed)

    meta = {k: pack.meta[k] for k in ("labels", "packs", "split_file", "split_sha256", "data_fingerprint",
                                      "crop", "crop_metas", "n_train", "n_val")}
    if args.packs:
        meta["packs"] = list(args.packs)
    meta.update({"config": "S-A", "size": args.size, "command": command, "seed": args.seed,
                 "trainable_share": 1.0, "args": vars(args), "trainer": "train_gpu.py", "torch": torch.__version__,
                 "device": torch.cuda.get_device_name(device) if device.type == "cuda" else "cpu"})
    last_path, best_path = os.path.join(args.out, "last.pt"), os.path.join(args.out, "best.pt")
    start_epoch, best_f1, history, train_seconds = 0, -1.0, [], 0.0
    if args.resume and os.path.isfile(last_path):
        ck = load(last_path)
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["optimizer"])
        sched.load_state_dict(ck["scheduler"])
        if ema is not None:
            ema.model.load_state_dict(ck["ema"])
        gen.set_state(ck["generator"])
        augment.gen.set_state(ck["augment_generator"])
        start_epoch, best_f1, history = ck["epoch"] + 1, ck["best_f1"], ck["history"]
        train_seconds = ck["train_seconds"]
        log("resumed from %s at epoch %d (best val macro-F1 %.4f)" % (last_path, start_epoch + 1, best_f1))
    with open(os.path.join(args.out, "run.json"), "w") as f:
        json.dump(meta, f, indent=2, default=str)

    for epoch in range(start_epoch, args.max_epochs):
        if train_seconds >= sched.budget:
            break
        model.train()
        t0 = time.time()
        order = torch.randperm(len(train_x), generator=gen).to(device)
        seen, loss_sum, correct = 0, torch.zeros((), device=device), torch.zeros((), device=device)
        for i in range(steps_per_epoch):
            trained = train_seconds + time.time() - t0
            if trained >= sched.budget:
                break
            sched.apply(trained)
            idx = order[i * args.batch_size:(i + 1) * args.batch_size]
            x = augment(train_x[idx], train_hands[idx]).contiguous(memory_format=torch.channels_last)
            y = train_y[idx]
            mixed = args.cutmix > 0 and float(torch.rand(1, generator=gen)) < args.cutmix
            if mixed:
                x, y, y2, lam = cutmix(x, y, gen)
            with torch.autocast(device.type, dtype=amp_dtype, enabled=amp_dtype is not None):
                logits = model(x)
            logits = logits.float()
            loss = crit(logits, y) if not mixed else lam * crit(logits, y) + (1 - lam) * crit(logits, y2)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            if ema is not None:
                ema.update(model)
            seen += len(y)
            loss_sum += loss.detach() * len(y)
            correct += (logits.argmax(1) == y).sum()
            if (i + 1) % args.log_every == 0:
                left = max(0.0, sched.budget - (train_seconds + time.time() - t0))
                log("epoch %d batch %d/%d loss %.4f lr %.2e | %.0f img/s | training time left %.1f min"
                    % (epoch + 1, i + 1, steps_per_epoch, float(loss), opt.param_groups[0]["lr"],
                       seen / (time.time() - t0), left / 60))
        if seen == 0:
            break
        ep_train_s = time.time() - t0
        train_seconds += ep_train_s
        val_loss, val_acc, val_f1 = validate(model, val_x, val_y, augment, args.batch_size, amp_dtype)
        ema_f1 = validate(ema.model, val_x, val_y, augment, args.batch_size, amp_dtype)[2] if ema else float("nan")
        rec = {"epoch": epoch + 1, "train_loss": float(loss_sum) / seen, "train_acc": float(correct) / seen,
               "val_loss": val_loss, "val_accuracy": val_acc, "val_macro_f1": val_f1,
               "lr": opt.param_groups[0]["lr"], "epoch_seconds": time.time() - t0,
               "images_per_s": seen / ep_train_s, "ema_val_macro_f1": ema_f1}
        history.append(rec)
        log("epoch %d: val acc %.4f macro-F1 %.4f | EMA macro-F1 %.4f | %.1f s, %.0f img/s, %.1f min trained"
            % (epoch + 1, val_acc, val_f1, ema_f1, rec["epoch_seconds"], rec["images_per_s"], train_seconds / 60))
        with open(os.path.join(args.out, "history.csv"), "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=BATCH_HISTORY_FIELDS, lineterminator="\n")
            w.writeheader()
            w.writerows(history)
        use_ema = ema is not None and ema_f1 > val_f1
        score_now = ema_f1 if use_ema else val_f1
        if score_now > best_f1:
            best_f1 = score_now
            weights = (ema.model if use_ema else model).state_dict()
            save_atomic({"model": {k: v.detach().float().cpu() if v.is_floating_point() else v.cpu()
                                   for k, v in weights.items()},
                         "epoch": epoch + 1, "val": dict(rec, val_macro_f1=score_now),
                         "meta": dict(meta, weights="ema" if use_ema else "raw"),
                         "history": history, "train_seconds": train_seconds}, best_path)
            log("new best (val macro-F1 %.4f, %s weights) -> %s" % (best_f1, "EMA" if use_ema else "raw", best_path))
        if args.checkpoint_every and ((epoch + 1) % args.checkpoint_every == 0 or train_seconds >= sched.budget):
            save_atomic({"model": model.state_dict(), "optimizer": opt.state_dict(),
                         "scheduler": sched.state_dict(), "ema": ema.model.state_dict() if ema else None,
                         "generator": gen.get_state(), "augment_generator": augment.gen.get_state(),
                         "epoch": epoch, "best_f1": best_f1, "history": history,
                         "train_seconds": train_seconds}, last_path)
    if os.path.isfile(best_path):  # the final history and cost go into best.pt too
        b = load(best_path)
        b["history"], b["train_seconds"] = history, train_seconds
        save_atomic(b, best_path)
    log("finished: best val macro-F1 %.4f; %d epochs, %.1f min of training" % (best_f1, len(history), train_seconds / 60))
    if args.test_pack and os.path.isfile(best_path):
        model.load_state_dict(load(best_path)["model"])
        evaluate_test_pack(model, args, device, amp_dtype, os.path.join(args.out, "eval.json"))
    return best_path


def evaluate_test_pack(model, args, device, amp_dtype, out):
    """Score a test pack (pack_crops.py --test-sets) on the device: the canonical box of each crop, bilinear,
    where evaluate.py resizes with INTER_AREA; rows without a detected hand are read as still images are
    (STILLS_NO_HAND). Writes an
    eval.json of evaluate.py's shape (read by ablation_table.py)."""
    tests = CropPack.load(args.test_pack, threads=args.threads)
    view = BatchAugment(args.size, 1.0 / float(tests.meta.get("context", 1.0)), device=device)
    files = tests.meta["files"]
    result = {"input_size": args.size, "scored_by": "train_gpu.py --test-pack (canonical box, bilinear)", "sets": {}}
    for name in tests.meta["sources"]:
        keep = tests.mask(TEST, [name])
        images, labels, detected = tests.images[keep], tests.labels[keep], tests.detected[keep]
        index = torch.nonzero(keep).flatten().tolist()
        probs = []
        model.eval()
        with torch.no_grad():
            for i in range(0, len(images), args.batch_size):
                x = view.canonical(images[i:i + args.batch_size].to(device))
                with torch.autocast(device.type, dtype=amp_dtype, enabled=amp_dtype is not None):
                    probs.append(torch.softmax(model(x).float(), 1).cpu())
        rows = [{"label": LABELS[int(y)], "detected": bool(d), "pack": name, "file": files[j]}
                for y, d, j in zip(labels, detected, index)]
        s = score(rows, torch.cat(probs).numpy(), letters_only=name in tests.meta.get("letters_only", []),
                  no_hand=STILLS_NO_HAND)
        result["sets"][name] = {k: s[k] for k in ("n", "accuracy", "macro_f1", "classes", "per_class_f1")}
        log("%-22s n=%4d  accuracy %.4f  macro-F1 %.4f  (%s)" % (name, s["n"], s["accuracy"], s["macro_f1"],
                                                                s["classes"]))
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
