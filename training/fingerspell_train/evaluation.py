"""Deterministic prediction and test-set evaluation."""
import numpy as np
import torch

from .constants import LABELS, LABEL_TO_INDEX, LETTERS
from .data import ImageDataset
from .metrics import summarize, per_class_f1
from .preprocess import eval_transform

# What a frame without a detected hand reads as, for hand-crop models. Live video (the descriptor's no_hand):
# `nothing`, so an empty room types no letter. Still images (no_hand_stills): the centred square is classified,
# because a picture is chosen for its sign; on the validation blocks of blocks_88_2_10 and blocks_85_5_10 this
# raised kaggle-train's macro-F1 from 0.726 to 0.814 and 0.729 to 0.801, phone-train staying 1.000
# (docs/training/no-hand-stills-2026-12-05).
VIDEO_NO_HAND = "nothing"
STILLS_NO_HAND = "classify"


def stills_no_hand(crop):
    """The no-hand policy for still images of a descriptor's crop block: no_hand_stills, else no_hand."""
    crop = crop or {}
    return crop.get("no_hand_stills", crop.get("no_hand", "classify"))


@torch.no_grad()
def predict(model, rows, size, batch_size=64, workers=0, criterion=None, transform=None, exposure=None):
    """Softmax probabilities [n,29] for rows (deterministic preprocessing with the model's exposure step, or
    transform), and mean loss."""
    model.eval()
    ds = ImageDataset(rows, transform or eval_transform(size, exposure))
    dl = torch.utils.data.DataLoader(ds, batch_size=batch_size, shuffle=False, num_workers=workers)
    probs, loss_sum, n = [], 0.0, 0
    for x, y in dl:
        logits = model(x)
        if criterion is not None:
            loss_sum += float(criterion(logits, y)) * len(y)
            n += len(y)
        probs.append(torch.softmax(logits.float(), dim=1).numpy())
    p = np.concatenate(probs) if probs else np.zeros((0, len(LABELS)), np.float32)
    return p, (loss_sum / n if n else float("nan"))


def score(rows, probs, letters_only=False, no_hand="classify"):
    """Metrics dict; rows without a detected hand become 'nothing' when no_hand == 'nothing'."""
    y_true = np.array([LABEL_TO_INDEX[r["label"]] for r in rows], dtype=np.int64)
    y_pred = probs.argmax(1) if len(rows) else np.zeros(0, np.int64)
    if no_hand == "nothing":
        for i, r in enumerate(rows):
            if not r.get("detected", True):
                y_pred[i] = LABEL_TO_INDEX["nothing"]
    classes = list(range(26)) if letters_only else None
    s = summarize(y_true, y_pred, classes)
    cm = s.pop("confusion")
    s["classes"] = "letters" if letters_only else "all"
    s["per_class_f1"] = per_class_f1(cm)
    s["confusion_labels"] = LABELS
    s["confusion"] = cm.tolist()
    s["errors"] = [{"file": r["pack"] + "/" + r["file"], "true": r["label"], "pred": LABELS[int(p)]}
                   for r, p, t in zip(rows, y_pred, y_true) if p != t]
    return s
