#!/usr/bin/env bash
# Longer fuzzing session for every fuzz target (default 1 hour per target, 2 workers): the meter
# codecs, the sync wire decoders, both task CSV readers, the purchase CSV and the evidence-volume
# scanner (see run.sh).
#   tests/fuzz/fuzz-long.sh [SECONDS] [JOBS]
# The corpus in build/fuzz/corpus_* grows across runs; crashes land in build/fuzz/artifacts/.
# Reproduce one with: build/fuzz/fuzz_dlt645 build/fuzz/artifacts/fuzz_dlt645_crash-…
# (the parser targets are in build/fuzz/cmake/tests/fuzz/, e.g. fuzz_wire).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec "$here/run.sh" --seconds "${1:-3600}" --jobs "${2:-2}" --build "$here/../../build/fuzz"
