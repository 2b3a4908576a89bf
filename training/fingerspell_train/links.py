"""Folder-per-class trees of symlinks into a pack, so the Java CLI (`fingerspell eval`, `fingerspell crop`)
can read any subset of the split (a held-out block, a calibration sample) without copying images."""
import os

from .data import DataMissing


def split_block(split_rows, pack, split):
    """The rows of one pack's block (`train`, `val` or `test`) of the split file."""
    return [r for r in split_rows if r["pack"] == pack and r["split"] == split]


def link_tree(rows, data_root, out_dir):
    """Write out_dir/<label>/<file name> -> data_root/<pack>/<file> for every row; returns the count per label.

    Re-running over an existing tree is fine when each link already points where it should; a different file
    under the same name stops with an error instead of silently mixing two subsets.
    """
    counts = {}
    for r in rows:
        target = os.path.abspath(os.path.join(data_root, r["pack"], r["file"]))
        if not os.path.isfile(target):
            raise DataMissing("%s: image of the split file not found under %s" % (target, data_root))
        folder = os.path.join(out_dir, r["label"])
        os.makedirs(folder, exist_ok=True)
        link = os.path.join(folder, os.path.basename(r["file"]))
        if os.path.lexists(link):
            if os.path.realpath(link) != os.path.realpath(target):
                raise FileExistsError("%s exists and does not point to %s" % (link, target))
        else:
            os.symlink(target, link)
        counts[r["label"]] = counts.get(r["label"], 0) + 1
    return counts
