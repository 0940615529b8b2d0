#!/usr/bin/env bash
# README command 2: installs what Frontline needs, then builds and runs the whole test suite twice:
# a -Werror build, and a build with AddressSanitizer + UndefinedBehaviorSanitizer; then runs each
# libFuzzer target for 60 s (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# A private cache, so that tests never depend on what an earlier run left in $HOME.
export FRONTLINE_CACHE
FRONTLINE_CACHE=$(mktemp -d)
trap 'rm -rf "$FRONTLINE_CACHE"' EXIT

for preset in ci asan; do
  echo "== build ($preset)"
  bash scripts/build.sh "$preset"
  echo "== test ($preset)"
  ctest --preset "$preset" -j 2
done

echo "== fuzz"
bash scripts/fuzz.sh
