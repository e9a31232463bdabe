#!/usr/bin/env bash
# Install dependencies, build, and run the whole test suite (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
packaging/install-deps.sh
preset=${MS_PRESET:-ci}
# ccache (when present) hashes paths relative to the checkout, so a fresh clone reuses objects.
export CCACHE_BASEDIR="$PWD"
export CCACHE_NOHASHDIR=1 # -g would otherwise hash the working directory: no hits from another clone
cmake --preset "$preset"
cmake --build --preset "$preset" -j "$(nproc)"
ctest --preset "$preset" -j "$(nproc)"
