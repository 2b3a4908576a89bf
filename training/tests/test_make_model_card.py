"""make_model_card: the Java-vs-Python table compares the two evaluations image by image."""
import json
import os
import tempfile
import unittest

from tests._util import TRAINING  # noqa: F401
import make_model_card as M


def write_java_report(root, tag, name, rows):
    """rows: (absolute file, true label, predicted) as `fingerspell eval --report` writes them."""
    folder = os.path.join(root, "%s-%s" % (tag, name))
    os.makedirs(folder)
    correct = sum(1 for _, t, p in rows if t == p)
    with open(os.path.join(folder, "metrics.json"), "w") as f:
        json.dump({"n": len(rows), "correct": correct, "accuracy": correct / len(rows), "macro_f1": 0.5}, f)
    with open(os.path.join(folder, "predictions.csv"), "w") as f:
        f.write("file,true_label,predicted\n")
        f.writelines("%s,%s,%s\n" % r for r in rows)


def python_set(n, errors):
    return {"n": n, "accuracy": (n - len(errors)) / n, "macro_f1": 0.5,
            "errors": [{"file": f, "true": f.split("/")[-2], "pred": p} for f, p in errors]}


class JavaEvalTableTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def test_imageKey_sameImageFromBothSides(self):
        self.assertEqual(M.image_key("/tmp/sets/kaggle-train-heldout/A/A2705.jpg"), "A/A2705.jpg")
        self.assertEqual(M.image_key("kaggle-train/A/A2705.jpg"), "A/A2705.jpg")

    def test_sameErrors_agreeOnEveryImage(self):
        write_java_report(self.root, "fp32", "massey", [("/d/massey/A/1.png", "A", "A"), ("/d/massey/A/2.png", "A", "S"),
                                                         ("/d/massey/B/3.png", "B", "B")])
        lines, agree = M.java_eval_lines(self.root, "fp32", {"massey": python_set(3, [("massey/A/2.png", "S")])})
        self.assertEqual(agree, ["massey"])
        self.assertEqual(lines[2], "| massey | 3 | 2 | 0.6667 | 0.5000 | 2 | 0.6667 / 0.5000 | 0 |")

    def test_sameAccuracyButDifferentImagesOrLabels_areCounted(self):
        # Java: 2.png wrong as S, 3.png right; Python: 2.png wrong as E (other label), 3.png wrong: 2 images differ
        write_java_report(self.root, "fp32", "massey", [("/d/A/1.png", "A", "A"), ("/d/A/2.png", "A", "S"),
                                                         ("/d/B/3.png", "B", "B")])
        sets = {"massey": python_set(3, [("massey/A/2.png", "E"), ("massey/B/3.png", "A")])}
        lines, agree = M.java_eval_lines(self.root, "fp32", sets)
        self.assertEqual(agree, [])
        self.assertTrue(lines[2].endswith("| 2 |"), lines[2])

    def test_augmentationLine_namesRandomErasingOnlyWhenTheRunUsedIt(self):
        self.assertNotIn("erasing", M.augmentation_line({"lr": 1e-3}))
        self.assertNotIn("erasing", M.augmentation_line({"erase": 0.0}))
        line = M.augmentation_line({"erase": 0.5})
        self.assertIn("random erasing of one rectangle of 2–20% of the crop with noise (p 0.5).", line)
        self.assertTrue(line.startswith("- Augmentations (training only): box jitter"))

    def test_setWithoutJavaReport_isLeftOut(self):
        lines, agree = M.java_eval_lines(self.root, "fp32", {"massey": python_set(1, [])})
        self.assertEqual(len(lines), 2)
        self.assertEqual(agree, [])


if __name__ == "__main__":
    unittest.main()
