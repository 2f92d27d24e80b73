"""Dump every extracted field of every file: python bench/extract_dump.py OUT.jsonl FOLDER ...

For output-preserving speed work: dump before and after a change and compare with `cmp`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from toolkit.extract.article import extract_articles


def main() -> None:
    out_path, folders = Path(sys.argv[1]), [Path(a) for a in sys.argv[2:]]
    with out_path.open("w", encoding="utf-8") as out:
        for folder in folders:
            paths = sorted(folder.glob("*.txt"))
            texts = [p.read_bytes().decode("utf-8", "replace") for p in paths]
            for path, found in zip(paths, extract_articles(texts), strict=True):
                if isinstance(found, Exception):
                    raise found
                fields = vars(found)
                fields["date"] = fields["date"] and fields["date"].isoformat()
                row = {"file": path.name, **fields}
                out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
