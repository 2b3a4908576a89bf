#!/usr/bin/env bash
# Trains the recipe variants below side by side on one GPU (train_gpu.py, one process each) from a crop pack
# (pack_crops.py), then names the run with the best validation macro-F1. Only the validation block chooses:
# the test sets are scored afterwards, on the chosen run alone (evaluate.py).
#
#   training/gpu_variants.sh PACK RUNS_DIR MINUTES [SEED]
#
# Prints each run's progress once a minute and, at the end, a table and "best: RUNS_DIR/<variant>".
set -uo pipefail
PACK=$1 RUNS=$2 MINUTES=$3 SEED=${4:-0}
PYTHON=${PYTHON:-python3}
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
COMMON=(--pack "$PACK" --time-budget-min "$MINUTES" --size 160 --batch-size 256 --seed "$SEED"
        --device "${DEVICE:-cuda}")
declare -A VARIANTS=(
  [adam]="--optimizer adam --lr 1e-3 --weight-decay 1e-4"
  [adamw-erase]="--optimizer adamw --lr 2e-3 --weight-decay 0.05 --erase 0.25"
  [adamw-erase-cutmix]="--optimizer adamw --lr 2e-3 --weight-decay 0.05 --erase 0.25 --cutmix 0.5"
)
pids=()
for name in "${!VARIANTS[@]}"; do
  mkdir -p "$RUNS/$name"
  # shellcheck disable=SC2086  # the variant's flags are meant to split
  PYTHONUNBUFFERED=1 "$PYTHON" "$HERE/train_gpu.py" "${COMMON[@]}" --out "$RUNS/$name" ${VARIANTS[$name]} \
    > "$RUNS/$name/train.log" 2>&1 &
  pids+=($!)
done
while jobs -r | grep -q .; do
  sleep "${REPORT_EVERY:-60}"
  for name in "${!VARIANTS[@]}"; do echo "[$name] $(grep -E 'epoch [0-9]+:' "$RUNS/$name/train.log" | tail -n 1)"; done
done
wait "${pids[@]}"
for name in "${!VARIANTS[@]}"; do echo "== $name"; tail -n 3 "$RUNS/$name/train.log"; done
"$PYTHON" "$HERE/best_run.py" "$RUNS"/*/
