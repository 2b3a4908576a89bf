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

from .constants import MEAN, PALM_TO_HAND_SCALE, STD
from .preprocess import EXPOSURES, apply_exposure

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
    "erase": 0.0,          # probability of blanking one random rectangle with noise (occlusion, partial views)
    "forearm": 0.0,        # probability of hiding everything beyond the wrist (sleeves, dark clothes, arm out of view)
    "background": 0.0,     # probability of a new background behind the hand (needs a hand mask; rooms vary)
    "backlight": 0.0,      # probability of turning the hand into a backlit silhouette (needs a hand mask)
    "exposure": "none",    # the model's own deterministic exposure step (preprocess.apply_exposure), last of all
}
REALWORLD_KEYS = ("color", "gain", "blur", "noise", "jpeg", "grayscale")

# How often each change is drawn and its range; batch_augment.py draws the same on the training device.
P_COLOR, COLOR_STRENGTH, HUE = 0.8, 0.35, 0.04
P_BLUR, BLUR_SIGMA = 0.2, (0.3, 1.5)
P_JPEG, JPEG_QUALITY = 0.3, (30, 95)
P_GRAY = 0.05
P_GAIN, GAIN_SPREAD = 0.5, 0.12
P_NOISE, NOISE_SIGMA = 0.3, (2.0, 10.0)
ERASE_AREA, ERASE_ASPECT = (0.02, 0.2), (0.3, 3.3)
# Where the forearm is cut off, in units of the estimated wrist distance (side / 2.6) from the hand square's
# centre. On real crops (preview_augment.py) 0.85-1.25 cut mostly below the crop's canonical view; 0.6-1.0
# cuts across the wrist (a sleeve's cuff) and leaves the palm whole or nearly.
FOREARM_CUT = (0.6, 1.0)
P_FOREARM_BLACK = 0.5   # otherwise one random flat colour (a sleeve, a dark shirt, a backdrop)


# The backgrounds put behind a masked hand, drawn with these weights: one flat colour, a smooth two-colour
# gradient, a blurred colour-noise texture (clutter out of focus), and a dark backdrop (a dark room, a screen).
BACKGROUND_KINDS = (("flat", 0.35), ("gradient", 0.25), ("texture", 0.25), ("dark", 0.15))
# Backlight: the hand keeps this fraction of its light, and the scene behind it is lifted by this gamma.
BACKLIGHT_HAND_GAIN = (0.06, 0.3)
BACKLIGHT_SCENE_GAMMA = (0.35, 0.8)
FEATHER_RADIUS = (0.5, 1.5)


SWITCH_KEYS = ("geometry", "hflip", "color", "gain", "blur", "noise", "jpeg", "grayscale")


def add_flags(parser):
    """The augmentation flags of train.py and train_gpu.py."""
    parser.add_argument("--no-realworld-aug", action="store_true",
                        help="turn off colour, gain, blur, noise, JPEG and grayscale (ablation)")
    parser.add_argument("--erase", type=float, default=0.0,
                        help="probability of random erasing: one rectangle of 2-20%% of the crop filled with noise "
                             "(0: off)")
    parser.add_argument("--hide-forearm", type=float, default=0.0, metavar="P",
                        help="probability of filling everything beyond the wrist with black or one flat colour "
                             "(sleeves, dark clothes, an arm out of view, hands segmented on a backdrop); needs "
                             "crop folders with hand_rotation_degrees (0: off)")
    parser.add_argument("--exposure", choices=EXPOSURES, default="none",
                        help="the model's exposure step, at training and at run time alike (the descriptor's "
                             "input.exposure): backlight_lift brightens a hand that is dark against a bright scene "
                             "(default %(default)s)")
    parser.add_argument("--rotate", type=float, default=DEFAULT_AUG["rotate"],
                        help="box jitter: rotation range in degrees, +-ROTATE (default %(default)s)")
    parser.add_argument("--scale", type=float, nargs=2, default=list(DEFAULT_AUG["scale"]), metavar=("LO", "HI"),
                        help="box jitter: crop side relative to the canonical box (default %(default)s)")
    for k in SWITCH_KEYS:
        parser.add_argument("--no-" + k, action="store_true", help="turn off the %s augmentation" % k)


