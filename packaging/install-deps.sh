#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to build, run and test MeterSwap. Idempotent:
# a second run installs nothing and takes a second.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache clang
  qt6-base-dev qt6-base-dev-tools qt6-multimedia-dev qt6-serialport-dev qt6-httpserver-dev
  qt6-websockets-dev qt6-svg-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  libqt6sql6-sqlite libzxing-dev libgtest-dev libgmock-dev libsqlite3-dev libssl-dev
  gstreamer1.0-plugins-base gstreamer1.0-tools
  xvfb xauth socat imagemagick poppler-utils fonts-wqy-microhei libclang-rt-14-dev clang-format
  python3 python3-jsonschema
  dpkg-dev appstream                  # cpack's Depends (dpkg-shlibdeps); metainfo validation
  libpq-dev postgresql-15 haproxy     # the office on PostgreSQL behind a balancer (docs/scaling.md)
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
