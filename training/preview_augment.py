#!/usr/bin/env python3
"""A contact sheet of training crops as the trainer sees them: each row one crop, its canonical view, then
VIEWS augmented draws with the flags train.py takes. Look at it before a long run: a wrong flag shows here in
seconds, not in a test score hours later.

    /usr/bin/python3 training/preview_augment.py --crops-root /work/crops --out /tmp/aug.png --hide-forearm 1
"""
import argparse
import os
import random
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fingerspell_train.augment import TrainTransform, add_flags, add_mask_flags, config_from_args  # noqa: E402
from fingerspell_train.data import load_mask  # noqa: E402
from fingerspell_train.constants import MEAN, STD  # noqa: E402


def to_uint8(x):
    """Normalised CHW tensor -> HWC uint8 RGB."""
    arr = x.numpy().transpose(1, 2, 0) * np.array(STD) + np.array(MEAN)
    return (np.clip(arr, 0, 1) * 255).round().astype(np.uint8)


def sheet(rows, transform, canonical, views):
    from fingerspell_train.preprocess import load_rgb
    lines = []
    for r in rows:
        img = load_rgb(r["path"])
        tiles = [to_uint8(canonical(img, r["context"]))]
        mask = load_mask(r)
        tiles += [to_uint8(transform(img, r["context"], r.get("hand"), mask)) for _ in range(views)]
        lines.append(np.hstack(tiles))
    return np.vstack(lines)


def main(argv=None):
    import cv2
    import train as train_cli
    from fingerspell_train.preprocess import eval_transform
    from fingerspell_train.trainer import train_val_rows

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--crops-root", required=True)
    p.add_argument("--data-root", default=None)
    p.add_argument("--splits-dir", default=None, help="where the split CSV is (re)written (default training/splits)")
    p.add_argument("--out", required=True, help="PNG to write")
    p.add_argument("--rows", type=int, default=8, help="crops, drawn at random from the training rows")
    p.add_argument("--views", type=int, default=6, help="augmented draws per crop")
    p.add_argument("--size", type=int, default=160)
    p.add_argument("--seed", type=int, default=0)
    add_flags(p)
    add_mask_flags(p)
    args = p.parse_args(argv)
    passed = ["--crops-root", args.crops_root]
    for flag, value in (("--data-root", args.data_root), ("--splits-dir", args.splits_dir),
                        ("--masks-root", args.masks_root)):
        passed += [flag, value] if value else []
    _, train_rows, _, _, _, _ = train_val_rows(train_cli.parser().parse_args(passed))
    picked = random.Random(args.seed).sample(train_rows, min(args.rows, len(train_rows)))
    image = sheet(picked, TrainTransform(args.size, config_from_args(args), seed=args.seed),
                  eval_transform(args.size), args.views)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    if not cv2.imwrite(args.out, cv2.cvtColor(image, cv2.COLOR_RGB2BGR)):
        raise SystemExit("cannot write %s" % args.out)
    print("wrote %s: %d crops x (canonical + %d augmented views)" % (args.out, len(picked), args.views))


if __name__ == "__main__":
    main()
