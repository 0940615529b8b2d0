#!/usr/bin/env bash
# Installs the Debian 12 packages Frontline builds, runs and tests with. Idempotent: installs only
# what is missing (apt-get update first, as a fresh machine's package lists may be empty or stale).
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config git
  libgdal-dev gdal-bin libgeos-dev libproj-dev libicu-dev zlib1g-dev libgumbo-dev
  libsfml-dev fonts-dejavu-core
  libcli11-dev nlohmann-json3-dev libsimdjson-dev libgoogle-perftools-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth libgl1-mesa-dri
  python3 python3-gdal python3-shapely
  # The PostGIS store's tests run a throwaway cluster (scripts/pg-test-cluster.sh, psql for SQL
  # read-back); the throughput script reports peak memory through GNU time.
  postgresql-15 postgresql-client-15 postgresql-15-postgis-3 time
  # The libFuzzer targets (issue 8): clang with libFuzzer and the sanitizer runtimes.
  clang-14 libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} Debian packages present"
  exit 0
fi

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
