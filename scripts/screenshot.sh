#!/usr/bin/env bash
# Renders the sample corpus with `pressfacts show` (marked against corpus/gold) and saves
# a headless Chromium screenshot of the page, so a person can see what a user sees.
# Not run in CI. Needs Debian's chromium (apt-get install -y chromium) and a CJK font
# (e.g. fonts-wqy-microhei or fonts-noto-cjk), otherwise Chinese shows as boxes.
#
# usage: scripts/screenshot.sh [RECORDS_DIR] [OUT_DIR]
#   RECORDS_DIR  PressFacts output to show (default: run `pressfacts extract` on corpus/)
#   OUT_DIR      where corpus.html and corpus.png go (default: .build/screenshot)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${2:-.build/screenshot}
mkdir -p "$out"
out=$(cd "$out" && pwd)
swift build --product pressfacts >/dev/null
bin="$(swift build --show-bin-path)/pressfacts"
records=${1:-}
if [ -z "$records" ]; then
  records="$out/records"
  "$bin" extract corpus --output "$records"
fi
"$bin" show "$records" --gold corpus/gold --output "$out/corpus.html"
# --no-sandbox: Chromium refuses to run as root with its sandbox (containers, CI images).
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --window-size=1400,2000 --screenshot="$out/corpus.png" "file://$out/corpus.html"
echo "screenshot: $out/corpus.png"
