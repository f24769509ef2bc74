#!/usr/bin/env bash
# Runs a command with an X display: the current one when DISPLAY works, else a private Xvfb
# (xvfb-run, from the xvfb package). Mesa then renders with llvmpipe on the CPU.
set -euo pipefail
if [[ -n "${DISPLAY:-}" ]] && command -v xdpyinfo >/dev/null 2>&1 && xdpyinfo >/dev/null 2>&1; then
  exec "$@"
fi
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "with_display.sh: no display and no xvfb-run (install the xvfb package)" >&2
  exit 1
fi
# -noreset: the server must not restart between the test's successive clients.
exec xvfb-run -a -s "-screen 0 1920x1080x24 -noreset" "$@"
