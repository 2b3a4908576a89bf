import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

from tests._util import TRAINING


class BenchPytorchTest(unittest.TestCase):
    def test_tensor_file_gives_one_json_object_with_latencies(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "t.f32")
            np.random.RandomState(0).randn(3, 3, 32, 32).astype("<f4").tofile(path)
            out = subprocess.run([sys.executable, os.path.join(TRAINING, "bench_pytorch.py"), "--tensors", path,
                                  "--size", "32", "--threads", "1", "--warmup", "1"],
                                 check=True, capture_output=True, text=True).stdout
        result = json.loads(out)
        self.assertEqual(result["frames"], 3)
        self.assertEqual(result["threads"], 1)
        self.assertEqual(result["input_size"], 32)
        lat = result["latency_ms"]
        self.assertLessEqual(lat["min"], lat["median"])
        self.assertLessEqual(lat["median"], lat["p95"])
        self.assertLessEqual(lat["p95"], lat["max"])
        self.assertAlmostEqual(result["fps"], 1000.0 / lat["mean"], places=6)

    def test_wrong_size_is_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "t.f32")
            np.zeros(100, dtype="<f4").tofile(path)
            done = subprocess.run([sys.executable, os.path.join(TRAINING, "bench_pytorch.py"), "--tensors", path,
                                   "--size", "32"], capture_output=True, text=True)
        self.assertNotEqual(done.returncode, 0)
        self.assertIn("not whole 32x32 tensors", done.stderr)


if __name__ == "__main__":
    unittest.main()
