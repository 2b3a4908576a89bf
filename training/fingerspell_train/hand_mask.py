"""Hand masks for training crops, drawn from the app's landmarks and refined by GrabCut.

The masks only feed augmentations (background replacement, backlight): the crop itself still comes from
`fingerspell crop`, so train-time and run-time crops stay one implementation. A mask is made only where the
landmark model was sure of the hand (presence >= MIN_PRESENCE); elsewhere the crop trains without one.
"""
import math

import numpy as np

MIN_PRESENCE = 0.5
FINGERS = ((0, 1, 2, 3, 4), (5, 6, 7, 8), (9, 10, 11, 12), (13, 14, 15, 16), (17, 18, 19, 20))
PALM = (0, 1, 2, 5, 9, 13, 17)
# Finger width as a fraction of the palm length (wrist to middle-finger knuckle), measured by eye on kaggle and
# phone crops with the skeleton drawn over them (preview_masks in make_masks.py); the thumb is a little wider.
FINGER_WIDTH = 0.24
FOREARM_WIDTH = 0.85
# GrabCut must stay near the skeleton: a result outside these area ratios to the drawn mask means it followed the
# background (a wall the colour of skin) and the drawn mask is kept instead.
AREA_RATIO = (0.6, 1.8)
GRABCUT_ITERATIONS = 4


def crop_points(landmarks_xyz, center, side, context, size):
    """The 21 landmarks (frame pixels, flat x y z) in the pixels of a crop PNG of `size` px that covers a square of
    side `side * context` around `center` (crops made without rotation)."""
    pts = np.asarray(landmarks_xyz, dtype=np.float64).reshape(21, 3)[:, :2]
    full = side * context
    origin = np.array([center[0] - full / 2.0, center[1] - full / 2.0])
    return (pts - origin) * (size / full)


def _palm_length(points):
    return float(np.linalg.norm(points[9] - points[0]))


def skeleton_mask(points, size, width_scale=1.0):
    """Palm polygon, thick finger bones with round joints, and the forearm beyond the wrist (uint8 0/255)."""
    import cv2
    mask = np.zeros((size, size), np.uint8)
    palm = _palm_length(points)
    width = max(2, int(round(FINGER_WIDTH * palm * width_scale)))
    hull = cv2.convexHull(np.round(points[list(PALM)]).astype(np.int32))
    cv2.fillConvexPoly(mask, hull, 255)
    for chain in FINGERS:
        w = int(round(width * (1.15 if chain[0] == 0 else 1.0)))
        for a, b in zip(chain, chain[1:]):
            pa, pb = tuple(int(round(v)) for v in points[a]), tuple(int(round(v)) for v in points[b])
            cv2.line(mask, pa, pb, 255, w, cv2.LINE_AA)
            cv2.circle(mask, pb, w // 2, 255, -1, cv2.LINE_AA)
    direction = points[0] - points[9]
    norm = np.linalg.norm(direction)
    if norm > 1e-6:
        # the forearm: from the wrist away from the fingers, out of the crop
        end = points[0] + direction / norm * size * 2
        arm = int(round(FOREARM_WIDTH * palm * width_scale))
        cv2.line(mask, tuple(int(round(v)) for v in points[0]), tuple(int(round(v)) for v in end), 255,
                 max(2, arm), cv2.LINE_AA)
    return np.where(mask > 127, 255, 0).astype(np.uint8)


def refine(image_rgb, points):
    """(mask uint8 0/255, method): GrabCut seeded by the skeleton, or the skeleton itself when GrabCut strays."""
    import cv2
    size = image_rgb.shape[0]
    drawn = skeleton_mask(points, size)
    core = skeleton_mask(points, size, width_scale=0.35)
    wide = skeleton_mask(points, size, width_scale=2.2)
    seed = np.full((size, size), cv2.GC_BGD, np.uint8)
    seed[wide > 0] = cv2.GC_PR_BGD
    seed[drawn > 0] = cv2.GC_PR_FGD
    seed[core > 0] = cv2.GC_FGD
    if not (seed == cv2.GC_BGD).any() or not (seed == cv2.GC_FGD).any():
        return drawn, "skeleton"
    bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
    bgr = np.ascontiguousarray(image_rgb[:, :, ::-1])
    try:
        cv2.grabCut(bgr, seed, None, bgd, fgd, GRABCUT_ITERATIONS, cv2.GC_INIT_WITH_MASK)
    except cv2.error:
        return drawn, "skeleton"
    cut = np.where((seed == cv2.GC_FGD) | (seed == cv2.GC_PR_FGD), 255, 0).astype(np.uint8)
    ratio = cut.sum() / max(1.0, float(drawn.sum()))
    if not AREA_RATIO[0] <= ratio <= AREA_RATIO[1]:
        return drawn, "skeleton"
    # keep the component(s) touching the sure-hand core: GrabCut can add islands of skin-coloured background
    count, labels = cv2.connectedComponents(cut)
    keep = np.unique(labels[(core > 0) & (cut > 0)])
    keep = keep[keep > 0]
    cut = np.where(np.isin(labels, keep), 255, 0).astype(np.uint8)
    return cut, "grabcut"


def feather(mask, rng_radius=1.0):
    """Mask as float alpha 0..1 with a soft edge of about `rng_radius` pixels."""
    import cv2
    alpha = mask.astype(np.float32) / 255.0
    if rng_radius > 0:
        k = max(3, int(math.ceil(rng_radius * 3)) | 1)
        alpha = cv2.GaussianBlur(alpha, (k, k), rng_radius)
    return alpha
