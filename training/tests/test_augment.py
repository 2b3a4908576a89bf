import unittest

import numpy as np
import torch

from tests._util import TRAINING  # noqa: F401
from fingerspell_train.augment import FOREARM_CUT, TrainTransform, aug_config, hide_forearm, random_erase, REALWORLD_KEYS
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

    def test_hide_forearm_fills_the_side_beyond_the_wrist(self):
        import random
        flat = np.full((100, 100, 3), 200, np.uint8)
        # side 0.6 of the crop: the wrist is 0.6 * 100 / 2.6 = 23 px from the centre, the cut FOREARM_CUT of that
        cases = {0.0: (lambda o: o[:, 50], "rows"),      # upright hand: fingers up, forearm below
                 180.0: (lambda o: o[::-1, 50], "rows"),  # hanging down: forearm above
                 90.0: (lambda o: o[50, ::-1], "cols"),   # fingers to the right: forearm on the left
                 -90.0: (lambda o: o[50, :], "cols")}     # fingers to the left: forearm on the right
        for rotation, (line, _) in cases.items():
            for seed in range(20):
                out = hide_forearm(flat, rotation, 0.6, random.Random(seed))
                filled = (line(out) != 200).any(axis=1)   # from the fingers' end towards the forearm
                first = int(np.argmax(filled))
                self.assertTrue(filled[first:].all(), "one contiguous band at the forearm's end")
                self.assertFalse(filled[:first].any())
                cut = first - 50 + 0.5
                self.assertGreaterEqual(cut, FOREARM_CUT[0] * 0.6 * 100 / 2.6 - 1, rotation)
                self.assertLessEqual(cut, FOREARM_CUT[1] * 0.6 * 100 / 2.6 + 1, rotation)
                self.assertEqual(len(np.unique(out[out[..., 0] != 200].reshape(-1, 3), axis=0)), 1,
                                 "one flat fill colour")
        self.assertTrue((flat == 200).all(), "input must not be modified")
        fills = {tuple(hide_forearm(flat, 0.0, 0.6, random.Random(s))[99, 50]) for s in range(40)}
        self.assertIn((0, 0, 0), fills)
        self.assertGreater(len(fills), 5, "black or a random colour")

    def test_hide_forearm_only_with_a_hand_direction_and_when_asked(self):
        plain_cfg = aug_config(no_realworld=True, geometry=False, hflip=False)
        on = dict(plain_cfg, forearm=1.0)
        img = np.full((160, 160, 3), 200, np.uint8)
        hand = (0.0, 1 / 1.5)
        plain = TrainTransform(160, plain_cfg, seed=1)(img, 1.0, hand)
        no_hand = TrainTransform(160, on, seed=1)(img, 1.0, None)
        cut = TrainTransform(160, on, seed=1)(img, 1.0, hand)
        self.assertTrue(torch.equal(plain, no_hand))
        changed = (plain != cut).any(dim=0)
        self.assertTrue(changed[-1].all() and not changed[0].any(), "the bottom rows, never the top")
        self.assertEqual(aug_config()["forearm"], 0.0)
        import train
        from fingerspell_train.augment import config_from_args
        self.assertEqual(config_from_args(train.parser().parse_args(["--hide-forearm", "0.4"]))["forearm"], 0.4)

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
