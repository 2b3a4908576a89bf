"""The training-time augmentations of augment.py, applied to a whole batch on the training device.

augment.TrainTransform works on one PIL image at a time in DataLoader workers: on a GPU that feeds about
2,000 images/s from 16 cores while ResNet-18 at 160 px trains several times faster. This module draws the same
kinds of change, with the same ranges and probabilities (read from augment.DEFAULT_AUG and the constants
below), as tensor operations over a uint8 batch [B,3,H,W] that already sits on the device:
box jitter (scale, shift, rotation) and horizontal flip in one affine resample, colour (brightness,
contrast, saturation, hue), blur, JPEG (8x8 DCT quantisation with the standard tables and 4:2:0 chroma, the
lossy part of a JPEG round trip), grayscale, per-channel gain, noise, random erasing, and hiding the
forearm where the pack records the hand's direction.
"""
import math

import torch
import torch.nn.functional as F

from .augment import (DEFAULT_AUG, P_COLOR, COLOR_STRENGTH, HUE, P_BLUR, BLUR_SIGMA, P_JPEG, JPEG_QUALITY,
                      P_GRAY, P_GAIN, GAIN_SPREAD, P_NOISE, NOISE_SIGMA, ERASE_AREA, ERASE_ASPECT, FOREARM_CUT,
                      P_FOREARM_BLACK)
from .constants import MEAN, PALM_TO_HAND_SCALE, STD

# ITU-R BT.601 luma, as PIL's convert("L") and JPEG's YCbCr.
_LUMA = (0.299, 0.587, 0.114)

# JPEG's standard quantisation tables (ITU T.81, Annex K), quality 50.
_Q_LUMA = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
           14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
           49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99]
_Q_CHROMA = [17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99,
             47, 66, 99, 99, 99, 99, 99, 99] + [99] * 32


def _uniform(n, lo, hi, gen, device):
    return torch.rand(n, generator=gen, device=device) * (hi - lo) + lo


def _chance(n, p, gen, device):
    return torch.rand(n, generator=gen, device=device) < p


def affine_theta(n, canonical_fraction, cfg, gen, device):
    """Per-sample 2x3 matrices for F.affine_grid: output square -> jittered, rotated box in the input.

    canonical_fraction is the canonical box's side over the image side (1/context for crop folders). In the
    grid's normalised coordinates the box's half side is its side over the image side, a shift of d pixels is
    2d/W, and a horizontal flip negates the first column.
    """
    side = torch.full((n,), float(canonical_fraction), device=device)
    if cfg["geometry"]:
        scale = _uniform(n, *cfg["scale"], gen, device)
        shift_x = _uniform(n, -cfg["shift"], cfg["shift"], gen, device)
        shift_y = _uniform(n, -cfg["shift"], cfg["shift"], gen, device)
        angle = _uniform(n, -cfg["rotate"], cfg["rotate"], gen, device) * (math.pi / 180.0)
    else:
        scale = torch.ones(n, device=device)
        shift_x = shift_y = angle = torch.zeros(n, device=device)
    k = side * scale
    cos, sin = torch.cos(angle) * k, torch.sin(angle) * k
    flip = torch.ones(n, device=device)
    if cfg["hflip"]:
        flip = torch.where(_chance(n, 0.5, gen, device), -flip, flip)
    theta = torch.stack([torch.stack([cos * flip, -sin, 2 * shift_x * side], 1),
                         torch.stack([sin * flip, cos, 2 * shift_y * side], 1)], 1)
    return theta


def _gray(x):
    w = torch.tensor(_LUMA, device=x.device, dtype=x.dtype).view(1, 3, 1, 1)
    return (x * w).sum(1, keepdim=True)


def _blend(a, b, factor):
    """PIL ImageEnhance: b + factor * (a - b), clipped."""
    return (b + factor.view(-1, 1, 1, 1) * (a - b)).clamp_(0, 1)


