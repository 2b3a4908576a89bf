import unittest

import numpy as np
import torch

from tests._util import TRAINING  # noqa: F401
from fingerspell_train.augment import TrainTransform, aug_config, REALWORLD_KEYS
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
