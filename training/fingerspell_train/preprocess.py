"""Deterministic preprocessing reproduced exactly by the Java side."""
import cv2
import numpy as np

from .constants import MEAN, STD

_MEAN = np.array(MEAN, dtype=np.float32)
_STD = np.array(STD, dtype=np.float32)


def load_bgr(path):
    img = cv2.imread(path, cv2.IMREAD_COLOR)
    if img is None:
        raise IOError("cannot read image %r" % path)
    return img


def load_rgb(path):
    return cv2.cvtColor(load_bgr(path), cv2.COLOR_BGR2RGB)


def centre_square(img, context=1.0):
    """Largest centred square; with context > 1 the central 1/context of it."""
    h, w = img.shape[:2]
    side = min(h, w)
    if context and context > 1.0:
        side = max(1, int(round(side / context)))
    y0 = (h - side) // 2
    x0 = (w - side) // 2
    return img[y0:y0 + side, x0:x0 + side]


def preprocess_bgr(img_bgr, size, context=1.0):
    """BGR uint8 HWC -> float32 CHW normalised (crop 'whole', INTER_AREA, RGB)."""
    img = centre_square(img_bgr, context)
    img = cv2.resize(img, (size, size), interpolation=cv2.INTER_AREA)
    img = cv2.cvtColor(img, cv2.COLOR_BGR2RGB)
    x = img.astype(np.float32) / 255.0
    x = (x - _MEAN) / _STD
    return np.ascontiguousarray(x.transpose(2, 0, 1), dtype=np.float32)


def preprocess_path(path, size, context=1.0):
    return preprocess_bgr(load_bgr(path), size, context)


def eval_transform(size):
    """Transform for ImageDataset: same as preprocess_bgr but from an RGB array."""
    import torch

    def f(img_rgb, context=1.0, hand=None):  # hand: only training augmentations use it
        bgr = cv2.cvtColor(img_rgb, cv2.COLOR_RGB2BGR)
        return torch.from_numpy(preprocess_bgr(bgr, size, context))
    return f
