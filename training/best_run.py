#!/usr/bin/env python3
"""Print the validation macro-F1 of each run folder's best.pt and name the best one (the last line,
"best: FOLDER"). Validation only: test sets never choose.

    python3 training/best_run.py training/runs/a training/runs/b ...
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("runs", nargs="+", help="run folders holding best.pt")
    args = p.parse_args(argv)
    from fingerspell_train.batch_trainer import load
    scored = []
    for run in args.runs:
        path = os.path.join(run, "best.pt")
        if not os.path.isfile(path):
            print("%s: no best.pt" % run)
            continue
        ck = load(path)
        f1 = float(ck["val"]["val_macro_f1"])
        print("%s: val macro-F1 %.4f at epoch %d of %d (%s weights), %.1f min of training"
              % (run.rstrip("/"), f1, ck["epoch"], len(ck["history"]), ck["meta"].get("weights", "raw"),
                 ck.get("train_seconds", 0.0) / 60))
        scored.append((f1, run.rstrip("/")))
    if not scored:
        raise SystemExit("no run has a best.pt")
    print("best: %s" % max(scored)[1])


if __name__ == "__main__":
    main()
