#!/usr/bin/python3
"""Writes the exposure-step cases the Java test (ExposureLiftParityTest) checks against this side's lift_gamma.

Each case is a small synthetic RGB crop (PNG, lossless) with the gamma that preprocess.lift_gamma gives it and the
lifted image; the Java side must reach the same gamma and the same bytes.
Run: /usr/bin/python3 training/make_exposure_fixtures.py
"""
import json
import os
import sys

import cv2
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fingerspell_train.preprocess import apply_exposure, lift_gamma  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "exposure")
SIDE = 48


def scene(rng, level, spread=12):
    return np.clip(rng.normal(level, spread, (SIDE, SIDE, 3)), 0, 255)


def with_hand(img, rng, level, spread=10):
    """A hand-shaped dark or bright blob in the middle: palm plus two fingers."""
    out = img.copy()
    yy, xx = np.mgrid[0:SIDE, 0:SIDE]
    palm = ((yy - 30) / 12.0) ** 2 + ((xx - 24) / 10.0) ** 2 <= 1
    fingers = ((abs(xx - 20) <= 2) | (abs(xx - 28) <= 2)) & (yy >= 8) & (yy <= 30)
    hand = palm | fingers
    out[hand] = np.clip(rng.normal(level, spread, (int(hand.sum()), 3)) * np.array([1.0, 0.85, 0.75]), 1, 255)
    return out


def cases():
    rng = np.random.default_rng(7)
    backlit = with_hand(scene(rng, 235), rng, 25)
    yield "backlit", backlit, "a dark hand before a bright window: lifted"
    padded = backlit.copy()
    padded[:, :14] = 0
    padded[:10, :] = 0
    yield "backlit_padded", padded, "the same with the crop box leaving the frame (pure black padding): still lifted"
    yield "very_dark_hand", with_hand(scene(rng, 250, 3), rng, 3, 2), "a nearly black hand: gamma at its floor 1/3"
    yield "bright_hand_on_black", with_hand(np.zeros((SIDE, SIDE, 3)) + rng.integers(0, 3, (SIDE, SIDE, 3)), rng, 190), \
        "a lit hand segmented on black (massey-like): untouched"
    yield "dim_room", with_hand(scene(rng, 60), rng, 35), "a dark hand in a dim room: untouched"
    yield "lit_room", with_hand(scene(rng, 150, 30), rng, 140), "an ordinary lit hand: untouched"
    half = with_hand(scene(rng, 110, 20), rng, 40)
    half[:16] = scene(rng, 245, 4)[:16]
    yield "window_above_table", half, "a window over a darker table behind a dark hand: lifted when the upper quartile is bright"
    mostly_padding = np.zeros((SIDE, SIDE, 3))
    mostly_padding[20:28, 20:28] = backlit[20:28, 20:28]
    yield "mostly_padding", mostly_padding, "almost all padding: too little scene to judge, untouched"


def main():
    os.makedirs(OUT, exist_ok=True)
    index = []
    for name, img, why in cases():
        rgb = np.round(img).astype(np.uint8)
        g = lift_gamma(rgb)
        lifted = apply_exposure(rgb, "backlight_lift")
        cv2.imwrite(os.path.join(OUT, name + ".png"), cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR))
        cv2.imwrite(os.path.join(OUT, name + ".lifted.png"), cv2.cvtColor(lifted, cv2.COLOR_RGB2BGR))
        index.append({"name": name, "gamma": g, "lifted": bool(g != 1.0), "why": why})
        print("%-22s gamma %.4f" % (name, g))
    with open(os.path.join(OUT, "cases.json"), "w") as f:
        json.dump({"note": "written by training/make_exposure_fixtures.py", "cases": index}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
