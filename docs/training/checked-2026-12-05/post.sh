#!/bin/bash
# after fingerspell_checked and landmarks_checked: the candidate of docs/training/checked-2026-12-05/rules.md
# (the last complete epoch N, alone, with the landmarks_checked members, w 0.55, min_presence 0.5) exported into
# /work/ck/cand and scored: fused on the buffer blocks and the four test sets, then crop alone and landmarks alone
set -e
cd /work/main
R=training/runs/fingerspell_checked
D=docs/training/checked-2026-12-05
N=$1
NN=$(printf %02d $N)
M=/work/ck/cand
mkdir -p $M
/usr/bin/python3 training/export.py --checkpoint $R/epoch-$NN.pt --version 0.13.0 --models-dir $M 2>&1 | grep -v Warning | tail -2
cp training/runs/landmarks_checked/fingerspell-landmarks.onnx $M/
cp models/hand_landmark_full.onnx $M/
/usr/bin/python3 - <<P
import json
d = json.load(open('$M/fingerspell.json'))
d['landmarks'] = {"detector": "hand_landmark_full.onnx", "classifier": "fingerspell-landmarks.onnx",
                  "input_name": "landmarks", "logits_output": "logits", "weight": 0.55,
                  "training": "training/runs/landmarks_checked/run.json", "min_presence": 0.5}
json.dump(d, open('$M/fingerspell.json', 'w'), indent=2)
P
/usr/bin/python3 training/evaluate.py --onnx $M/fingerspell.onnx --crops-root /work/crops5 --validation --out $D/eval-fused.json 2>&1 | grep -v Warning | grep "n=\|warning"
/usr/bin/python3 training/evaluate.py --onnx $M/fingerspell.onnx --crops-root /work/crops5 --no-landmarks --out $D/eval-crop-only.json 2>&1 | grep -v Warning | grep "n=\|warning"
/usr/bin/python3 training/evaluate.py --onnx $M/fingerspell.onnx --crops-root /work/crops5 --landmark-weight 1.0 --out $D/eval-landmarks-only.json 2>&1 | grep -v Warning | grep "n=\|warning"
