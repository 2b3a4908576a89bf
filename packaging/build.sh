#!/usr/bin/env bash
# Builds Fingerspell as a desktop app with jpackage: an app image and the platform's installer in target/dist/.
#
#   packaging/build.sh            CPU build (the default): Linux app image + .deb
#   packaging/build.sh --gpu      GPU build (ONNX Runtime CUDA, mvn -Pgpu): package "fingerspell-gpu"
#   options: --no-mvn  reuse target/fingerspell.jar (it must be the same variant)
#            --app-image-only  stop after the app image
#            --reuse-image  build only the installer, from the app image already in target/dist
#            --models DIR  take the model from DIR instead of models/ (trials only: never ship a stand-in)
#
# Linux is built and tested here. macOS (.dmg) and Windows (.msi) use the same script and jpackage/*.args on
# their own machines (jpackage cannot cross-build) and have not been built yet: see packaging/README.md.
# Needs: JDK 17 with jpackage and jlink, Maven, and for the palm detector npm (first build) or a cached copy;
# for the .deb: dpkg-deb and fakeroot.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PKG_DIR="$ROOT/packaging"
cd "$ROOT"

VARIANT=cpu
RUN_MVN=1
INSTALLERS=1
REUSE_IMAGE=0
MODELS="$ROOT/models"
while (($#)); do
  case "$1" in
    --gpu) VARIANT=gpu ;;
    --cpu) VARIANT=cpu ;;
    --no-mvn) RUN_MVN=0 ;;
    --app-image-only) INSTALLERS=0 ;;
    --reuse-image) REUSE_IMAGE=1; RUN_MVN=0 ;;
    --models) MODELS="$(cd "$2" && pwd)"; shift ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 1 ;;
  esac
  shift
done

say() { echo "[package] $*"; }
die() { echo "[package] ERROR: $*" >&2; exit 1; }

case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=macos ;;
  MINGW*|MSYS*|CYGWIN*) OS=windows ;;
  *) die "unsupported build platform $(uname -s)" ;;
esac

VERSION="$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
[[ -n "$VERSION" ]] || die "cannot read the project version from pom.xml"
# jpackage wants a purely numeric version (1.2.3); a -SNAPSHOT suffix is dropped for the installer only.
APP_VERSION="${VERSION%%-*}"
if [[ "$VARIANT" == gpu ]]; then PACKAGE=fingerspell-gpu; OTHER=fingerspell; else PACKAGE=fingerspell; OTHER=fingerspell-gpu; fi
DIST="$ROOT/target/dist"
WORK="$DIST/work-$VARIANT"
INPUT="$WORK/input"
RUNTIME="$WORK/runtime"
RESOURCES="$WORK/resources"
IMAGES="$DIST/app-image-$VARIANT"

# 1. The committed model, its descriptor and card: the package is useless without them.
for file in fingerspell.onnx fingerspell.json MODEL_CARD.md; do
  [[ -s "$MODELS/$file" ]] || die "$MODELS/$file is missing. The package ships the committed model with its \
descriptor and card: commit models/fingerspell.onnx, models/fingerspell.json and models/MODEL_CARD.md first \
(training/README.md says how they are made)."
done
if [[ "$MODELS" != "$ROOT/models" ]]; then
  say "WARNING: packaging the model from $MODELS, not models/: for trials only, do not publish this package."
fi

# 2. MediaPipe's palm detector, fetched at build time (npm pack, pinned version and sha256) and shipped inside.
DETECTOR_CACHE="${FINGERSPELL_DETECTOR_CACHE:-$HOME/.cache/fingerspell}"
DETECTOR="$DETECTOR_CACHE/palm_detection_full.tflite"
DETECTOR_SHA256=2f25e740121983f68ffc05f99991d524dc0ea812134f6316a26125816941ee85
bash "$ROOT/scripts/fetch-detector.sh" "$DETECTOR_CACHE" || true
[[ -s "$DETECTOR" ]] || die "the palm detector is not in $DETECTOR and could not be fetched (needs npm and the \
network once; see scripts/fetch-detector.sh). The package must contain it."
[[ "$(sha256sum "$DETECTOR" | cut -d' ' -f1)" == "$DETECTOR_SHA256" ]] \
  || die "$DETECTOR does not have the pinned sha256 $DETECTOR_SHA256"

# 3. The runnable jar with this platform's natives.
if ((RUN_MVN)); then
  MVN_ARGS=(-B -q -DskipTests -DskipDetectorFetch=true package)
  [[ "$VARIANT" == gpu ]] && MVN_ARGS=(-Pgpu "${MVN_ARGS[@]}")
  say "mvn ${MVN_ARGS[*]}"
  mvn "${MVN_ARGS[@]}"
fi
JAR="$ROOT/target/fingerspell.jar"
[[ -s "$JAR" ]] || die "$JAR is missing (run without --no-mvn)"
if [[ "$VARIANT" == gpu ]] && ! unzip -l "$JAR" | grep -q 'libonnxruntime_providers_cuda'; then
  die "$JAR is not the GPU build (no CUDA provider inside): run without --no-mvn"
fi
if [[ "$VARIANT" == cpu ]] && unzip -l "$JAR" | grep -q 'libonnxruntime_providers_cuda'; then
  die "$JAR is the GPU build: run without --no-mvn for the CPU package"
fi

