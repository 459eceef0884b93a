#!/usr/bin/env bash
# Builds, runs the heavy test label (full-size shapes, training) and the engine benchmark.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${ACE_BUILD_DIR:-$ROOT/build}
"$ROOT/packaging/install-deps.sh"
"$ROOT/packaging/build.sh"
cd "$BUILD"
ctest --output-on-failure -L heavy
"$BUILD/bin/ace-cli" bench "$@"
