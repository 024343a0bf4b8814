#!/usr/bin/env python3
"""Writes a BEIR corpus as files for lupe-indexer: one .txt per document plus a sidecar.

Usage: prepare.py CORPUS_JSONL OUT_DIR
The sidecar gives the BEIR id as the document id and as its title: a title no query
contains, so Lupe's title weighting does not change the ranking (the baselines index no
title either; XQuAD's titles are English article slugs, LegalQuAD has none).
"""
import json
import os
import sys
from xml.sax.saxutils import escape


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    count = 0
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            name = os.path.join(out, "%06d.txt" % count)
            with open(name, "w", encoding="utf-8") as f:
                f.write(doc["text"])
            with open(name + ".meta.xml", "w", encoding="utf-8") as f:
                f.write("<meta><id>%s</id><title>%s</title></meta>\n"
                        % (escape(doc["_id"]), escape(doc["_id"])))
            count += 1
    print(count, "documents written to", out)


if __name__ == "__main__":
    main()
