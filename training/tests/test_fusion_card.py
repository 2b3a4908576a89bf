import json
import os
import tempfile
import unittest

import tests._util  # noqa: F401
import fusion_card
from fingerspell_train.constants import LABELS


def eval_json(acc):
    cm = [[0] * len(LABELS) for _ in LABELS]
    cm[0][0], cm[0][1] = 9, 1
    return {"sets": {name: {"n": 10, "accuracy": acc, "macro_f1": acc - 0.01, "confusion": cm, "errors": []}
                     for name in fusion_card.SET_ORDER}}


class FusionCardTest(unittest.TestCase):
    def test_section_reports_the_measured_numbers(self):
        with tempfile.TemporaryDirectory() as d:
            run = {"args": {"epochs": 60, "max_lr": 3e-3, "weight_decay": 1e-3, "label_smoothing": 0.1,
                            "batch_size": 256, "seed": 0, "rotate": 20.0, "scale": 0.1, "noise": 0.03, "tilt": 35.0},
                   "train_rows": 1234, "train_seconds": 56.0,
                   "history": [{"epoch": 60, "val_accuracy": 0.8632, "val_macro_f1": 0.8644}],
                   "fusion_weight": 0.4,
                   "fusion_grid": [{"weight": w, "val_macro_f1": {"kaggle-train": 0.7 + w / 10, "phone-train": 1.0},
                                    "mean": 0.85 + w / 20} for w in (0.0, 0.4, 1.0)]}
            os.makedirs(os.path.join(d, "run"))
            with open(os.path.join(d, "run", "run.json"), "w") as f:
                json.dump(run, f)
            for name, acc in (("a", 0.5), ("b", 0.875)):
                with open(os.path.join(d, name + ".json"), "w") as f:
                    json.dump(eval_json(acc), f)
            out = os.path.join(d, "card.md")
            fusion_card.main(["--run", os.path.join(d, "run"), "--eval", "crop alone=" + os.path.join(d, "a.json"),
                              "fused=" + os.path.join(d, "b.json"), "--java-eval", "fused", "--out", out])
            with open(out) as f:
                text = f.read()
        self.assertIn("1234 training rows", text)
        self.assertIn("±20° in the image plane and ±35° out of it", text)
        self.assertIn("mirror p 0.5", text)
        self.assertIn("**w = 0.40**", text)
        self.assertIn("| **0.40** | 0.7400 | 1.0000 | 0.8700 |", text)
        self.assertIn("| crop alone | 0.5000 / 0.4900 |", text)
        self.assertIn("| fused | 0.8750 / 0.8650 |", text)
        self.assertIn("A→B ×1", text)

    def test_ensemble_run_reports_its_members(self):
        with tempfile.TemporaryDirectory() as d:
            history = [[{"epoch": 60, "val_accuracy": 0.8, "val_macro_f1": 0.81}],
                       [{"epoch": 60, "val_accuracy": 0.9, "val_macro_f1": 0.91}]]
            run = {"args": {"epochs": 60, "max_lr": 3e-3, "weight_decay": 1e-3, "label_smoothing": 0.1,
                            "batch_size": 256, "seed": 4, "rotate": 20.0, "scale": 0.1, "noise": 0.03,
                            "no_mirror": True},
                   "train_rows": 10, "train_seconds": 5.0, "history": history, "fusion_weight": 0.5,
                   "fusion_grid": [{"weight": 0.5, "val_macro_f1": {"kaggle-train": 0.8}, "mean": 0.8}]}
            os.makedirs(os.path.join(d, "run"))
            with open(os.path.join(d, "run", "run.json"), "w") as f:
                json.dump(run, f)
            with open(os.path.join(d, "a.json"), "w") as f:
                json.dump(eval_json(0.5), f)
            out = os.path.join(d, "card.md")
            fusion_card.main(["--run", os.path.join(d, "run"), "--eval", "a=" + os.path.join(d, "a.json"),
                              "--out", out])
            with open(out) as f:
                text = f.read()
        self.assertIn("2 members (seeds 4–5), the mean of their logits", text)
        self.assertIn("accuracy 0.8500, macro-F1 0.8600 (mean over the members)", text)
        self.assertIn("no mirroring (right hands only)", text)
        self.assertNotIn("mirror p 0.5", text)


class FusionWeightSentenceTest(unittest.TestCase):
    def test_a_chosen_weight_says_validation_chose_it(self):
        text = fusion_card.fusion_weight_sentence({"args": {"fixed_weight": None}, "fusion_weight": 0.45})
        self.assertIn("chosen on the validation blocks only", text)
        self.assertIn("**w = 0.45**", text)

    def test_a_fixed_weight_says_the_grid_was_not_used(self):
        text = fusion_card.fusion_weight_sentence({"args": {"fixed_weight": 0.55}, "fusion_weight": 0.55})
        self.assertIn("**w = 0.55**, fixed before the run", text)
        self.assertIn("reported, not used", text)
        self.assertNotIn("chosen on the validation", text)


if __name__ == "__main__":
    unittest.main()
