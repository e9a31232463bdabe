#!/usr/bin/env bash
# Build the codec fuzz targets with clang (libFuzzer + ASan + UBSan) and run each for a while on
# a seed corpus made from tests/data/meter-frames.json.
#   run.sh [--seconds N] [--build DIR] [--target fuzz_dlt645|fuzz_dlt698] [--jobs J]
# Exit 0 when every target ran clean, 1 on a crash/sanitizer report/broken invariant (the
# reproducer is in DIR/artifacts/), 77 when clang++ or its libFuzzer runtime is missing (ctest
# reports the test as skipped). CI runs it via ctest (~20 s per target); fuzz-long.sh runs longer.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds=20
build="$root/build/fuzz"
targets=(fuzz_dlt645 fuzz_dlt698)
jobs=1
while [[ $# -gt 0 ]]; do
    case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --target) targets=("$2"); shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    *) echo "run.sh: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
    esac
done

cxx="${MS_FUZZ_CXX:-clang++}"
if ! command -v "$cxx" >/dev/null 2>&1; then
    echo "run.sh: $cxx not found: fuzzing skipped (apt-get install clang libclang-rt-14-dev)"
    exit 77
fi
flags=(-std=c++20 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
       -fno-sanitize-recover=undefined -I"$root/core")
mkdir -p "$build/obj" "$build/artifacts"
probe="$build/obj/probe.cpp"
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char *, unsigned long) { return 0; }' > "$probe"
if ! "$cxx" -fsanitize=fuzzer,address,undefined "$probe" -o "$build/obj/probe" 2>/dev/null; then
    echo "run.sh: $cxx cannot link libFuzzer (install libclang-rt-14-dev): fuzzing skipped"
    exit 77
fi

# Codec objects, rebuilt only when a source or header changed.
objects=()
for src in "$root"/core/meter/dlt645/*.cpp "$root"/core/meter/dlt698/*.cpp; do
    obj="$build/obj/$(basename "$(dirname "$src")")_$(basename "$src" .cpp).o"
    if [[ ! -f "$obj" || -n "$(find "$root/core/meter/dlt645" "$root/core/meter/dlt698" -newer "$obj" -print -quit)" ]]; then
        "$cxx" "${flags[@]}" -c "$src" -o "$obj"
    fi
    objects+=("$obj")
done

# Seed corpus: every vector frame, as raw bytes.
seeds="$build/seeds"
mkdir -p "$seeds"
n=0
grep -o '"hex": *"[0-9A-Fa-f]*"' "$root/tests/data/meter-frames.json" | sed 's/.*"\([0-9A-Fa-f]*\)"$/\1/' |
    while read -r hex; do
        n=$((n + 1))
        printf "$(echo "$hex" | sed 's/../\\x&/g')" > "$seeds/vector_$n"
    done

status=0
for target in "${targets[@]}"; do
    bin="$build/$target"
    "$cxx" "${flags[@]}" -fsanitize=fuzzer "$here/$target.cpp" "${objects[@]}" -o "$bin"
    corpus="$build/corpus_$target"
    mkdir -p "$corpus"
    echo "run.sh: $target for ${seconds}s (corpus $corpus)"
    parallel=()
    if [[ "$jobs" -gt 1 ]]; then
        parallel=(-jobs="$jobs" -workers="$jobs") # workers log to fuzz-N.log in the cwd
    fi
    if ! (cd "$build" && "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=1024 -print_final_stats=1 "${parallel[@]}" \
        -artifact_prefix="$build/artifacts/${target}_" "$corpus" "$seeds" >"$build/$target.log" 2>&1); then
        echo "run.sh: $target FAILED — see $build/$target.log and $build/artifacts/" >&2
        tail -40 "$build/$target.log" >&2
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/$target.log" | sed "s/^/  $target /" || true
    fi
done
exit $status
