#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (CTest), headless.
# Tests labelled "heavy" (full-size shapes, training) are left to packaging/bench.sh.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${ACE_BUILD_DIR:-$ROOT/build}
"$ROOT/packaging/install-deps.sh"
"$ROOT/packaging/build.sh"
export QT_QPA_PLATFORM=offscreen
cd "$BUILD"
ctest --output-on-failure --timeout 1200 -j2 -LE heavy "$@"
