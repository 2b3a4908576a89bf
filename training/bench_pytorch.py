"""Times the classifier in PyTorch eager mode on the CPU: the study's stack, as the Java benchmark's yardstick.

The same ResNet-18 (weights from a training checkpoint when given; otherwise torchvision's resnet18 with
num_classes=29 and fresh weights, which runs at the same speed) on the same tensors, one image per call, at the
same input size and thread count as `fingerspell benchmark`, which runs this script and reads its JSON:

    python3 training/bench_pytorch.py --tensors FILE --size 112 --threads 2 [--checkpoint CK] [--warmup 10]
    python3 training/bench_pytorch.py --images DIR --size 112 --threads 2 --frames 100

--tensors is what the Java benchmark writes: float32 little-endian CHW tensors back to back.
--images preprocesses image files as training does (centred square, INTER_AREA, ImageNet normalisation).
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fingerspell_train.constants import NUM_CLASSES  # noqa: E402
from fingerspell_train.model import build_model  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--tensors", help="float32 little-endian N x 3 x S x S tensors (the Java benchmark's)")
    source.add_argument("--images", help="folder of images, preprocessed as training does")
    p.add_argument("--size", type=int, required=True, help="input side in pixels")
    p.add_argument("--threads", type=int, default=0, help="intra-op threads (0: PyTorch's default)")
    p.add_argument("--checkpoint", help="training checkpoint ({'model': state_dict} or a bare state_dict)")
    p.add_argument("--warmup", type=int, default=10, help="untimed runs first")
    p.add_argument("--frames", type=int, default=100, help="at most this many images from --images")
    return p.parse_args(argv)


def load_tensors(args):
    if args.tensors:
        values = np.fromfile(args.tensors, dtype="<f4")
        per = 3 * args.size * args.size
        if values.size == 0 or values.size % per:
            raise SystemExit("%s: %d values are not whole %dx%d tensors" % (args.tensors, values.size,
                                                                            args.size, args.size))
        return values.reshape(-1, 3, args.size, args.size)
    from fingerspell_train.preprocess import preprocess_path
    files = sorted(os.path.join(root, f) for root, _, names in os.walk(args.images) for f in names
                   if f.lower().endswith((".jpg", ".jpeg", ".png", ".bmp", ".webp")))[:args.frames]
    if not files:
        raise SystemExit("%s: no images" % args.images)
    return np.stack([preprocess_path(f, args.size) for f in files])


def load_model(checkpoint):
    model = build_model(NUM_CLASSES)
    weights = "fresh torchvision resnet18(num_classes=%d) weights (same speed as trained ones)" % NUM_CLASSES
    if checkpoint:
        state = torch.load(checkpoint, map_location="cpu")
        if isinstance(state, dict) and "model" in state:
            state = state["model"]
        model.load_state_dict(state)
        weights = "checkpoint " + checkpoint
    return model.eval(), weights


def percentiles(millis):
    a = np.asarray(millis, dtype=np.float64)
    # numpy's default (linear) percentiles: the same definition as the Java benchmark's LatencyStats.
    return {"median": float(np.percentile(a, 50)), "p95": float(np.percentile(a, 95)),
            "p99": float(np.percentile(a, 99)), "mean": float(a.mean()), "min": float(a.min()),
            "max": float(a.max())}


def run(args):
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    tensors = load_tensors(args)
    model, weights = load_model(args.checkpoint)
    batch = [torch.from_numpy(np.ascontiguousarray(t[None])) for t in tensors]
    times = []
    with torch.inference_mode():
        for i in range(args.warmup):
            model(batch[i % len(batch)])
        for x in batch:
            start = time.perf_counter_ns()
            model(x)
            times.append((time.perf_counter_ns() - start) / 1e6)
    stats = percentiles(times)
    return {"framework": "pytorch eager (CPU)", "torch": torch.__version__, "threads": torch.get_num_threads(),
            "input_size": args.size, "frames": len(times), "warmup": args.warmup, "weights": weights,
            "latency_ms": stats, "fps": 1000.0 / stats["mean"]}


def main(argv=None):
    print(json.dumps(run(parse_args(argv))))


if __name__ == "__main__":
    main()
