#!/usr/bin/env bash
# README command 1: installs what Frontline needs, builds it and runs the main job on the bundled
# Kobane articles. With a display it opens the viewer; without one it renders the map to out/ and
# writes the event layers there.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh release --target frontline
frontline=build/release/src/app/frontline

# The Kobane story: the seed article and the development articles about the siege.
articles=(tests/data/corpus/seed)
for f in tests/data/corpus/dev/*.txt; do
  case "$(head -c 4000 "$f")" in *Kobani*|*Kobane*) articles+=("$f") ;; esac
done

mkdir -p out
"$frontline" extract "${articles[@]}" -o out/events.geojson
"$frontline" extract "${articles[@]}" -o out/events.csv
if [ -n "${DISPLAY:-}" ] && xset q >/dev/null 2>&1; then
  exec "$frontline" view "${articles[@]}" --scenario kobane-2014
fi
xvfb-run -a -s "-screen 0 1920x1080x24" "$frontline" render "${articles[@]}" --scenario kobane-2014 --at 2014-10-09 -o out/kobane-2014-10-09.png
xvfb-run -a -s "-screen 0 1920x1080x24" "$frontline" render "${articles[@]}" --scenario kobane-2014 -o out/kobane-latest.png
echo
echo "No display: the map is in out/kobane-2014-10-09.png and out/kobane-latest.png;"
echo "the events are in out/events.geojson (open it in QGIS) and out/events.csv (ACLED columns)."
