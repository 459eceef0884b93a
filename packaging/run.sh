#!/usr/bin/env bash
# Installs what is missing, builds, and launches ACE Desktop (on the built-in model unless a
# model folder is set in the settings). Arguments are passed to ace-desktop.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${ACE_BUILD_DIR:-$ROOT/build}
"$ROOT/packaging/install-deps.sh"
"$ROOT/packaging/build.sh"
exec "$BUILD/bin/ace-desktop" "$@"
