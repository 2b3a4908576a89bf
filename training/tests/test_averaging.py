import unittest

import torch
import torch.nn as nn

from tests._util import TRAINING  # noqa: F401
from fingerspell_train.averaging import average_state_dicts, recompute_batchnorm


class AverageStateDictsTest(unittest.TestCase):
    def test_floats_are_averaged_and_counters_taken_from_the_last(self):
        a = {"w": torch.tensor([1.0, 2.0]), "n": torch.tensor(3)}
        b = {"w": torch.tensor([3.0, 6.0]), "n": torch.tensor(7)}
        out = average_state_dicts([a, b])
        self.assertTrue(torch.equal(out["w"], torch.tensor([2.0, 4.0])))
        self.assertEqual(int(out["n"]), 7)
        self.assertEqual(out["w"].dtype, torch.float32)

    def test_one_state_dict_is_returned_unchanged(self):
        model = nn.Sequential(nn.Conv2d(3, 4, 3), nn.BatchNorm2d(4))
        out = average_state_dicts([model.state_dict()])
        for k, v in model.state_dict().items():
            self.assertTrue(torch.equal(out[k], v), k)

    def test_refuses_different_architectures(self):
        with self.assertRaises(ValueError):
            average_state_dicts([{"a": torch.zeros(1)}, {"b": torch.zeros(1)}])
        with self.assertRaises(ValueError):
            average_state_dicts([])


class RecomputeBatchnormTest(unittest.TestCase):
    def test_running_statistics_are_the_plain_average_over_all_batches(self):
        torch.manual_seed(0)
        bn = nn.BatchNorm1d(2, momentum=0.1)
        bn.running_mean.fill_(100.0)  # stale statistics, as averaged weights leave them
        batches = [torch.randn(8, 2) + 5.0, torch.randn(8, 2) - 1.0, torch.randn(8, 2)]
        n = recompute_batchnorm(bn, batches)
        self.assertEqual(n, 24)
        every = torch.cat(batches)
        # cumulative average of per-batch means (equal batch sizes: the mean of all rows)
        self.assertTrue(torch.allclose(bn.running_mean, every.mean(0), atol=1e-5))
        expected_var = torch.stack([b.var(0, unbiased=True) for b in batches]).mean(0)
        self.assertTrue(torch.allclose(bn.running_var, expected_var, atol=1e-5))
        self.assertEqual(bn.momentum, 0.1)
        self.assertFalse(bn.training)

    def test_no_batches_is_an_error(self):
        with self.assertRaises(ValueError):
            recompute_batchnorm(nn.BatchNorm1d(2), [])


class WithStartTest(unittest.TestCase):
    def test_a_run_that_did_not_start_from_a_model_is_refused(self):
        import argparse
        import average_weights
        with self.assertRaises(SystemExit) as raised:
            average_weights.start_weights(argparse.Namespace(init_onnx=None, seed=0), [])
        self.assertIn("--init-onnx", str(raised.exception))


if __name__ == "__main__":
    unittest.main()
