"""GPU-path training (pack_crops.py, batch_augment.py, train_gpu.py) checked on the CPU with fake crops."""
import csv
import json
import os
import tempfile
import unittest

import cv2
import numpy as np
import torch

from tests._util import TRAINING  # noqa: F401
from tests.test_crops import make_fake, CONTEXT, CLASSES
from fingerspell_train.augment import FOREARM_CUT, aug_config, REALWORLD_KEYS
from fingerspell_train.batch_augment import BatchAugment, jpeg, gaussian_blur, hide_forearm
from fingerspell_train.constants import MEAN, STD, LABEL_TO_INDEX
from fingerspell_train.packed import CropPack, TRAIN, VAL
import pack_crops
import train_gpu


def to_unit(x):
    """Normalised tensor back to 0..1."""
    return x * torch.tensor(STD).view(1, 3, 1, 1) + torch.tensor(MEAN).view(1, 3, 1, 1)


class BatchAugmentTest(unittest.TestCase):
    def setUp(self):
        g = torch.Generator().manual_seed(0)
        self.images = torch.randint(0, 256, (8, 3, 80, 80), generator=g, dtype=torch.uint8)
        # a bright square filling exactly the canonical box (central 1/1.25) of a dark crop
        self.square = torch.zeros(4, 3, 80, 80, dtype=torch.uint8)
        self.square[:, :, 8:72, 8:72] = 200

    def test_shapes_dtype_and_finite(self):
        for size in (64, 112):
            for no_realworld in (False, True):
                aug = BatchAugment(size, 0.8, aug_config(no_realworld=no_realworld, erase=0.5), seed=1)
                x = aug(self.images)
                self.assertEqual(tuple(x.shape), (8, 3, size, size))
                self.assertEqual(x.dtype, torch.float32)
                self.assertTrue(torch.isfinite(x).all())

    def test_canonical_view_is_the_canonical_box(self):
        aug = BatchAugment(32, 0.8, seed=0)
        x = to_unit(aug.canonical(self.square))
        # the square fills the whole output, up to the bilinear border
        self.assertAlmostEqual(float(x[:, :, 2:-2, 2:-2].mean()), 200 / 255, places=3)

    def test_without_changes_training_view_equals_canonical(self):
        cfg = aug_config(no_realworld=True, geometry=False, hflip=False)
        aug = BatchAugment(48, 0.8, cfg, seed=0)
        self.assertTrue(torch.allclose(aug(self.images), aug.canonical(self.images), atol=1e-6))

    def test_each_change_alone_changes_images(self):
        base = aug_config(no_realworld=True, geometry=False, hflip=False)
        for key in REALWORLD_KEYS + ("geometry", "hflip"):
            aug = BatchAugment(48, 0.8, dict(base, **{key: True}), seed=2)
            batch = self.images.repeat(8, 1, 1, 1)  # 64 images: every change with p >= 0.05 fires at least once
            changed = (aug(batch) - aug.canonical(batch)).abs().flatten(1).amax(1) > 1e-3
            self.assertTrue(changed.any(), key)
            if key in ("color", "blur", "jpeg", "grayscale", "gain", "noise", "hflip"):
                self.assertFalse(changed.all(), key + " should not fire on every image")

    def test_geometry_keeps_the_hand_near_the_centre(self):
        aug = BatchAugment(40, 0.8, aug_config(no_realworld=True, hflip=False), seed=3)
        x = to_unit(aug(self.square.repeat(16, 1, 1, 1)))
        self.assertGreater(float(x[:, :, 15:25, 15:25].mean()), 0.75)  # shift <= 10%, scale >= 0.8: centre stays
        self.assertLess(float(x.mean()), 200 / 255 + 1e-3)

    def test_jpeg_error_grows_as_quality_falls(self):
        smooth = torch.nn.functional.interpolate(self.images[:4, :, :8, :8].float() / 255, size=(64, 64),
                                                 mode="bilinear", align_corners=False)
        errors = [float((jpeg(smooth, torch.full((4,), float(q))) - smooth).abs().mean()) for q in (95, 60, 30)]
        self.assertLess(errors[0], errors[1])
        self.assertLess(errors[1], errors[2])
        self.assertLess(errors[0], 0.03)
        with self.assertRaises(ValueError):
            jpeg(torch.zeros(1, 3, 20, 20), torch.tensor([50.0]))

    def test_blur_smooths_and_keeps_the_mean(self):
        x = self.images[:2].float() / 255
        y = gaussian_blur(x, torch.tensor([0.3, 1.5]))
        d0, d1 = [float((y[i] - x[i]).abs().mean()) for i in range(2)]
        self.assertLess(d0, d1)  # the wider kernel changes more
        self.assertAlmostEqual(float(y.mean()), float(x.mean()), places=2)

    def test_hide_forearm_fills_beyond_the_wrist_of_known_hands_only(self):
        x = torch.full((4, 3, 100, 100), 0.8)
        # fingers up, fingers right, fingers down; the last row has no hand
        hands = torch.tensor([[0.0, 0.6], [90.0, 0.6], [180.0, 0.6], [float("nan"), float("nan")]])
        g = torch.Generator().manual_seed(0)
        out = hide_forearm(x, hands, g)
        changed = (out != 0.8).any(1)
        wrist = 0.6 * 100 / 2.6
        for i, line in ((0, changed[0, :, 50]), (1, changed[1, 50, :].flip(0)), (2, changed[2, :, 50].flip(0))):
            first = int(torch.argmax(line.int()))
            self.assertTrue(line[first:].all() and not line[:first].any(), i)
            self.assertGreaterEqual(first - 50 + 0.5, FOREARM_CUT[0] * wrist - 1, i)
            self.assertLessEqual(first - 50 + 0.5, FOREARM_CUT[1] * wrist + 1, i)
        self.assertFalse(changed[3].any(), "no hand, nothing hidden")
        # the CPU transform with the same geometry hides the same side
        import random
        from fingerspell_train.augment import hide_forearm as hide_one
        one = hide_one(np.full((100, 100, 3), 200, np.uint8), 90.0, 0.6, random.Random(0))
        self.assertTrue((one[50, :20] != 200).all() and (one[50, 60:] == 200).all())
        off = BatchAugment(100, 1.0, aug_config(no_realworld=True, geometry=False, hflip=False), seed=0)
        on = BatchAugment(100, 1.0, dict(off.cfg, forearm=1.0), seed=0)
        plain = (x * 255).to(torch.uint8)
        self.assertTrue(torch.equal(off(plain, hands), on(plain, None)), "without hands nothing is drawn")
        self.assertFalse(torch.equal(off(plain, hands), on(plain, hands)))

    def test_same_seed_same_stream(self):
        a = BatchAugment(48, 0.8, seed=5)(self.images)
        b = BatchAugment(48, 0.8, seed=5)(self.images)
        c = BatchAugment(48, 0.8, seed=6)(self.images)
        self.assertTrue(torch.equal(a, b))
        self.assertFalse(torch.equal(a, c))


