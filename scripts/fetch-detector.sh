#!/usr/bin/env bash
# Obtains MediaPipe's palm detector (Apache-2.0) from the pinned npm package and caches it
# outside the source tree. Exit codes: 0 ready, 1 not obtainable (no npm / no network), 3 checksum mismatch.
# The app works without it (centred guide box), so the build never fails on this step.
set -uo pipefail

CACHE_DIR="${1:-$HOME/.cache/fingerspell}"
PACKAGE="@mediapipe/hands@0.4.1675469240"
TARBALL="mediapipe-hands-0.4.1675469240.tgz"
TARBALL_SHA256="bdd5be939c60cbd72a49f4b6141407683cf2a67263598e1a44757d70b3dfcb8a"
MODEL_NAME="palm_detection_full.tflite"
# sha256 of the extracted model itself: a cached or extracted file with any other content is refused.
MODEL_SHA256="2f25e740121983f68ffc05f99991d524dc0ea812134f6316a26125816941ee85"
MODEL_PATH_IN_PACK="/third_party/mediapipe/modules/palm_detection/palm_detection_full.tflite"
MODEL="$CACHE_DIR/$MODEL_NAME"
# The hand-landmark model of the same package: training/tflite_to_onnx.py turns it into models/hand_landmark_full.onnx
# (the app runs that committed ONNX; this copy only lets anyone reproduce the conversion).
LANDMARK_NAME="hand_landmark_full.tflite"
LANDMARK_SHA256="8c026882c9ec059ce0f8e75266bee5a9a23c341a40e0000df755374d3d1b9b68"
LANDMARK="$CACHE_DIR/$LANDMARK_NAME"

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

if [[ -s "$MODEL" && -s "$LANDMARK" ]]; then
  if [[ "$(sha256_of "$MODEL")" == "$MODEL_SHA256" && "$(sha256_of "$LANDMARK")" == "$LANDMARK_SHA256" ]]; then
    echo "[fingerspell] palm detector ready: $MODEL"
    exit 0
  fi
  echo "[fingerspell] a cached model in $CACHE_DIR has the wrong checksum; fetching them again" >&2
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "[fingerspell] npm not found: palm detector not fetched; the app will use the centred guide box." >&2
  exit 1
fi

mkdir -p "$CACHE_DIR" || { echo "[fingerspell] cannot create $CACHE_DIR" >&2; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if ! (cd "$WORK" && npm pack --silent "$PACKAGE" >/dev/null 2>"$WORK/npm.err"); then
  echo "[fingerspell] 'npm pack $PACKAGE' failed (offline?): $(tail -1 "$WORK/npm.err")" >&2
  echo "[fingerspell] the app will use the centred guide box." >&2
  exit 1
fi

ACTUAL="$(sha256_of "$WORK/$TARBALL")"
if [[ "$ACTUAL" != "$TARBALL_SHA256" ]]; then
  echo "[fingerspell] checksum mismatch for $TARBALL: expected $TARBALL_SHA256, got $ACTUAL" >&2
  exit 3
fi

tar -xzf "$WORK/$TARBALL" -C "$WORK" package/hands_solution_packed_assets.data package/hands_solution_packed_assets_loader.js \
  "package/$LANDMARK_NAME"
if [[ "$(sha256_of "$WORK/package/$LANDMARK_NAME")" == "$LANDMARK_SHA256" ]]; then
  cp "$WORK/package/$LANDMARK_NAME" "$LANDMARK.partial" && mv -f "$LANDMARK.partial" "$LANDMARK"
  echo "[fingerspell] hand-landmark model (tflite, for training/tflite_to_onnx.py) copied to $LANDMARK"
else
  echo "[fingerspell] checksum mismatch for $LANDMARK_NAME: not copied (the app does not need it)" >&2
fi

# The loader script lists every packed file as {"filename": ..., "start": N, "end": M}.
RANGE="$(grep -o "\"filename\": \"$MODEL_PATH_IN_PACK\", \"start\": [0-9]*, \"end\": [0-9]*" \
  "$WORK/package/hands_solution_packed_assets_loader.js" | grep -o '[0-9]*, "end": [0-9]*')"
START="${RANGE%%,*}"
END="${RANGE##* }"
if [[ -z "$START" || -z "$END" ]]; then
  echo "[fingerspell] $MODEL_NAME not listed in the package's loader script" >&2
  exit 3
fi

tail -c +"$((START + 1))" "$WORK/package/hands_solution_packed_assets.data" | head -c "$((END - START))" > "$WORK/$MODEL_NAME"
# A TFLite flatbuffer carries the identifier "TFL3" at byte offset 4.
if [[ "$(dd if="$WORK/$MODEL_NAME" bs=1 skip=4 count=4 2>/dev/null)" != "TFL3" ]]; then
  echo "[fingerspell] extracted bytes are not a TFLite model" >&2
  exit 3
fi
ACTUAL="$(sha256_of "$WORK/$MODEL_NAME")"
if [[ "$ACTUAL" != "$MODEL_SHA256" ]]; then
  echo "[fingerspell] checksum mismatch for the extracted $MODEL_NAME: expected $MODEL_SHA256, got $ACTUAL" >&2
  exit 3
fi
# Move into place atomically so a concurrent reader never sees half a model.
cp "$WORK/$MODEL_NAME" "$MODEL.partial" && mv -f "$MODEL.partial" "$MODEL"
(cd "$CACHE_DIR" && sha256sum "$MODEL_NAME" > "$MODEL_NAME.sha256")
echo "[fingerspell] palm detector extracted ($((END - START)) bytes) to $MODEL"
exit 0
