"""Accuracy, macro-F1 and confusion matrices."""
import numpy as np

from .constants import LABELS, NUM_CLASSES


def confusion(y_true, y_pred, n=NUM_CLASSES):
    cm = np.zeros((n, n), dtype=np.int64)
    for t, p in zip(y_true, y_pred):
        cm[int(t), int(p)] += 1
    return cm


def macro_f1(cm, classes=None):
    """Mean F1 over `classes` (indices); default: classes present in the ground truth.

    Predictions into classes outside `classes` still count as errors (they are
    false negatives of the true class).
    """
    if classes is None:
        classes = [i for i in range(cm.shape[0]) if cm[i].sum() > 0]
    f1s = []
    for c in classes:
        tp = cm[c, c]
        fn = cm[c].sum() - tp
        fp = cm[:, c].sum() - tp
        d = 2 * tp + fp + fn
        f1s.append(0.0 if d == 0 else 2.0 * tp / d)
    return float(np.mean(f1s)) if f1s else 0.0


def summarize(y_true, y_pred, classes=None):
    cm = confusion(y_true, y_pred)
    n = int(cm.sum())
    acc = float(np.trace(cm) / n) if n else 0.0
    return {"n": n, "accuracy": acc, "macro_f1": macro_f1(cm, classes), "confusion": cm}


def per_class_f1(cm):
    out = {}
    for c in range(cm.shape[0]):
        if cm[c].sum() == 0:
            continue
        tp = cm[c, c]
        d = 2 * tp + (cm[c].sum() - tp) + (cm[:, c].sum() - tp)
        out[LABELS[c]] = 0.0 if d == 0 else float(2 * tp / d)
    return out
