#!/usr/bin/env bash
# Regenerates docs/report.png: report.html of the sample run, rendered by headless Chromium.
# Needs chromium (Debian: apt-get install chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo run --quiet -- run samples/legacy --existing samples/partner_center_export.csv \
  --config samples/partner.toml --today 2026-11-26 --out "$out/reports" --quiet
mkdir -p docs
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
  --user-data-dir="$out/profile" --window-size=1280,2200 \
  --screenshot="$PWD/docs/report.png" "file://$out/reports/report.html"
echo "wrote docs/report.png"