def add_mask_flags(parser):
    """The augmentations that need hand masks (training/make_masks.py); train.py only."""
    parser.add_argument("--masks-root", default=None,
                        help="hand masks of the crops (training/make_masks.py): <root>/<pack>/<crop file>")
    parser.add_argument("--background", type=float, default=0.0, metavar="P",
                        help="probability of a new background behind a masked hand: flat colour, gradient, "
                             "blurred texture or a dark backdrop (0: off)")
    parser.add_argument("--backlight", type=float, default=0.0, metavar="P",
                        help="probability of turning a masked hand into a silhouette against a brightened scene, "
                             "as in front of a window (0: off)")


def config_from_args(args):
    """The augmentation configuration the flags of add_flags() (and add_mask_flags()) select."""
    return aug_config(no_realworld=args.no_realworld_aug, erase=getattr(args, "erase", 0.0),
                      forearm=getattr(args, "hide_forearm", 0.0),
                      background=getattr(args, "background", 0.0), backlight=getattr(args, "backlight", 0.0),
                      exposure=getattr(args, "exposure", None), rotate=getattr(args, "rotate", None), scale=tuple(getattr(args, "scale", None) or ()) or None,
                      **{k: False for k in SWITCH_KEYS if getattr(args, "no_" + k, False)})


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


def colour(im, rng, strength=COLOR_STRENGTH, hue=HUE):
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


def channel_gain(arr, rng, spread=GAIN_SPREAD):
    g = np.array([rng.uniform(1 - spread, 1 + spread) for _ in range(3)], dtype=np.float32)
    return np.clip(arr.astype(np.float32) * g, 0, 255).astype(np.uint8)


def jpeg(im, rng, qmin=JPEG_QUALITY[0], qmax=JPEG_QUALITY[1]):
    buf = io.BytesIO()
    im.save(buf, format="JPEG", quality=int(rng.randint(qmin, qmax)))
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def random_erase(arr, rng, area=ERASE_AREA, aspect=ERASE_ASPECT):
    """Fill one random rectangle (2-20% of the image) with uniform noise.

    Forces the classifier to use more than one cue of the hand shape, since a sleeve, the other hand or
    the crop edge can hide any part of it at run time.
    """
    h, w = arr.shape[:2]
    frac = rng.uniform(*area)
    ratio = math.exp(rng.uniform(math.log(aspect[0]), math.log(aspect[1])))
    eh = min(h, max(1, int(round(math.sqrt(frac * h * w * ratio)))))
    ew = min(w, max(1, int(round(math.sqrt(frac * h * w / ratio)))))
    top, left = rng.randint(0, h - eh), rng.randint(0, w - ew)
    out = arr.copy()
    nrng = np.random.default_rng(rng.getrandbits(32))
    out[top:top + eh, left:left + ew] = nrng.integers(0, 256, (eh, ew, arr.shape[2]), dtype=np.uint8)
    return out


def hide_forearm(arr, rotation_degrees, hand_side_frac, rng, cut=FOREARM_CUT, p_black=P_FOREARM_BLACK):
    """Fill the half-plane beyond the wrist, across the hand's axis, with black or one random colour.

    rotation_degrees is the crop CSV's hand_rotation_degrees (the turn that stands the hand upright, so the
    fingers point along (sin r, -cos r) in image coordinates); the hand square, hand_side_frac of the crop
    side, is centred in the crop.
    """
    h, w = arr.shape[:2]
    r = math.radians(rotation_degrees)
    ux, uy = math.sin(r), -math.cos(r)
    wrist = hand_side_frac * w / PALM_TO_HAND_SCALE
    limit = -rng.uniform(*cut) * wrist
    ys, xs = np.mgrid[0:h, 0:w]
    along = (xs + 0.5 - w / 2.0) * ux + (ys + 0.5 - h / 2.0) * uy
    fill = (0, 0, 0) if rng.random() < p_black else tuple(rng.randint(0, 255) for _ in range(3))
    out = arr.copy()
    out[along < limit] = fill
    return out


def _smooth_field(rng, size, cells):
    """A smooth random field 0..1 of size x size x 3 (bilinear upsampling of a coarse grid of colours)."""
    coarse = np.asarray([[[rng.random() for _ in range(3)] for _ in range(cells)] for _ in range(cells)],
                        dtype=np.float32)
    img = Image.fromarray((coarse * 255).astype(np.uint8)).resize((size, size), Image.BILINEAR)
    return np.asarray(img, dtype=np.float32) / 255.0


