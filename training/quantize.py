#!/usr/bin/env python3
"""Post-training static int8 quantisation of the committed classifier with ONNX Runtime (QDQ, per-channel int8
weights, uint8 or int8 activations), calibrated on hand crops of the train block only, cut by the app itself
(`fingerspell crop`, at the model's input size, with the model's crop policy), so the calibration tensors are
the ones the Java pipeline feeds. Needs onnxruntime, which /usr/bin/python3 lacks: run it from a venv that has it.

    /usr/bin/python3 -m venv --system-site-packages /work/venv-ort
    /work/venv-ort/bin/pip install onnxruntime onnx==1.23.1 numpy==1.26.4 ml_dtypes==0.5.4
    mvn -B -q package -DskipTests
    /work/venv-ort/bin/python training/quantize.py --out models/fingerspell-int8.onnx

Writes the int8 model and its descriptor (<out>.json: the fp32 descriptor's labels, input and crop, name and
version marked int8, a `quantization` block with the settings and the calibration sample).
"""
import argparse
import copy
import datetime
import json
import os
import subprocess
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fingerspell_train import data as D  # noqa: E402
from fingerspell_train.calibration import calibration_rows  # noqa: E402
from fingerspell_train.constants import DEFAULT_DATA_ROOT, INPUT_NAME, MODELS_DIR, REPO_ROOT, TRAIN_PACKS  # noqa: E402
from fingerspell_train.links import link_tree  # noqa: E402
from fingerspell_train.preprocess import preprocess_path  # noqa: E402

METHODS = {"minmax": "MinMax", "percentile": "Percentile", "entropy": "Entropy"}


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--model", default=os.path.join(MODELS_DIR, "fingerspell.onnx"), help="fp32 model (.json beside)")
    p.add_argument("--out", default=os.path.join(MODELS_DIR, "fingerspell-int8.onnx"))
    p.add_argument("--per-class", type=int, default=6, help="calibration crops per class and training pack")
    p.add_argument("--activations", choices=["uint8", "int8"], default="uint8")
    p.add_argument("--method", choices=sorted(METHODS), default="minmax", help="calibration method")
    p.add_argument("--float-head", action="store_true",
                   help="keep the classifier head (the final Gemm) in float: the logits, and so the probabilities, "
                        "move least there")
    p.add_argument("--jar", default=os.path.join(REPO_ROOT, "target", "fingerspell.jar"))
    p.add_argument("--java", default="java")
    p.add_argument("--work", default=os.path.join(REPO_ROOT, "training", "cache", "int8"),
                   help="links, crops and the pre-processed model (git-ignored)")
    p.add_argument("--data-root", default=DEFAULT_DATA_ROOT)
    return p.parse_args(argv)


def descriptor_path(onnx_path):
    return os.path.splitext(onnx_path)[0] + ".json"


def cut_crops(args, rows, size):
    """Hand crops of `rows` at the model's input side, cut by `fingerspell crop` with the model's crop policy."""
    crop_rows = []
    for pack in TRAIN_PACKS:
        links = os.path.join(args.work, "links", pack)
        crops = os.path.join(args.work, "crops", pack)
        link_tree([r for r in rows if r["pack"] == pack], args.data_root, links)
        subprocess.run([args.java, "-jar", args.jar, "crop", links, crops, "--size", str(size),
                        "--model", args.model], check=True)
        found, _ = D.read_crop_folder(crops)
        crop_rows.extend(dict(r, pack=pack, path=os.path.join(crops, r["file"])) for r in found)
    return D.classifier_rows(crop_rows)


def calibration_tensors(rows, size, exposure=None):
    return np.stack([preprocess_path(r["path"], size, exposure=exposure) for r in rows]).astype(np.float32)


class TensorReader:
    """The calibration tensors in batches, as ONNX Runtime's CalibrationDataReader wants them."""

    def __init__(self, tensors, batch=16):
        self.batches = [tensors[i:i + batch] for i in range(0, len(tensors), batch)]
        self.position = 0

    def get_next(self):
        if self.position >= len(self.batches):
            return None
        self.position += 1
        return {INPUT_NAME: self.batches[self.position - 1]}

    def rewind(self):
        self.position = 0


