import unittest

import numpy as np
import torch

from tests._util import TRAINING  # noqa: F401
from fingerspell_train.augment import TrainTransform, aug_config, random_erase, REALWORLD_KEYS
from fingerspell_train.preprocess import preprocess_bgr, eval_transform


class AugmentTest(unittest.TestCase):
    def setUp(self):
        rng = np.random.default_rng(0)
        self.img = rng.integers(0, 256, (160, 160, 3), dtype=np.uint8)

    def test_shapes_and_dtype(self):
        for size in (112, 160, 224):
            for nr in (False, True):
                tf = TrainTransform(size, aug_config(no_realworld=nr), seed=1)
                for ctx in (1.0, 1.5):
                    for _ in range(5):
                        x = tf(self.img, ctx)
                        self.assertEqual(tuple(x.shape), (3, size, size))
                        self.assertEqual(x.dtype, torch.float32)
                        self.assertTrue(torch.isfinite(x).all())

    def test_every_aug_alone(self):
        base = aug_config(no_realworld=True, geometry=False, hflip=False)
        for k in REALWORLD_KEYS + ("geometry", "hflip"):
            cfg = dict(base, **{k: True})
            x = TrainTransform(112, cfg, seed=3)(self.img)
            self.assertEqual(tuple(x.shape), (3, 112, 112))

    def test_no_realworld_flag(self):
        cfg = aug_config(no_realworld=True)
        for k in REALWORLD_KEYS:
            self.assertFalse(cfg[k])
        self.assertTrue(cfg["geometry"])

    def test_random_erase_blanks_one_bounded_rectangle(self):
        import random
        flat = np.full((100, 120, 3), 7, np.uint8)
        for seed in range(50):
            out = random_erase(flat, random.Random(seed))
            changed = np.argwhere((out != 7).any(axis=2))
            self.assertGreater(len(changed), 0)
            rows, cols = changed[:, 0], changed[:, 1]
            box = (rows.max() - rows.min() + 1) * (cols.max() - cols.min() + 1)
            # noise may hit 7 by chance inside the box, never outside it; the box is 2-20% of the image
            self.assertLessEqual(box, 0.2 * 100 * 120 + 60)
            self.assertGreaterEqual(box, 0.02 * 100 * 120 - 60)
            self.assertGreater(len(changed), 0.95 * box)
        self.assertTrue((flat == 7).all(), "input must not be modified")

    def test_jitter_flags_reach_the_configuration(self):
        import train
        from fingerspell_train.augment import config_from_args
        default = config_from_args(train.parser().parse_args([]))
        self.assertEqual((default["rotate"], default["scale"]), (15.0, (0.8, 1.15)))
        wide = config_from_args(train.parser().parse_args(["--rotate", "30", "--scale", "0.7", "1.3", "--no-jpeg"]))
        self.assertEqual((wide["rotate"], wide["scale"], wide["jpeg"], wide["blur"]), (30.0, (0.7, 1.3), False, True))

    def test_erase_probability(self):
        off = aug_config(no_realworld=True, geometry=False, hflip=False)
        on = dict(off, erase=1.0)
        plain = TrainTransform(112, off, seed=2)(self.img)
        erased = TrainTransform(112, on, seed=2)(self.img)
        self.assertFalse(torch.equal(plain, erased))
        diff = (plain != erased).any(dim=0).float().mean().item()
        self.assertLess(diff, 0.25)
        # the default (0) draws nothing extra, so older runs' augmentation streams are unchanged
        self.assertEqual(aug_config()["erase"], 0.0)

    def test_seeded_determinism(self):
        a = TrainTransform(112, seed=5)(self.img)
        b = TrainTransform(112, seed=5)(self.img)
        self.assertTrue(torch.equal(a, b))

    def test_eval_preprocess(self):
        import cv2
        bgr = cv2.cvtColor(self.img, cv2.COLOR_RGB2BGR)
        x = preprocess_bgr(bgr, 112)
        self.assertEqual(x.shape, (3, 112, 112))
        self.assertEqual(x.dtype, np.float32)
        r = cv2.resize(bgr, (112, 112), interpolation=cv2.INTER_AREA)[..., ::-1].astype(np.float32) / 255
        want = ((r - [0.485, 0.456, 0.406]) / [0.229, 0.224, 0.225]).transpose(2, 0, 1)
        self.assertLess(np.abs(x - want).max(), 1e-5)
        y = eval_transform(112)(self.img).numpy()
        self.assertLess(np.abs(x - y).max(), 1e-6)
        # non-square: largest centred square
        wide = np.zeros((100, 160, 3), np.uint8)
        wide[:, 30:130] = 255
        self.assertGreater(preprocess_bgr(wide, 50).min(), 1.0)


if __name__ == "__main__":
    unittest.main()