def random_background(rng, size):
    """One background (float RGB 0..255, size x size) of a kind drawn from BACKGROUND_KINDS."""
    kinds, weights = zip(*BACKGROUND_KINDS)
    kind = rng.choices(kinds, weights)[0]
    if kind == "flat":
        colour = np.asarray([rng.uniform(0, 255) for _ in range(3)], np.float32)
        return np.broadcast_to(colour, (size, size, 3)).copy()
    if kind == "gradient":
        a = np.asarray([rng.uniform(0, 255) for _ in range(3)], np.float32)
        b = np.asarray([rng.uniform(0, 255) for _ in range(3)], np.float32)
        t = np.linspace(0.0, 1.0, size, dtype=np.float32)
        ramp = t[None, :] if rng.random() < 0.5 else t[:, None]
        ramp = np.broadcast_to(ramp, (size, size))[:, :, None]
        return a * (1 - ramp) + b * ramp
    if kind == "texture":
        field = _smooth_field(rng, size, rng.choice((3, 6, 12, 24)))
        grey = field.mean(axis=2, keepdims=True)
        # real clutter is rarely a rainbow: pull the colours towards grey by a random amount
        return (grey + (field - grey) * rng.uniform(0.2, 1.0)) * 255.0
    level = rng.uniform(0, 30)
    return np.full((size, size, 3), level, np.float32) + _smooth_field(rng, size, 4) * rng.uniform(0, 12)


def _alpha(mask, rng):
    from .hand_mask import feather
    return feather(np.asarray(mask, dtype=np.uint8), rng.uniform(*FEATHER_RADIUS))[:, :, None]


def replace_background(arr, mask, rng):
    """The masked hand (and forearm) over a new background."""
    alpha = _alpha(mask, rng)
    back = random_background(rng, arr.shape[0])
    return np.clip(arr.astype(np.float32) * alpha + back * (1 - alpha), 0, 255).astype(np.uint8)


def backlight(arr, mask, rng):
    """A silhouette: the hand nearly black with a trace of its colour, the scene behind it lifted towards white."""
    alpha = _alpha(mask, rng)
    x = arr.astype(np.float32) / 255.0
    hand = x * rng.uniform(*BACKLIGHT_HAND_GAIN)
    scene = np.power(x, rng.uniform(*BACKLIGHT_SCENE_GAMMA))
    return np.clip((hand * alpha + scene * (1 - alpha)) * 255.0, 0, 255).astype(np.uint8)


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

    def __call__(self, img, context=1.0, hand=None, mask=None):
        cfg, rng, S = self.cfg, self.rng, self.size
        if mask is not None and np.asarray(mask).shape[:2] == np.asarray(img).shape[:2]:
            # before the box jitter, so the mask and the crop move together
            draw = rng.random()
            if draw < cfg.get("backlight", 0.0):
                img = backlight(np.asarray(img, dtype=np.uint8), mask, rng)
            elif draw < cfg.get("backlight", 0.0) + cfg.get("background", 0.0):
                img = replace_background(np.asarray(img, dtype=np.uint8), mask, rng)
        if hand is not None and cfg.get("forearm", 0.0) > 0 and rng.random() < cfg["forearm"]:
            img = hide_forearm(np.asarray(img, dtype=np.uint8), hand[0], hand[1], rng)
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
        if cfg["color"] and rng.random() < P_COLOR:
            im = colour(im, rng)
        if cfg["blur"] and rng.random() < P_BLUR:
            im = im.filter(ImageFilter.GaussianBlur(radius=rng.uniform(*BLUR_SIGMA)))
        if cfg["jpeg"] and rng.random() < P_JPEG:
            im = jpeg(im, rng)
        if cfg["grayscale"] and rng.random() < P_GRAY:
            im = im.convert("L").convert("RGB")
        arr = np.asarray(im, dtype=np.uint8)
        if cfg["gain"] and rng.random() < P_GAIN:
            arr = channel_gain(arr, rng)
        if cfg["noise"] and rng.random() < P_NOISE:
            sigma = rng.uniform(*NOISE_SIGMA)
            nrng = np.random.default_rng(rng.getrandbits(32))
            arr = np.clip(arr.astype(np.float32) + nrng.normal(0, sigma, arr.shape), 0, 255).astype(np.uint8)
        if cfg.get("erase", 0.0) > 0 and rng.random() < cfg["erase"]:
            arr = random_erase(arr, rng)
        return to_tensor_norm(apply_exposure(arr, cfg.get("exposure")))


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
