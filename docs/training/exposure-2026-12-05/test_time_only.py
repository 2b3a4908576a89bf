"""The exposure step applied at test time only to a model never trained with it (0.10.1), on validation blocks:

    /usr/bin/python3 docs/training/exposure-2026-12-05/test_time_only.py models/fingerspell.onnx kaggle-train-val,phone-train-val

Crops with landmarks in /work/crops4 (`fingerspell crop`); fused as the app fuses, still images without a hand
classified. Prints the crop classifier alone and fused, without and with backlight_lift."""
import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'training'))
import evaluate  # noqa: E402
from fingerspell_train.evaluation import predict, score  # noqa: E402
from train_landmarks import fused_probabilities, landmark_logits  # noqa: E402


def main():
    onnx, wanted = sys.argv[1], sys.argv[2].split(',')
    torch.set_num_threads(2)
    args = argparse.Namespace(checkpoint=None, onnx=onnx, landmarks=None, landmark_weight=None,
                              data_root=evaluate.DEFAULT_DATA_ROOT, split_file=None, sets=wanted,
                              crops_root='/work/crops4', validation=True)
    model, ck = evaluate.load_model(args)
    net, w = evaluate.landmark_fusion(args, ck)
    sets, _ = evaluate.build_sets(args, ck['meta'])
    for name in wanted:
        rows = sets[name]
        lm = landmark_logits(net, rows)
        for exposure in ('none', 'backlight_lift'):
            pc = predict(model, rows, 160, exposure=exposure)[0]
            for label, p in (('crop', pc), ('fused', fused_probabilities(pc, lm, w))):
                s = score(rows, p, letters_only=name == 'massey', no_hand='classify')
                print('%-18s %-15s %-6s acc %.4f F1 %.4f' % (name, exposure, label, s['accuracy'], s['macro_f1']),
                      flush=True)


if __name__ == '__main__':
    main()
