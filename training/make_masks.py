#!/usr/bin/env python3
"""Hand masks for the crops of `fingerspell crop` folders, for the background and backlight augmentations.

    /usr/bin/python3 training/make_masks.py --crops-root /work/crops4 --out /work/masks --packs kaggle-train phone-train

Writes <out>/<pack>/<crop file> (PNG, 0 background / 255 hand) for every crop whose landmark presence is at least
0.5, <out>/<pack>/masks.csv (file, method: grabcut or skeleton) and, with --preview N, a contact sheet of N
crops with their masks tinted (<out>/<pack>/preview.png) to look at. Existing masks are kept (rerun resumes).
"""
import argparse
import csv
import json
import os
import sys
import time
from multiprocessing import Pool

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fingerspell_train.hand_mask import MIN_PRESENCE, crop_points, refine  # noqa: E402
from fingerspell_train.constants import DEFAULT_DATA_ROOT, TRAIN_PACKS  # noqa: E402


def parser():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    p.add_argument("--crops-root", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--data-root", default=DEFAULT_DATA_ROOT, help="the packs the crops were cut from (frame sizes)")
    p.add_argument("--packs", nargs="+", default=list(TRAIN_PACKS))
    p.add_argument("--processes", type=int, default=2)
    p.add_argument("--preview", type=int, default=0, help="write a contact sheet of this many crops per pack")
    p.add_argument("--limit", type=int, default=0, help="first N crops per pack only (a look before a full run)")
    return p


def frame_box(source_path, center, side, context, size):
    """The frame's own pixels in crop pixels (x0, y0, x1, y1): beyond them the crop is the black padding of a hand
    near the frame's edge, which is no hand."""
    from PIL import Image
    with Image.open(source_path) as im:
        width, height = im.size
    full = side * context
    scale = size / full
    x0, y0 = center[0] - full / 2.0, center[1] - full / 2.0
    return (-x0 * scale, -y0 * scale, (width - x0) * scale, (height - y0) * scale)


def mask_jobs(folder, out_dir, source_root, limit=0):
    """(crop path, mask path, points, name, frame box) for the crops with a sure hand."""
    with open(os.path.join(folder, "crops.json")) as f:
        meta = json.load(f)
    if meta.get("rotate_upright"):
        raise SystemExit("%s: crops turned upright are not supported (their landmarks need the turn)" % folder)
    jobs = []
    with open(os.path.join(folder, "crops.csv"), newline="") as f:
        for r in csv.DictReader(f):
            presence = float(r.get("landmark_presence") or 0.0)
            if presence < MIN_PRESENCE or not r.get("landmarks"):
                continue
            if float(r.get("rotation_degrees") or 0.0) != 0.0:
                continue
            center, side = (float(r["center_x"]), float(r["center_y"])), float(r["side"])
            context, size = float(meta.get("context") or 1.0), int(meta["size"])
            points = crop_points([float(v) for v in r["landmarks"].split()], center, side, context, size)
            box = frame_box(os.path.join(source_root, r["source_file"]), center, side, context, size)
            jobs.append((os.path.join(folder, r["file"]), os.path.join(out_dir, r["file"]), points, r["file"], box))
            if limit and len(jobs) >= limit:
                break
    return jobs


def make_one(job):
    from PIL import Image
    crop_path, mask_path, points, name, box = job
    if os.path.isfile(mask_path):
        return name, "kept"
    image = np.asarray(Image.open(crop_path).convert("RGB"))
    mask, method = refine(image, points)
    inside = np.zeros_like(mask)
    x0, y0 = max(0, int(np.ceil(box[0])) + 1), max(0, int(np.ceil(box[1])) + 1)
    inside[y0:max(y0, int(np.floor(box[3])) - 1), x0:max(x0, int(np.floor(box[2])) - 1)] = 255
    mask = np.minimum(mask, inside)
    os.makedirs(os.path.dirname(mask_path), exist_ok=True)
    tmp = mask_path + ".tmp.png"
    Image.fromarray(mask).save(tmp)
    os.replace(tmp, mask_path)  # a killed run leaves no half-written mask
    return name, method


def preview(jobs, out_path, count):
    from PIL import Image
    picks = jobs[:: max(1, len(jobs) // count)][:count]
    cols = 8
    sheet = Image.new("RGB", (cols * 160, ((len(picks) + cols - 1) // cols) * 160))
    for i, (crop_path, mask_path, *_rest) in enumerate(picks):
        img = np.asarray(Image.open(crop_path).convert("RGB").resize((160, 160))).astype(np.float32)
        m = np.asarray(Image.open(mask_path).resize((160, 160))).astype(np.float32)[:, :, None] / 255.0
        tint = img * (1 - 0.45 * m) + np.array([0, 255, 0], np.float32) * 0.45 * m
        sheet.paste(Image.fromarray(tint.astype(np.uint8)), ((i % cols) * 160, (i // cols) * 160))
    sheet.save(out_path)


def main(argv=None):
    args = parser().parse_args(argv)
    for pack in args.packs:
        folder, out_dir = os.path.join(args.crops_root, pack), os.path.join(args.out, pack)
        jobs = mask_jobs(folder, out_dir, os.path.join(args.data_root, pack), args.limit)
        start, methods = time.time(), {}
        with Pool(args.processes) as pool:
            for i, (name, method) in enumerate(pool.imap(make_one, [j for j in jobs], chunksize=16), 1):
                methods[name] = method
                if i % 500 == 0 or i == len(jobs):
                    rate = i / max(1e-9, time.time() - start)
                    print("%s: %d/%d masks, %.1f/s, ETA %.0f s" % (pack, i, len(jobs), rate, (len(jobs) - i) / rate),
                          flush=True)
        previous = {}
        csv_path = os.path.join(out_dir, "masks.csv")
        if os.path.isfile(csv_path):
            with open(csv_path, newline="") as f:
                previous = {r["file"]: r["method"] for r in csv.DictReader(f)}
        with open(csv_path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["file", "method"])
            for name in sorted(methods):
                m = methods[name]
                w.writerow([name, previous.get(name, "unknown") if m == "kept" else m])
        counts = {}
        for m in methods.values():
            counts[m] = counts.get(m, 0) + 1
        print("%s: %s in %.0f s" % (pack, counts, time.time() - start), flush=True)
        if args.preview:
            preview(jobs, os.path.join(out_dir, "preview.png"), args.preview)


if __name__ == "__main__":
    main()
