import json
import os
import tempfile
import unittest

import numpy as np
import torch

import tests._util  # noqa: F401  (puts training/ on the path)
from fingerspell_train.landmarks import (INPUT_DIM, LandmarkEnsemble, LandmarkNet, augment, export_onnx, fuse,
                                          load_onnx, parse)
from fingerspell_train.data import read_crop_folder
import train_landmarks


def hand(rng, n=4):
    """Plausible 64-float rows: points spread around a wrist, non-zero palm length, presence 0.9."""
    pts = rng.normal(0, 30, (n, 21, 3)) + np.array([100, 120, 0])
    pts[:, 9, :2] = pts[:, 0, :2] + np.array([5, -40])
    return np.concatenate([pts.reshape(n, -1), np.full((n, 1), 0.9)], 1).astype(np.float32)


class ParseTest(unittest.TestCase):
    def test_reads_the_crop_columns(self):
        row = parse("0.9500", " ".join(str(v) for v in range(63)))
        self.assertEqual(row.shape, (INPUT_DIM,))
        self.assertEqual(row[62], 62)
        self.assertAlmostEqual(float(row[63]), 0.95, places=6)

    def test_empty_columns_mean_no_landmarks(self):
        self.assertIsNone(parse("", ""))
        self.assertIsNone(parse(None, None))

    def test_wrong_count_is_an_error(self):
        with self.assertRaises(ValueError):
            parse("0.9", "1 2 3")

    def test_crop_folder_rows_carry_landmarks(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "crops.csv"), "w") as f:
                f.write("file,label,detected,score,hand_rotation_degrees,landmark_presence,landmarks\n")
                f.write("A/a.png,A,true,0.9,10.0,0.9900,%s\n" % " ".join(["1.5"] * 63))
                f.write("B/b.png,B,false,0,,,\n")
            rows, _ = read_crop_folder(d)
        self.assertEqual(rows[0]["landmarks"].shape, (INPUT_DIM,))
        self.assertIsNone(rows[1]["landmarks"])


class NetworkTest(unittest.TestCase):
    def test_features_ignore_position_and_size_of_the_hand(self):
        torch.manual_seed(0)
        net = LandmarkNet().eval()
        x = hand(np.random.default_rng(0))
        moved = x.copy()
        pts = moved[:, :63].reshape(-1, 21, 3)
        pts[:] = pts * 2.5 + np.array([300, -50, 0])  # a bigger hand elsewhere in the frame
        with torch.no_grad():
            a, b = net(torch.from_numpy(x)), net(torch.from_numpy(moved))
        torch.testing.assert_close(a, b, atol=1e-4, rtol=1e-4)

    def test_onnx_round_trip_keeps_the_weights(self):
        torch.manual_seed(1)
        net = LandmarkNet().eval()
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "lm.onnx")
            export_onnx(net, path)
            loaded = load_onnx(path)
        x = torch.from_numpy(hand(np.random.default_rng(1)))
        with torch.no_grad():
            torch.testing.assert_close(net(x), loaded(x))


    def test_ensemble_is_the_mean_of_its_members_and_survives_export(self):
        torch.manual_seed(2)
        members = [LandmarkNet().eval() for _ in range(3)]
        ensemble = LandmarkEnsemble(members).eval()
        x = torch.from_numpy(hand(np.random.default_rng(2)))
        with torch.no_grad():
            torch.testing.assert_close(ensemble(x), torch.stack([m(x) for m in members]).mean(0))
            with tempfile.TemporaryDirectory() as d:
                path = os.path.join(d, "ens.onnx")
                export_onnx(ensemble, path)
                loaded = load_onnx(path)
            self.assertIsInstance(loaded, LandmarkEnsemble)
            self.assertEqual(len(loaded.members), 3)
            torch.testing.assert_close(loaded(x), ensemble(x))


