#!/usr/bin/env python3
"""Writes the seed and dev corpora as NDJSON articles, replicated until the file holds at least
--mb megabytes. Each copy gets its own article id (STEM~rN), so that a store sees new articles
mentioning known events, as a real feed does, rather than the same article again.
usage: make-bench-corpus.py CORPUS_DIR OUT.ndjson [--mb 100]"""
import argparse
import json
import pathlib

ap = argparse.ArgumentParser()
ap.add_argument("corpus")
ap.add_argument("out")
ap.add_argument("--mb", type=float, default=100.0)
args = ap.parse_args()

articles = []
for folder in ("seed", "dev"):
    for txt in sorted((pathlib.Path(args.corpus) / folder).glob("*.txt")):
        meta_path = txt.with_suffix("").with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        meta.setdefault("id", txt.stem)
        # The .txt reader takes the first line as the title; the JSON reader does the same with
        # the text when it starts with the title, so both readings give the same article.
        meta["text"] = txt.read_text(encoding="utf-8")
        articles.append(meta)

target = int(args.mb * 1024 * 1024)
written = 0
with open(args.out, "w", encoding="utf-8") as out:
    copy = 0
    while written < target:
        for article in articles:
            line = json.dumps(dict(article, id=f"{article['id']}~r{copy}"), ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
        copy += 1
print(f"{args.out}: {written} bytes, {copy} copies of {len(articles)} articles")
