#!/usr/bin/env bash
# Configures and builds one CMake preset (release, ci or asan). Serialised by a lock so that two
# builds never share this 2-core machine at once.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-release}
shift || true
exec 9>/tmp/frontline-build.lock
flock 9
[ -f "build/$preset/build.ninja" ] || cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)" "$@"
