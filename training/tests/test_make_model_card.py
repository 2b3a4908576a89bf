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

    def test_augmentationLine_namesForearmHidingOnlyWhenTheRunUsedIt(self):
        self.assertNotIn("wrist", M.augmentation_line({"hide_forearm": 0.0}))
        self.assertIn("beyond the wrist filled with black or one flat colour (p 0.5; `--hide-forearm`)",
                      M.augmentation_line({"hide_forearm": 0.5}))

    def test_forearmTable_givesEachModelsBlocksAsShotAndHidden(self):
        def write(name, plain, hidden):
            path = os.path.join(self.root, name + ".json")
            with open(path, "w") as f:
                json.dump({"sets": {"kaggle-train-heldout": {"accuracy": plain, "macro_f1": plain - 0.01},
                                    "kaggle-train-heldout/no-forearm": {"accuracy": hidden, "macro_f1": hidden}}}, f)
            return path
        lines = M.forearm_lines(["0.5.0=" + write("old", 0.74, 0.71), "0.6.0=" + write("new", 0.76, 0.75)])
        self.assertIn("| 0.5.0: as shot | 0.5.0: forearm hidden | 0.6.0: as shot | 0.6.0: forearm hidden |", lines[3])
        self.assertEqual("| kaggle-train-heldout | 0.740 / 0.730 | 0.710 / 0.710 | 0.760 / 0.750 | 0.750 / 0.750 |",
                         lines[-1])
        self.assertIn("at 0.8 of the wrist", lines[1])

    def test_augmentationLine_givesTheRunsJitterRanges(self):
        self.assertIn("crop side ×0.8–1.15, shift ±10%, rotation ±15°", M.augmentation_line({}))
        line = M.augmentation_line({"rotate": 30.0, "scale": [0.7, 1.3]})
        self.assertIn("crop side ×0.7–1.3, shift ±10%, rotation ±30°", line)

    def test_gpuRun_recipeNamesOptimizerEmaCutmixAndTheWeightsChosen(self):
        run = {"trainer": "train_gpu.py", "device": "NVIDIA H200", "torch": "2.11.0", "n_train": 100, "n_val": 20,
               "args": {"optimizer": "adamw", "lr": 2e-3, "weight_decay": 0.05, "batch_size": 256,
                        "label_smoothing": 0.1, "time_budget_min": 6.0, "warmup_epochs": 2.0, "ema": 0.998,
                        "cutmix": 0.5, "erase": 0.25}}
        tr = {"config": "S-A", "input_size": 160, "seed": 0, "best_epoch": 7, "weights": "ema", "train_minutes": 6.0}
        hist = [{"epoch": str(e), "train_loss": "1", "val_loss": "1", "val_accuracy": "0.5", "val_macro_f1": "0.5",
                 "epoch_seconds": "3", "images_per_s": "5000"} for e in range(1, 91)]
        text = "\n".join(M.recipe_lines(run, tr, hist))
        self.assertIn("AdamW lr 0.002, weight decay 0.05, batch 256", text)
        self.assertIn("EMA of the weights (decay 0.998 per step), CutMix (p 0.5 per batch)", text)
        self.assertIn("Best checkpoint: epoch 7 of 90 (by validation macro-F1, EMA weights)", text)
        self.assertIn("the whole validation block", text)
        cost = M.cost_lines(run, tr, hist, None)
        rows = [line for line in cost if line.startswith("| ") and not line.startswith("| epoch")]
        self.assertEqual([r.split(" | ")[0] for r in rows], ["| %d" % e for e in range(3, 91, 3)])
        self.assertIn("Every 3rd epoch shown; all 90 in `history.csv` of the report folder.", cost)
        self.assertIn("One GPU (NVIDIA H200), PyTorch 2.11.0", cost[1])

    def test_cpuRun_recipeKeepsTheScheduleAndPatience(self):
        run = {"n_train": 100, "n_val": 20, "args": {
            "lr": 3e-4, "weight_decay": 1e-4, "batch_size": 64, "label_smoothing": 0.1, "schedule": "cosine-time",
            "warmup_epochs": 0.1, "epochs": 30, "patience": 6, "max_train_per_class": 0, "max_val_per_class": 30}}
        tr = {"config": "S-A", "input_size": 160, "seed": 5, "best_epoch": 3}
        text = "\n".join(M.recipe_lines(run, tr, [{}] * 3))
        self.assertIn("Adam lr 0.0003, weight decay 0.0001, batch 64", text)
        self.assertIn("(patience 6)", text)
        self.assertIn("`--max-val-per-class 30`", text)
        self.assertIn("Best checkpoint: epoch 3 of 3 run", text)

    def test_setWithoutJavaReport_isLeftOut(self):
        lines, agree = M.java_eval_lines(self.root, "fp32", {"massey": python_set(1, [])})
        self.assertEqual(len(lines), 2)
        self.assertEqual(agree, [])


if __name__ == "__main__":
    unittest.main()
