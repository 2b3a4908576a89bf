import unittest

import torch

from tests._util import TRAINING  # noqa: F401
from fingerspell_train.model import build_model, apply_config, trainable_share, set_train_mode, ExportWrapper

# The study's table: share of trainable parameters per configuration (percent, 2 decimals)
EXPECTED = {"T-A": 0.13, "T-B": 75.13, "T-C": 93.90, "S-A": 100.00}


class ConfigTest(unittest.TestCase):
    def test_trainable_shares(self):
        for cfg, want in EXPECTED.items():
            m = build_model()
            apply_config(m, cfg)
            self.assertAlmostEqual(round(100 * trainable_share(m), 2), want, places=2, msg=cfg)

    def test_frozen_batchnorm_stays_eval(self):
        m = build_model()
        apply_config(m, "T-B")
        set_train_mode(m)
        self.assertFalse(m.layer1[0].bn1.training)
        self.assertFalse(m.bn1.training)
        self.assertTrue(m.layer4[0].bn1.training)
        before = m.layer1[0].bn1.running_mean.clone()
        m(torch.randn(2, 3, 64, 64)).sum().backward()
        self.assertTrue(torch.equal(before, m.layer1[0].bn1.running_mean))
        self.assertIsNone(m.layer1[0].conv1.weight.grad)

    def test_wrapper_outputs(self):
        m = build_model().eval()
        x = torch.randn(3, 3, 112, 112)
        with torch.no_grad():
            logits, emb = ExportWrapper(m)(x)
            ref = m(x)
        self.assertEqual(tuple(logits.shape), (3, 29))
        self.assertEqual(tuple(emb.shape), (3, 512))
        self.assertTrue(torch.allclose(logits, ref, atol=1e-5))
        self.assertTrue(torch.allclose(logits, m.fc(emb), atol=1e-5))


if __name__ == "__main__":
    unittest.main()


class FusedOnnxInitTest(unittest.TestCase):
    """Fine-tuning a committed model starts from the function its ONNX file computes."""

    def _trained_like_model(self):
        torch.manual_seed(3)
        m = build_model()
        # BatchNorm statistics and affine parameters far from their defaults, as after training.
        for mod in m.modules():
            if isinstance(mod, torch.nn.BatchNorm2d):
                mod.running_mean.uniform_(-0.5, 0.5)
                mod.running_var.uniform_(0.5, 2.0)
                mod.weight.data.uniform_(0.5, 1.5)
                mod.bias.data.uniform_(-0.2, 0.2)
        return m.eval()

    def test_loaded_model_reproduces_exported_one_in_eval_and_train_mode(self):
        import os
        import tempfile
        from fingerspell_train.model import load_fused_onnx, calibrate_batchnorm
        original = self._trained_like_model()
        x = torch.randn(16, 3, 64, 64)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "m.onnx")
            # Eval-mode export folds every BatchNorm into the Conv before it, as export.py does.
            torch.onnx.export(ExportWrapper(original).eval(), torch.randn(1, 3, 64, 64), path, opset_version=17,
                              input_names=["input"], output_names=["logits", "embedding"])
            loaded = load_fused_onnx(build_model(), path).eval()
        with torch.no_grad():
            want = original(x)
            self.assertTrue(torch.allclose(loaded(x), want, atol=1e-4))
            # Before calibration, training mode's batch statistics scramble that function.
            import copy
            self.assertFalse(torch.allclose(copy.deepcopy(loaded).train()(x), want, atol=1e-2))
            calibrate_batchnorm(loaded, [x[:8], x[8:]])
            self.assertTrue(torch.allclose(loaded.eval()(x), want, atol=1e-4))
            # Training mode normalises by the batch's own statistics: on the calibration data they are the
            # calibrated ones, so the function is unchanged there too.
            self.assertTrue(torch.allclose(loaded.train()(x), want, atol=1e-3))

    def test_wrong_architecture_is_refused(self):
        import os
        import tempfile
        from fingerspell_train.model import load_fused_onnx
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "small.onnx")
            torch.onnx.export(torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.ReLU()).eval(),
                              torch.randn(1, 3, 16, 16), path, opset_version=17)
            with self.assertRaises(ValueError):
                load_fused_onnx(build_model(), path)
