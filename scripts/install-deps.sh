#!/usr/bin/env bash
# Installs the Debian packages georeserve needs, only those that are missing.
# Used by `make demo` and `make test`; safe to run again (does nothing when all are present).
set -euo pipefail

packages=(
  cmake g++ make pkg-config
  libeigen3-dev libnanoflann-dev libtbb-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libbenchmark-dev
  libgdal-dev gdal-bin libproj-dev proj-bin libassimp-dev
  libvtk9-dev libimgui-dev libglfw3-dev libstb-dev
  xvfb xauth fonts-wqy-microhei librsvg2-bin
)
# The gstat oracle is only needed to regenerate fixtures and for the benchmark against gstat.
if [[ "${GEORESERVE_WITH_R:-0}" == 1 ]]; then packages+=(r-cran-gstat); fi
# Servers without OpenGL skip the viewer's packages.
if [[ "${GEORESERVE_NO_VIEWER:-0}" == 1 ]]; then
  packages=("${packages[@]/libvtk9-dev}"); packages=("${packages[@]/libimgui-dev}")
  packages=("${packages[@]/libglfw3-dev}")
fi

missing=()
for p in "${packages[@]}"; do
  [[ -z "$p" ]] && continue
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
if ((${#missing[@]} == 0)); then exit 0; fi

echo "georeserve: installing missing Debian packages: ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
