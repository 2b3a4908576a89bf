#!/usr/bin/env python3
"""Pack the train and validation blocks of the hand crops into one file for train_gpu.py.

A GPU machine is reached with a copy of the repository, not of ../shared/data or the crop folders, and the
copy is size-limited; a GPU also trains faster than DataLoader workers decode PNGs. This writes the crops that
train.py would train and validate on (same split, same rows: hand classes where a hand was detected, every
`nothing` row) re-encoded as WebP (quality 90 by default: about 1.8 kB per 160 px crop against 4 kB for JPEG
q90), with the labels, the split and the metadata the checkpoint needs (split and data fingerprints, crop
policy). The test blocks and test-only packs are never packed.

    /usr/bin/python3 training/pack_crops.py --crops-root /work/crops --out gpu/crops.npz
"""
import argparse
import io
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fingerspell_train.constants import LABEL_TO_INDEX, LABELS, REPO_ROOT  # noqa: E402

SPLIT_CODES = {"train": 0, "val": 1}


def encode(path, fmt, quality):
    from PIL import Image
    buf = io.BytesIO()
    options = {"quality": quality, "method": 4} if fmt == "WEBP" else {"quality": quality}
    Image.open(path).convert("RGB").save(buf, fmt, **options)
    return np.frombuffer(buf.getvalue(), dtype=np.uint8)


def pack(rows, out, meta, fmt="WEBP", quality=90, log_every=2000):
    """rows: dicts with path, label, split (train/val). Writes out (.npz) and returns its size in bytes."""
    blobs, labels, splits = [], [], []
    for i, r in enumerate(rows):
        blobs.append(encode(r["path"], fmt, quality))
        labels.append(LABEL_TO_INDEX[r["label"]])
        splits.append(SPLIT_CODES[r["split"]])
        if log_every and (i + 1) % log_every == 0:
            print("packed %d/%d" % (i + 1, len(rows)), flush=True)
    offsets = np.cumsum([0] + [len(b) for b in blobs]).astype(np.int64)
    meta = dict(meta, image_format=fmt, quality=quality)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "wb") as f:
        np.savez(f, blob=np.concatenate(blobs) if blobs else np.zeros(0, np.uint8), offsets=offsets,
                 labels=np.array(labels, np.int16), splits=np.array(splits, np.int8),
                 meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8))
    return os.path.getsize(out)


def main(argv=None):
    import train as train_cli
    from fingerspell_train import data as D
    from fingerspell_train.trainer import train_val_rows, crop_descriptor

    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--crops-root", required=True, help="folder with one `fingerspell crop` output per pack")
    p.add_argument("--out", required=True, help="the .npz to write")
    p.add_argument("--data-root", default=None, help="the packs (default ../shared/data)")
    p.add_argument("--splits-dir", default=None, help="where the split CSV is written (default training/splits)")
    p.add_argument("--format", choices=["WEBP", "JPEG", "PNG"], default="WEBP")
    p.add_argument("--quality", type=int, default=90)
    p.add_argument("--max-train-per-class", type=int, default=0, help="subsample (0: all), for quick checks")
    p.add_argument("--max-val-per-class", type=int, default=0)
    args = p.parse_args(argv)
    passed = ["--crops-root", args.crops_root, "--max-train-per-class", str(args.max_train_per_class),
              "--max-val-per-class", str(args.max_val_per_class)]
    for flag, value in (("--data-root", args.data_root), ("--splits-dir", args.splits_dir)):
        passed += [flag, value] if value else []
    targs = train_cli.parser().parse_args(passed)
    rows, train_rows, val_rows, split_path, split_sha, metas = train_val_rows(targs)
    contexts = {float(r["context"]) for r in train_rows + val_rows}
    if len(contexts) != 1:
        raise SystemExit("crop folders disagree on --context (%s): cut them all with the same policy" % contexts)
    meta = {"labels": LABELS, "packs": targs.packs, "split_file": os.path.relpath(split_path, REPO_ROOT),
            "split_sha256": split_sha, "data_fingerprint": D.data_fingerprint(rows),
            "crop": crop_descriptor(metas), "crop_metas": metas, "context": contexts.pop(),
            "n_train": len(train_rows), "n_val": len(val_rows),
            "max_train_per_class": args.max_train_per_class, "max_val_per_class": args.max_val_per_class}
    size = pack(train_rows + val_rows, args.out, meta, args.format, args.quality)
    print("wrote %s: %d train + %d val crops, %.1f MB" % (args.out, len(train_rows), len(val_rows), size / 1e6))


if __name__ == "__main__":
    main()
