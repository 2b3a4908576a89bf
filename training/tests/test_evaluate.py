"""evaluate.py on fake packs: an exported ONNX scores as its checkpoint does; --hide-forearm adds the blocks."""
import json
import os
import tempfile
import unittest

import numpy as np
import torch

from tests._util import TRAINING  # noqa: F401
from tests.test_crops import make_fake, CONTEXT
from tests.test_batch_training import add_fake_test_packs
from fingerspell_train import data as D
from fingerspell_train.export import export_onnx
from fingerspell_train.model import build_model
from fingerspell_train.preprocess import eval_transform
import evaluate

SIZE = 64
CROP = {"mode": "hand", "margin": 0.25, "rotate_upright": True, "no_hand": "nothing"}


class EvaluateTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        root = cls.tmp.name
        cls.data_root, cls.crops_root = make_fake(root, frames=12)
        add_fake_test_packs(cls.data_root, cls.crops_root)
        _, split_path, _ = D.make_split(cls.data_root, splits_dir=os.path.join(root, "splits"))
        torch.manual_seed(0)
        model = build_model()
        model.train()
        with torch.no_grad():  # BatchNorm statistics that are not the identity, so folding them matters
            for _ in range(3):
                model(torch.randn(8, 3, SIZE, SIZE) * 2 + 0.5)
        model.eval()
        cls.checkpoint = os.path.join(root, "best.pt")
        torch.save({"model": model.state_dict(), "epoch": 1,
                    "meta": {"size": SIZE, "split_file": split_path, "crop": CROP}}, cls.checkpoint)
        cls.onnx = os.path.join(root, "m.onnx")
        export_onnx(model, cls.onnx, SIZE)
        with open(os.path.join(root, "m.json"), "w") as f:
            json.dump({"crop": CROP, "input": {"size": SIZE},
                       "training": {"input_size": SIZE, "split_file": split_path, "best_epoch": 1}}, f)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def run_eval(self, *extra):
        out = os.path.join(self.tmp.name, "eval-%d.json" % len(os.listdir(self.tmp.name)))
        evaluate.main(["--data-root", self.data_root, "--crops-root", self.crops_root, "--out", out,
                       "--threads", "1"] + list(extra))
        with open(out) as f:
            return json.load(f)["sets"]

    def test_onnx_scores_as_its_checkpoint(self):
        from_checkpoint = self.run_eval("--checkpoint", self.checkpoint)
        from_onnx = self.run_eval("--onnx", self.onnx)
        self.assertEqual(sorted(from_onnx), sorted(evaluate.SET_ORDER))
        for name in evaluate.SET_ORDER:
            self.assertEqual(from_onnx[name]["confusion"], from_checkpoint[name]["confusion"], name)
            self.assertGreater(from_onnx[name]["n"], 0)

    def test_onnx_model_computes_what_the_checkpoint_computes(self):
        import argparse
        a, _ = evaluate.load_model(argparse.Namespace(checkpoint=self.checkpoint, onnx=None))
        b, meta = evaluate.load_model(argparse.Namespace(checkpoint=None, onnx=self.onnx))
        self.assertEqual(meta["meta"]["size"], SIZE)
        self.assertEqual(meta["meta"]["crop"], CROP)
        x = torch.randn(4, 3, SIZE, SIZE)
        with torch.no_grad():
            la, lb = a(x), b(x)
        self.assertGreater(float(la.std()), 0.01)
        self.assertLess(float((la - lb).abs().max()), 1e-3)

    def test_hide_forearm_scores_each_heldout_block_again(self):
        sets = self.run_eval("--checkpoint", self.checkpoint, "--hide-forearm")
        for block in ("kaggle-train-heldout", "phone-train-heldout"):
            self.assertEqual(sets[block + evaluate.NO_FOREARM]["n"], sets[block]["n"])
        self.assertNotIn("massey" + evaluate.NO_FOREARM, sets)

    def test_no_forearm_view_blackens_below_the_wrist_of_an_upright_hand(self):
        img = np.full((60, 60, 3), 200, np.uint8)
        side = 1 / (CONTEXT * 1.5)
        plain = eval_transform(SIZE)(img, CONTEXT)
        hidden = evaluate.no_forearm_transform(SIZE)(img, CONTEXT, (0.0, side))
        changed = (plain != hidden).any(0)
        self.assertTrue(changed[-1].all(), "the bottom rows are filled")
        self.assertFalse(changed[: SIZE // 2].any(), "the fingers' half is untouched")
        black = torch.tensor([-0.485 / 0.229, -0.456 / 0.224, -0.406 / 0.225])
        self.assertTrue(torch.allclose(hidden[:, -1, 0], black, atol=1e-4))
        self.assertTrue(torch.equal(evaluate.no_forearm_transform(SIZE)(img, CONTEXT, None), plain),
                        "no hand, nothing hidden")


class StillsNoHandTest(unittest.TestCase):
    """The no-hand policy evaluation scores still images by: no_hand_stills, else no_hand."""

    def test_stills_policy_wins_over_the_video_policy(self):
        from fingerspell_train.evaluation import stills_no_hand
        self.assertEqual(stills_no_hand({"no_hand": "nothing", "no_hand_stills": "classify"}), "classify")

    def test_older_descriptors_fall_back_to_no_hand(self):
        from fingerspell_train.evaluation import stills_no_hand
        self.assertEqual(stills_no_hand({"no_hand": "nothing"}), "nothing")
        self.assertEqual(stills_no_hand(None), "classify")

    def test_classify_keeps_the_classifier_reading_of_rows_without_a_hand(self):
        import numpy as np
        from fingerspell_train.constants import LABEL_TO_INDEX
        from fingerspell_train.evaluation import score
        rows = [{"label": "A", "detected": False, "pack": "p", "file": "a.jpg"},
                {"label": "B", "detected": True, "pack": "p", "file": "b.jpg"}]
        probs = np.zeros((2, 29), np.float32)
        probs[0, LABEL_TO_INDEX["A"]] = 1
        probs[1, LABEL_TO_INDEX["B"]] = 1
        self.assertEqual(score(rows, probs, no_hand="classify")["accuracy"], 1.0)
        self.assertEqual(score(rows, probs, no_hand="nothing")["accuracy"], 0.5)


class HandCheckWarningTest(unittest.TestCase):
    """Scores from crops cut with another landmark check than the descriptor's are said not to be the app's."""

    def check(self, descriptor_section, metas):
        import contextlib
        import io
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "m.json")
            with open(path, "w") as f:
                json.dump({"landmarks": descriptor_section} if descriptor_section else {}, f)
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                value = evaluate.check_hand_check({"descriptor": path}, metas)
        return value, err.getvalue()

    def test_crops_cut_as_the_descriptor_asks_raise_no_warning(self):
        value, err = self.check({"weight": 0.55, "min_presence": 0.5}, {"a": {"min_landmark_presence": 0.5}})
        self.assertEqual((value, err), (0.5, ""))

    def test_a_mismatch_either_way_is_said(self):
        value, err = self.check({"weight": 0.55, "min_presence": 0.5}, {"a": {}})
        self.assertEqual(value, 0.0)
        self.assertIn("not the app's", err)
        _, err = self.check(None, {"a": {"min_landmark_presence": 0.5}})
        self.assertIn("min_landmark_presence 0.50 but the descriptor asks 0.00", err)

    def test_without_crops_there_is_nothing_to_check(self):
        self.assertEqual(self.check(None, {}), (None, ""))