def _hue_shift(x, turns):
    """Rotate the hue by `turns` of the colour wheel: a rotation of the chroma plane in YIQ."""
    rgb2yiq = torch.tensor([[0.299, 0.587, 0.114], [0.596, -0.274, -0.322], [0.211, -0.523, 0.312]],
                           device=x.device, dtype=x.dtype)
    yiq2rgb = torch.linalg.inv(rgb2yiq)
    a = turns * 2 * math.pi
    c, s = torch.cos(a), torch.sin(a)
    one, zero = torch.ones_like(a), torch.zeros_like(a)
    rot = torch.stack([torch.stack([one, zero, zero], 1), torch.stack([zero, c, -s], 1),
                       torch.stack([zero, s, c], 1)], 1)
    m = yiq2rgb @ rot @ rgb2yiq  # [B,3,3]
    return torch.einsum("bij,bjhw->bihw", m, x).clamp_(0, 1)


def colour(x, gen):
    n, dev = x.shape[0], x.device
    lo, hi = 1 - COLOR_STRENGTH, 1 + COLOR_STRENGTH
    x = _blend(x, torch.zeros_like(x), _uniform(n, lo, hi, gen, dev))  # brightness
    mean = _gray(x).mean(dim=(1, 2, 3), keepdim=True)
    x = _blend(x, mean.expand_as(x), _uniform(n, lo, hi, gen, dev))  # contrast
    x = _blend(x, _gray(x).expand_as(x), _uniform(n, lo, hi, gen, dev))  # saturation
    return _hue_shift(x, _uniform(n, -HUE, HUE, gen, dev))


def gaussian_blur(x, sigma):
    """Separable Gaussian blur with one sigma per sample (grouped convolution over B*3 channels)."""
    n, c, h, w = x.shape
    radius = int(math.ceil(3 * float(sigma.max())))
    t = torch.arange(-radius, radius + 1, device=x.device, dtype=x.dtype)
    k = torch.exp(-0.5 * (t.view(1, -1) / sigma.view(-1, 1)) ** 2)
    k = (k / k.sum(1, keepdim=True)).repeat_interleave(c, 0)  # [B*3, K]
    y = x.reshape(1, n * c, h, w)
    y = F.conv2d(F.pad(y, (radius, radius, 0, 0), mode="replicate"), k.view(n * c, 1, 1, -1), groups=n * c)
    y = F.conv2d(F.pad(y, (0, 0, radius, radius), mode="replicate"), k.view(n * c, 1, -1, 1), groups=n * c)
    return y.view(n, c, h, w)


def _dct_matrix(device, dtype):
    i = torch.arange(8, device=device, dtype=dtype)
    m = torch.cos((2 * i.view(1, 8) + 1) * i.view(8, 1) * math.pi / 16) * math.sqrt(2 / 8)
    m[0] /= math.sqrt(2)
    return m


def _quant_table(base, quality):
    """libjpeg's quality scaling of a quality-50 table, per sample: [B,8,8]."""
    q = quality.clamp(1, 100)
    s = torch.where(q < 50, 5000 / q, 200 - 2 * q)
    t = torch.tensor(base, device=q.device, dtype=torch.float32).view(1, 8, 8)
    return ((t * s.view(-1, 1, 1) + 50) / 100).floor().clamp(1, 255)


