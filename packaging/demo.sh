#!/usr/bin/env bash
# Install dependencies, build, and start MeterSwap on demo data with its embedded SQLite store.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target meterswap meterswapctl
app=build/release/app/tablet/meterswap
data=${MS_DEMO_DATA:-$PWD/build/demo-data}
echo "Demo users (one per role) sign in with PIN 123456. A demo data folder made by an older" >&2
echo "version keeps PIN 1234 and asks for a new PIN of at least 6 digits at the first sign-in." >&2
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found. Starting MeterSwap in a virtual 1280x800 screen (xvfb-run)." >&2
  echo "To see it, run this on a desktop, or: xvfb-run -a -s '-screen 0 1280x800x24' $app --demo --data $data" >&2
  exec xvfb-run -a -s "-screen 0 1280x800x24" "$app" --demo --data "$data" "$@"
fi
exec "$app" --demo --data "$data" "$@"
