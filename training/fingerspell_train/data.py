"""Packs, crop folders, run-based splits and datasets."""
import csv
import hashlib
import json
import os
import re
import sys
from collections import defaultdict

import numpy as np

from .constants import LABELS, LABEL_TO_INDEX, TRAIN_PACKS, SPLITS_DIR
from .landmarks import parse as parse_landmarks

SPLIT_FRACTIONS = (0.8, 0.1, 0.1)
_NUM_RE = re.compile(r"(\d+)")


class DataMissing(SystemExit):
    pass


def require_data_root(data_root, packs=()):
    """Exit with a clear message when the data folder (or a pack) is absent."""
    if not os.path.isdir(data_root):
        raise DataMissing(
            "data root %r not found: pass --data-root pointing at the folder holding the packs "
            "(kaggle-train, phone-train, kaggle-test, massey); default is ../shared/data from the repo root"
            % data_root)
    for p in packs:
        if not os.path.isfile(os.path.join(data_root, p, "index.csv")):
            raise DataMissing("pack %r missing under %r (no %s/index.csv)" % (p, data_root, p))


def frame_number(file):
    """Number in the file name: 'A/A1005.jpg' -> 1005, 'A/37.jpg' -> 37."""
    base = os.path.splitext(os.path.basename(file))[0]
    m = _NUM_RE.findall(base)
    if not m:
        raise ValueError("no frame number in file name %r" % file)
    return int(m[-1])


def read_index(data_root, pack):
    """Rows of <pack>/index.csv as dicts with pack,label,file,sha256_16."""
    path = os.path.join(data_root, pack, "index.csv")
    rows = []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if r["label"] not in LABEL_TO_INDEX:
                raise ValueError("unknown label %r in %s" % (r["label"], path))
            rows.append({"pack": pack, "label": r["label"], "file": r["file"],
                         "sha256_16": r.get("sha256_16", "")})
    return rows


def split_rows(rows, fractions=SPLIT_FRACTIONS):
    """Assign train/val/test per (pack, class) by blocks of the frame-number range.

    Files are sorted by the number in their name; the first 80% of the range
    [min, max] is train, the next 10% validation, the last 10% test. Each split
    is therefore one contiguous block of frame numbers per class, so no run of
    neighbouring video frames crosses two splits.
    """
    groups = defaultdict(list)
    for r in rows:
        groups[(r["pack"], r["label"])].append(r)
    out = []
    for key in sorted(groups):
        g = sorted(groups[key], key=lambda r: (frame_number(r["file"]), r["file"]))
        nums = [frame_number(r["file"]) for r in g]
        lo, hi = nums[0], nums[-1]
        span = hi - lo + 1
        a = lo + fractions[0] * span
        b = lo + (fractions[0] + fractions[1]) * span
        for r, n in zip(g, nums):
            s = "train" if n < a else ("val" if n < b else "test")
            out.append(dict(r, split=s))
    return out


def write_split(rows, path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    rows = sorted(rows, key=lambda r: (r["pack"], r["label"], frame_number(r["file"]), r["file"]))
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["pack", "file", "label", "split"])
        for r in rows:
            w.writerow([r["pack"], r["file"], r["label"], r["split"]])
    return sha256_file(path)


def read_split(path):
    with open(path, newline="") as f:
        return [dict(r) for r in csv.DictReader(f)]


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def data_fingerprint(rows):
    """sha256 over the sorted (pack,file,sha256_16) rows used."""
    h = hashlib.sha256()
    for t in sorted((r["pack"], r["file"], r.get("sha256_16", "")) for r in rows):
        h.update(("%s,%s,%s\n" % t).encode("utf-8"))
    return h.hexdigest()


def split_fractions(name):
    """The train/val/test fractions a split's name gives: 'blocks_85_5_10' -> (0.85, 0.05, 0.10).

    The test block is the last fraction of each class's frame range, so splits that end in the same test
    percentage hold out exactly the same frames and differ only in where training stops and validation begins.
    """
    m = re.fullmatch(r"blocks_(\d+)_(\d+)_(\d+)", name)
    if not m:
        raise ValueError("split name %r is not blocks_<train>_<val>_<test> (percentages)" % name)
    parts = [int(v) for v in m.groups()]
    if sum(parts) != 100 or min(parts) <= 0:
        raise ValueError("split %r: the three percentages must be positive and add up to 100" % name)
    return tuple(v / 100.0 for v in parts)


def make_split(data_root, packs=TRAIN_PACKS, name="blocks_80_10_10", splits_dir=None):
    """Build (deterministically) and write training/splits/<name>.csv; return rows, path, sha."""
    rows = []
    for p in packs:
        rows.extend(read_index(data_root, p))
    rows = split_rows(rows, split_fractions(name))
    path = os.path.join(splits_dir or SPLITS_DIR, name + ".csv")
    sha = write_split(rows, path)
    return rows, path, sha


# ---------------------------------------------------------------- crop folders

def read_crop_folder(folder):
    """Read a `fingerspell crop IN OUT` folder: (rows, meta).

    rows: dicts with label,file,detected(bool),score(float),hand_rotation(degrees or None: the turn that
    would stand the hand upright, from crop folders that record it), landmarks (the landmark classifier's 64-float
    input, or None: no hand, or a folder cropped without the landmark model); meta: crops.json
    (margin, rotate_upright, context, size).
    """
    csv_path = os.path.join(folder, "crops.csv")
    meta_path = os.path.join(folder, "crops.json")
    if not os.path.isfile(csv_path):
        raise DataMissing("crop folder %r has no crops.csv" % folder)
    meta = {"margin": 0.0, "rotate_upright": False, "context": 1.0, "size": None}
    if os.path.isfile(meta_path):
        with open(meta_path) as f:
            meta.update(json.load(f))
    rows = []
    with open(csv_path, newline="") as f:
        for r in csv.DictReader(f):
            det = str(r.get("detected", "true")).strip().lower() in ("1", "true", "yes", "y", "t")
            try:
                score = float(r.get("score", "") or 0.0)
            except ValueError:
                score = 0.0
            rotation = (r.get("hand_rotation_degrees") or "").strip()
            rows.append({"label": r["label"], "file": r["file"], "detected": det, "score": score,
                         "hand_rotation": float(rotation) if rotation else None,
                         "landmarks": parse_landmarks(r.get("landmark_presence"), r.get("landmarks"))})
    return rows, meta


