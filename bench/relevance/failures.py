#!/usr/bin/env python3
"""Lists the queries of a run whose relevant document is not ranked first: the rank (or -),
how many documents the run returned (fewer than 100 in a collection of more: every-word
matching was not relaxed), the question, and for each word whether it occurs in the
relevant document (+), only as a prefix of a longer word (~, compounds and inflection), or
not (-), and the same for the document ranked first. Words are compared lower-cased with
umlauts as written, by a crude 5-character prefix for "~": a reading aid, not Lupe's
analyzer. Output goes to the terminal only: the collections' texts stay out of the repository.

Usage: failures.py CORPUS_JSONL QUERIES_JSONL QRELS_TSV RUN.trec [--all]
"""
import json
import re
import sys
from collections import defaultdict


def words(text):
    return re.findall(r"\w+", text.lower())


def mark(word, vocabulary, prefixes):
    if word in vocabulary:
        return "+"
    if len(word) >= 5 and word[:5] in prefixes:
        return "~"
    return "-"


def main():
    corpus_path, queries_path, qrels_path, run_path = sys.argv[1:5]
    show_all = "--all" in sys.argv[5:]
    vocabulary = {}
    with open(corpus_path, encoding="utf-8") as lines:
        for doc in map(json.loads, lines):
            vocabulary[doc["_id"]] = set(words(doc["text"]))
    prefixes = {doc: {w[:5] for w in vocab if len(w) >= 5} for doc, vocab in vocabulary.items()}
    queries = {}
    with open(queries_path, encoding="utf-8") as lines:
        for query in map(json.loads, lines):
            queries[query["_id"]] = query["text"]
    relevant = {}
    with open(qrels_path, encoding="utf-8") as lines:
        next(lines)
        for line in lines:
            query, doc, score = line.rstrip("\n").split("\t")
            if int(score) > 0:
                relevant[query] = doc
    ranked = defaultdict(list)
    with open(run_path, encoding="utf-8") as lines:
        for line in lines:
            query, _, doc, rank, _, _ = line.split()
            ranked[query].append((int(rank), doc))
    histogram = defaultdict(int)
    for query, wanted in relevant.items():
        docs = [d for _, d in sorted(ranked.get(query, []))]
        rank = docs.index(wanted) + 1 if wanted in docs else None
        histogram[rank if rank is not None and rank <= 10 else "later/none"] += 1
        if rank == 1 and not show_all:
            continue
        top = docs[0] if docs else None
        print("%s rank %s of %d: %s" % (query, rank or "-", len(docs), queries[query]))
        row = []
        for word in words(queries[query]):
            first = mark(word, vocabulary[top], prefixes[top]) if top else " "
            row.append("%s%s%s" % (word, mark(word, vocabulary[wanted], prefixes[wanted]), first))
        print("    relevant %s, first %s: %s" % (wanted, top, " ".join(row)))
    print("ranks:", ", ".join("%s: %d" % (k, histogram[k])
                              for k in sorted(histogram, key=lambda k: (isinstance(k, str), k))))


if __name__ == "__main__":
    main()
