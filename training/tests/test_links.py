"""link_heldout: symlink trees of one block of the split, on a tiny fake pack (no real data needed)."""
import os
import tempfile
import unittest

from tests._util import TRAINING  # noqa: F401
from fingerspell_train import data as D
from fingerspell_train.links import link_tree, split_block
import link_heldout

SPLIT = [
    {"pack": "kaggle-train", "file": "A/A5.jpg", "label": "A", "split": "train"},
    {"pack": "kaggle-train", "file": "A/A15.jpg", "label": "A", "split": "val"},
    {"pack": "kaggle-train", "file": "A/A25.jpg", "label": "A", "split": "test"},
    {"pack": "kaggle-train", "file": "B/B35.jpg", "label": "B", "split": "test"},
    {"pack": "phone-train", "file": "A/25.jpg", "label": "A", "split": "test"},
]


def write_pack_files(data_root, rows):
    for r in rows:
        path = os.path.join(data_root, r["pack"], r["file"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(r["pack"] + "/" + r["file"])


def write_split_file(path, rows):
    with open(path, "w") as f:
        f.write("pack,file,label,split\n")
        f.writelines("%s,%s,%s,%s\n" % (r["pack"], r["file"], r["label"], r["split"]) for r in rows)


def tree(out):
    return sorted(os.path.relpath(os.path.join(d, n), out) for d, _, names in os.walk(out) for n in names)


class LinkTreeTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.data_root = os.path.join(self.tmp.name, "data")
        self.out = os.path.join(self.tmp.name, "out")
        write_pack_files(self.data_root, SPLIT)

    def tearDown(self):
        self.tmp.cleanup()

    def test_split_block_keepsOnlyThatPacksBlock(self):
        files = [r["file"] for r in split_block(SPLIT, "kaggle-train", "test")]
        self.assertEqual(files, ["A/A25.jpg", "B/B35.jpg"])

    def test_link_tree_linksEachRowUnderItsLabel(self):
        counts = link_tree(split_block(SPLIT, "kaggle-train", "test"), self.data_root, self.out)
        self.assertEqual(counts, {"A": 1, "B": 1})
        self.assertEqual(tree(self.out), ["A/A25.jpg", "B/B35.jpg"])
        link = os.path.join(self.out, "A", "A25.jpg")
        self.assertTrue(os.path.islink(link))
        self.assertEqual(os.path.realpath(link),
                         os.path.realpath(os.path.join(self.data_root, "kaggle-train", "A", "A25.jpg")))

    def test_link_tree_rerunOverSameTree_isFine(self):
        rows = split_block(SPLIT, "kaggle-train", "test")
        link_tree(rows, self.data_root, self.out)
        self.assertEqual(link_tree(rows, self.data_root, self.out), {"A": 1, "B": 1})

    def test_link_tree_nameTakenByAnotherFile_raises(self):
        os.makedirs(os.path.join(self.out, "A"))
        os.symlink(os.path.join(self.data_root, "kaggle-train", "A", "A5.jpg"), os.path.join(self.out, "A", "A25.jpg"))
        with self.assertRaises(FileExistsError):
            link_tree(split_block(SPLIT, "kaggle-train", "test"), self.data_root, self.out)

    def test_link_tree_missingImage_raisesDataMissing(self):
        os.remove(os.path.join(self.data_root, "kaggle-train", "B", "B35.jpg"))
        with self.assertRaises(D.DataMissing):
            link_tree(split_block(SPLIT, "kaggle-train", "test"), self.data_root, self.out)

    def test_main_linksTheHeldOutBlockOfThePack(self):
        split_file = os.path.join(self.tmp.name, "split.csv")
        write_split_file(split_file, SPLIT)
        for pack in ("kaggle-train", "phone-train"):  # require_data_root wants an index.csv
            open(os.path.join(self.data_root, pack, "index.csv"), "w").close()
        link_heldout.main(["--pack", "phone-train", "--out", self.out, "--split-file", split_file,
                           "--data-root", self.data_root])
        self.assertEqual(tree(self.out), ["A/25.jpg"])


if __name__ == "__main__":
    unittest.main()
