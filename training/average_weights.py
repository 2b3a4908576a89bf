#!/usr/bin/env python3
"""Average the weights of several epochs of one run and re-measure BatchNorm on its training images.

Takes checkpoints of one run (train.py --keep-epochs writes <run>/epoch-NN.pt), averages them, measures
BatchNorm statistics on augmented training crops (the run's own augmentation and seed), scores the result on
the run's validation block and writes a checkpoint that evaluate.py and export.py read like a best.pt.
Which epochs to average is chosen on validation macro-F1, never on a test set.

/usr/bin/python3 training/average_weights.py --run training/runs/<run> --epochs 4 5 6 7 \\
    --out training/runs/<run>/average.pt
"""
import argparse
import argparse as _argparse
import glob
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def parser():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--run", required=True, help="the run folder (its last.pt gives history and training cost)")
    p.add_argument("--epochs", type=int, nargs="*", default=None,
                   help="epochs to average (default: every <run>/epoch-NN.pt)")
    p.add_argument("--checkpoints", nargs="*", default=None,
                   help="checkpoint files instead of --epochs (weights of the same run)")
    p.add_argument("--with-start", action="store_true",
                   help="also average in the weights the run started from (its --init-onnx, rebuilt as the run "
                        "built them): a weight-space ensemble of a model and its fine-tuned copy (WiSE-FT)")
    p.add_argument("--out", required=True)
    p.add_argument("--crops-root", default=None, help="default: the run's own")
    p.add_argument("--data-root", default=None, help="default: the run's own")
    p.add_argument("--bn-batches", type=int, default=32, help="augmented training batches for BatchNorm")
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--threads", type=int, default=2)
    return p


def checkpoint_files(args):
    from fingerspell_train.trainer import epoch_path
    if args.checkpoints:
        return list(args.checkpoints)
    if args.epochs:
        return [epoch_path(args.run, e) for e in args.epochs]
    files = sorted(glob.glob(os.path.join(args.run, "epoch-*.pt")))
    if not files:
        raise SystemExit("%s has no epoch-NN.pt (train with --keep-epochs) and no --checkpoints were given" % args.run)
    return files


def start_weights(run_args, train_rows):
    """The state the run began from: its --init-onnx loaded and BatchNorm calibrated exactly as train() did it."""
    import torch
    from fingerspell_train.data import ImageDataset
    from fingerspell_train.model import build_model
    from fingerspell_train.trainer import init_from_onnx, make_transform, seed_all
    if not getattr(run_args, "init_onnx", None):
        raise SystemExit("--with-start: the run did not start from an exported model (--init-onnx)")
    seed_all(run_args.seed)
    model = build_model()
    init_from_onnx(model, run_args.init_onnx, ImageDataset(train_rows, make_transform(run_args)),
                   run_args.batch_size, run_args.seed)
    return {k: v.detach().clone() if torch.is_tensor(v) else v for k, v in model.state_dict().items()}


def main(argv=None):
    args = parser().parse_args(argv)
    import torch
    from fingerspell_train.averaging import average_state_dicts, recompute_batchnorm
    from fingerspell_train.data import ImageDataset
    from fingerspell_train.evaluation import predict, score
    from fingerspell_train.model import build_model
    from fingerspell_train.trainer import log, make_transform, seed_all, train_val_rows

    torch.set_num_threads(args.threads)
    files = checkpoint_files(args)
    for f in files:
        if not os.path.isfile(f):
            raise SystemExit("%s: no such checkpoint" % f)
    cks = [torch.load(f, map_location="cpu") for f in files]
    meta = dict(cks[-1]["meta"])
    run_args = _argparse.Namespace(**meta["args"])
    if args.crops_root:
        run_args.crops_root = args.crops_root
    if args.data_root:
        run_args.data_root = args.data_root
    _, train_rows, val_rows, _, split_sha, _ = train_val_rows(run_args)
    if split_sha != meta["split_sha256"]:
        raise SystemExit("the split on disk (%s) is not the run's (%s)" % (split_sha[:12], meta["split_sha256"][:12]))

    states = [ck["model"] for ck in cks]
    if args.with_start:
        states.append(start_weights(run_args, train_rows))
    model = build_model()
    model.load_state_dict(average_state_dicts(states))
    seed_all(run_args.seed)
    ds = ImageDataset(train_rows, make_transform(run_args))
    g = torch.Generator()
    g.manual_seed(run_args.seed)
    dl = torch.utils.data.DataLoader(ds, batch_size=args.batch_size, shuffle=True, generator=g, num_workers=0)
    t0 = time.time()
    batches = []
    for x, _ in dl:
        batches.append(x)
        if len(batches) == args.bn_batches:
            break
    n = recompute_batchnorm(model, batches)
    log("averaged %d checkpoints (epochs %s)%s; BatchNorm measured on %d augmented training images in %.0f s"
        % (len(cks), [ck.get("epoch") for ck in cks], " and the run's start (%s)" % run_args.init_onnx
           if args.with_start else "", n, time.time() - t0))

    probs, _ = predict(model, val_rows, int(meta["size"]), args.batch_size, exposure=meta.get("exposure"))
    vs = score(val_rows, probs)
    log("validation: accuracy %.4f macro-F1 %.4f (n %d)" % (vs["accuracy"], vs["macro_f1"], len(val_rows)))
    for ck, f in zip(cks, files):
        if ck.get("val"):
            log("  %s: validation macro-F1 %.4f" % (os.path.basename(f), ck["val"]["val_macro_f1"]))

    last = os.path.join(args.run, "last.pt")
    history, train_seconds = cks[-1].get("history", []), cks[-1].get("train_seconds", 0.0)
    if os.path.isfile(last):
        ck = torch.load(last, map_location="cpu")
        history, train_seconds = ck.get("history", history), ck.get("train_seconds", train_seconds)
    meta["averaged_from"] = {"epochs": [ck.get("epoch") for ck in cks], "with_start": bool(args.with_start),
                             "files": [os.path.basename(f) for f in files], "bn_images": n,
                             "val_macro_f1": vs["macro_f1"],
                             "command": "/usr/bin/python3 training/average_weights.py " + " ".join(
                                 sys.argv[1:] if argv is None else argv)}
    rec = {"epoch": cks[-1].get("epoch"), "val_accuracy": vs["accuracy"], "val_macro_f1": vs["macro_f1"]}
    torch.save({"model": model.state_dict(), "epoch": cks[-1].get("epoch"), "val": rec, "meta": meta,
                "history": history, "train_seconds": train_seconds}, args.out)
    log("wrote", args.out)


if __name__ == "__main__":
    main()
