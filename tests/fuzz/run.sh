#!/usr/bin/env bash
# Build the fuzz targets with clang (libFuzzer + ASan + UBSan) and run each for a while on its
# seed corpus: the codecs on the frames of tests/data/meter-frames.json, the parsers on
# tests/fuzz/seeds/<name>/.
#   run.sh [--seconds N] [--build DIR] [--target NAME]... [--jobs J]
# Targets: fuzz_dlt645 fuzz_dlt698 fuzz_gdw1376 (codecs, compiled here from their sources) and fuzz_wire
# fuzz_task_csv fuzz_purchase_csv fuzz_evidencepack (Qt parsers: CMake targets of a clang build
# with MS_BUILD_FUZZ=ON, configured in DIR/cmake like the `fuzz` preset). Default: all six.
# Exit 0 when every target ran clean, 1 on a crash/sanitizer report/broken invariant (the
# reproducer is in DIR/artifacts/), 77 when clang++ or its libFuzzer runtime is missing (ctest
# reports the test as skipped). CI runs it via ctest (~20 s per target); fuzz-long.sh runs longer.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds=20
build="$root/build/fuzz"
targets=()
jobs=1
while [[ $# -gt 0 ]]; do
    case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --build) build="$2"; shift 2 ;;
    --target) targets+=("$2"); shift 2 ;;
    --jobs) jobs="$2"; shift 2 ;;
    *) echo "run.sh: unknown option $1 (see the header of $0)" >&2; exit 2 ;;
    esac
done
codec_targets=(fuzz_dlt645 fuzz_dlt698 fuzz_gdw1376)
parser_targets=(fuzz_wire fuzz_task_csv fuzz_purchase_csv fuzz_evidencepack)
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=("${codec_targets[@]}" "${parser_targets[@]}")
fi
# Longest input per target: a DL/T 645 frame is at most ~220 bytes; a DL/T 698.45 frame at most
# 4,096; JSON bodies, CSV files and volumes get room for several records.
declare -A max_len=([fuzz_dlt645]=1024 [fuzz_dlt698]=4096 [fuzz_gdw1376]=4096 [fuzz_wire]=16384 [fuzz_task_csv]=8192
                    [fuzz_purchase_csv]=8192 [fuzz_evidencepack]=8192)
declare -A dict=([fuzz_wire]="$here/wire.dict" [fuzz_evidencepack]="$here/evidencepack.dict")

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

is_codec() { [[ "$1" == fuzz_dlt645 || "$1" == fuzz_dlt698 || "$1" == fuzz_gdw1376 ]]; }
want_codecs=0
want_parsers=()
for target in "${targets[@]}"; do
    if is_codec "$target"; then
        want_codecs=1
    elif [[ -n "${max_len[$target]:-}" ]]; then
        want_parsers+=("$target")
    else
        echo "run.sh: unknown target $target" >&2
        exit 2
    fi
done

if [[ $want_codecs -eq 1 ]]; then
    # Codec objects, rebuilt only when a source or header changed.
    objects=()
    for src in "$root"/core/meter/dlt645/*.cpp "$root"/core/meter/dlt698/*.cpp "$root"/core/meter/gdw1376/*.cpp; do
        obj="$build/obj/$(basename "$(dirname "$src")")_$(basename "$src" .cpp).o"
        if [[ ! -f "$obj" || -n "$(find "$root/core/meter/dlt645" "$root/core/meter/dlt698" "$root/core/meter/gdw1376" -newer "$obj" -print -quit)" ]]; then
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
    # … and the extra frames in seeds/codecs/frames.hex (SET/LINK, field replies).
    n=0
    grep -v '^#' "$here/seeds/codecs/frames.hex" | grep -o '^[0-9A-Fa-f]*' |
        while read -r hex; do
            n=$((n + 1))
            printf "$(echo "$hex" | sed 's/../\\x&/g')" > "$seeds/extra_$n"
        done
fi

if [[ ${#want_parsers[@]} -gt 0 ]]; then
    # The same settings as the `fuzz` preset in CMakePresets.json, in a directory of our own.
    # The Qt libraries themselves are not instrumented; our store, sync and model code is.
    if ! command -v cmake >/dev/null || ! command -v ninja >/dev/null; then
        echo "run.sh: cmake and ninja are needed for ${want_parsers[*]}" >&2
        exit 1
    fi
    echo "run.sh: building ${want_parsers[*]} with $cxx in $build/cmake (log: $build/cmake.log)"
    if ! { cmake -S "$root" -B "$build/cmake" -G Ninja -DCMAKE_CXX_COMPILER="$cxx" \
            -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMS_BUILD_FUZZ=ON \
            -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
            -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" &&
           cmake --build "$build/cmake" -j "$(( jobs > 2 ? jobs : 2 ))" --target "${want_parsers[@]}"; } \
            >"$build/cmake.log" 2>&1; then
        echo "run.sh: building the parser fuzz targets FAILED — see $build/cmake.log" >&2
        tail -30 "$build/cmake.log" >&2
        exit 1
    fi
fi

status=0
for target in "${targets[@]}"; do
    if is_codec "$target"; then
        bin="$build/$target"
        "$cxx" "${flags[@]}" -fsanitize=fuzzer "$here/$target.cpp" "${objects[@]}" -o "$bin"
        seed_dir="$build/seeds"
    else
        bin="$build/cmake/tests/fuzz/$target"
        seed_dir="$here/seeds/${target#fuzz_}"
    fi
    corpus="$build/corpus_$target"
    mkdir -p "$corpus"
    echo "run.sh: $target for ${seconds}s (corpus $corpus, -max_len=${max_len[$target]})"
    extra=()
    if [[ "$jobs" -gt 1 ]]; then
        extra+=(-jobs="$jobs" -workers="$jobs") # workers log to fuzz-N.log in the cwd
    fi
    if [[ -n "${dict[$target]:-}" ]]; then
        extra+=(-dict="${dict[$target]}")
    fi
    if ! (cd "$build" && "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len="${max_len[$target]}" -print_final_stats=1 "${extra[@]}" \
        -artifact_prefix="$build/artifacts/${target}_" "$corpus" "$seed_dir" >"$build/$target.log" 2>&1); then
        echo "run.sh: $target FAILED — see $build/$target.log and $build/artifacts/" >&2
        tail -40 "$build/$target.log" >&2
        status=1
    else
        grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/$target.log" | sed "s/^/  $target /" || true
    fi
done
exit $status
