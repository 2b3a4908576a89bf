import os
import random
import tempfile
import unittest

import numpy as np

import tests._util  # noqa: F401  (puts training/ on the path)
from fingerspell_train.augment import TrainTransform, aug_config, backlight, random_background, replace_background
from fingerspell_train.data import attach_masks, load_mask, split_fractions
from fingerspell_train.hand_mask import crop_points, refine, skeleton_mask


def upright_hand(size=160):
    """21 points of an open hand standing upright in the middle of a crop: wrist low, fingers up."""
    wrist = np.array([80.0, 130.0])
    points = [wrist]
    for i, dx in enumerate((-28, -14, 0, 14, 26)):  # thumb, index, middle, ring, little
        base = wrist + np.array([dx * (0.8 if i == 0 else 0.6), -40.0 if i else -15.0])
        for j in range(4 if i else 4):
            points.append(base + np.array([dx * 0.1 * j, -12.0 * j]))
    pts = np.array(points[:21])
    pts[9] = wrist + np.array([0, -40.0])  # middle-finger knuckle: palm length 40
    return pts


def synthetic_crop(mask, hand_rgb=(200, 150, 120), wall_rgb=(60, 90, 170)):
    img = np.empty(mask.shape + (3,), np.uint8)
    img[:] = wall_rgb
    img[mask > 0] = hand_rgb
    rng = np.random.default_rng(0)
    return np.clip(img.astype(np.int16) + rng.integers(-6, 7, img.shape), 0, 255).astype(np.uint8)


class CropPointsTest(unittest.TestCase):
    def test_frame_pixels_map_into_the_crop(self):
        # a crop of side 100 x context 1.25 around (200, 150), written at 160 px: 1.28 px per frame pixel
        flat = np.zeros((21, 3))
        flat[0] = (200, 150, 0)          # the centre
        flat[1] = (137.5, 87.5, 0)       # the crop's top-left corner
        pts = crop_points(flat.ravel(), (200, 150), 100, 1.25, 160)
        np.testing.assert_allclose(pts[0], (80, 80))
        np.testing.assert_allclose(pts[1], (0, 0))


class MaskTest(unittest.TestCase):
    def test_skeleton_covers_the_joints_and_not_the_corners(self):
        pts = upright_hand()
        mask = skeleton_mask(pts, 160)
        for x, y in np.round(pts).astype(int):
            self.assertEqual(mask[y, x], 255, (x, y))
        self.assertEqual(mask[2, 2], 0)
        self.assertEqual(mask[2, 157], 0)

    def test_grabcut_follows_a_hand_that_differs_from_its_wall(self):
        pts = upright_hand()
        truth = skeleton_mask(pts, 160, width_scale=1.3)  # the "real" hand is a little wider than drawn
        mask, method = refine(synthetic_crop(truth), pts)
        self.assertEqual(method, "grabcut")
        agree = ((mask > 0) == (truth > 0)).mean()
        drawn_agree = ((skeleton_mask(pts, 160) > 0) == (truth > 0)).mean()
        self.assertGreater(agree, drawn_agree)
        self.assertGreater(agree, 0.97)

    def test_grabcut_that_swallows_the_scene_falls_back_to_the_skeleton(self):
        pts = upright_hand()
        same = np.full((160, 160, 3), 128, np.uint8)  # nothing tells hand from wall
        same[::2, ::2] = 131
        mask, method = refine(same, pts)
        self.assertIn(method, ("grabcut", "skeleton"))
        ratio = mask.sum() / skeleton_mask(pts, 160).sum()
        self.assertLessEqual(ratio, 1.8)
        self.assertGreaterEqual(ratio, 0.6)


class MaskAugmentTest(unittest.TestCase):
    def setUp(self):
        self.mask = skeleton_mask(upright_hand(), 160)
        self.img = synthetic_crop(self.mask)

    def test_background_keeps_the_hand_and_changes_the_rest(self):
        out = replace_background(self.img, self.mask, random.Random(4))
        import cv2
        core = cv2.erode(self.mask, np.ones((9, 9), np.uint8)) == 255  # clear of the feathered edge
        self.assertGreater(core.sum(), 500)
        edge_free_wall = np.zeros_like(core)
        edge_free_wall[:20, :20] = True
        self.assertLess(np.abs(out[core].astype(int) - self.img[core].astype(int)).max(), 8)
        self.assertGreater(np.abs(out[edge_free_wall].astype(int) - self.img[edge_free_wall].astype(int)).mean(), 1)

    def test_backlight_darkens_the_hand_and_lifts_the_scene(self):
        out = backlight(self.img, self.mask, random.Random(2))
        inside, outside = self.mask == 255, self.mask == 0
        self.assertLess(out[inside].mean(), 0.35 * self.img[inside].mean())
        self.assertGreater(out[outside].mean(), self.img[outside].mean())

    def test_every_background_kind_has_the_crop_shape(self):
        rng = random.Random(0)
        for _ in range(40):
            back = random_background(rng, 64)
            self.assertEqual(back.shape, (64, 64, 3))
            self.assertGreaterEqual(back.min(), 0)
            self.assertLessEqual(back.max(), 255.0 + 1e-3)

    def test_transform_uses_the_mask_only_when_asked(self):
        plain = TrainTransform(64, aug_config(no_realworld=True, geometry=False, hflip=False), seed=1)
        masked = TrainTransform(64, aug_config(no_realworld=True, geometry=False, hflip=False, backlight=1.0), seed=1)
        a = plain(self.img, 1.25, None, self.mask)
        b = masked(self.img, 1.25, None, self.mask)
        c = masked(self.img, 1.25, None, None)
        self.assertTrue(np.allclose(a.numpy(), c.numpy()))
        self.assertFalse(np.allclose(a.numpy(), b.numpy()))


class SplitAndMaskRowsTest(unittest.TestCase):
    def test_split_names_give_fractions(self):
        self.assertEqual(split_fractions("blocks_80_10_10"), (0.8, 0.1, 0.1))
        self.assertEqual(split_fractions("blocks_85_5_10"), (0.85, 0.05, 0.1))
        for bad in ("blocks_80_10", "random", "blocks_80_10_20", "blocks_90_0_10"):
            with self.assertRaises(ValueError):
                split_fractions(bad)

    def test_masks_attach_by_pack_and_file(self):
        from PIL import Image
        with tempfile.TemporaryDirectory() as d:
            crop = os.path.join(d, "crops", "kaggle-train", "A", "A5.png")
            os.makedirs(os.path.dirname(crop))
            Image.new("RGB", (8, 8)).save(crop)
            mask = os.path.join(d, "masks", "kaggle-train", "A", "A5.png")
            os.makedirs(os.path.dirname(mask))
            Image.fromarray(np.full((8, 8), 255, np.uint8)).save(mask)
            rows = [{"pack": "kaggle-train", "path": crop}, {"pack": "phone-train", "path": crop}]
            self.assertEqual(attach_masks(rows, os.path.join(d, "masks")), 1)
            self.assertEqual(load_mask(rows[0]).shape, (8, 8))
            self.assertIsNone(load_mask(rows[1]))


if __name__ == "__main__":
    unittest.main()
