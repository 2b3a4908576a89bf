"""The --crops-root path on a tiny fake `fingerspell crop` output (no real data needed)."""
import csv
import json
import os
import tempfile
import unittest

import cv2
import numpy as np
import torch

from tests._util import TRAINING  # noqa: F401
from fingerspell_train import data as D
from fingerspell_train.augment import TrainTransform
from fingerspell_train.preprocess import preprocess_path

CLASSES = ["A", "B", "nothing"]
PACKS = {"kaggle-train": lambda c, n: "%s/%s%d.jpg" % (c, c, 5 + 10 * n),
         "phone-train": lambda c, n: "%s/%d.jpg" % (c, 3 * n)}
CONTEXT = 1.5


def make_fake(root, frames=6):
    data_root = os.path.join(root, "data")
    crops_root = os.path.join(root, "crops")
    rng = np.random.default_rng(0)
    for pack, name in PACKS.items():
        os.makedirs(os.path.join(data_root, pack), exist_ok=True)
        cdir = os.path.join(crops_root, pack)
        idx, crows = [], []
        for ci, c in enumerate(CLASSES):
            os.makedirs(os.path.join(data_root, pack, c), exist_ok=True)
            os.makedirs(os.path.join(cdir, c), exist_ok=True)
            for n in range(frames):
                f = name(c, n)
                img = rng.integers(0, 256, (48, 48, 3), dtype=np.uint8)
                cv2.imwrite(os.path.join(data_root, pack, f), img)
                idx.append((c, f, "fake/" + f, "%016x" % (ci * 100 + n)))
                crop = np.zeros((60, 60, 3), np.uint8)  # context 1.5: centre 40x40 is the policy crop
                crop[10:50, 10:50] = 60 * (ci + 1)
                cv2.imwrite(os.path.join(cdir, f), crop)
                detected = not (c == "nothing" or (c == "B" and n == 0))
                crows.append((f, c, str(detected).lower(), "%.2f" % (0.9 if detected else 0.0),
                              "%.2f" % (10.0 * n) if detected else ""))
        with open(os.path.join(data_root, pack, "index.csv"), "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["label", "file", "staged_from", "sha256_16"])
            w.writerows(idx)
        with open(os.path.join(cdir, "crops.csv"), "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["file", "label", "detected", "score", "hand_rotation_degrees"])
            w.writerows(crows)
        with open(os.path.join(cdir, "crops.json"), "w") as fh:
            json.dump({"margin": 0.25, "rotate_upright": True, "context": CONTEXT, "size": 60}, fh)
    return data_root, crops_root


class CropsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.data_root, cls.crops_root = make_fake(cls.tmp.name)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_attach_and_meta(self):
        rows = D.split_rows(D.read_index(self.data_root, "kaggle-train") + D.read_index(self.data_root, "phone-train"))
        out, metas = D.attach_crops(rows, self.crops_root)
        self.assertEqual(len(out), len(rows))
        self.assertEqual(metas["kaggle-train"]["context"], CONTEXT)
        for r in out:
            self.assertTrue(os.path.isfile(r["path"]))
            self.assertTrue(r["path"].startswith(self.crops_root))
            self.assertEqual(r["context"], CONTEXT)
        self.assertFalse(any(r["detected"] for r in out if r["label"] == "nothing"))
        # the hand's direction: none without a hand; these upright crops have turned the hand already
        for r in out:
            self.assertEqual(r["hand"], (0.0, 1 / (CONTEXT * 1.5)) if r["detected"] else None)

    def test_hand_direction_of_crops_that_keep_the_frame_axes(self):
        import shutil
        root = os.path.join(self.tmp.name, "axes")
        shutil.copytree(os.path.join(self.crops_root, "phone-train"), os.path.join(root, "phone-train"))
        with open(os.path.join(root, "phone-train", "crops.json"), "w") as fh:
            json.dump({"margin": 0.1, "rotate_upright": False, "context": 1.25, "size": 60}, fh)
        out, _ = D.attach_crops(D.split_rows(D.read_index(self.data_root, "phone-train")), root)
        hands = [r for r in out if r["detected"]]
        self.assertEqual(len(hands), 2 * 6 - 1)
        for r in hands:
            n = int(r["file"].split("/")[1][:-4]) // 3
            self.assertEqual(r["hand"][0], 10.0 * n)
            self.assertAlmostEqual(r["hand"][1], 1 / (1.25 * 1.2))
        self.assertTrue(all(r["hand"] is None for r in out if not r["detected"]))

    def test_canonical_crop_is_central(self):
        path = os.path.join(self.crops_root, "kaggle-train", "A", "A5.jpg")
        x = preprocess_path(path, 16, context=CONTEXT)
        # the central 1/context of the 60 px crop is the uniform 40 px square: no black border
        self.assertLess(x.std(axis=(1, 2)).max(), 0.05)
        y = preprocess_path(path, 16, context=1.0)
        self.assertGreater(y.std(axis=(1, 2)).max(), 0.3)
        img = cv2.cvtColor(cv2.imread(path), cv2.COLOR_BGR2RGB)
        t = TrainTransform(112, seed=0)(img, CONTEXT)
        self.assertEqual(tuple(t.shape), (3, 112, 112))

    def test_train_on_crops_end_to_end(self):
        import argparse
        import train as train_cli
        from fingerspell_train.trainer import train
        from fingerspell_train.evaluation import predict, score
        from fingerspell_train.export import descriptor
        out = os.path.join(self.tmp.name, "run")
        args = train_cli.parser().parse_args([
            "--data-root", self.data_root, "--crops-root", self.crops_root, "--out", out,
            "--splits-dir", os.path.join(self.tmp.name, "splits"), "--epochs", "1", "--batch-size", "8",
            "--workers", "0", "--size", "112", "--log-every", "100", "--threads", "2"])
        torch.manual_seed(0)
        best = train(args, "test")
        self.assertTrue(os.path.isfile(best))
        self.assertTrue(os.path.isfile(os.path.join(out, "history.csv")))
        ck = torch.load(best, map_location="cpu")
        meta = ck["meta"]
        self.assertEqual(meta["crop"]["mode"], "hand")
        self.assertEqual(meta["crop"]["margin"], 0.25)
        self.assertTrue(meta["crop"]["rotate_upright"])
        self.assertEqual(meta["crop"]["no_hand"], "nothing")  # live video: an empty room types nothing
        self.assertEqual(meta["crop"]["no_hand_stills"], "classify")  # images: the centred square is read
        # undetected crops of hand classes are not trained on; 'nothing' rows are
        self.assertLess(meta["n_train"], 2 * 3 * 5 + 1)
        d = descriptor("fingerspell", meta, 112, {}, 1)
        self.assertEqual(d["crop"]["mode"], "hand")
        self.assertEqual(d["crop"]["no_hand_stills"], "classify")
        # evaluation: rows without a detected hand become 'nothing'
        rows = D.attach_crops([dict(r, split="test") for r in D.read_index(self.data_root, "phone-train")],
                              self.crops_root)[0]
        from fingerspell_train.model import build_model
        m = build_model()
        m.load_state_dict(ck["model"])
        probs, _ = predict(m, rows, 112)
        s = score(rows, probs, no_hand="nothing")
        self.assertEqual(s["n"], 18)
        nothing = [i for i, r in enumerate(rows) if r["label"] == "nothing"]
        self.assertEqual(s["confusion"][27][27], len(nothing))  # no hand detected -> nothing
        # resume of a finished run is a no-op
        args.resume = True
        train(args, "test")

    def test_kept_epochs_are_averaged_into_a_checkpoint(self):
        import train as train_cli
        import average_weights
        from fingerspell_train.trainer import train, epoch_path
        out = os.path.join(self.tmp.name, "run-kept")
        args = train_cli.parser().parse_args([
            "--data-root", self.data_root, "--crops-root", self.crops_root, "--out", out,
            "--splits-dir", os.path.join(self.tmp.name, "splits-kept"), "--epochs", "2", "--batch-size", "8",
            "--workers", "0", "--size", "112", "--log-every", "100", "--threads", "2", "--keep-epochs",
            "--patience", "5"])
        torch.manual_seed(0)
        train(args, "test")
        first, second = (torch.load(epoch_path(out, e), map_location="cpu") for e in (1, 2))
        self.assertEqual((first["epoch"], second["epoch"]), (1, 2))
        averaged = os.path.join(out, "average.pt")
        average_weights.main(["--run", out, "--out", averaged, "--bn-batches", "2", "--batch-size", "4"])
        ck = torch.load(averaged, map_location="cpu")
        self.assertEqual(ck["meta"]["averaged_from"]["epochs"], [1, 2])
        self.assertEqual(ck["meta"]["averaged_from"]["val_macro_f1"], ck["val"]["val_macro_f1"])
        self.assertEqual(ck["meta"]["size"], 112)
        self.assertIn("val_macro_f1", ck["val"])
        w = "layer1.0.conv1.weight"
        self.assertFalse(torch.equal(first["model"][w], second["model"][w]))  # the epochs did differ
        self.assertTrue(torch.allclose(ck["model"][w], (first["model"][w] + second["model"][w]) / 2, atol=1e-6))
        # BatchNorm statistics were measured again, not averaged
        mean = "bn1.running_mean"
        self.assertFalse(torch.allclose(ck["model"][mean], (first["model"][mean] + second["model"][mean]) / 2))


if __name__ == "__main__":
    unittest.main()


class PreviewAugmentTest(unittest.TestCase):
    def test_sheet_has_one_row_per_crop_and_the_canonical_view_first(self):
        import preview_augment
        with tempfile.TemporaryDirectory() as tmp:
            data_root, crops_root = make_fake(tmp)
            out = os.path.join(tmp, "sheet.png")
            preview_augment.main(["--crops-root", crops_root, "--data-root", data_root, "--out", out,
                                  "--splits-dir", os.path.join(tmp, "splits"),
                                  "--rows", "3", "--views", "4", "--size", "40", "--hide-forearm", "1"])
            img = cv2.imread(out)
            self.assertEqual(img.shape, (3 * 40, 5 * 40, 3))
            # the canonical view of a fake crop is its uniform centre square
            self.assertLess(float(img[:40, :40].std()), 2.0)
            self.assertGreater(float(img[:40, 40:].std()), 2.0, "augmented views differ from it")


class MixedHandCheckTest(unittest.TestCase):
    def test_training_refuses_packs_cut_with_different_hand_checks(self):
        import train as train_cli
        from fingerspell_train.trainer import prepare_rows
        with tempfile.TemporaryDirectory() as root:
            data_root, crops_root = make_fake(root)
            packs = sorted(os.listdir(crops_root))
            self.assertGreaterEqual(len(packs), 2)
            meta_path = os.path.join(crops_root, packs[0], "crops.json")
            with open(meta_path) as f:
                meta = json.load(f)
            meta["min_landmark_presence"] = 0.5
            with open(meta_path, "w") as f:
                json.dump(meta, f)
            args = train_cli.parser().parse_args(["--data-root", data_root, "--crops-root", crops_root,
                                                  "--splits-dir", os.path.join(root, "splits")])
            with self.assertRaises(SystemExit) as e:
                prepare_rows(args)
            self.assertIn("different landmark checks", str(e.exception))
