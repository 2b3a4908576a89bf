"""The landmark classifier: an MLP on MediaPipe's 21 hand landmarks, fused with the crop classifier.

Its input is what `fingerspell crop` writes in crops.csv (`landmarks`: 21 x (x, y, z) in frame pixels, and
`landmark_presence`) and what the app passes at run time: one row of 64 floats. Everything else happens inside the
network, so the ONNX file carries it and Java cannot drift: the wrist goes to the origin, the wrist to
middle-finger-base length becomes 1, and the features are those coordinates, all 210 pairwise 3-D distances and the
presence. Landmarks do not see skin, sleeves or rooms, which is why they transfer to other people where crops do
not; the crop classifier still sees what landmarks miss (a backlit hand, a hand the landmark model gets wrong).
"""
import numpy as np
import torch
import torch.nn as nn

from .constants import NUM_CLASSES

POINTS = 21
INPUT_DIM = POINTS * 3 + 1
WRIST, MIDDLE_BASE = 0, 9
INPUT_NAME = "landmarks"
OUTPUT_NAME = "logits"


def parse(presence, landmarks):
    """The 64-float row from crops.csv's two columns, or None where they are empty (no hand, no landmark model)."""
    presence, landmarks = (presence or "").strip(), (landmarks or "").strip()
    if not presence or not landmarks:
        return None
    values = [float(v) for v in landmarks.split()]
    if len(values) != POINTS * 3:
        raise ValueError("expected %d landmark numbers, got %d" % (POINTS * 3, len(values)))
    return np.array(values + [float(presence)], np.float32)


class LandmarkNet(nn.Module):
    def __init__(self, hidden=512, dropout=0.3):
        super().__init__()
        i, j = np.triu_indices(POINTS, 1)
        self.register_buffer("pair_i", torch.from_numpy(i.astype(np.int64)), persistent=False)
        self.register_buffer("pair_j", torch.from_numpy(j.astype(np.int64)), persistent=False)
        features = POINTS * 3 + len(i) + 1
        self.mlp = nn.Sequential(nn.Linear(features, hidden), nn.ReLU(), nn.Dropout(dropout),
                                 nn.Linear(hidden, hidden), nn.ReLU(), nn.Dropout(dropout),
                                 nn.Linear(hidden, NUM_CLASSES))

    def features(self, x):
        points = x[:, :POINTS * 3].reshape(-1, POINTS, 3)
        presence = x[:, POINTS * 3:]
        rel = points - points[:, WRIST:WRIST + 1]
        palm = torch.sqrt((rel[:, MIDDLE_BASE, :2] ** 2).sum(1)).clamp_min(1e-6)
        rel = rel / palm[:, None, None]
        d = rel[:, self.pair_i] - rel[:, self.pair_j]
        distances = torch.sqrt((d ** 2).sum(2) + 1e-12)
        return torch.cat([rel.reshape(-1, POINTS * 3), distances, presence], 1)

    def forward(self, x):
        return self.mlp(self.features(x))


def tilt(rel, rng, degrees):
    """Turns the hand out of the image plane about the wrist: up to `degrees` about the horizontal and the vertical
    axis, as another camera height or side would see it (z is the landmark model's depth, in the same units)."""
    n = len(rel)
    for axes in ((1, 2), (0, 2)):  # about x: y and z mix; about y: x and z mix
        a = np.deg2rad(rng.uniform(-degrees, degrees, n))[:, None]
        c, s = np.cos(a), np.sin(a)
        u, v = rel[:, :, axes[0]].copy(), rel[:, :, axes[1]].copy()
        rel[:, :, axes[0]] = c * u - s * v
        rel[:, :, axes[1]] = s * u + c * v
    return rel


class LandmarkEnsemble(nn.Module):
    """Several LandmarkNets trained with different seeds; the mean of their logits, as one ONNX graph."""

    def __init__(self, members):
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(self, x):
        return torch.stack([m(x) for m in self.members]).mean(0)


def augment(rows, rng, rotate=20.0, scale=0.1, noise=0.03, tilt_degrees=0.0, mirror=True):
    """Random turn about the wrist (degrees), per-axis stretch, mirror (the other hand; half the rows when
    mirror), jitter in palm units and, with tilt_degrees, a turn out of the image plane."""
    x = rows.copy()
    pts = x[:, :POINTS * 3].reshape(-1, POINTS, 3)
    wrist = pts[:, WRIST:WRIST + 1].copy()
    rel = pts - wrist
    palm = np.linalg.norm(rel[:, MIDDLE_BASE, :2], axis=1)[:, None, None]
    n = len(x)
    if tilt_degrees:
        rel = tilt(rel, rng, tilt_degrees)
    a = np.deg2rad(rng.uniform(-rotate, rotate, n))
    c, s = np.cos(a), np.sin(a)
    xy = rel[:, :, :2].copy()
    rel[:, :, 0] = c[:, None] * xy[:, :, 0] - s[:, None] * xy[:, :, 1]
    rel[:, :, 1] = s[:, None] * xy[:, :, 0] + c[:, None] * xy[:, :, 1]
    rel *= rng.uniform(1 - scale, 1 + scale, (n, 1, 3))
    flip = rng.random(n) < 0.5  # drawn either way, so the other draws do not depend on mirror
    if mirror:
        rel[flip, :, 0] *= -1
    rel += rng.normal(0, noise, rel.shape) * palm
    x[:, :POINTS * 3] = (wrist + rel).reshape(n, -1)
    return x


def fuse(crop_probabilities, landmark_logits, weight):
    """(1 - w) log p_crop + w log softmax(landmark logits), as probabilities: the app's LogitFusion."""
    log_crop = np.log(np.maximum(crop_probabilities, 1e-12))
    z = landmark_logits - landmark_logits.max(1, keepdims=True)
    log_landmarks = z - np.log(np.exp(z).sum(1, keepdims=True))
    fused = (1 - weight) * log_crop + weight * log_landmarks
    fused = np.exp(fused - fused.max(1, keepdims=True))
    return fused / fused.sum(1, keepdims=True)


def export_onnx(net, path):
    net.eval()
    dummy = torch.zeros(2, INPUT_DIM)
    dummy[:, :POINTS * 3] = torch.arange(POINTS * 3, dtype=torch.float32)
    torch.onnx.export(net, dummy, path, input_names=[INPUT_NAME], output_names=[OUTPUT_NAME],
                      dynamic_axes={INPUT_NAME: {0: "N"}, OUTPUT_NAME: {0: "N"}}, opset_version=13,
                      do_constant_folding=True)


def load_onnx(path):
    """A LandmarkNet (or LandmarkEnsemble) with the weights of an exported file (torch only: no ONNX Runtime in
    /usr/bin/python3)."""
    import onnx
    from onnx import numpy_helper
    weights = {i.name: numpy_helper.to_array(i) for i in onnx.load(path).graph.initializer}
    members = len({k.split(".")[1] for k in weights if k.startswith("members.")})
    net = LandmarkEnsemble([LandmarkNet() for _ in range(members)]) if members else LandmarkNet()
    state = net.state_dict()
    missing = [k for k in state if k not in weights]
    if missing:
        raise ValueError("%s does not hold %s: not a landmark classifier of this shape" % (path, missing[:3]))
    net.load_state_dict({k: torch.from_numpy(weights[k].copy()) for k in state})
    return net.eval()
