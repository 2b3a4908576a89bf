"""Three ideas measured and not taken (see README.md here):

    /usr/bin/python3 docs/training/no-hand-stills-2026-12-05/stills_experiments.py tta models/fingerspell.onnx kaggle-train-val,phone-train-val
    /usr/bin/python3 docs/training/no-hand-stills-2026-12-05/stills_experiments.py gate models/fingerspell.onnx kaggle-train-val,phone-train-val
    /usr/bin/python3 docs/training/no-hand-stills-2026-12-05/stills_experiments.py fallback models/fingerspell.onnx DIR

tta: test-time augmentation of the crop (box scaled, mirrored; geometric means). gate: the crop classifier alone
wherever the landmark presence is below t. fallback: on the training packs' images outside the test block where
no palm was found, the landmarks of the frame's centred square (DIR/PACK-fallback-lm.csv, written by
LandmarkFallbackStudy) fused with the crop classifier's reading of it, or not. All fused as the app fuses, still images without a hand classified.
Crops with landmarks in /work/crops4 (`fingerspell crop`)."""
import argparse
import csv
import os
import sys

import cv2
import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'training'))
import evaluate  # noqa: E402
from fingerspell_train import data as D  # noqa: E402
from fingerspell_train.constants import LABEL_TO_INDEX  # noqa: E402
from fingerspell_train.evaluation import predict, score  # noqa: E402
from fingerspell_train.landmarks import parse  # noqa: E402
from fingerspell_train.preprocess import preprocess_bgr  # noqa: E402
from train_landmarks import fused_probabilities, landmark_logits  # noqa: E402


def view(scale, flip):
    def f(img_rgb, context=1.0, hand=None):
        bgr = cv2.cvtColor(img_rgb, cv2.COLOR_RGB2BGR)
        if flip:
            bgr = cv2.flip(bgr, 1)
        return torch.from_numpy(preprocess_bgr(bgr, 160, context / scale))
    return f


def tta(model, rows, lm, w, show):
    views = {'base': (1.0, False), 's1.1': (1.1, False), 's0.9': (0.9, False), 'flip': (1.0, True), 's1.2': (1.2, False)}
    p = {k: predict(model, rows, 160, transform=view(*v))[0] for k, v in views.items()}
    for k in p:
        show(k, fused_probabilities(p[k], lm, w))
    for ks in [('base', 's1.1'), ('base', 's0.9', 's1.1'), ('base', 'flip'), ('base', 's1.1', 'flip'),
               ('base', 's1.1', 's1.2')]:
        mean = np.exp(np.mean([np.log(p[k] + 1e-8) for k in ks], 0))
        show('+'.join(ks), fused_probabilities(mean, lm, w))


def gate(model, rows, lm, w, show):
    pc = predict(model, rows, 160)[0]
    presence = np.array([float(r['landmarks'][-1]) if r.get('landmarks') is not None else -1 for r in rows])
    for t in [0, 0.3, 0.5, 0.7, 0.9]:
        p = fused_probabilities(pc, lm, w)
        low = (presence >= 0) & (presence < t)
        p[low] = pc[low]
        show('crops alone where presence < %.1f' % t, p)


def fallback(model, net, w, folder):
    split = D.read_split(os.path.join(evaluate.REPO_ROOT, 'training', 'splits', 'blocks_88_2_10.csv'))
    for pack in ['kaggle-train', 'phone-train']:
        with open(os.path.join(folder, '%s-fallback-lm.csv' % pack)) as f:
            found = {r['source_file']: r for r in csv.DictReader(f)}
        rows = [dict(r) for r in split if r['pack'] == pack and r['split'] != 'test' and r['file'] in found]
        rows, _ = D.attach_crops(rows, '/work/crops4')
        assert not any(r['detected'] for r in rows), 'expected rows without a palm only'
        for r in rows:
            r['landmarks'] = parse(found[r['file']]['landmark_presence'], found[r['file']]['landmarks'])
        presence = np.array([float(found[r['file']]['landmark_presence']) for r in rows])
        pc = predict(model, rows, 160)[0]
        lm = landmark_logits(net, rows)
        hand = np.array([r['label'] != 'nothing' for r in rows])
        y = np.array([LABEL_TO_INDEX[r['label']] for r in rows])

        def show(label, p):
            right = p.argmax(1) == y
            print('%-12s %-34s hands %d/%d right, nothing scenes %d/%d right'
                  % (pack, label, right[hand].sum(), hand.sum(), right[~hand].sum(), (~hand).sum()))
        show('crop alone (0.10.1)', pc)
        for t in [0.0, 0.3, 0.5, 0.7]:
            p = pc.copy()
            use = presence >= t
            p[use] = fused_probabilities(pc[use], lm[use], w)
            show('fused where presence >= %.1f' % t, p)


def main():
    what, onnx = sys.argv[1], sys.argv[2]
    torch.set_num_threads(2)
    wanted = sys.argv[3].split(',') if what != 'fallback' else []
    args = argparse.Namespace(checkpoint=None, onnx=onnx, landmarks=None, landmark_weight=None,
                              data_root=evaluate.DEFAULT_DATA_ROOT, split_file=None, sets=wanted,
                              crops_root='/work/crops4', validation=True)
    model, ck = evaluate.load_model(args)
    net, w = evaluate.landmark_fusion(args, ck)
    if what == 'fallback':
        fallback(model, net, w, sys.argv[3])
        return
    sets, _ = evaluate.build_sets(args, ck['meta'])
    for name in wanted:
        rows = sets[name]

        def show(label, p):
            s = score(rows, p, letters_only=name == 'massey', no_hand='classify')
            print('%-22s %-36s acc %.4f F1 %.4f' % (name, label, s['accuracy'], s['macro_f1']), flush=True)
        {'tta': tta, 'gate': gate}[what](model, rows, landmark_logits(net, rows), w, show)


if __name__ == '__main__':
    main()
