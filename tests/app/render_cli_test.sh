#!/usr/bin/env bash
# `frontline render` as a user runs it (needs an X display; ctest wraps it in xvfb-run): a framed
# box, a folder of timeline frames, and the usage errors. Prints "N passed, N failed".
# usage: render_cli_test.sh FRONTLINE_BINARY CORPUS_DIR
set -u
frontline=$1
corpus=$2
seed=$corpus/seed/000_6520db93bddb2147.txt
source "$(dirname "$0")/../cli_checks.sh"
png_size() { python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print(*struct.unpack('>II', d[16:24]))" "$1"; }

check "--bbox: exit 0" run 0 render "$seed" --bbox 37.6,36.4,39.2,37.4 --size 800x600 -o "$work/box.png"
check "--bbox: a PNG of the size asked" test "$(png_size "$work/box.png")" = "800 600"
for bad in "37.6,36.4,39.2" "39.2,36.4,37.6,37.4" "37.6,36.4,39.2,97" "a,b,c,d" "37.6,36.4,39.2,37.4,1"; do
  check "--bbox $bad: usage error" run 2 render "$seed" --bbox "$bad" -o "$work/bad.png"
  check "--bbox $bad: says what it takes" grep -q "bbox takes lon0,lat0,lon1,lat1" "$work/err"
done
check "--bbox: nothing written on a usage error" test ! -e "$work/bad.png"

# The seed's events run from 8 to 9 October 2014 (and its background since mid-September): one
# frame a week from the first day to the last, the last day always included, named by day.
check "--frames: exit 0" run 0 render "$seed" --frames "$work/frames" --step 1w --size 640x400
first=$(ls "$work/frames" | head -n 1)
last=$(ls "$work/frames" | grep '\.png$' | tail -n 1)
check "--frames: numbered and dated names" bash -c "[[ '$first' =~ ^frame-0001-[0-9]{4}-[0-9]{2}-[0-9]{2}\.png$ ]]"
check "--frames: the last frame is the last day" bash -c "[[ '$last' == *-2014-10-09.png ]]"
# Consecutive frames a week apart, but for the last, which may come sooner.
check "--frames: a week apart" python3 -c "
import datetime, os, sys
days = [datetime.date.fromisoformat(n[11:21]) for n in sorted(os.listdir(sys.argv[1])) if n.endswith('.png')]
gaps = [(b - a).days for a, b in zip(days, days[1:])]
sys.exit(0 if gaps and all(g == 7 for g in gaps[:-1]) and 1 <= gaps[-1] <= 7 else 1)" "$work/frames"
count=$(ls "$work/frames"/frame-*.png | wc -l)
check "--frames: one frame per week plus the last day" test "$count" -ge 2
check "--frames: each frame has the size asked" test "$(png_size "$work/frames/$first")" = "640 400"
check "--frames: the summary names the folder" grep -q "frames, .* written to $work/frames" "$work/err"
check "--frames: no temporary file left" test -z "$(find "$work/frames" -name '.*.tmp-*' -print -quit)"
check "--step 0d: usage error" run 2 render "$seed" --frames "$work/f2" --step 0d
check "--step 3x: says what it takes" bash -c "'$frontline' render '$seed' --frames '$work/f2' --step 3x 2>&1 | grep -q 'step takes a number of days or weeks'"
check "neither -o nor --frames: usage error" run 2 render "$seed"
check "neither -o nor --frames: says so" grep -q "render needs -o FILE.png or --frames DIR" "$work/err"

finish
