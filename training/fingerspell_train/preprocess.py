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


EXPOSURES = ("none", "backlight_lift")
# backlight_lift: a hand in front of a window is nearly black, yet its JPEG still holds the fingers. When the
# middle of the crop (its central half) is dark and the rest bright, a gamma lifts the middle's median to 0.4.
# The rest is read by its upper quartile (a bright window over a dark table still counts). Integer luminance and order
# statistics only, so the Java side (ExposureLift) computes the same lookup table.
LIFT_TARGET = 0.4
LIFT_DARK_BELOW = 102          # round(LIFT_TARGET * 255): a middle this bright is left alone
LIFT_BRIGHT_BORDER = 160       # a scene behind the hand this bright: a window or a lamp, not a dim room
LIFT_RING_RATIO = 2            # and at least twice the middle: backlit, not a dark hand on a dark wall
LIFT_MIN_GAMMA = 1.0 / 3.0
LIFT_MIN_BORDER_SHARE = 8      # at least 1/8 of the rest must lie inside the frame to judge the scene


def _order_statistic(values, q_num, q_den):
    """The value at index floor(q * (n - 1)) of the sorted values (q = q_num / q_den)."""
    v = np.sort(values.ravel())
    return int(v[(len(v) - 1) * q_num // q_den])


def lift_gamma(rgb):
    """The gamma backlight_lift applies to an RGB uint8 square, or 1.0 when it leaves the image alone.

    Pure black pixels are left out of both statistics: they are the padding of a crop box that leaves the frame."""
    y = (rgb[:, :, 0].astype(np.int32) * 299 + rgb[:, :, 1].astype(np.int32) * 587
         + rgb[:, :, 2].astype(np.int32) * 114 + 500) // 1000
    inside = rgb.max(axis=2) > 0
    h, w = y.shape
    middle_part = np.zeros_like(inside)
    middle_part[h // 4:h - h // 4, w // 4:w - w // 4] = True
    middle_px, border_px = y[middle_part & inside], y[~middle_part & inside]
    if len(middle_px) == 0 or len(border_px) * LIFT_MIN_BORDER_SHARE < int((~middle_part).sum()):
        return 1.0
    middle = _order_statistic(middle_px, 1, 2)
    border = _order_statistic(border_px, 3, 4)
    if middle >= LIFT_DARK_BELOW or border < LIFT_BRIGHT_BORDER or border < LIFT_RING_RATIO * middle:
        return 1.0
    return max(LIFT_MIN_GAMMA, float(np.log(LIFT_TARGET) / np.log(max(middle, 1) / 255.0)))


def lift_table(gamma):
    """256-entry lookup table round(255 * (v / 255) ** gamma)."""
    v = np.arange(256, dtype=np.float64) / 255.0
    return np.floor(255.0 * np.power(v, gamma) + 0.5).astype(np.uint8)


def apply_exposure(rgb, exposure):
    """The descriptor's input.exposure applied to the resized RGB uint8 crop (train and run time alike)."""
    if not exposure or exposure == "none":
        return rgb
    if exposure != "backlight_lift":
        raise ValueError("unknown exposure %r (known: %s)" % (exposure, ", ".join(EXPOSURES)))
    g = lift_gamma(rgb)
    return rgb if g == 1.0 else lift_table(g)[rgb]


def preprocess_bgr(img_bgr, size, context=1.0, exposure=None):
    """BGR uint8 HWC -> float32 CHW normalised (crop 'whole', INTER_AREA, RGB, then the exposure step)."""
    img = centre_square(img_bgr, context)
    img = cv2.resize(img, (size, size), interpolation=cv2.INTER_AREA)
    img = apply_exposure(cv2.cvtColor(img, cv2.COLOR_BGR2RGB), exposure)
    x = img.astype(np.float32) / 255.0
    x = (x - _MEAN) / _STD
    return np.ascontiguousarray(x.transpose(2, 0, 1), dtype=np.float32)


def preprocess_path(path, size, context=1.0, exposure=None):
    return preprocess_bgr(load_bgr(path), size, context, exposure)


def eval_transform(size, exposure=None):
    """Transform for ImageDataset: same as preprocess_bgr but from an RGB array."""
    import torch

    def f(img_rgb, context=1.0, hand=None):  # hand: only training augmentations use it
        bgr = cv2.cvtColor(img_rgb, cv2.COLOR_RGB2BGR)
        return torch.from_numpy(preprocess_bgr(bgr, size, context, exposure))
    return f
