#!/usr/bin/env python3
"""Train the Fingerspell ResNet-18 (S-A, from scratch) on a GPU from a crop pack (pack_crops.py).

The whole pack is decoded once into device memory and augmented there, batch by batch, with the ranges of
train.py's augmentations (fingerspell_train/batch_augment.py); mixed precision (bf16), an EMA of the weights,
learning rate annealed over --time-budget-min of training time. Writes the same run folder as train.py
(best.pt, last.pt, history.csv, run.json), read by evaluate.py, export.py and average_weights.py.
Needs PyTorch >= 1.13; runs on the CPU too (--device cpu), slowly, for checks.

    python3 training/train_gpu.py --pack gpu/crops.npz --out training/runs/NAME --time-budget-min 6
"""
import argparse
import os
import shlex
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fingerspell_train.augment import add_flags  # noqa: E402


def parser():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--pack", required=True, help="crops packed by pack_crops.py")
    p.add_argument("--out", required=True, help="run folder")
    p.add_argument("--device", default="cuda")
    p.add_argument("--packs", nargs="+", default=None,
                   help="train and validate on these packs of the pack file only (default: all it holds)")
    p.add_argument("--test-pack", default=None,
                   help="test sets packed by pack_crops.py --test-sets: the best weights are scored on them at "
                        "the end (<out>/eval.json); they never choose anything")
    p.add_argument("--size", type=int, choices=[112, 160, 224], default=160)
    p.add_argument("--batch-size", type=int, default=256)
    p.add_argument("--optimizer", choices=["adam", "adamw"], default="adam")
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--warmup-epochs", type=float, default=2.0)
    p.add_argument("--time-budget-min", type=float, required=True,
                   help="training time the learning rate anneals over; the run stops when it is spent")
    p.add_argument("--max-epochs", type=int, default=10000)
    p.add_argument("--ema", type=float, default=0.998, help="EMA decay per step (0: off)")
    p.add_argument("--cutmix", type=float, default=0.0, help="probability of CutMix per batch (0: off)")
    p.add_argument("--no-amp", dest="amp", action="store_false", help="float32 on the GPU")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=8, help="decoding threads")
    p.add_argument("--log-every", type=int, default=50, help="progress line every N batches")
    p.add_argument("--checkpoint-every", type=int, default=5, help="last.pt every N epochs (0: never)")
    p.add_argument("--resume", action="store_true", help="continue from <out>/last.pt")
    add_flags(p)
    return p


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    args = parser().parse_args(argv)
    command = "python3 training/train_gpu.py " + " ".join(shlex.quote(a) for a in argv)
    from fingerspell_train.batch_trainer import train
    train(args, command)


if __name__ == "__main__":
    main()
