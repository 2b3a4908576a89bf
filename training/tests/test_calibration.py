"""Calibration sampling for the int8 model: train block only, balanced over classes and both training packs."""
import unittest
from collections import Counter

from tests._util import TRAINING  # noqa: F401
from fingerspell_train import data as D
from fingerspell_train.calibration import calibration_rows
from fingerspell_train.constants import TRAIN_PACKS

CLASSES = ["A", "B", "nothing"]


def fake_split():
    rows = []
    for pack in TRAIN_PACKS:
        for c in CLASSES:
            count = 40 if c != "nothing" else 25  # classes of unequal size, as in phone-train
            rows += [{"pack": pack, "label": c, "file": "%s/%s%d.jpg" % (c, c, 10 * n), "sha256_16": ""}
                     for n in range(count)]
    return D.split_rows(rows)


class CalibrationRowsTest(unittest.TestCase):
    def test_calibration_rows_onlyTrainBlock(self):
        self.assertEqual({r["split"] for r in calibration_rows(fake_split(), 6)}, {"train"})

    def test_calibration_rows_samePerClassFromEachPack(self):
        counts = Counter((r["pack"], r["label"]) for r in calibration_rows(fake_split(), 6))
        self.assertEqual(counts, Counter({(p, c): 6 for p in TRAIN_PACKS for c in CLASSES}))

    def test_calibration_rows_spreadOverTheWholeTrainBlock(self):
        split = fake_split()
        picked = [D.frame_number(r["file"]) for r in calibration_rows(split, 6)
                  if r["pack"] == "kaggle-train" and r["label"] == "A"]
        block = [D.frame_number(r["file"]) for r in split
                 if r["pack"] == "kaggle-train" and r["label"] == "A" and r["split"] == "train"]
        self.assertEqual((min(picked), max(picked)), (min(block), max(block)))

    def test_calibration_rows_smallClass_givesAllItsTrainRows(self):
        split = fake_split()
        rows = calibration_rows(split, 1000)
        self.assertEqual(len(rows), sum(1 for r in split if r["split"] == "train"))

    def test_calibration_rows_nonPositiveCount_raises(self):
        with self.assertRaises(ValueError):
            calibration_rows(fake_split(), 0)


class ClassifierRowsTest(unittest.TestCase):
    def test_classifier_rows_dropsUndetectedHandsKeepsNothing(self):
        rows = [{"label": "A", "detected": True}, {"label": "A", "detected": False},
                {"label": "nothing", "detected": False}, {"label": "nothing", "detected": True}]
        self.assertEqual(D.classifier_rows(rows), [rows[0], rows[2], rows[3]])


if __name__ == "__main__":
    unittest.main()