class ReuseMembersTest(unittest.TestCase):
    def run_folder(self, d, members):
        import json
        args = train_landmarks.build_parser().parse_args(
            ["--crops-root", "/crops", "--out", d, "--tilt", "35", "--members", str(len(members))])
        ensemble = members[0] if len(members) == 1 else LandmarkEnsemble(members)
        torch.save({"model": ensemble.state_dict(), "history": [{"epoch": 1}]}, os.path.join(d, "landmarks.pt"))
        with open(os.path.join(d, "run.json"), "w") as f:
            json.dump({"args": vars(args), "train_seconds": 12.5}, f)
        return ensemble.eval()

    def test_reused_members_give_the_same_logits(self):
        torch.manual_seed(3)
        with tempfile.TemporaryDirectory() as d:
            saved = self.run_folder(d, [LandmarkNet().eval() for _ in range(2)])
            args = train_landmarks.build_parser().parse_args(
                ["--crops-root", "/crops", "--out", d, "--tilt", "35", "--members", "2", "--reuse-members",
                 "--crop-model", "other.onnx", "--threads", "1"])
            net, history = train_landmarks.reused_members(args)
        x = torch.from_numpy(hand(np.random.default_rng(3)))
        with torch.no_grad():
            torch.testing.assert_close(net(x), saved(x))
        self.assertEqual(history, [{"epoch": 1}])

    def test_a_run_with_other_training_arguments_is_refused(self):
        with tempfile.TemporaryDirectory() as d:
            self.run_folder(d, [LandmarkNet().eval()])
            args = train_landmarks.build_parser().parse_args(
                ["--crops-root", "/crops", "--out", d, "--tilt", "20", "--members", "1", "--reuse-members"])
            with self.assertRaises(SystemExit) as raised:
                train_landmarks.reused_members(args)
            self.assertIn("tilt", str(raised.exception))


class FixedWeightTest(unittest.TestCase):
    def test_the_grid_chooses_unless_a_weight_is_fixed(self):
        self.assertEqual(train_landmarks.fusion_weight(0.4, None)[0], 0.4)
        weight, why = train_landmarks.fusion_weight(0.4, 0.55)
        self.assertEqual(weight, 0.55)
        self.assertIn("--fixed-weight", why)

    def test_a_weight_outside_zero_to_one_is_refused(self):
        with self.assertRaises(SystemExit):
            train_landmarks.fusion_weight(0.4, 1.5)

    def test_a_fixed_weight_does_not_block_reusing_members(self):
        self.assertIn("fixed_weight", train_landmarks.NOT_TRAINING_ARGS)


class AugmentTest(unittest.TestCase):
    def test_keeps_the_wrist_and_the_presence(self):
        rng = np.random.default_rng(2)
        x = hand(rng, 64)
        y = augment(x, rng, noise=0)  # turns, stretches and mirrors happen about the wrist
        np.testing.assert_allclose(y[:, :3], x[:, :3], atol=1e-4)
        np.testing.assert_array_equal(y[:, 63], x[:, 63])
        self.assertFalse(np.allclose(y, x))

    def test_tilt_turns_the_hand_rigidly_out_of_the_image_plane(self):
        rng = np.random.default_rng(6)
        x = hand(rng, 50)
        y = augment(x, rng, rotate=0, scale=0, noise=0, tilt_degrees=35)
        pts_x, pts_y = x[:, :63].reshape(-1, 21, 3), y[:, :63].reshape(-1, 21, 3)
        i, j = np.triu_indices(21, 1)
        dist = lambda p: np.linalg.norm(p[:, i] - p[:, j], axis=2)  # noqa: E731
        np.testing.assert_allclose(dist(pts_y), dist(pts_x), rtol=1e-4, atol=1e-3)  # lengths kept: a rigid turn
        np.testing.assert_allclose(pts_y[:, 0], pts_x[:, 0], atol=1e-4)  # about the wrist
        self.assertGreater(np.abs(pts_y[:, :, 2] - pts_x[:, :, 2]).max(), 1.0)  # depth changes: out of the plane

    def test_mirrors_about_half_the_hands(self):
        rng = np.random.default_rng(3)
        x = hand(rng, 400)
        y = augment(x, rng, rotate=0, scale=0, noise=0)
        dx = (x[:, 27] - x[:, 0]) * (y[:, 27] - y[:, 0])  # point 9's x offset from the wrist: same or flipped sign
        mirrored = np.mean(dx < 0)
        self.assertGreater(mirrored, 0.4)
        self.assertLess(mirrored, 0.6)


    def test_no_mirror_keeps_every_hand_on_its_side(self):
        rng = np.random.default_rng(3)
        x = hand(rng, 400)
        y = augment(x, rng, rotate=0, scale=0, noise=0, mirror=False)
        dx = (x[:, 27] - x[:, 0]) * (y[:, 27] - y[:, 0])
        self.assertEqual(np.sum(dx < 0), 0)


