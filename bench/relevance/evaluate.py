#!/usr/bin/env python3
"""nDCG@10, MRR@10 and Recall@100 of TREC run files against BEIR qrels (binary).

Usage: evaluate.py QRELS_TSV QUERY_COUNT RUN.trec...   (one table row per run)
Queries a run does not answer count as 0.
"""
import math
import os
import sys
from collections import defaultdict


def main():
    qrels_path, query_count, runs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    relevant = defaultdict(set)
    with open(qrels_path, encoding="utf-8") as lines:
        next(lines)
        for line in lines:
            query, doc, score = line.rstrip("\n").split("\t")
            if int(score) > 0:
                relevant[query].add(doc)
    print("%-16s %8s %8s %10s" % ("run", "nDCG@10", "MRR@10", "Recall@100"))
    for run in runs:
        ranked = defaultdict(list)
        with open(run, encoding="utf-8") as lines:
            for line in lines:
                query, _, doc, rank, _, _ = line.split()
                ranked[query].append((int(rank), doc))
        ndcg = mrr = recall = 0.0
        for query, wanted in relevant.items():
            docs = [d for _, d in sorted(ranked.get(query, []))]
            gains = [1.0 if d in wanted else 0.0 for d in docs[:10]]
            dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
            ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(wanted), 10)))
            ndcg += dcg / ideal
            first = next((i for i, d in enumerate(docs[:10]) if d in wanted), None)
            mrr += 0.0 if first is None else 1.0 / (first + 1)
            recall += len(wanted & set(docs[:100])) / len(wanted)
        n = max(query_count, len(relevant))
        name = os.path.basename(run).rsplit(".", 1)[0]
        print("%-16s %8.3f %8.3f %10.3f" % (name, ndcg / n, mrr / n, recall / n))


if __name__ == "__main__":
    main()
