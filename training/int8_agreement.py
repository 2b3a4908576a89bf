#!/usr/bin/env python3
"""fp32 against int8 on every test set, in ONNX Runtime on the app's crops: accuracy and macro-F1 of each, the
share of images with the same top-1, and how far the probabilities move (largest and mean per-image maximum).
Needs onnxruntime, which /usr/bin/python3 lacks: run it from the venv that quantize.py's docstring sets up.

    /work/venv-ort/bin/python training/int8_agreement.py --crops-root /work/crops
"""
import argparse
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fingerspell_train.constants import DEFAULT_DATA_ROOT, MODELS_DIR, REPO_ROOT  # noqa: E402


def softmax(logits):
    p = np.exp(logits - logits.max(1, keepdims=True))
    return p / p.sum(1, keepdims=True)


def main(argv=None):
    import onnxruntime as ort
    import evaluate
    from fingerspell_train.evaluation import score, stills_no_hand
    from fingerspell_train.preprocess import preprocess_path

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--fp32", default=os.path.join(MODELS_DIR, "fingerspell.onnx"))
    p.add_argument("--int8", default=os.path.join(MODELS_DIR, "fingerspell-int8.onnx"))
    p.add_argument("--crops-root", required=True, help="`fingerspell crop` folders of every pack")
    p.add_argument("--data-root", default=DEFAULT_DATA_ROOT)
    p.add_argument("--split-file", default=os.path.join(REPO_ROOT, "training", "splits", "blocks_80_10_10.csv"))
    p.add_argument("--size", type=int, default=160)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args(argv)
    with open(os.path.splitext(args.fp32)[0] + ".json") as f:
        fp32 = json.load(f)
    no_hand, exposure = stills_no_hand(fp32.get("crop")), fp32["input"].get("exposure")
    options = ort.SessionOptions()
    options.intra_op_num_threads = args.threads
    sessions = [ort.InferenceSession(m, options, providers=["CPUExecutionProvider"]) for m in (args.fp32, args.int8)]
    sets, _, _ = evaluate.build_sets(argparse.Namespace(data_root=args.data_root, split_file=args.split_file, sets=None,
                                                     crops_root=args.crops_root), {})
    print("| test set | n | fp32 acc / F1 | int8 acc / F1 | same top-1 | max \\|Δp\\| | mean per-image max \\|Δp\\| |")
    print("|---|---|---|---|---|---|---|")
    for name in [s for s in evaluate.SET_ORDER if s in sets]:
        rows = sets[name]
        x = np.stack([preprocess_path(r["path"], args.size, context=r["context"], exposure=exposure)
                      for r in rows]).astype(np.float32)
        probs = [softmax(np.concatenate([s.run(["logits"], {"input": x[i:i + 64]})[0]
                                         for i in range(0, len(x), 64)])) for s in sessions]
        scores = [score(rows, pr, letters_only=name == "massey", no_hand=no_hand) for pr in probs]
        moved = np.abs(probs[0] - probs[1]).max(1)
        print("| %s | %d | %.4f / %.4f | %.4f / %.4f | %.4f | %.3f | %.4f |" % (
            name, len(rows), scores[0]["accuracy"], scores[0]["macro_f1"], scores[1]["accuracy"],
            scores[1]["macro_f1"], (probs[0].argmax(1) == probs[1].argmax(1)).mean(), moved.max(), moved.mean()),
            flush=True)


if __name__ == "__main__":
    main()
