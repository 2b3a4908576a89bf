#!/usr/bin/env python3
"""history.csv -> PNG with loss, accuracy and macro-F1 per epoch.

/usr/bin/python3 training/plot_curves.py training/runs/<run>/history.csv --out models/<name>_curves.png
"""
import argparse
import csv


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("history")
    p.add_argument("--out", required=True)
    p.add_argument("--title", default=None)
    args = p.parse_args(argv)
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    with open(args.history, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows:
        raise SystemExit("no epochs in %s" % args.history)
    ep = [int(r["epoch"]) for r in rows]
    g = lambda k: [float(r[k]) for r in rows]  # noqa: E731
    fig, ax = plt.subplots(1, 3, figsize=(13, 3.8))
    if len(ep) > 30:  # markers hide the curve when there are many epochs
        plt.rcParams["lines.markersize"] = 2
    ax[0].plot(ep, g("train_loss"), "o-", label="train")
    ax[0].plot(ep, g("val_loss"), "o-", label="validation")
    ax[0].set_title("loss (CE, label smoothing 0.1)")
    ax[1].plot(ep, g("train_acc"), "o-", label="train (augmented)")
    ax[1].plot(ep, g("val_accuracy"), "o-", label="validation")
    ax[1].set_title("accuracy")
    ax[2].plot(ep, g("val_macro_f1"), "o-", color="C2", label="validation")
    if any(r.get("ema_val_macro_f1", "nan") != "nan" for r in rows):  # train_gpu.py runs score the EMA weights too
        ax[2].plot(ep, [float(r.get("ema_val_macro_f1") or "nan") for r in rows], "o-", color="C3",
                   label="validation, EMA weights")
    ax[2].set_title("macro-F1")
    from matplotlib.ticker import MaxNLocator
    for a in ax:
        a.set_xlabel("epoch")
        if len(ep) <= 30:
            a.set_xticks(ep)
        else:  # a tick per epoch is unreadable for long (GPU) runs
            a.xaxis.set_major_locator(MaxNLocator(nbins=12, integer=True))
        a.grid(alpha=0.3)
        a.legend()
    if args.title:
        fig.suptitle(args.title)
    fig.tight_layout()
    fig.savefig(args.out, dpi=110)
    print("wrote", args.out)


if __name__ == "__main__":
    main()
