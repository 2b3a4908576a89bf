#!/usr/bin/env bash
# Turns `fingerspell benchmark --json` into the README's performance table (Markdown on stdout).
#
#   scripts/bench-report.sh RESULT.json [MORE.json ...]   one table row block per run (e.g. two machines)
#   scripts/bench-report.sh --run [benchmark options]     runs the benchmark first (needs `mvn -q -o compile`)
#
# --run keeps the JSON as target/benchmark-YYYYmmdd-HHMMSS.json. Run it on a quiet machine: the table states the
# load average at the start and end of each run, so numbers from a busy machine are never mistaken for a floor.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" == "--run" ]]; then
  shift
  mkdir -p target
  out="target/benchmark-$(date +%Y%m%d-%H%M%S).json"
  if [[ -f target/fingerspell.jar ]]; then
    classpath=target/fingerspell.jar
  else
    mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/classpath.txt -DskipDetectorFetch=true >&2
    classpath="target/classes:$(cat target/classpath.txt)"
  fi
  java -cp "$classpath" org.fingerspell.cli.Main benchmark --json "$@" > "$out"
  echo "benchmark JSON: $out" >&2
  set -- "$out"
fi

if [[ $# -eq 0 ]]; then
  echo "usage: $0 RESULT.json [...] | $0 --run [benchmark options]" >&2
  exit 1
fi

python3 - "$@" <<'PY'
import json
import sys

STAGES = [("decode", "decode"), ("hand_detection", "hand detection"), ("tracking", "tracking"),
          ("crop_preprocess", "crop + preprocess"), ("classifier", "classifier"),
          ("post_processing", "post-processing"), ("end_to_end", "**end to end**"),
          ("compute", "end to end without decode")]


def num(value, digits=2):
    return "n/a" if value is None else ("%." + str(digits) + "f") % value


def load(values):
    return " ".join("%.2f" % v for v in values) if values else "unknown"


runs = [json.load(open(path)) for path in sys.argv[1:]]
print("| machine | stage | frames | median ms | p95 ms | p99 ms | fps |")
print("|---|---|---|---|---|---|---|")
for r in runs:
    m = r["machine"]
    machine = "%s, %d cores, %s; load %s → %s" % (m["cpu"], m["cores"], r["device"], load(m["load_average_start"]),
                                                 load(m["load_average_end"]))
    for key, title in STAGES:
        s = r["stages"][key]
        print("| %s | %s | %d | %s | %s | %s | %s |" % (machine, title, s["count"], num(s["median_ms"]),
                                                        num(s["p95_ms"]), num(s["p99_ms"]), num(s["fps"], 1)))
        machine = ""
    b = r["bare_ort_classifier"]
    print("| | bare ONNX Runtime, same tensors | %d | %s | %s | %s | %s |" % (b["count"], num(b["median_ms"]),
                                                                          num(b["p95_ms"]), num(b["p99_ms"]),
                                                                          num(b["fps"], 1)))
print()
for r in runs:
    t, mo, se = r["threads"], r["model"], r["session"]
    speedup = ("%.2f× (fastest frames %s×)" % (r["speedup_vs_pytorch"], num(r.get("speedup_vs_pytorch_fastest_frames")))
               if r["speedup_vs_pytorch"] is not None else "n/a (%s)" % r["speedup_vs_pytorch_reason"])
    print("- %s: **%s fps end to end** (%s fps without decode), ort_overhead_ratio **%s** (classifier alone %s), "
          "speed-up vs PyTorch eager %s. %s, %d px input, %s; ONNX Runtime intra-op %s, spinning %s, %s; "
          "OpenCV %s threads; %d frames after %d warm-up; source: %s."
          % (r["machine"]["cpu"], num(r["e2e_fps"], 1), num(r["compute_fps"], 1), num(r["ort_overhead_ratio"], 3),
             num(r["classifier_overhead_ratio"], 3), speedup, mo["name"], mo["input_size"], r["device"],
             t["onnxruntime_intra_op"], "on" if se["spinning"] else "off", se["opt_level"], t["opencv"],
             r["frames"], r["warmup_frames"], r["source"]))
PY
