import csv
import json
import os
import tempfile
import unittest

from tests._util import TRAINING  # noqa: F401
import ablation_table


def write_run(folder, history, sets, size=112):
    os.makedirs(folder)
    with open(os.path.join(folder, "history.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["epoch", "val_macro_f1", "epoch_seconds", "images_per_s"])
        w.writeheader()
        for row in history:
            w.writerow(row)
    with open(os.path.join(folder, "eval.json"), "w") as f:
        json.dump({"input_size": size, "sets": sets}, f)


class AblationTableTest(unittest.TestCase):
    def test_a_row_holds_what_the_run_measured(self):
        with tempfile.TemporaryDirectory() as tmp:
            run = os.path.join(tmp, "r")
            write_run(run, [{"epoch": 1, "val_macro_f1": 0.5, "epoch_seconds": 120, "images_per_s": 30},
                            {"epoch": 2, "val_macro_f1": 0.7, "epoch_seconds": 60, "images_per_s": 50},
                            {"epoch": 3, "val_macro_f1": 0.6, "epoch_seconds": 60, "images_per_s": 40}],
                      {"massey": {"accuracy": 0.25, "macro_f1": 0.125},
                       "kaggle-test": {"accuracy": 1.0, "macro_f1": 0.9}}, size=160)
            lines = ablation_table.table([("whole frame", ablation_table.read_run(run))]).splitlines()
        self.assertEqual(3, len(lines))
        cells = [c.strip() for c in lines[2].strip("|").split("|")]
        # run, input, epochs, minutes (240 s), mean img/s, best val F1, then the four test sets
        self.assertEqual(["whole frame", "160 px", "3", "4.0", "40.0", "0.700", "1.000 / 0.900", "–", "–",
                          "0.250 / 0.125"], cells)

    def test_gpu_run_without_test_scores_takes_the_better_of_raw_and_ema(self):
        with tempfile.TemporaryDirectory() as tmp:
            run = os.path.join(tmp, "g")
            os.makedirs(run)
            with open(os.path.join(run, "history.csv"), "w", newline="") as f:
                w = csv.DictWriter(f, fieldnames=["epoch", "val_macro_f1", "ema_val_macro_f1", "epoch_seconds",
                                                  "images_per_s"])
                w.writeheader()
                w.writerow({"epoch": 1, "val_macro_f1": 0.6, "ema_val_macro_f1": 0.8, "epoch_seconds": 3,
                            "images_per_s": 4000})
                w.writerow({"epoch": 2, "val_macro_f1": 0.7, "ema_val_macro_f1": "nan", "epoch_seconds": 3,
                            "images_per_s": 5000})
            with open(os.path.join(run, "run.json"), "w") as f:
                json.dump({"size": 160}, f)
            row = ablation_table.read_run(run)
            cells = [c.strip() for c in ablation_table.table([("adamw", row)]).splitlines()[2].strip("|").split("|")]
        self.assertEqual(["adamw", "160 px", "2", "0.1", "4500.0", "0.800", "–", "–", "–", "–"], cells)

    def test_a_bad_argument_is_refused(self):
        self.assertEqual(2, ablation_table.main(["no-equals-sign"]))


if __name__ == "__main__":
    unittest.main()
