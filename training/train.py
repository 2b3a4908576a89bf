#!/usr/bin/env python3
"""Train a Fingerspell ResNet-18. Run with /usr/bin/python3 (see training/README.md)."""
import argparse
import os
import shlex
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fingerspell_train.constants import DEFAULT_DATA_ROOT, TRAIN_PACKS, TRAINING_DIR  # noqa: E402
from fingerspell_train.augment import add_flags, add_mask_flags  # noqa: E402
from fingerspell_train.model import CONFIGS  # noqa: E402


def parser():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--name", default="fingerspell", help="run name (default out dir training/runs/<name>)")
    p.add_argument("--out", default=None, help="run folder (checkpoints, history.csv, log)")
    p.add_argument("--data-root", default=DEFAULT_DATA_ROOT)
    p.add_argument("--crops-root", default=None,
                   help="folder with one `fingerspell crop` output per pack (DIR/kaggle-train, ...): train on hand crops")
    p.add_argument("--packs", nargs="+", default=list(TRAIN_PACKS))
    p.add_argument("--split-name", default="blocks_80_10_10", help="training/splits/<name>.csv")
    p.add_argument("--splits-dir", default=None, help="where the split CSV goes (default training/splits)")
    p.add_argument("--config", choices=sorted(CONFIGS), default="S-A")
    p.add_argument("--weights", default=None, help="torchvision ResNet-18 ImageNet state dict (T-A/T-B/T-C)")
    p.add_argument("--init-checkpoint", default=None, help="start from this checkpoint's model (T-C: a T-B best.pt)")
    p.add_argument("--init-onnx", default=None,
                   help="start from an exported Fingerspell model (models/fingerspell.onnx): its weights, "
                        "with BatchNorm re-calibrated on training batches (S-A fine-tuning of a committed model)")
    p.add_argument("--size", type=int, choices=[112, 160, 224], default=112)
    p.add_argument("--epochs", type=int, default=3)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--lr-unfrozen", type=float, default=5e-4, help="lr of layer3 in T-C")
    p.add_argument("--weight-decay", type=float, default=1e-4)
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--schedule", choices=["cosine", "cosine-time", "onecycle", "constant"], default="cosine")
    p.add_argument("--warmup-epochs", type=float, default=0.2)
    p.add_argument("--patience", type=int, default=3, help="early stopping on val macro-F1")
    p.add_argument("--time-budget-min", type=float, default=0,
                   help="stop after the epoch when the next one would exceed this many minutes (0: off)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-train-per-class", type=int, default=0, help="subsample train rows per class (0: all)")
    p.add_argument("--max-val-per-class", type=int, default=0)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--log-every", type=int, default=20, help="progress line every N batches")
    p.add_argument("--resume", action="store_true", help="continue from <out>/last.pt")
    p.add_argument("--keep-epochs", action="store_true",
                   help="also keep the weights after every epoch (<out>/epoch-NN.pt) for average_weights.py")
    add_flags(p)
    add_mask_flags(p)
    return p


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    args = parser().parse_args(argv)
    if args.out is None:
        args.out = os.path.join(TRAINING_DIR, "runs", args.name)
    command = "/usr/bin/python3 training/train.py " + " ".join(shlex.quote(a) for a in argv)
    from fingerspell_train.trainer import train
    train(args, command)


if __name__ == "__main__":
    main()
