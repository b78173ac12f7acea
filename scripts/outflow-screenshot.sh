#!/usr/bin/env bash
# Renders the published outflow chart of the end-to-end test (synthetic food-bank households, 5 profiles)
# in headless Chromium and writes docs/images/outflow.png. Not run by CI; needs chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
DATAWIJS_OUTFLOW_SVG="$work/outflow.svg" dotnet test tests/Datawijs.EndToEnd.Tests \
  --filter "FullyQualifiedName~OutflowTests.Published_outflow_is_coarsened" >/dev/null
mkdir -p docs/images "$work/profile"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/profile" \
  --hide-scrollbars --window-size=720,480 --screenshot="$PWD/docs/images/outflow.png" "file://$work/outflow.svg"
echo "Wrote docs/images/outflow.png"
