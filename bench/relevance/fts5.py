#!/usr/bin/env python3
"""SQLite FTS5 baseline: unicode61 with remove_diacritics 2, the OR of the query words,
ranked by bm25; texts and queries NFC-normalised (LegalQuAD stores umlauts decomposed).

Usage: fts5.py CORPUS_JSONL QUERIES_JSONL > RUN.trec
"""
import json
import re
import sqlite3
import sys
import unicodedata


def nfc(text):
    return unicodedata.normalize("NFC", text)


def main():
    corpus, queries = sys.argv[1], sys.argv[2]
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, text, "
               "tokenize = 'unicode61 remove_diacritics 2')")
    with open(corpus, encoding="utf-8") as lines:
        db.executemany("INSERT INTO docs (id, text) VALUES (?, ?)",
                       ((d["_id"], nfc(d["text"])) for d in map(json.loads, lines)))
    with open(queries, encoding="utf-8") as lines:
        for query in map(json.loads, lines):
            words = re.findall(r"\w+", nfc(query["text"]))
            if not words:
                continue
            match = " OR ".join('"%s"' % w for w in words)
            rows = db.execute("SELECT id, bm25(docs) FROM docs WHERE docs MATCH ? "
                              "ORDER BY bm25(docs) LIMIT 100", (match,))
            for rank, (doc, score) in enumerate(rows, 1):
                print("%s Q0 %s %d %.4f fts5" % (query["_id"], doc, rank, -score))


if __name__ == "__main__":
    main()