def quantize(args, tensors):
    from onnxruntime.quantization import CalibrationMethod, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process
    prepared = os.path.join(args.work, "prepared.onnx")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    # shape inference + ORT's graph clean-up first, as ORT's quantisation guide asks for
    quant_pre_process(args.model, prepared)
    float_nodes = []
    if args.float_head:
        import onnx
        float_nodes = [n.name for n in onnx.load(prepared).graph.node if n.op_type == "Gemm"]
    quantize_static(prepared, args.out, TensorReader(tensors), nodes_to_exclude=float_nodes,
                    quant_format=QuantFormat.QDQ, per_channel=True, weight_type=QuantType.QInt8,
                    activation_type=QuantType.QUInt8 if args.activations == "uint8" else QuantType.QInt8,
                    calibrate_method=getattr(CalibrationMethod, METHODS[args.method]))


def top1_agreement(fp32_path, int8_path, tensors):
    """Share of the calibration tensors on which both models give the same top-1 (a sanity check, not a score)."""
    import onnxruntime as ort
    options = ort.SessionOptions()
    options.intra_op_num_threads = 2
    tops = []
    for path in (fp32_path, int8_path):
        session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        tops.append(np.concatenate([session.run(["logits"], {INPUT_NAME: tensors[i:i + 32]})[0].argmax(1)
                                    for i in range(0, len(tensors), 32)]))
    return float((tops[0] == tops[1]).mean())


def int8_descriptor(fp32, args, rows, used, command):
    import onnxruntime
    out = copy.deepcopy(fp32)
    out["name"] = fp32["name"] + "-int8"
    out["version"] = fp32["version"] + "-int8"
    out["created"] = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace(
        "+00:00", "Z")
    # the fp32 scores do not carry over; the int8 ones are measured with `fingerspell eval` (docs/performance/int8.md)
    out["metrics"] = {}
    out["metrics_note"] = "int8 vs fp32 scores, measured with fingerspell eval: docs/performance/int8.md"
    out["quantization"] = {
        "source_model": os.path.relpath(os.path.abspath(args.model), REPO_ROOT),
        "source_sha256": D.sha256_file(args.model),
        "tool": "onnxruntime %s quantize_static" % onnxruntime.__version__,
        "format": "QDQ",
        "weights": "int8 per-channel",
        "activations": args.activations,
        "calibration_method": METHODS[args.method],
        "float_nodes": "the classifier head (Gemm)" if args.float_head else "none",
        "calibration": {
            "split": "train",
            "per_class_per_pack": args.per_class,
            "packs": list(TRAIN_PACKS),
            "rows_sampled": len(rows),
            "crops_used": len(used),
            "sample_fingerprint": D.data_fingerprint(rows),
        },
        "command": command,
    }
    return out


def main(argv=None):
    args = parse_args(argv)
    command = " ".join(["training/quantize.py"] + (sys.argv[1:] if argv is None else list(argv)))
    D.require_data_root(args.data_root, TRAIN_PACKS)
    if not os.path.isfile(args.jar):
        raise SystemExit("%s not found: build it first (mvn -B -q package -DskipTests)" % args.jar)
    with open(descriptor_path(args.model)) as f:
        fp32 = json.load(f)
    size = int(fp32["input"]["size"])
    rows = calibration_rows(D.read_split(os.path.join(REPO_ROOT, fp32["training"]["split_file"])), args.per_class)
    used = cut_crops(args, rows, size)
    tensors = calibration_tensors(used, size, fp32["input"].get("exposure"))
    print("calibration: %d train rows sampled, %d crops the classifier sees, tensors %s"
          % (len(rows), len(used), tensors.shape))
    quantize(args, tensors)
    with open(descriptor_path(args.out), "w") as f:
        json.dump(int8_descriptor(fp32, args, rows, used, command), f, indent=2)
        f.write("\n")
    print("wrote %s (%.1f MB) and %s; top-1 agreement with fp32 on the calibration crops: %.3f"
          % (args.out, os.path.getsize(args.out) / 1e6, descriptor_path(args.out),
             top1_agreement(args.model, args.out, tensors)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
