"""Hard-link the hand masks of crops that did not change between two crop folders (same box); make_masks.py then
makes only the rest (it keeps masks that exist)."""
import csv, os, sys
old_root, new_root, old_masks, new_masks = sys.argv[1:5]
for pack in ("kaggle-train", "phone-train"):
    def rows(root):
        with open(os.path.join(root, pack, "crops.csv"), newline="") as f:
            return {r["file"]: (r["source"], r["center_x"], r["center_y"], r["side"], r["rotation_degrees"]) for r in csv.DictReader(f)}
    old, new = rows(old_root), rows(new_root)
    same = changed = linked = 0
    for name, box in new.items():
        if old.get(name) != box:
            changed += 1
            continue
        same += 1
        src = os.path.join(old_masks, pack, name)
        if os.path.isfile(src):
            dst = os.path.join(new_masks, pack, name)
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            if not os.path.exists(dst):
                os.link(src, dst)
            linked += 1
    print("%s: %d crops unchanged (%d masks linked), %d changed" % (pack, same, linked, changed))
