"""What a left-handed signer gets without the Signing hand setting: each test set's crops mirrored (a left hand)
and read as they are, against the crops as they are (a right hand, or a left hand read with Signing hand: Left,
which mirrors the frame back first: HandedReaderTest shows the two readings are identical). Crop classifier alone.

    /usr/bin/python3 docs/training/noflip-2026-12-05/left_hands.py MODEL.onnx [MODEL.onnx ...]

Crops in /work/crops4 (`fingerspell crop`)."""
import argparse
import os
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'training'))
import evaluate  # noqa: E402
from fingerspell_train.evaluation import predict, score  # noqa: E402
from fingerspell_train.preprocess import eval_transform  # noqa: E402

SETS = ['kaggle-test', 'kaggle-train-heldout', 'phone-train-heldout', 'massey']


def main():
    torch.set_num_threads(2)
    for onnx in sys.argv[1:]:
        args = argparse.Namespace(checkpoint=None, onnx=onnx, landmarks=None, landmark_weight=None,
                                  data_root=evaluate.DEFAULT_DATA_ROOT, split_file=None, sets=SETS,
                                  crops_root='/work/crops4', validation=False)
        model, ck = evaluate.load_model(args)
        exposure = ck['meta'].get('exposure')
        plain = eval_transform(160, exposure)
        mirrored = lambda *a: torch.flip(plain(*a), [2])  # noqa: E731
        sets, _ = evaluate.build_sets(args, ck['meta'])
        for name in SETS:
            for hand, transform in (('right hand', plain), ('left hand, read as is', mirrored)):
                s = score(sets[name], predict(model, sets[name], 160, transform=transform)[0],
                          letters_only=name == 'massey', no_hand='classify')
                print('%-32s %-22s %-24s acc %.4f F1 %.4f' % (os.path.basename(os.path.dirname(os.path.abspath(onnx)))
                      + '/' + os.path.basename(onnx), name, hand, s['accuracy'], s['macro_f1']), flush=True)


if __name__ == '__main__':
    main()
