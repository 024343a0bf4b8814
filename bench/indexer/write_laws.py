#!/usr/bin/env python3
"""Writes ../shared/data/gesetze-bund as one .txt file per law plus a Lupe sidecar.

Usage: write_laws.py GESETZE_JSONL_XZ OUT_DIR [LIMIT]
The sidecar gives the law's year as date and its gazette as type, so the indexer has facets.
"""
import json
import lzma
import os
import sys
from xml.sax.saxutils import escape


def main():
    source, out = sys.argv[1], sys.argv[2]
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    os.makedirs(out, exist_ok=True)
    count = 0
    with lzma.open(source, "rt", encoding="utf-8") as lines:
        for line in lines:
            law = json.loads(line)
            name = os.path.join(out, law["id"] + ".txt")
            with open(name, "w", encoding="utf-8") as f:
                f.write(law["text"] or "")
            meta = ["<meta>", "<title>%s</title>" % escape(law["title"] or law["id"])]
            if law.get("year"):
                meta.append("<date>%04d</date>" % law["year"])
            if law.get("gazette"):
                meta.append("<type>%s</type>" % escape(law["gazette"]))
            meta.append("</meta>")
            with open(name + ".meta.xml", "w", encoding="utf-8") as f:
                f.write("\n".join(meta) + "\n")
            count += 1
            if limit and count >= limit:
                break
    print(count, "laws written to", out)


if __name__ == "__main__":
    main()