class ReferenceTest(unittest.TestCase):
    def test_reference_holds_the_logits_of_its_own_rounded_inputs(self):
        import json
        torch.manual_seed(3)
        net = LandmarkNet().eval()
        x = hand(np.random.default_rng(7), 40)
        rows = [{"pack": "p", "file": "f%d" % i, "landmarks": row} for i, row in enumerate(x)]
        rows.insert(5, {"pack": "p", "file": "no-hand", "landmarks": None})
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "ref.json")
            train_landmarks.write_reference(net, rows, path, n=8)
            with open(path) as f:
                ref = json.load(f)
        self.assertEqual(len(ref["items"]), 8)
        self.assertNotIn("no-hand", [i["file"] for i in ref["items"]])
        inputs = torch.tensor([i["input"] for i in ref["items"]], dtype=torch.float32)
        with torch.no_grad():
            expected = net(inputs).numpy()
        np.testing.assert_allclose(np.array([i["logits"] for i in ref["items"]]), expected, atol=1e-4)


class FusionTest(unittest.TestCase):
    def test_weights_zero_and_one_give_each_classifier_alone(self):
        rng = np.random.default_rng(4)
        crop = rng.dirichlet(np.ones(29), 5)
        logits = rng.normal(0, 3, (5, 29))
        np.testing.assert_allclose(fuse(crop, logits, 0.0), crop, rtol=1e-6, atol=1e-9)
        soft = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
        np.testing.assert_allclose(fuse(crop, logits, 1.0), soft, rtol=1e-6, atol=1e-9)

    def test_half_weight_is_the_normalised_geometric_mean(self):
        crop = np.array([[0.7, 0.2, 0.1] + [0.0] * 26])
        logits = np.log(np.array([[0.1, 0.8, 0.1] + [1e-9] * 26]))
        fused = fuse(crop, logits, 0.5)[0]
        g = np.sqrt(np.array([0.7 * 0.1, 0.2 * 0.8, 0.1 * 0.1]))
        np.testing.assert_allclose(fused[:3], g / g.sum(), rtol=1e-4)
        self.assertEqual(int(fused.argmax()), 1)

    def test_rows_without_landmarks_keep_the_crop_reading(self):
        crop = np.random.default_rng(5).dirichlet(np.ones(29), 3)
        lm = np.full((3, 29), np.nan, np.float32)
        lm[1] = np.linspace(-3, 3, 29)
        fused = train_landmarks.fused_probabilities(crop, lm, 0.4)
        np.testing.assert_array_equal(fused[[0, 2]], crop[[0, 2]])
        self.assertFalse(np.allclose(fused[1], crop[1]))


if __name__ == "__main__":
    unittest.main()


class HandCheckTest(unittest.TestCase):
    """The landmark check the training crops were cut with travels into the descriptor the app reads."""

    def test_folders_that_agree_give_their_value_and_old_folders_none(self):
        from fingerspell_train.data import min_landmark_presence
        self.assertEqual(min_landmark_presence({"a": {"min_landmark_presence": 0.5},
                                                "b": {"min_landmark_presence": 0.5}}), 0.5)
        self.assertEqual(min_landmark_presence({"a": {"margin": 0.1}}), 0.0)
        self.assertEqual(min_landmark_presence({}), 0.0)

    def test_folders_cut_with_different_checks_are_refused(self):
        from fingerspell_train.data import min_landmark_presence
        with self.assertRaises(SystemExit) as e:
            min_landmark_presence({"kaggle-train": {"min_landmark_presence": 0.5}, "phone-train": {}})
        self.assertIn("different landmark checks", str(e.exception))

    def test_install_writes_the_check_into_the_descriptor_only_when_there_is_one(self):
        from unittest import mock
        with tempfile.TemporaryDirectory() as d:
            onnx_path = os.path.join(d, "members.onnx")
            with open(onnx_path, "wb") as f:
                f.write(b"onnx")
            descriptor = os.path.join(d, "fingerspell.json")
            for min_presence, expected in ((0.5, 0.5), (0.0, None)):
                with open(descriptor, "w") as f:
                    f.write('{"name": "m"}')
                with mock.patch.object(train_landmarks, "MODELS_DIR", d):
                    train_landmarks.install(onnx_path, 0.55, None, os.path.join(d, "run.json"),
                                            min_presence=min_presence)
                with open(descriptor) as f:
                    section = json.load(f)["landmarks"]
                self.assertEqual(section.get("min_presence"), expected)
                self.assertEqual(section["weight"], 0.55)