def attach_crops(split_rows_, crops_root):
    """Replace image paths by crop images; returns (rows, metas_by_pack).

    Matching is by pack + file name (crops keep the pack's relative file names).
    Each returned row gains `path` (absolute), `detected`, `context`, `hand` where the folder records
    the hand's direction: (rotation in degrees, hand square side as a fraction of the crop side), and `landmarks`.
    """
    metas = {}
    by_pack = defaultdict(list)
    for r in split_rows_:
        by_pack[r["pack"]].append(r)
    out = []
    for pack, rows in by_pack.items():
        folder = os.path.join(crops_root, pack)
        crows, meta = read_crop_folder(folder)
        metas[pack] = meta
        cmap = {c["file"]: c for c in crows}
        # also allow matching by base name if the crop tool rewrote extensions
        cmap_base = {(c["label"], os.path.splitext(os.path.basename(c["file"]))[0]): c for c in crows}
        missing = 0
        for r in rows:
            c = cmap.get(r["file"]) or cmap_base.get(
                (r["label"], os.path.splitext(os.path.basename(r["file"]))[0]))
            if c is None:
                missing += 1
                continue
            context = float(meta.get("context") or 1.0)
            hand = None
            if c.get("hand_rotation") is not None:
                # an upright crop has already turned the hand by its rotation
                hand = (0.0 if meta.get("rotate_upright") else c["hand_rotation"], 1.0 / (max(context, 1.0) * (1.0 + 2.0 * float(meta.get("margin") or 0.0))))
            out.append(dict(r, path=os.path.join(folder, c["file"]), detected=c["detected"],
                            score=c["score"], context=context, hand=hand, landmarks=c["landmarks"]))
        if missing:
            print("warning: %d files of %s have no crop in %s" % (missing, pack, folder), file=sys.stderr)
    return out, metas


def min_landmark_presence(metas):
    """The landmark presence a palm needed to count as a hand when these crop folders were cut (crops.json
    `min_landmark_presence`; 0 for folders cut without the check). A model trained on them carries it into its
    descriptor (landmarks.min_presence), so the app finds hands as its training crops did. Folders that disagree
    are refused."""
    values = {pack: float(m.get("min_landmark_presence") or 0.0) for pack, m in metas.items()}
    if len(set(values.values())) > 1:
        raise SystemExit("crop folders were cut with different landmark checks (min_landmark_presence %s): "
                         "crop them again with one model" % values)
    return next(iter(values.values()), 0.0)


def attach_masks(rows, masks_root):
    """Give each row whose crop has a hand mask under <masks_root>/<pack>/<file> its `mask_path`; returns the count."""
    found = 0
    for r in rows:
        crop_file = os.path.relpath(r["path"], os.path.dirname(os.path.dirname(r["path"])))
        path = os.path.join(masks_root, r["pack"], crop_file)
        if os.path.isfile(path):
            r["mask_path"] = path
            found += 1
    return found


def load_mask(row):
    """The row's hand mask (uint8 H x W, 255 = hand) or None."""
    if not row.get("mask_path"):
        return None
    from PIL import Image
    with Image.open(row["mask_path"]) as m:
        return np.asarray(m.convert("L"))


def classifier_rows(rows):
    """Crops the classifier is run on: hand classes only where a hand was detected (elsewhere the app says
    'nothing' without running it), and every 'nothing' row (empty scenes, detected or not)."""
    return [r for r in rows if r["detected"] or r["label"] == "nothing"]


def attach_paths(rows, data_root):
    return [dict(r, path=os.path.join(data_root, r["pack"], r["file"]), detected=True,
                 score=1.0, context=1.0) for r in rows]


def subsample_per_class(rows, max_per_class):
    """Keep at most max_per_class rows per (label), evenly spaced over the sorted files."""
    if not max_per_class:
        return rows
    groups = defaultdict(list)
    for r in rows:
        groups[r["label"]].append(r)
    out = []
    for lab in sorted(groups):
        g = sorted(groups[lab], key=lambda r: (r["pack"], frame_number(r["file"]), r["file"]))
        if len(g) > max_per_class:
            idx = np.linspace(0, len(g) - 1, max_per_class).round().astype(int)
            g = [g[i] for i in sorted(set(idx.tolist()))]
        out.extend(g)
    return out


# ---------------------------------------------------------------- datasets

class ImageDataset:
    """Dataset over rows with `path`, `label`, `context`.

    transform(img_rgb_uint8_hwc, context, hand) -> tensor CHW float (hand: see attach_crops, or None).
    """

    def __init__(self, rows, transform):
        self.rows = rows
        self.transform = transform

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        from .preprocess import load_rgb
        r = self.rows[i]
        img = load_rgb(r["path"])
        mask = load_mask(r)
        if mask is not None:
            x = self.transform(img, r.get("context", 1.0), r.get("hand"), mask)
        else:
            x = self.transform(img, r.get("context", 1.0), r.get("hand"))
        return x, LABEL_TO_INDEX[r["label"]]
