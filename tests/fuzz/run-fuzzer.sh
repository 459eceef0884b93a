#!/usr/bin/env bash
# Builds the project-reader fuzzer with clang (libFuzzer + AddressSanitizer + UBSan) and runs it
# for a bounded time. Not part of the normal build: needs clang (Debian: clang-14), which
# install-deps.sh does not install.
#   tests/fuzz/run-fuzzer.sh [seconds=300] [work folder=build-fuzz]
# New interesting inputs can be merged into the regression corpus that CTest replays:
#   build-fuzz/fuzz_project -merge=1 tests/data/fuzz-project build-fuzz/corpus
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SECONDS_TO_RUN=${1:-300}
WORK=${2:-$ROOT/build-fuzz}
CXX=${CXX_FUZZ:-clang++-14}
mkdir -p "$WORK/obj" "$WORK/corpus" "$WORK/artifacts"

FLAGS=(-std=c++20 -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
       -I"$ROOT/core/common/include" -I"$ROOT/core/imaging/include" -I"$ROOT/core/document/include"
       -I"$ROOT/core/document/src" -I/usr/include/opencv4)
SOURCES=("$ROOT"/core/document/src/*.cpp "$ROOT/core/imaging/src/ImageIo.cpp")
objects=()
for src in "${SOURCES[@]}"; do
  obj="$WORK/obj/$(basename "${src%.cpp}").o"
  if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ]; then "$CXX" "${FLAGS[@]}" -c "$src" -o "$obj"; fi
  objects+=("$obj")
done
LIBS=(-lopencv_imgcodecs -lopencv_imgproc -lopencv_core -lz)
"$CXX" "${FLAGS[@]}" -fsanitize=fuzzer "$ROOT/tests/fuzz/fuzz_project.cpp" "${objects[@]}" "${LIBS[@]}" -o "$WORK/fuzz_project"
"$CXX" "${FLAGS[@]/-fsanitize=fuzzer-no-link,address,undefined/-fsanitize=address,undefined}" \
  "$ROOT/tests/fuzz/make_project_seeds.cpp" "${objects[@]}" "${LIBS[@]}" -o "$WORK/make_project_seeds" 2>/dev/null || \
  "$CXX" "${FLAGS[@]}" -fsanitize=fuzzer-no-link "$ROOT/tests/fuzz/make_project_seeds.cpp" "${objects[@]}" "${LIBS[@]}" \
    -fsanitize=address,undefined -o "$WORK/make_project_seeds"
"$WORK/make_project_seeds" "$WORK/seeds"

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$WORK/fuzz_project" "$WORK/corpus" "$WORK/seeds" "$ROOT/tests/data/fuzz-project" \
  -dict="$ROOT/tests/fuzz/project.dict" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 \
  -rss_limit_mb=4096 -artifact_prefix="$WORK/artifacts/" -print_final_stats=1
