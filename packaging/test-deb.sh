#!/usr/bin/env bash
# Installs a Fingerspell .deb into a clean Debian chroot and checks it there, with the network cut off:
#   fingerspell --version, fingerspell info, and (with --ui) the live window under Xvfb with a screenshot.
#
#   sudo packaging/test-deb.sh target/dist/fingerspell_0.1.0-1_amd64.deb [--ui IMAGE_FOLDER] [--chroot DIR]
#
# Needs root, debootstrap, unshare (util-linux); with --ui also Xvfb and ImageMagick's import on the host.
# The chroot (default /tmp/fingerspell-chroot) is made once with debootstrap --variant=minbase bookworm and
# reused; the package's dependencies are the only thing apt installs into it (that step needs the network).
# Results: target/dist/test/ (command output, start-up time, screenshot).
set -euo pipefail

DEB=""
UI_IMAGES=""
CHROOT=/tmp/fingerspell-chroot
DISPLAY_NUM=87
while (($#)); do
  case "$1" in
    --ui) UI_IMAGES="$(cd "$2" && pwd)"; shift ;;
    --chroot) CHROOT="$2"; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) DEB="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" ;;
  esac
  shift
done
[[ -f "$DEB" ]] || { echo "usage: $0 PACKAGE.deb [--ui IMAGE_FOLDER] [--chroot DIR]" >&2; exit 1; }
((EUID == 0)) || { echo "test-deb.sh: run as root (chroot, mount, unshare)" >&2; exit 1; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/target/dist/test"
mkdir -p "$OUT"
say() { echo "[test-deb] $*"; }

MOUNTS=()
cleanup() {
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTS[i]}" 2>/dev/null || true; done
  [[ -n "${XVFB_PID:-}" ]] && kill "$XVFB_PID" 2>/dev/null || true
}
trap cleanup EXIT
bind() { mkdir -p "$CHROOT$2"; mount --bind "$1" "$CHROOT$2"; MOUNTS+=("$CHROOT$2"); }

if [[ ! -x "$CHROOT/usr/bin/apt-get" ]]; then
  say "debootstrap --variant=minbase bookworm $CHROOT"
  debootstrap --variant=minbase bookworm "$CHROOT" http://deb.debian.org/debian
fi
mount -t proc proc "$CHROOT/proc"; MOUNTS+=("$CHROOT/proc")
bind /dev /dev
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
mkdir -p "$CHROOT/tmp/pkg"
cp "$DEB" "$CHROOT/tmp/pkg/"
PKG_FILE="/tmp/pkg/$(basename "$DEB")"

say "installing $(basename "$DEB") (dpkg -i, then apt-get -f install for its dependencies)"
chroot "$CHROOT" /bin/bash -c "export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; \
  dpkg -i $PKG_FILE || apt-get -f install -y -qq --no-install-recommends" > "$OUT/install.log" 2>&1 \
  || { tail -20 "$OUT/install.log"; exit 1; }
# dpkg -i alone stops at the missing dependencies (expected on a clean system); apt-get -f install then adds them.
grep -E "^Setting up fingerspell|desktop menu entry|newly installed" "$OUT/install.log" | sed 's/^/[test-deb]   /' || true
chroot "$CHROOT" dpkg -s "$(dpkg-deb -f "$DEB" Package)" | grep -E '^(Status|Version|Depends):' | sed 's/^/[test-deb]   /'

say "unshare -n chroot $CHROOT fingerspell --version"
unshare -n chroot "$CHROOT" fingerspell --version | tee "$OUT/version.txt"
say "unshare -n chroot $CHROOT fingerspell info"
unshare -n chroot "$CHROOT" env HOME=/root fingerspell info 2>&1 | tee "$OUT/info.txt"

if [[ -n "$UI_IMAGES" ]]; then
  Xvfb ":$DISPLAY_NUM" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  sleep 2
  bind /tmp/.X11-unix /tmp/.X11-unix
  bind "$UI_IMAGES" /tmp/images
  rm -rf "$CHROOT/root/.local/share/fingerspell/logs"
  say "unshare -n chroot $CHROOT fingerspell live --source folder:/tmp/images --fps 15 --loop (DISPLAY=:$DISPLAY_NUM)"
  unshare -n chroot "$CHROOT" env DISPLAY=":$DISPLAY_NUM" HOME=/root fingerspell live --source folder:/tmp/images \
    --fps 15 --loop > "$OUT/live.log" 2>&1 &
  APP_PID=$!
  LOG="$CHROOT/root/.local/share/fingerspell/logs/fingerspell.0.log"
  for _ in $(seq 1 120); do
    grep -q "Start-up: first frame painted" "$LOG" 2>/dev/null && break
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 0.5
  done
  sleep 3
  import -window root -display ":$DISPLAY_NUM" "$OUT/live.png"
  grep "Start-up:" "$LOG" | tee "$OUT/startup.txt" || say "no start-up milestones in $LOG"
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  say "screenshot: $OUT/live.png; app output: $OUT/live.log"
fi
say "ok"
