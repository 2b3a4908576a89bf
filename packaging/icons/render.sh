#!/usr/bin/env bash
# Renders fingerspell.svg to the PNG sizes and the Windows .ico that packaging uses (needs ImageMagick).
# macOS's .icns is made on a Mac from the same PNGs: see packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256; do
  convert -background none -density 192 fingerspell.svg -resize "${size}x${size}" -depth 8 "fingerspell-${size}.png"
done
cp fingerspell-256.png fingerspell.png
convert fingerspell-16.png fingerspell-32.png fingerspell-48.png fingerspell-64.png fingerspell-128.png \
  fingerspell-256.png fingerspell.ico
rm -f fingerspell-16.png fingerspell-32.png fingerspell-48.png fingerspell-64.png fingerspell-128.png fingerspell-256.png
echo "icons rendered in $(pwd)"
