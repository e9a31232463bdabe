#!/usr/bin/env bash
# The store, sync and office-server tests (the real meterswap-office on loopback included) built
# with AddressSanitizer + UndefinedBehaviorSanitizer (the asan preset) and run; any finding fails
# the test. CI (.ci/run) runs it after packaging/test.sh when MS_ASAN=1; MS_ASAN=0 skips it.
# Measured on the 2-core build machine under load from other jobs (load average ~8): cold build
# 35.5 min wall (15.8 min CPU), tests 7.2 min wall; an idle 2-core machine needs about half.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${MS_ASAN:-1}" = "0" ]; then
  echo "test-asan: skipped (MS_ASAN=0)"
  exit 0
fi
export CCACHE_BASEDIR="$PWD"
export CCACHE_NOHASHDIR=1
cmake --preset asan
cmake --build --preset asan -j "$(nproc)" --target store_sync_server_tests
ctest --preset asan -j "$(nproc)" -L '^(store|sync|server)$' -LE '^(ui|fuzz)$'
