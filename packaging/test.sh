#!/usr/bin/env bash
# Install dependencies, build, and run the whole test suite (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
preset=${MS_PRESET:-ci}
cmake --preset "$preset"
cmake --build --preset "$preset" -j "$(nproc)"
ctest --preset "$preset" -j "$(nproc)"
