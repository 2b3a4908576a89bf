#!/usr/bin/env python3
"""Writes a folder-per-class tree of symlinks to one pack's held-out rows (split=test) of the split file, so
`fingerspell eval` scores the same held-out block that training/evaluate.py does:

    /usr/bin/python3 training/link_heldout.py --pack kaggle-train --out /tmp/kaggle-train-heldout
    java -jar target/fingerspell.jar eval /tmp/kaggle-train-heldout
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fingerspell_train import data as D  # noqa: E402
from fingerspell_train.constants import DEFAULT_DATA_ROOT, SPLITS_DIR, TRAIN_PACKS  # noqa: E402
from fingerspell_train.links import link_tree, split_block  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--pack", required=True, choices=TRAIN_PACKS, help="training pack whose held-out block to link")
    p.add_argument("--out", required=True, help="folder for the tree (created; <out>/<class>/<file>)")
    p.add_argument("--split", default="test", choices=["train", "val", "test"],
                   help="block of the split file (default: test, the held-out block)")
    p.add_argument("--split-file", default=os.path.join(SPLITS_DIR, "blocks_80_10_10.csv"))
    p.add_argument("--data-root", default=DEFAULT_DATA_ROOT)
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    D.require_data_root(args.data_root, [args.pack])
    rows = split_block(D.read_split(args.split_file), args.pack, args.split)
    if not rows:
        raise SystemExit("no %s rows of %s in %s" % (args.split, args.pack, args.split_file))
    counts = link_tree(rows, args.data_root, args.out)
    print("%d links in %d classes -> %s" % (sum(counts.values()), len(counts), args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
