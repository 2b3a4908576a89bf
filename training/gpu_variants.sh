#!/usr/bin/env bash
# Trains recipe variants side by side on one GPU (train_gpu.py, one process each) from a crop pack
# (pack_crops.py), then names the run with the best validation macro-F1. Only the validation block chooses:
# test sets, where given (--test-pack, after the variants file), are scored at the end of each run and never
# choose anything.
#
#   training/gpu_variants.sh PACK RUNS_DIR MINUTES VARIANTS_FILE [flags for every run...]
#
# VARIANTS_FILE: one variant a line, "name<TAB>train_gpu.py flags" (training/variants/*.tsv). Prints each run's
# progress every REPORT_EVERY seconds (60) and, at the end, a table and "best: RUNS_DIR/<variant>".
set -uo pipefail
if (($# < 4)); then
  sed -n '2,11p' "$0" >&2
  exit 2
fi
PACK=$1 RUNS=$2 MINUTES=$3 VARIANTS_FILE=$4
shift 4
PYTHON=${PYTHON:-python3}
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
COMMON=(--pack "$PACK" --time-budget-min "$MINUTES" --size 160 --batch-size 256 --seed 0
        --device "${DEVICE:-cuda}" "$@")
names=()
while IFS=$'\t' read -r name flags; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  names+=("$name")
  mkdir -p "$RUNS/$name"
  # shellcheck disable=SC2086  # the variant's flags are meant to split
  PYTHONUNBUFFERED=1 "$PYTHON" "$HERE/train_gpu.py" "${COMMON[@]}" --out "$RUNS/$name" $flags \
    > "$RUNS/$name/train.log" 2>&1 &
done < "$VARIANTS_FILE"
while jobs -r | grep -q .; do
  sleep "${REPORT_EVERY:-60}"
  for name in "${names[@]}"; do echo "[$name] $(grep -E 'epoch [0-9]+:' "$RUNS/$name/train.log" | tail -n 1)"; done
done
wait
for name in "${names[@]}"; do echo "== $name"; tail -n 6 "$RUNS/$name/train.log"; done
"$PYTHON" "$HERE/best_run.py" "${names[@]/#/$RUNS/}"
