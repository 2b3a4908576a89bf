"""Training-time augmentations (never used for evaluation/export references).

All operate on RGB uint8 HWC numpy arrays / PIL images and end in a normalised
float32 CHW tensor of shape [3, S, S].
"""
import io
import math
import random

import numpy as np
import torch
from PIL import Image, ImageFilter, ImageEnhance

from .constants import MEAN, STD

_MEAN = torch.tensor(MEAN, dtype=torch.float32).view(3, 1, 1)
_STD = torch.tensor(STD, dtype=torch.float32).view(3, 1, 1)

DEFAULT_AUG = {
    "geometry": True,      # box jitter: scale, shift, rotation
    "scale": (0.8, 1.15),  # side of the crop box relative to the canonical box
    "shift": 0.10,         # centre shift, fraction of the box side
    "rotate": 15.0,        # degrees
    "hflip": True,         # left-handed signers
    "color": True,         # brightness / contrast / saturation / hue
    "gain": True,          # per-channel gain (white balance)
    "blur": True,
    "noise": True,
    "jpeg": True,
    "grayscale": True,
}
REALWORLD_KEYS = ("color", "gain", "blur", "noise", "jpeg", "grayscale")


def aug_config(no_realworld=False, **overrides):
    cfg = dict(DEFAULT_AUG)
    if no_realworld:
        for k in REALWORLD_KEYS:
            cfg[k] = False
    for k, v in overrides.items():
        if v is not None:
            cfg[k] = v
    return cfg


def box_jitter(img, size, context=1.0, rng=random, scale=(0.8, 1.15), shift=0.1, rotate=15.0):
    """Crop a jittered, rotated square around the canonical box and resize to size.

    The canonical box is the largest centred square (central 1/context of it for
    crop folders with context). One affine resample, then an antialiased resize.
    """
    w, h = img.size
    side = min(w, h) / (context if context and context > 1 else 1.0)
    s = side * rng.uniform(*scale)
    cx = w / 2.0 + rng.uniform(-shift, shift) * side
    cy = h / 2.0 + rng.uniform(-shift, shift) * side
    ang = math.radians(rng.uniform(-rotate, rotate))
    out = max(size, int(round(s)))
    k = s / out
    c, si = math.cos(ang) * k, math.sin(ang) * k
    # output (u,v) -> input (x,y): centre, rotate+scale, move to (cx,cy)
    a, b = c, -si
    d, e = si, c
    oc = out / 2.0
    coeffs = (a, b, cx - a * oc - b * oc, d, e, cy - d * oc - e * oc)
    im = img.transform((out, out), Image.AFFINE, coeffs, resample=Image.BILINEAR, fillcolor=(0, 0, 0))
    if out != size:
        im = im.resize((size, size), Image.BILINEAR)
    return im


def colour(im, rng, strength=0.35, hue=0.04):
    ops = [lambda x: ImageEnhance.Brightness(x).enhance(rng.uniform(1 - strength, 1 + strength)),
           lambda x: ImageEnhance.Contrast(x).enhance(rng.uniform(1 - strength, 1 + strength)),
           lambda x: ImageEnhance.Color(x).enhance(rng.uniform(1 - strength, 1 + strength))]
    rng.shuffle(ops)
    for op in ops:
        im = op(im)
    if hue > 0:
        hsv = np.array(im.convert("HSV"), dtype=np.int16)
        hsv[..., 0] = (hsv[..., 0] + int(round(rng.uniform(-hue, hue) * 255))) % 256
        im = Image.fromarray(hsv.astype(np.uint8), "HSV").convert("RGB")
    return im


def channel_gain(arr, rng, spread=0.12):
    g = np.array([rng.uniform(1 - spread, 1 + spread) for _ in range(3)], dtype=np.float32)
    return np.clip(arr.astype(np.float32) * g, 0, 255).astype(np.uint8)


def jpeg(im, rng, qmin=30, qmax=95):
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=int(rng.randint(qmin, qmax)))
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def to_tensor_norm(arr_uint8):
    t = torch.from_numpy(np.array(arr_uint8, dtype=np.uint8, copy=True)).permute(2, 0, 1).float().div_(255.0)
    return (t - _MEAN) / _STD


class TrainTransform:
    """Callable (img_rgb_uint8_hwc, context) -> normalised tensor [3,S,S]."""

    def __init__(self, size, cfg=None, seed=None):
        self.size = size
        self.cfg = dict(DEFAULT_AUG if cfg is None else cfg)
        self.rng = random.Random(seed)

    def reseed(self, seed):
        self.rng = random.Random(seed)

    def __call__(self, img, context=1.0):
        cfg, rng, S = self.cfg, self.rng, self.size
        im = Image.fromarray(img) if isinstance(img, np.ndarray) else img.convert("RGB")
        if cfg["geometry"]:
            im = box_jitter(im, S, context, rng, cfg["scale"], cfg["shift"], cfg["rotate"])
        else:
            w, h = im.size
            side = min(w, h) / (context if context and context > 1 else 1.0)
            l, t = (w - side) / 2.0, (h - side) / 2.0
            im = im.resize((S, S), Image.BOX, box=(l, t, l + side, t + side))
        if cfg["hflip"] and rng.random() < 0.5:
            im = im.transpose(Image.FLIP_LEFT_RIGHT)
        if cfg["color"] and rng.random() < 0.8:
            im = colour(im, rng)
        if cfg["blur"] and rng.random() < 0.2:
            im = im.filter(ImageFilter.GaussianBlur(radius=rng.uniform(0.3, 1.5)))
        if cfg["jpeg"] and rng.random() < 0.3:
            im = jpeg(im, rng)
        if cfg["grayscale"] and rng.random() < 0.05:
            im = im.convert("L").convert("RGB")
        arr = np.asarray(im, dtype=np.uint8)
        if cfg["gain"] and rng.random() < 0.5:
            arr = channel_gain(arr, rng)
        if cfg["noise"] and rng.random() < 0.3:
            sigma = rng.uniform(2.0, 10.0)
            nrng = np.random.default_rng(rng.getrandbits(32))
            arr = np.clip(arr.astype(np.float32) + nrng.normal(0, sigma, arr.shape), 0, 255).astype(np.uint8)
        return to_tensor_norm(arr)


def worker_init_fn(worker_id):
    """Give each DataLoader worker its own augmentation stream (derived from torch seed)."""
    info = torch.utils.data.get_worker_info()
    torch.set_num_threads(1)
    seed = info.seed % (2 ** 32)
    ds = info.dataset
    if hasattr(ds, "transform") and hasattr(ds.transform, "reseed"):
        ds.transform.reseed(seed)
    np.random.seed(seed)
    random.seed(seed)
