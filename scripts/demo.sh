#!/usr/bin/env bash
# `make demo`: runs the bundled examples end to end and writes reports and pictures to out/.
set -euo pipefail
build=${1:-build}
cd "$(dirname "$0")/.."
bin="$build/bin/georeserve"
mkdir -p out
echo "georeserve demo: outputs go to out/"
"$bin" --version
