"""Where the exposure step fired on a held-out set, and how the Java predictions of two models compare there:

    /usr/bin/python3 docs/training/exposure-2026-12-05/where_it_fired.py /work/crops4/kaggle-train \
        /work/rep/ns-kaggle-train-heldout/predictions.csv /work/rep/lift-kaggle-train-heldout/predictions.csv

The gamma is computed on the `fingerspell crop` crop of each image (the crop the Java eval cuts), resized to 160 px;
images without a crop (no hand found) are the centred square of the frame, as still images are read."""
import csv
import os
import sys

import cv2

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'training'))
from fingerspell_train import data as D  # noqa: E402
from fingerspell_train.preprocess import centre_square, lift_gamma, load_rgb  # noqa: E402


def main():
    crops_dir, before_csv, after_csv = sys.argv[1:4]
    found, meta = D.read_crop_folder(crops_dir)
    context = float(meta.get('context', 1.0))
    # crops are PNGs named after their source image (A/A10.jpg -> A/A10.png)
    by_name = {os.path.splitext(os.path.basename(r['file']))[0]: r for r in found}
    before = {os.path.basename(r['file']): r for r in csv.DictReader(open(before_csv))}
    after = {os.path.basename(r['file']): r for r in csv.DictReader(open(after_csv))}
    groups = {}
    for name, b in before.items():
        a = after[name]
        crop = by_name.get(os.path.splitext(name)[0])
        if crop is not None and crop['detected']:
            img = centre_square(load_rgb(os.path.join(crops_dir, crop['file'])), context)
        else:
            img = centre_square(load_rgb(b['file']))
        g = lift_gamma(cv2.resize(img, (160, 160), interpolation=cv2.INTER_AREA))
        key = 'lifted' if g < 1.0 else 'left alone'
        n, rb, ra = groups.get(key, (0, 0, 0))
        groups[key] = (n + 1, rb + (b['correct'] == 'true'), ra + (a['correct'] == 'true'))
    print('| crops | n | right before | right after |')
    print('|---|---|---|---|')
    for key, (n, rb, ra) in sorted(groups.items()):
        print('| %s | %d | %d (%.3f) | %d (%.3f) |' % (key, n, rb, rb / n, ra, ra / n))


if __name__ == '__main__':
    main()
