#!/usr/bin/env bash
# `make demo`: runs every bundled deposit model end to end and writes reports and pictures to out/.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
bin="$build/bin/georeserve"
view="$build/bin/georeserve-view"
mkdir -p out
echo "georeserve demo: outputs go to out/"

# Every deposit model: domains, kriging, classification, reserves, report.html, VTK, scene.json.
for model in models/*.json; do
  [[ -e "$model" ]] || continue
  name=$(basename "$model" .json)
  echo "== $name"
  "$bin" run "$model" --out "out/$name"
  # A picture of the scene from the viewer, off-screen (xvfb when there is no display).
  if [[ -x "$view" ]]; then
    if [[ -n "${DISPLAY:-}" ]]; then
      "$view" "out/$name" --screenshot "out/$name/view.png" --size 1600x1000 || echo "  (viewer screenshot failed)"
    elif command -v xvfb-run >/dev/null; then
      xvfb-run -a -s "-screen 0 1920x1080x24" "$view" "out/$name" --screenshot "out/$name/view.png" --size 1600x1000 \
        || echo "  (viewer screenshot failed)"
    fi
  fi
done

# Subsidence over the bundled longwall panels, when the example configuration exists.
for cfg in models/subsidence/*.json; do
  [[ -e "$cfg" ]] || continue
  echo "== subsidence $(basename "$cfg" .json)"
  "$bin" subsidence "$cfg"
done
echo "done: open out/*/report.html"
