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

from fingerspell_train.constants import (LABEL_TO_INDEX, LABELS, REPO_ROOT, DEFAULT_DATA_ROOT,  # noqa: E402
                                         SPLITS_DIR)

SPLIT_CODES = {"train": 0, "val": 1, "test": 2}


def encode(path, fmt, quality):
    from PIL import Image
    buf = io.BytesIO()
    options = {"quality": quality, "method": 4} if fmt == "WEBP" else {"quality": quality}
    Image.open(path).convert("RGB").save(buf, fmt, **options)
    return np.frombuffer(buf.getvalue(), dtype=np.uint8)


def pack(rows, out, meta, fmt="WEBP", quality=90, log_every=2000):
    """rows: dicts with path, label, split (train/val/test), source (a pack or test-set name), detected, and
    hand (data.attach_crops: the hand's rotation and side fraction, or None).

    Writes out (.npz: the encoded images end to end with their offsets, labels, split codes, source indices into
    meta["sources"], detected flags, hands [N,2] with NaN where unknown, meta as JSON) and returns its size in
    bytes."""
    sources = sorted({r["source"] for r in rows})
    blobs = []
    for i, r in enumerate(rows):
        blobs.append(encode(r["path"], fmt, quality))
        if log_every and (i + 1) % log_every == 0:
            print("packed %d/%d" % (i + 1, len(rows)), flush=True)
    offsets = np.cumsum([0] + [len(b) for b in blobs]).astype(np.int64)
    meta = dict(meta, image_format=fmt, quality=quality, sources=sources, files=[r["file"] for r in rows])
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "wb") as f:
        np.savez(f, blob=np.concatenate(blobs) if blobs else np.zeros(0, np.uint8), offsets=offsets,
                 labels=np.array([LABEL_TO_INDEX[r["label"]] for r in rows], np.int16),
                 splits=np.array([SPLIT_CODES[r["split"]] for r in rows], np.int8),
                 sources=np.array([sources.index(r["source"]) for r in rows], np.int16),
                 detected=np.array([bool(r.get("detected", True)) for r in rows], np.bool_),
                hands=np.array([r.get("hand") or (np.nan, np.nan) for r in rows], np.float32).reshape(-1, 2),
                 meta=np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8))
    return os.path.getsize(out)


def test_rows(args):
    """Every test set of evaluate.py on the crops, each row's source its set's name."""
    import evaluate
    sets, split_file, _ = evaluate.build_sets(argparse.Namespace(
        data_root=args.data_root or DEFAULT_DATA_ROOT, split_file=None, sets=None, crops_root=args.crops_root),
        {"split_file": os.path.relpath(os.path.join(args.splits_dir or SPLITS_DIR, "blocks_80_10_10.csv"),
                                       REPO_ROOT)})
    return [dict(r, split="test", source=name) for name in evaluate.SET_ORDER for r in sets.get(name, [])]


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
    p.add_argument("--test-sets", action="store_true",
                   help="pack the test sets instead (kaggle-test, both held-out blocks, massey) for scoring on the "
                        "training device (train_gpu.py --test-pack); never trained on")
    args = p.parse_args(argv)
    if args.test_sets:
        rows = test_rows(args)
        size = pack(rows, args.out, {"labels": LABELS, "letters_only": ["massey"],
                                     "context": float(rows[0]["context"]) if rows else 1.0}, args.format, args.quality)
        print("wrote %s: %d test crops, %.1f MB" % (args.out, len(rows), size / 1e6))
        return
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
    size = pack([dict(r, source=r["pack"]) for r in train_rows + val_rows], args.out, meta, args.format, args.quality)
    print("wrote %s: %d train + %d val crops, %.1f MB" % (args.out, len(train_rows), len(val_rows), size / 1e6))


if __name__ == "__main__":
    main()
