import json
import os
import unittest

import cv2
import numpy as np

from fingerspell_train.augment import TrainTransform, aug_config
from fingerspell_train.export import descriptor
from fingerspell_train.preprocess import (LIFT_TARGET, apply_exposure, eval_transform, lift_gamma, lift_table,
                                          preprocess_bgr)

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "test", "resources",
                        "exposure")


def backlit(side=64, hand=20, scene=240):
    img = np.full((side, side, 3), scene, np.uint8)
    q = side // 4
    img[q:side - q, q:side - q] = hand
    return img


class LiftRuleTest(unittest.TestCase):
    def test_a_dark_middle_before_a_bright_scene_is_lifted_to_the_target(self):
        img = backlit()
        g = lift_gamma(img)
        self.assertLess(g, 1.0)
        out = apply_exposure(img, "backlight_lift")
        self.assertAlmostEqual(out[32, 32, 0] / 255.0, LIFT_TARGET, delta=0.01)
        self.assertGreaterEqual(int(out[0, 0, 0]), 240, "the bright scene stays bright")

    def test_scenes_that_are_not_backlit_are_left_alone(self):
        lit_hand_on_black = backlit(hand=180, scene=0)
        dim_room = backlit(hand=30, scene=70)
        lit_room = backlit(hand=140, scene=200)
        for img in (lit_hand_on_black, dim_room, lit_room):
            self.assertEqual(lift_gamma(img), 1.0)
            self.assertIs(apply_exposure(img, "backlight_lift"), img)

    def test_black_padding_is_not_read_as_scene(self):
        img = backlit()
        img[:, :20] = 0  # the crop box left the frame on one side
        self.assertLess(lift_gamma(img), 1.0)
        img[:, :] = 0
        img[28:36, 28:36] = 20  # almost nothing inside the frame: no judgement
        self.assertEqual(lift_gamma(img), 1.0)

    def test_gamma_has_a_floor(self):
        self.assertAlmostEqual(lift_gamma(backlit(hand=1)), 1.0 / 3.0)

    def test_table_is_monotone_and_fixes_the_ends(self):
        t = lift_table(0.5)
        self.assertEqual((int(t[0]), int(t[255])), (0, 255))
        self.assertTrue(np.all(np.diff(t.astype(int)) >= 0))

    def test_unknown_exposure_is_rejected_and_none_is_identity(self):
        img = backlit()
        self.assertIs(apply_exposure(img, "none"), img)
        self.assertIs(apply_exposure(img, None), img)
        with self.assertRaises(ValueError):
            apply_exposure(img, "hdr")


class SameStepEverywhereTest(unittest.TestCase):
    def test_training_transform_ends_in_the_same_step_as_evaluation(self):
        rgb = backlit(side=80)
        cfg = aug_config(no_realworld=True, geometry=False, hflip=False, exposure="backlight_lift")
        train = TrainTransform(64, cfg, seed=1)(rgb)
        evaluation = eval_transform(64, "backlight_lift")(rgb)
        np.testing.assert_allclose(train.numpy(), evaluation.numpy(), atol=1e-6)
        plain = eval_transform(64)(rgb)
        self.assertGreater(float(evaluation[0, 32, 32] - plain[0, 32, 32]), 1.0)

    def test_preprocess_applies_it_after_the_resize(self):
        bgr = cv2.cvtColor(backlit(side=100), cv2.COLOR_RGB2BGR)
        resized = cv2.cvtColor(cv2.resize(bgr, (50, 50), interpolation=cv2.INTER_AREA), cv2.COLOR_BGR2RGB)
        expected = apply_exposure(resized, "backlight_lift").astype(np.float32) / 255.0
        x = preprocess_bgr(bgr, 50, exposure="backlight_lift")
        mean, std = np.array([0.485, 0.456, 0.406]), np.array([0.229, 0.224, 0.225])
        np.testing.assert_allclose(x.transpose(1, 2, 0) * std + mean, expected, atol=1e-5)

    def test_descriptor_names_the_step_of_the_run(self):
        self.assertEqual(descriptor("m", {"exposure": "backlight_lift"}, 160, {}, 1)["input"]["exposure"],
                         "backlight_lift")
        self.assertEqual(descriptor("m", {}, 160, {}, 1)["input"]["exposure"], "none")


class JavaFixturesTest(unittest.TestCase):
    """The cases ExposureLiftTest (Java) checks were written by make_exposure_fixtures.py from this code."""

    def test_fixtures_match_this_side(self):
        with open(os.path.join(FIXTURES, "cases.json")) as f:
            cases = json.load(f)["cases"]
        self.assertGreaterEqual(len(cases), 6)
        for c in cases:
            rgb = cv2.cvtColor(cv2.imread(os.path.join(FIXTURES, c["name"] + ".png")), cv2.COLOR_BGR2RGB)
            lifted = cv2.cvtColor(cv2.imread(os.path.join(FIXTURES, c["name"] + ".lifted.png")), cv2.COLOR_BGR2RGB)
            self.assertAlmostEqual(lift_gamma(rgb), c["gamma"], places=12, msg=c["name"])
            np.testing.assert_array_equal(apply_exposure(rgb, "backlight_lift"), lifted, err_msg=c["name"])


if __name__ == "__main__":
    unittest.main()
