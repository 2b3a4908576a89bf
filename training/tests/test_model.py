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
