"""ONNX export, descriptor and parity reference."""
import datetime
import json
import os

import numpy as np
import torch

from .constants import (LABELS, MEAN, STD, INPUT_NAME, OUTPUT_NAMES, EMBED_DIM, NUM_CLASSES,
                        REPO_ROOT, TRAIN_PACKS)
from .model import build_model, ExportWrapper
from .preprocess import preprocess_path
from . import data as D
from .evaluation import STILLS_NO_HAND

OPSET = 17


def load_checkpoint_model(path):
    ck = torch.load(path, map_location="cpu")
    model = build_model()
    model.load_state_dict(ck["model"])
    model.eval()
    return model, ck


def export_onnx(model, path, size, opset=OPSET):
    """Export (logits, embedding) with a dynamic batch axis; returns the opset used."""
    wrapper = ExportWrapper(model).eval()
    dummy = torch.zeros(1, 3, size, size, dtype=torch.float32)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    used = opset
    try:
        torch.onnx.export(wrapper, dummy, path, input_names=[INPUT_NAME], output_names=OUTPUT_NAMES,
                          dynamic_axes={INPUT_NAME: {0: "N"}, "logits": {0: "N"}, "embedding": {0: "N"}},
                          opset_version=opset, do_constant_folding=True)
    except Exception as e:  # torch too old for the opset
        if opset <= 16:
            raise
        print("opset %d failed (%s); falling back to 16" % (opset, e))
        used = 16
        torch.onnx.export(wrapper, dummy, path, input_names=[INPUT_NAME], output_names=OUTPUT_NAMES,
                          dynamic_axes={INPUT_NAME: {0: "N"}, "logits": {0: "N"}, "embedding": {0: "N"}},
                          opset_version=16, do_constant_folding=True)
    check_onnx(path, size)
    return used


def check_onnx(path, size=None):
    """onnx.checker + names, shapes and the dynamic batch axis; raises on mismatch."""
    import onnx
    m = onnx.load(path)
    onnx.checker.check_model(m)
    ins = [i for i in m.graph.input if i.name not in {t.name for t in m.graph.initializer}]
    assert [i.name for i in ins] == [INPUT_NAME], [i.name for i in ins]
    assert [o.name for o in m.graph.output] == OUTPUT_NAMES, [o.name for o in m.graph.output]

    def dims(v):
        return [d.dim_param if d.dim_param else d.dim_value for d in v.type.tensor_type.shape.dim]
    di = dims(ins[0])
    assert isinstance(di[0], str) and di[0], "batch axis is not dynamic: %s" % di
    assert di[1:] == [3, size, size] or size is None, di
    assert ins[0].type.tensor_type.elem_type == onnx.TensorProto.FLOAT
    dl, de = dims(m.graph.output[0]), dims(m.graph.output[1])
    assert isinstance(dl[0], str) and dl[1] == NUM_CLASSES, dl
    assert isinstance(de[0], str) and de[1] == EMBED_DIM, de
    return m


def descriptor(name, meta, size, metrics, epochs, version="0.1.0", architecture="resnet18"):
    crop = dict(meta.get("crop") or {"mode": "whole", "margin": 0.0, "rotate_upright": False,
                                      "no_hand": "classify"})
    if crop.get("mode") == "hand":  # runs from before no_hand_stills existed read still images as new runs do
        crop.setdefault("no_hand_stills", STILLS_NO_HAND)
    d = {
        "format_version": 1,
        "name": "fingerspell",
        "version": version,
        "created": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "architecture": architecture,
        "input_name": INPUT_NAME,
        "outputs": {"logits": "logits", "embedding": "embedding"},
        "labels": list(LABELS),
        "input": {"size": size, "color_order": "RGB", "scale": 255.0, "mean": list(MEAN), "std": list(STD),
                  "resize": "area", "exposure": meta.get("exposure") or "none"},
        "crop": crop,
        "training": {
            "config": meta.get("config"),
            "packs": list(meta.get("packs", TRAIN_PACKS)),
            "data_fingerprint": meta.get("data_fingerprint"),
            "split_file": meta.get("split_file"),
            "split_fingerprint": meta.get("split_sha256"),
            "epochs": int(epochs),
            "input_size": size,
            "seed": meta.get("seed", 0),
            "command": meta.get("command"),
        },
        "metrics": metrics or {},
    }
    for key in ("trainer", "device", "weights"):  # train_gpu.py runs: where they trained, raw or EMA weights
        if meta.get(key):
            d["training"][key] = meta[key]
    averaged = meta.get("averaged_from")
    if averaged:  # average_weights.py: the mean of several epochs' weights, not one checkpoint
        d["training"]["averaged_epochs"] = list(averaged["epochs"])
        d["training"]["averaged_val_macro_f1"] = round(float(averaged["val_macro_f1"]), 6)
        if averaged.get("with_start"):  # --with-start: the run's starting weights are one of the averaged
            d["training"]["averaged_with_start"] = True
    return d


def reference_rows(data_root, split_file, n_per_pack=16):
    """60 deterministic real images: held-out test blocks of the training packs + kaggle-test."""
    rows = D.read_split(split_file)
    out = []
    for pack in TRAIN_PACKS:
        t = sorted((r for r in rows if r["pack"] == pack and r["split"] == "test"),
                   key=lambda r: (r["label"], D.frame_number(r["file"]), r["file"]))
        if not t:
            continue
        idx = np.linspace(0, len(t) - 1, n_per_pack).round().astype(int)
        out.extend({"pack": pack, "file": t[i]["file"], "label": t[i]["label"]} for i in idx)
    kt = sorted(D.read_index(data_root, "kaggle-test"), key=lambda r: r["file"])
    out.extend({"pack": "kaggle-test", "file": r["file"], "label": r["label"]} for r in kt)
    return out


@torch.no_grad()
def make_reference(model, data_root, split_file, size, name, exposure=None):
    rows = reference_rows(data_root, split_file)
    model.eval()
    x = np.stack([preprocess_path(os.path.join(data_root, r["pack"], r["file"]), size, exposure=exposure)
                  for r in rows])
    logits = model(torch.from_numpy(x))
    probs = torch.softmax(logits.float(), 1).numpy().astype(np.float64)
    items = []
    for r, p in zip(rows, probs):
        items.append({"path": r["pack"] + "/" + r["file"], "label": r["label"],
                      "top1": LABELS[int(p.argmax())], "probs": [float(v) for v in p]})
    return {"format_version": 1, "model": name, "input_size": size, "crop": "whole",
            "tolerance": 1e-3, "labels": list(LABELS),
            "preprocessing": "cv2.imread BGR; largest centred square; cv2.resize INTER_AREA to size; BGR->RGB; "
                             "exposure %s; /255; (x-mean)/std; HWC->CHW" % (exposure or "none"),
            "n": len(items), "items": items}