def _dct_quantise(plane, table, d):
    """plane [B,H,W] in 0..255 -> the same after 8x8 DCT, rounding to table steps and the inverse DCT."""
    n, h, w = plane.shape
    blocks = (plane - 128).view(n, h // 8, 8, w // 8, 8).permute(0, 1, 3, 2, 4)
    coef = d @ blocks @ d.T
    tab = table.view(n, 1, 1, 8, 8)
    coef = torch.round(coef / tab) * tab
    out = d.T @ coef @ d
    return out.permute(0, 1, 3, 2, 4).reshape(n, h, w) + 128


def jpeg(x, quality):
    """The lossy steps of a baseline JPEG round trip (YCbCr, 4:2:0 chroma, quantised 8x8 DCT) on [B,3,H,W]
    in 0..1 with H and W multiples of 16; entropy coding is lossless and left out."""
    n, _, h, w = x.shape
    if h % 16 or w % 16:
        raise ValueError("jpeg simulation needs sides that are multiples of 16, got %dx%d" % (h, w))
    rgb = x * 255
    r, g, b = rgb[:, 0], rgb[:, 1], rgb[:, 2]
    y = 0.299 * r + 0.587 * g + 0.114 * b
    cb = -0.168736 * r - 0.331264 * g + 0.5 * b + 128
    cr = 0.5 * r - 0.418688 * g - 0.081312 * b + 128
    d = _dct_matrix(x.device, x.dtype)
    y = _dct_quantise(y, _quant_table(_Q_LUMA, quality), d)
    chroma = F.avg_pool2d(torch.stack([cb, cr], 1), 2)
    qc = _quant_table(_Q_CHROMA, quality)
    chroma = torch.stack([_dct_quantise(chroma[:, i], qc, d) for i in range(2)], 1)
    cb, cr = F.interpolate(chroma, scale_factor=2, mode="bilinear", align_corners=False).unbind(1)
    r = y + 1.402 * (cr - 128)
    g = y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128)
    b = y + 1.772 * (cb - 128)
    return (torch.stack([r, g, b], 1) / 255).clamp_(0, 1)


def random_erase(x, gen):
    """One rectangle of 2-20% of each image filled with uniform noise (as augment.random_erase)."""
    n, _, h, w = x.shape
    dev = x.device
    frac = _uniform(n, *ERASE_AREA, gen, dev)
    ratio = torch.exp(_uniform(n, math.log(ERASE_ASPECT[0]), math.log(ERASE_ASPECT[1]), gen, dev))
    eh = torch.sqrt(frac * h * w * ratio).round().clamp(1, h)
    ew = torch.sqrt(frac * h * w / ratio).round().clamp(1, w)
    top = (torch.rand(n, generator=gen, device=dev) * (h - eh + 1)).floor()
    left = (torch.rand(n, generator=gen, device=dev) * (w - ew + 1)).floor()
    rows = torch.arange(h, device=dev).view(1, h, 1)
    cols = torch.arange(w, device=dev).view(1, 1, w)
    inside = ((rows >= top.view(-1, 1, 1)) & (rows < (top + eh).view(-1, 1, 1))
              & (cols >= left.view(-1, 1, 1)) & (cols < (left + ew).view(-1, 1, 1))).unsqueeze(1)
    noise = torch.rand(x.shape, generator=gen, device=dev, dtype=x.dtype)
    return torch.where(inside, noise, x)


def hide_forearm(x, hands, gen):
    """augment.hide_forearm for a batch: x float [B,3,H,W] in 0..1, hands [B,2] (rotation degrees, hand side
    over crop side; rows with NaN are returned unchanged)."""
    n, _, h, w = x.shape
    dev = x.device
    known = ~torch.isnan(hands).any(1)
    rotation = torch.nan_to_num(hands[:, 0]) * (math.pi / 180.0)
    wrist = torch.nan_to_num(hands[:, 1]) * w / PALM_TO_HAND_SCALE
    limit = -_uniform(n, *FOREARM_CUT, gen, dev) * wrist
    ux, uy = torch.sin(rotation), -torch.cos(rotation)
    ys = torch.arange(h, device=dev, dtype=x.dtype).view(1, h, 1) + 0.5 - h / 2.0
    xs = torch.arange(w, device=dev, dtype=x.dtype).view(1, 1, w) + 0.5 - w / 2.0
    beyond = (xs * ux.view(-1, 1, 1) + ys * uy.view(-1, 1, 1)) < limit.view(-1, 1, 1)
    colour_fill = torch.randint(0, 256, (n, 3, 1, 1), generator=gen, device=dev).to(x.dtype) / 255
    fill = torch.where(_chance(n, P_FOREARM_BLACK, gen, dev).view(-1, 1, 1, 1), torch.zeros_like(colour_fill),
                       colour_fill)
    return torch.where((beyond & known.view(-1, 1, 1)).unsqueeze(1), fill.expand_as(x), x)