# 4. What goes beside the jar: the app folder ($APPDIR) of the installed app.
if ((REUSE_IMAGE)); then
  [[ -d "$IMAGES" ]] || die "no app image in $IMAGES to reuse: run without --reuse-image"
  rm -rf "$RESOURCES" && mkdir -p "$RESOURCES"
else
rm -rf "$WORK" "$IMAGES"
mkdir -p "$INPUT/models" "$RESOURCES" "$IMAGES"
cp "$JAR" "$INPUT/fingerspell.jar"
cp "$MODELS/fingerspell.onnx" "$MODELS/fingerspell.json" "$MODELS/MODEL_CARD.md" "$INPUT/models/"
cp "$DETECTOR" "$INPUT/palm_detection_full.tflite"
cp "$PKG_DIR/THIRD-PARTY-NOTICES.md" "$INPUT/"

# 5. A small Java runtime: the modules `jdeps --print-module-deps --ignore-missing-deps` finds in the shaded jar,
#    plus those they need that it does not list (java.desktop for JavaFX/Swing, java.logging for the log file).
MODULES=java.base,java.compiler,java.desktop,java.logging,java.management,java.sql,java.xml,jdk.jfr,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs
say "jlink $MODULES"
jlink --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$RUNTIME"
fi

# 6. Platform resources and options: <os>-image.args for the app image, <os>-installer.args for the installer.
COMMON=(@"$PKG_DIR/jpackage/common.args" --app-version "$APP_VERSION" --input "$INPUT" --runtime-image "$RUNTIME")
IMAGE_ARGS=()
INSTALLER_ARGS=()
[[ -f "$PKG_DIR/jpackage/$OS-image.args" ]] && IMAGE_ARGS=(@"$PKG_DIR/jpackage/$OS-image.args")
[[ -f "$PKG_DIR/jpackage/$OS-installer.args" ]] && INSTALLER_ARGS=(@"$PKG_DIR/jpackage/$OS-installer.args")
case "$OS" in
  linux)
    INSTALL_DIR="/opt/$PACKAGE"
    ICON="$PKG_DIR/icons/fingerspell.png"
    # jpackage looks for <launcher>.desktop in the resource dir and installs it as <package>-<launcher>.desktop.
    cp "$PKG_DIR/linux/fingerspell.desktop" "$RESOURCES/fingerspell.desktop"
    for file in postinst prerm copyright control; do
      sed -e "s|@PKG@|$PACKAGE|g" -e "s|@INSTALL_DIR@|$INSTALL_DIR|g" -e "s|@CONFLICTS@|Conflicts: $OTHER|" \
        "$PKG_DIR/linux/$file" > "$RESOURCES/$file"
    done
    chmod 755 "$RESOURCES/postinst" "$RESOURCES/prerm"
    INSTALLER_ARGS+=(--linux-package-name "$PACKAGE" --install-dir /opt
                     --license-file "$PKG_DIR/THIRD-PARTY-NOTICES.md")
    INSTALLER_TYPES=(deb)
    APP_NAME=fingerspell
    ;;
  macos)
    ICON="$PKG_DIR/icons/fingerspell.icns"
    [[ -s "$ICON" ]] || die "$ICON is missing: make it on the Mac as packaging/README.md says"
    [[ -f "$PKG_DIR/macos/Info.plist" ]] && cp "$PKG_DIR/macos/Info.plist" "$RESOURCES/Info.plist"
    INSTALLER_TYPES=(dmg)
    APP_NAME=Fingerspell
    ;;
  windows)
    ICON="$PKG_DIR/icons/fingerspell.ico"
    INSTALLER_TYPES=(msi)
    APP_NAME=fingerspell
    ;;
esac

# 7. The app image (what the installers contain; also usable unpacked), then the installers from it.
if ! ((REUSE_IMAGE)); then
say "jpackage --type app-image ($VARIANT) -> $IMAGES"
jpackage --type app-image --name "$APP_NAME" --dest "$IMAGES" --icon "$ICON" --resource-dir "$RESOURCES" \
  "${COMMON[@]}" "${IMAGE_ARGS[@]}"
fi
APP="$IMAGES/$APP_NAME"
[[ "$OS" == macos ]] && APP="$IMAGES/$APP_NAME.app"
[[ -d "$APP" ]] || die "jpackage did not produce $APP"

if ((INSTALLERS)); then
  for type in "${INSTALLER_TYPES[@]}"; do
    say "jpackage --type $type ($PACKAGE) -> $DIST"
    # Only this variant's earlier installer: the CPU and GPU packages live side by side in target/dist.
    if [[ "$type" == deb ]]; then rm -f "$DIST/${PACKAGE}_"*.deb; else rm -f "$DIST/$APP_NAME-"*."$type"; fi
    jpackage --type "$type" --name "$APP_NAME" --app-version "$APP_VERSION" --app-image "$APP" --dest "$DIST" \
      --resource-dir "$RESOURCES" --icon "$ICON" --vendor "Fingerspell contributors" \
      --copyright "Fingerspell contributors" \
      --description "Reads American Sign Language fingerspelling from a webcam or image files." \
      "${INSTALLER_ARGS[@]}"
  done
fi

say "done ($VARIANT):"
du -sh "$APP" | sed 's/^/[package]   app image /'
for file in "$DIST"/*.deb "$DIST"/*.dmg "$DIST"/*.msi "$DIST"/*.exe; do
  [[ -f "$file" ]] && ls -l "$file" | sed 's/^/[package]   /'
done
true