def add_fake_test_packs(data_root, crops_root):
    """kaggle-test and massey beside make_fake's packs: 2 images of A and B each, with crops (massey's B undetected)."""
    for pack in ("kaggle-test", "massey"):
        cdir = os.path.join(crops_root, pack)
        index, crops = [], []
        for ci, c in enumerate(("A", "B")):
            for n in range(2):
                f = "%s/%s_%d.png" % (c, c, n)
                for root in (data_root, crops_root):
                    os.makedirs(os.path.join(root, pack, c), exist_ok=True)
                img = np.zeros((60, 60, 3), np.uint8)
                img[10:50, 10:50] = 60 * (ci + 1)
                cv2.imwrite(os.path.join(data_root, pack, f), img)
                cv2.imwrite(os.path.join(cdir, f), img)
                index.append((c, f, "fake", "%016x" % (ci * 10 + n)))
                crops.append((f, c, "false" if (pack == "massey" and c == "B") else "true", "0.9"))
        for path, head, rows in ((os.path.join(data_root, pack, "index.csv"), ["label", "file", "staged_from",
                                  "sha256_16"], index),
                                 (os.path.join(cdir, "crops.csv"), ["file", "label", "detected", "score"], crops)):
            with open(path, "w", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(head)
                w.writerows(rows)
        with open(os.path.join(cdir, "crops.json"), "w") as fh:
            json.dump({"margin": 0.25, "rotate_upright": True, "context": CONTEXT, "size": 60}, fh)


class PackAndTrainTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.data_root, cls.crops_root = make_fake(cls.tmp.name, frames=12)
        add_fake_test_packs(cls.data_root, cls.crops_root)
        cls.splits_dir = os.path.join(cls.tmp.name, "splits")
        cls.pack_path = os.path.join(cls.tmp.name, "pack.npz")
        cls.test_pack_path = os.path.join(cls.tmp.name, "tests.npz")
        import train as train_cli
        from fingerspell_train.trainer import train_val_rows
        targs = train_cli.parser().parse_args(["--crops-root", cls.crops_root, "--data-root", cls.data_root,
                                               "--splits-dir", cls.splits_dir])
        _, cls.train_rows, cls.val_rows, _, _, _ = train_val_rows(targs)
        pack_crops.main(["--crops-root", cls.crops_root, "--data-root", cls.data_root,
                         "--splits-dir", cls.splits_dir, "--out", cls.pack_path, "--format", "PNG"])
        pack_crops.main(["--crops-root", cls.crops_root, "--data-root", cls.data_root, "--test-sets",
                         "--splits-dir", cls.splits_dir, "--out", cls.test_pack_path, "--format", "PNG"])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_pack_holds_train_and_val_rows_as_trainer_selects_them(self):
        pack = CropPack.load(self.pack_path, threads=2)
        train_x, train_y = pack.part(TRAIN)
        val_x, _ = pack.part(VAL)
        self.assertEqual(len(train_x), len(self.train_rows))
        self.assertEqual(len(val_x), len(self.val_rows))
        self.assertEqual(tuple(train_x.shape[1:]), (3, 60, 60))
        self.assertEqual(pack.meta["context"], CONTEXT)
        self.assertEqual(pack.meta["crop"]["mode"], "hand")
        # fake crops: class index ci is drawn with value 60 * (ci + 1) in the centre (PNG is lossless)
        value_of_label = {LABEL_TO_INDEX[c]: 60 * (ci + 1) for ci, c in enumerate(CLASSES)}
        expected = torch.tensor([value_of_label[int(y)] for y in train_y])
        self.assertTrue(torch.equal(train_x[:, 0, 30, 30].long(), expected))
        # make_fake writes upright crops: every detected hand has direction 0; a 'nothing' crop has none
        hands = pack.part_hands(TRAIN)
        for row, hand in zip(self.train_rows, hands):
            if row["hand"] is None:
                self.assertTrue(torch.isnan(hand).all())
            else:
                self.assertTrue(torch.allclose(hand, torch.tensor(row["hand"], dtype=torch.float32)))
        self.assertTrue(any(r["hand"] is not None for r in self.train_rows))

    def test_pack_keeps_sources_and_filters_by_pack(self):
        pack = CropPack.load(self.pack_path, threads=2)
        self.assertEqual(pack.meta["sources"], ["kaggle-train", "phone-train"])
        kaggle = [r for r in self.train_rows if r["pack"] == "kaggle-train"]
        self.assertEqual(len(pack.part(TRAIN, ["kaggle-train"])[0]), len(kaggle))
        self.assertEqual(int(pack.mask(TRAIN, ["phone-train"]).sum()), len(self.train_rows) - len(kaggle))
        with self.assertRaises(ValueError):
            pack.mask(TRAIN, ["massey"])

    def test_test_pack_holds_every_test_set_with_detection_flags(self):
        tests = CropPack.load(self.test_pack_path, threads=2)
        self.assertEqual(sorted(tests.meta["sources"]),
                         ["kaggle-test", "kaggle-train-heldout", "massey", "phone-train-heldout"])
        self.assertTrue(bool((tests.splits == 2).all()))
        massey = tests.mask(2, ["massey"])
        self.assertEqual(int(massey.sum()), 4)
        self.assertEqual(int((~tests.detected[massey]).sum()), 2)  # the two undetected B crops

    def run_training(self, out, extra=()):
        train_gpu.main(["--pack", self.pack_path, "--out", out, "--device", "cpu", "--size", "112",
                        "--batch-size", "8", "--time-budget-min", "5", "--max-epochs", "2", "--threads", "2",
                        "--checkpoint-every", "1", "--warmup-epochs", "0.5", "--cutmix", "0.5"] + list(extra))

    def test_run_on_one_pack_scores_the_test_pack(self):
        out = os.path.join(self.tmp.name, "run-kaggle")
        self.run_training(out, ["--packs", "kaggle-train", "--test-pack", self.test_pack_path, "--max-epochs", "1"])
        from fingerspell_train.batch_trainer import load
        ck = load(os.path.join(out, "best.pt"))
        self.assertEqual(ck["meta"]["packs"], ["kaggle-train"])
        with open(os.path.join(out, "eval.json")) as f:
            result = json.load(f)
        self.assertEqual(result["input_size"], 112)
        self.assertEqual(result["sets"]["massey"]["classes"], "letters")
        self.assertEqual(result["sets"]["massey"]["n"], 4)
        # undetected crops are `nothing`, never right: massey's two B images are wrong whatever the model says
        self.assertLessEqual(result["sets"]["massey"]["accuracy"], 0.5)
        for name in ("kaggle-test", "kaggle-train-heldout", "phone-train-heldout"):
            self.assertEqual(result["sets"][name]["classes"], "all")

    def test_run_writes_a_checkpoint_that_export_reads_and_resumes(self):
        from fingerspell_train.export import load_checkpoint_model
        out = os.path.join(self.tmp.name, "run")
        self.run_training(out)
        model, ck = load_checkpoint_model(os.path.join(out, "best.pt"))
        self.assertIn(ck["meta"]["weights"], ("raw", "ema"))
        self.assertEqual(ck["meta"]["crop"]["mode"], "hand")
        self.assertEqual(len(ck["history"]), 2)
        with torch.no_grad():
            self.assertEqual(tuple(model(torch.zeros(1, 3, 112, 112)).shape), (1, 29))
        with open(os.path.join(out, "history.csv")) as f:
            rows = list(csv.DictReader(f))
        self.assertEqual([r["epoch"] for r in rows], ["1", "2"])
        self.assertTrue(all(0.0 <= float(r["val_macro_f1"]) <= 1.0 for r in rows))
        # resume: two more epochs continue the same history
        self.run_training(out, ["--resume", "--max-epochs", "4"])
        with open(os.path.join(out, "history.csv")) as f:
            self.assertEqual([r["epoch"] for r in csv.DictReader(f)], ["1", "2", "3", "4"])


if __name__ == "__main__":
    unittest.main()