def _where(mask, new, old):
    return torch.where(mask.view(-1, 1, 1, 1), new, old)


class BatchAugment:
    """uint8 [B,3,H,W] on any device -> normalised float32 [B,3,S,S], each image changed at random.

    cfg: augment.aug_config(...) (the keys of augment.DEFAULT_AUG). canonical_fraction: the side of the
    canonical hand box over the stored crop's side (1/context). All randomness comes from one torch.Generator
    on the batch's device, so a seed gives the same stream on the same device.
    """

    def __init__(self, size, canonical_fraction, cfg=None, seed=0, device="cpu"):
        self.size = size
        self.canonical_fraction = canonical_fraction
        self.cfg = dict(DEFAULT_AUG if cfg is None else cfg)
        self.gen = torch.Generator(device=device)
        self.gen.manual_seed(seed)
        self.mean = torch.tensor(MEAN, device=device).view(1, 3, 1, 1)
        self.std = torch.tensor(STD, device=device).view(1, 3, 1, 1)

    def geometry(self, x):
        n = x.shape[0]
        theta = affine_theta(n, self.canonical_fraction, self.cfg, self.gen, x.device)
        grid = F.affine_grid(theta, (n, 3, self.size, self.size), align_corners=False)
        return F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)

    def canonical(self, images_uint8):
        """The evaluation view: the canonical box, no jitter, no flip, normalised."""
        n = images_uint8.shape[0]
        side = float(self.canonical_fraction)
        theta = torch.tensor([[side, 0.0, 0.0], [0.0, side, 0.0]], device=images_uint8.device).expand(n, 2, 3)
        grid = F.affine_grid(theta, (n, 3, self.size, self.size), align_corners=False)
        x = F.grid_sample(images_uint8.float().div_(255), grid, mode="bilinear", padding_mode="zeros",
                          align_corners=False)
        return (x - self.mean) / self.std

    def __call__(self, images_uint8, hands=None):
        """hands: [B,2] from CropPack.part_hands, for hiding the forearm (None: never hidden)."""
        cfg, gen = self.cfg, self.gen
        x = images_uint8.float().div_(255)
        if cfg.get("forearm", 0.0) > 0 and hands is not None:
            x = _where(_chance(x.shape[0], cfg["forearm"], gen, x.device), hide_forearm(x, hands, gen), x)
        x = self.geometry(x)
        n, dev = x.shape[0], x.device
        if cfg["color"]:
            x = _where(_chance(n, P_COLOR, gen, dev), colour(x, gen), x)
        if cfg["blur"]:
            x = _where(_chance(n, P_BLUR, gen, dev), gaussian_blur(x, _uniform(n, *BLUR_SIGMA, gen, dev)), x)
        if cfg["jpeg"]:
            quality = torch.randint(JPEG_QUALITY[0], JPEG_QUALITY[1] + 1, (n,), generator=gen, device=dev).float()
            x = _where(_chance(n, P_JPEG, gen, dev), jpeg(x, quality), x)
        if cfg["grayscale"]:
            x = _where(_chance(n, P_GRAY, gen, dev), _gray(x).expand_as(x), x)
        if cfg["gain"]:
            gain = _uniform(n * 3, 1 - GAIN_SPREAD, 1 + GAIN_SPREAD, gen, dev).view(n, 3, 1, 1)
            x = _where(_chance(n, P_GAIN, gen, dev), (x * gain).clamp(0, 1), x)
        if cfg["noise"]:
            sigma = _uniform(n, *NOISE_SIGMA, gen, dev).view(n, 1, 1, 1) / 255
            noisy = (x + torch.randn(x.shape, generator=gen, device=dev) * sigma).clamp(0, 1)
            x = _where(_chance(n, P_NOISE, gen, dev), noisy, x)
        if cfg.get("erase", 0.0) > 0:
            x = _where(_chance(n, cfg["erase"], gen, dev), random_erase(x, gen), x)
        return (x - self.mean) / self.std
