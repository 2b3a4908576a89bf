import unittest

import torch

from tests._util import TRAINING  # noqa: F401
from fingerspell_train.trainer import TimeCosine


class TimeCosineTest(unittest.TestCase):
    def _sched(self, warmup_steps=0):
        opt = torch.optim.Adam([torch.nn.Parameter(torch.zeros(1))], lr=1e-3)
        return opt, TimeCosine(opt, budget_seconds=100.0, warmup_steps=warmup_steps, min_factor=0.01)

    def test_decays_from_full_to_min_over_the_budget(self):
        opt, sched = self._sched()
        sched.apply(0.0)
        self.assertAlmostEqual(opt.param_groups[0]["lr"], 1e-3)
        sched.apply(50.0)  # half the budget: 0.01 + 0.99 * 0.5
        self.assertAlmostEqual(opt.param_groups[0]["lr"], 1e-3 * 0.505)
        sched.apply(100.0)
        self.assertAlmostEqual(opt.param_groups[0]["lr"], 1e-5)
        sched.apply(500.0)  # past the budget it stays at the floor
        self.assertAlmostEqual(opt.param_groups[0]["lr"], 1e-5)

    def test_warms_up_linearly_over_steps(self):
        opt, sched = self._sched(warmup_steps=4)
        sched.apply(0.0)
        self.assertAlmostEqual(opt.param_groups[0]["lr"], 1e-3 * 0.25)
        for _ in range(3):
            sched.step()
        sched.apply(0.0)
        self.assertAlmostEqual(opt.param_groups[0]["lr"], 1e-3)

    def test_state_round_trip_keeps_the_step_count(self):
        _, sched = self._sched(warmup_steps=10)
        for _ in range(7):
            sched.step()
        _, other = self._sched(warmup_steps=10)
        other.load_state_dict(sched.state_dict())
        self.assertEqual(other.steps, 7)
        self.assertAlmostEqual(other.factor(0.0), sched.factor(0.0))
