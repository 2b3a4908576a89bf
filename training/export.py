#!/usr/bin/env python3
"""Export a checkpoint to models/<name>.onnx + .json (descriptor) + .reference.json (parity).

/usr/bin/python3 training/export.py --checkpoint training/runs/<run>/best.pt --name fingerspell \
    [--metrics training/runs/<run>/eval.json]
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from fingerspell_train.constants import DEFAULT_DATA_ROOT, MODELS_DIR, REPO_ROOT  # noqa: E402


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", required=True)
    p.add_argument("--name", default="fingerspell", help="models/<name>.onnx/.json/.reference.json")
    p.add_argument("--models-dir", default=MODELS_DIR)
    p.add_argument("--data-root", default=DEFAULT_DATA_ROOT)
    p.add_argument("--metrics", default=None, help="evaluate.py JSON whose summary goes into the descriptor")
    p.add_argument("--version", default="0.1.0")
    p.add_argument("--opset", type=int, default=17)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--descriptor-only", action="store_true",
                   help="only rewrite <name>.json (e.g. to add metrics); the .onnx and .reference.json stay")
    args = p.parse_args(argv)

    import torch
    torch.set_num_threads(args.threads)
    from fingerspell_train import data as D
    from fingerspell_train.export import load_checkpoint_model, export_onnx, descriptor, make_reference

    D.require_data_root(args.data_root, ["kaggle-test"])
    model, ck = load_checkpoint_model(args.checkpoint)
    meta = ck["meta"]
    size = int(meta["size"])
    base = os.path.join(args.models_dir, args.name)
    if args.descriptor_only:
        import onnx
        from fingerspell_train.export import check_onnx
        check_onnx(base + ".onnx", size)
        opset = max(o.version for o in onnx.load(base + ".onnx").opset_import if o.domain in ("", "ai.onnx"))
    else:
        opset = export_onnx(model, base + ".onnx", size, args.opset)
        print("wrote %s.onnx (opset %d, onnx.checker ok)" % (base, opset))

    metrics = {}
    if args.metrics:
        with open(args.metrics) as f:
            ev = json.load(f)
        for k, v in ev["sets"].items():
            metrics[k] = {"n": v["n"], "accuracy": round(v["accuracy"], 6), "macro_f1": round(v["macro_f1"], 6),
                          "classes": v["classes"]}
    desc = descriptor(args.name, meta, size, metrics, epochs=ck.get("epoch", 0), version=args.version)
    desc["training"]["best_epoch"] = ck.get("epoch")
    desc["training"]["onnx_opset"] = opset
    if args.descriptor_only and os.path.isfile(base + ".json"):
        with open(base + ".json") as f:
            section = json.load(f).get("landmarks")
        if section:  # the .onnx stays, and so does the landmark classifier fused with it
            desc["landmarks"] = section
    if ck.get("train_seconds"):
        desc["training"]["train_minutes"] = round(ck["train_seconds"] / 60.0, 2)
    with open(base + ".json", "w") as f:
        json.dump(desc, f, indent=2)
        f.write("\n")
    print("wrote %s.json" % base)

    if args.descriptor_only:
        return
    split_file = os.path.join(REPO_ROOT, meta["split_file"])
    ref = make_reference(model, args.data_root, split_file, size, args.name, exposure=meta.get("exposure"))
    with open(base + ".reference.json", "w") as f:
        json.dump(ref, f, indent=1)
        f.write("\n")
    agree = sum(i["top1"] == i["label"] for i in ref["items"])
    print("wrote %s.reference.json (%d images, %d top-1 = label)" % (base, ref["n"], agree))


if __name__ == "__main__":
    main()
