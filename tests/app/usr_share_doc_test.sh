#!/usr/bin/env bash
# Issue 8's acceptance: `frontline extract` over 1,000 arbitrary files from /usr/share/doc
# (changelogs, gzip archives, copyright notices, HTML manuals) ends without a crash: exit 0, 1
# or 2, never a signal or a sanitizer report. Each file is given one of the article extensions in
# turn, so every reader meets binary and foreign text.
# usage: usr_share_doc_test.sh FRONTLINE_BINARY [COUNT]
set -u
frontline=$1
count=${2:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
extensions=(txt json ndjson html)
i=0
while IFS= read -r -d '' file; do
  cp "$file" "$work/doc$i.${extensions[$((i % 4))]}" 2>/dev/null || continue
  i=$((i + 1))
  [ $i -ge "$count" ] && break
done < <(find /usr/share/doc -type f -size -2M -print0 2>/dev/null | sort -z)
if [ $i -lt 100 ]; then
  echo "only $i files under /usr/share/doc; skipped"
  exit 77
fi
start=$(date +%s)
"$frontline" extract "$work" -o "$work/events.geojson" -j 2 --published 2015-01-01 >/dev/null 2>"$work/err"
code=$?
echo "$i files in $(( $(date +%s) - start )) s, exit $code; $(grep -c 'skipped:' "$work/err") skipped"
if [ $code -gt 2 ] || grep -q "ERROR: AddressSanitizer\|runtime error:" "$work/err"; then
  tail -40 "$work/err"
  exit 1
fi
