#!/usr/bin/env bash
# Install dependencies, build, and start MeterSwap on demo data with its embedded SQLite store,
# beside a local meterswap-office on a free loopback port that holds the demo crew's synced work
# (packaging/demo-office.sh). The office server stops when the app exits.
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target meterswap meterswapctl meterswap-office
bin=build/release
app=$bin/app/tablet/meterswap
data=${MS_DEMO_DATA:-$PWD/build/demo-data}
office=${MS_DEMO_OFFICE:-$PWD/build/demo-office}
# shellcheck source=packaging/demo-office.sh
. packaging/demo-office.sh
trap demo_office_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
demo_office_up
echo "Demo users (one per role) sign in with PIN 123456: 张伟 (installer: a job sent back by the" >&2
echo "office), 王芳 (office clerk), 黄丽 (billing), 刘洋 (project engineer). A demo data folder" >&2
echo "made by an older version keeps PIN 1234 and asks for a new PIN of at least 6 digits." >&2
# The tablet syncs with the crew's field token; each office user signs in with their own office
# token, so 王芳, 黄丽 and 刘洋 see the office's queues in this same app.
args=(--demo --data "$data" --server "$office_url" --token-file "$office/tokens/field.token"
  --office-token-file "王芳=$office/tokens/office_clerk.token"
  --office-token-file "黄丽=$office/tokens/billing.token"
  --office-token-file "刘洋=$office/tokens/engineer.token")
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "No display found. Starting MeterSwap in a virtual 1280x800 screen (xvfb-run)." >&2
  echo "To see it, run this on a desktop, or: xvfb-run -a -s '-screen 0 1280x800x24' $app ${args[*]}" >&2
  xvfb-run -a -s "-screen 0 1280x800x24" "$app" "${args[@]}" "$@"
else
  "$app" "${args[@]}" "$@"
fi
