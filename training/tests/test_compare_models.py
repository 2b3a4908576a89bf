"""compare_models: the fp32-vs-int8 tables from fake eval reports and benchmark JSONs."""
import json
import os
import tempfile
import unittest

from tests._util import TRAINING  # noqa: F401
import compare_models as C


def write_report(root, tag, name, accuracy, macro_f1, predictions):
    folder = os.path.join(root, "%s-%s" % (tag, name))
    os.makedirs(folder)
    with open(os.path.join(folder, "metrics.json"), "w") as f:
        json.dump({"n": len(predictions), "accuracy": accuracy, "macro_f1": macro_f1}, f)
    with open(os.path.join(folder, "predictions.csv"), "w") as f:
        f.write("file,true_label,predicted\n")
        f.writelines("%s,A,%s\n" % (k, v) for k, v in predictions.items())


def write_bench(root, tag, run, classifier_ms, bare_ms, fps):
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "%s-%s.json" % (tag, run)), "w") as f:
        json.dump({"e2e_fps": fps, "stages": {"classifier": {"median_ms": classifier_ms},
                                                  "hand_detection": {"median_ms": 100.0}},
                   "bare_ort_classifier": {"median_ms": bare_ms},
                   "machine": {"load_average_start": [1.0], "load_average_end": [2.0]}}, f)


class CompareModelsTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = self.tmp.name

    def tearDown(self):
        self.tmp.cleanup()

    def test_accuracy_rows_lossInPointsAndChangedPredictions(self):
        write_report(self.root, "fp32", "massey", 0.60, 0.58, {"a": "A", "b": "B", "c": "C"})
        write_report(self.root, "int8", "massey", 0.59, 0.585, {"a": "A", "b": "C", "c": "C"})
        lines, worst = C.accuracy_rows(self.root, "fp32", "int8")
        self.assertAlmostEqual(worst, -1.0)
        self.assertIn("| massey | 3 | 0.6000 | 0.5900 | -1.00 | 0.5800 | 0.5850 | +0.50 | 1 |", lines)

    def test_accuracy_rows_setMissingForOneModel_isLeftOut(self):
        write_report(self.root, "fp32", "massey", 0.6, 0.6, {"a": "A"})
        lines, worst = C.accuracy_rows(self.root, "fp32", "int8")
        self.assertEqual(len(lines), 2)
        self.assertIsNone(worst)

    def test_speed_rows_ratiosPerRunAndMedian(self):
        bench = os.path.join(self.root, "bench")
        write_bench(bench, "fp32", "1", 30.0, 28.0, 12.0)
        write_bench(bench, "int8", "1", 15.0, 14.0, 13.2)
        write_bench(bench, "fp32", "2", 40.0, 30.0, 10.0)
        write_bench(bench, "int8", "2", 10.0, 10.0, 12.0)
        lines = C.speed_rows(bench, "fp32", "int8")
        self.assertIn("| 1 | int8 | 15.00 | 14.00 | 100.0 | 13.20 | 1.00 → 2.00 |", lines)
        self.assertIn("| 1 | 2.00× | 2.00× | 1.10× |", lines)
        self.assertIn("| 2 | 4.00× | 3.00× | 1.20× |", lines)
        self.assertIn("| median | 3.00× | 2.50× | 1.15× |", lines)


if __name__ == "__main__":
    unittest.main()
