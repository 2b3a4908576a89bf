import json
import os
import tempfile
import unittest

import torch

from tests._util import DATA_ROOT, HAVE_DATA, NO_DATA_MSG
from fingerspell_train.constants import LABELS
from fingerspell_train.export import export_onnx, check_onnx, descriptor, reference_rows
from fingerspell_train.model import build_model

REQUIRED = {
    "format_version", "name", "version", "created", "architecture", "input_name", "outputs", "labels",
    "input", "crop", "training", "metrics"}
REQ_INPUT = {"size", "color_order", "scale", "mean", "std", "resize", "exposure"}
REQ_CROP = {"mode", "margin", "rotate_upright", "no_hand"}
REQ_TRAINING = {"config", "packs", "data_fingerprint", "split_file", "split_fingerprint", "epochs",
                "input_size", "seed", "command"}


class ExportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        torch.manual_seed(0)
        cls.tmp = tempfile.TemporaryDirectory()
        cls.path = os.path.join(cls.tmp.name, "m.onnx")
        cls.opset = export_onnx(build_model().eval(), cls.path, 112)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_onnx_checker_names_dynamic_batch(self):
        import onnx
        m = check_onnx(self.path, 112)  # runs onnx.checker and asserts names / shapes
        self.assertIn(self.opset, (16, 17))
        self.assertEqual([i.name for i in m.graph.input][0], "input")
        self.assertEqual([o.name for o in m.graph.output], ["logits", "embedding"])
        d0 = m.graph.input[0].type.tensor_type.shape.dim[0]
        self.assertTrue(d0.dim_param)
        self.assertEqual(d0.dim_value, 0)
        self.assertEqual(max(o.version for o in m.opset_import if o.domain in ("", "ai.onnx")), self.opset)
        onnx.checker.check_model(onnx.load(self.path), full_check=True)

    def test_descriptor_fields(self):
        meta = {"config": "S-A", "packs": ["kaggle-train", "phone-train"], "data_fingerprint": "x" * 64,
                "split_file": "training/splits/blocks_80_10_10.csv", "split_sha256": "y" * 64,
                "seed": 0, "command": "/usr/bin/python3 training/train.py",
                "crop": {"mode": "whole", "margin": 0.0, "rotate_upright": False, "no_hand": "classify"}}
        d = descriptor("fingerspell", meta, 112, {"kaggle-test": {"n": 28, "accuracy": 1.0, "macro_f1": 1.0,
                                                                   "classes": "all"}}, epochs=3)
        d = json.loads(json.dumps(d))
        self.assertTrue(REQUIRED <= set(d), REQUIRED - set(d))
        self.assertTrue(REQ_INPUT <= set(d["input"]))
        self.assertTrue(REQ_CROP <= set(d["crop"]))
        self.assertTrue(REQ_TRAINING <= set(d["training"]), REQ_TRAINING - set(d["training"]))
        for k in REQ_TRAINING:
            self.assertIsNotNone(d["training"][k], k)
        self.assertEqual(d["labels"], LABELS)

    def test_hand_crop_descriptor_of_an_older_run_gets_the_still_image_policy(self):
        meta = {"seed": 0, "command": "c", "split_file": "s.csv", "split_sha256": "y" * 64,
                "crop": {"mode": "hand", "margin": 0.1, "rotate_upright": False, "no_hand": "nothing"}}
        d = descriptor("fingerspell", meta, 160, {}, epochs=1)
        self.assertEqual(d["crop"]["no_hand"], "nothing")
        self.assertEqual(d["crop"]["no_hand_stills"], "classify")
        whole = dict(meta, crop={"mode": "whole", "margin": 0.0, "rotate_upright": False, "no_hand": "classify"})
        self.assertNotIn("no_hand_stills", descriptor("fingerspell", whole, 160, {}, epochs=1)["crop"])
        self.assertEqual(len(d["labels"]), 29)
        self.assertEqual(d["labels"][26:], ["del", "nothing", "space"])
        self.assertEqual(d["input_name"], "input")
        self.assertEqual(d["outputs"], {"logits": "logits", "embedding": "embedding"})
        self.assertEqual(d["input"]["mean"], [0.485, 0.456, 0.406])
        self.assertEqual(d["input"]["std"], [0.229, 0.224, 0.225])
        self.assertEqual(d["input"]["color_order"], "RGB")
        self.assertEqual(d["input"]["resize"], "area")
        self.assertTrue(d["created"].endswith("Z"))
        self.assertNotIn("averaged_epochs", d["training"])

    def test_descriptor_of_averaged_weights_names_the_epochs(self):
        meta = {"config": "S-A", "averaged_from": {"epochs": [4, 5, 6], "val_macro_f1": 0.91234567}}
        d = descriptor("fingerspell", meta, 160, {}, epochs=6)
        self.assertEqual(d["training"]["averaged_epochs"], [4, 5, 6])
        self.assertEqual(d["training"]["averaged_val_macro_f1"], 0.912346)


class ShippedModelTest(unittest.TestCase):
    """Checks models/*.json descriptors that exist in the repo (skips when none)."""

    def test_shipped_descriptors(self):
        from fingerspell_train.constants import MODELS_DIR
        if not os.path.isdir(MODELS_DIR):
            self.skipTest("no models/ folder")
        found = False
        for f in sorted(os.listdir(MODELS_DIR)):
            if not f.endswith(".json") or f.endswith(".reference.json"):
                continue
            found = True
            with open(os.path.join(MODELS_DIR, f)) as fh:
                d = json.load(fh)
            self.assertTrue(REQUIRED <= set(d), (f, REQUIRED - set(d)))
            self.assertTrue(REQ_TRAINING <= set(d["training"]), f)
            self.assertEqual(d["labels"], LABELS, f)
            ref = os.path.join(MODELS_DIR, f[:-5] + ".reference.json")
            if os.path.isfile(ref):
                with open(ref) as fh:
                    r = json.load(fh)
                self.assertEqual(len(r["items"]), 60)
                for it in r["items"]:
                    self.assertEqual(len(it["probs"]), 29)
                    self.assertEqual(it["top1"], LABELS[max(range(29), key=lambda i: it["probs"][i])])
        if not found:
            self.skipTest("no descriptors in models/")


@unittest.skipUnless(HAVE_DATA, NO_DATA_MSG)
class ReferenceRowsTest(unittest.TestCase):
    def test_sixty_heldout_images(self):
        import tempfile as tf
        from fingerspell_train import data as D
        rows = D.split_rows(D.read_index(DATA_ROOT, "kaggle-train") + D.read_index(DATA_ROOT, "phone-train"))
        with tf.TemporaryDirectory() as d:
            p = os.path.join(d, "s.csv")
            D.write_split(rows, p)
            ref = reference_rows(DATA_ROOT, p)
        self.assertEqual(len(ref), 60)
        test_files = {(r["pack"], r["file"]) for r in rows if r["split"] == "test"}
        for r in ref:
            if r["pack"] != "kaggle-test":
                self.assertIn((r["pack"], r["file"]), test_files)
            self.assertTrue(os.path.isfile(os.path.join(DATA_ROOT, r["pack"], r["file"])))


if __name__ == "__main__":
    unittest.main()
