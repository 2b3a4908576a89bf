import unittest
from collections import defaultdict

from tests._util import DATA_ROOT, HAVE_DATA, NO_DATA_MSG
from fingerspell_train import data as D


def check_blocks(tc, rows):
    seen = {}
    for r in rows:
        key = (r["pack"], r["file"])
        tc.assertNotIn(key, seen, "file %s in two splits" % (key,))
        seen[key] = r["split"]
    groups = defaultdict(lambda: defaultdict(list))
    for r in rows:
        groups[(r["pack"], r["label"])][r["split"]].append(D.frame_number(r["file"]))
    order = ["train", "val", "test"]
    for key, g in groups.items():
        present = [s for s in order if g[s]]
        # blocks of frame numbers in order train < val < test: no run crosses a boundary
        for a, b in zip(present, present[1:]):
            tc.assertLess(max(g[a]), min(g[b]), "%s: %s and %s interleave" % (key, a, b))
        # walking the sorted frame numbers, the split changes at most twice
        seq = [s for _, s in sorted((n, s) for s in order for n in g[s])]
        changes = sum(1 for x, y in zip(seq, seq[1:]) if x != y)
        tc.assertLessEqual(changes, 2, key)


class SyntheticSplitTest(unittest.TestCase):
    def test_blocks_synthetic(self):
        rows = [{"pack": "p", "label": "A", "file": "A/A%d.jpg" % n, "sha256_16": ""} for n in range(5, 3000, 10)]
        rows += [{"pack": "q", "label": "B", "file": "B/%d.jpg" % n, "sha256_16": ""} for n in range(0, 1000, 3)]
        out = D.split_rows(rows)
        check_blocks(self, out)
        counts = defaultdict(int)
        for r in out:
            counts[(r["pack"], r["split"])] += 1
        self.assertAlmostEqual(counts[("p", "train")] / 300.0, 0.8, delta=0.02)
        self.assertGreater(counts[("p", "test")], 0)

    def test_frame_number(self):
        self.assertEqual(D.frame_number("A/A1005.jpg"), 1005)
        self.assertEqual(D.frame_number("nothing/nothing12.jpg"), 12)
        self.assertEqual(D.frame_number("space/37.jpg"), 37)


@unittest.skipUnless(HAVE_DATA, NO_DATA_MSG)
class RealSplitTest(unittest.TestCase):
    def test_real_split(self):
        rows = []
        for p in ("kaggle-train", "phone-train"):
            rows.extend(D.read_index(DATA_ROOT, p))
        out = D.split_rows(rows)
        self.assertEqual(len(out), len(rows))
        check_blocks(self, out)
        for pack in ("kaggle-train", "phone-train"):
            for s, frac in (("train", 0.8), ("val", 0.1), ("test", 0.1)):
                n = sum(1 for r in out if r["pack"] == pack and r["split"] == s)
                tot = sum(1 for r in out if r["pack"] == pack)
                self.assertAlmostEqual(n / tot, frac, delta=0.03, msg=(pack, s))

    def test_split_file_is_deterministic(self):
        import os
        import tempfile
        rows = D.split_rows(D.read_index(DATA_ROOT, "kaggle-train"))
        with tempfile.TemporaryDirectory() as d:
            a = D.write_split(rows, os.path.join(d, "a.csv"))
            b = D.write_split(list(reversed(rows)), os.path.join(d, "b.csv"))
        self.assertEqual(a, b)


if __name__ == "__main__":
    unittest.main()
