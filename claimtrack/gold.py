"""Gold annotation files: load them, and fill or check their spans.

A gold set is a folder holding `claims.jsonl` (one annotated claim a line, fields as in
CLAIMS.md) and `articles/` (the raw articles, file stem = article id). The seeds' gold
names no `articles/`: its articles are the repository's `seeds/`.

Annotators may leave `span` out and give only `text` (copied exactly from the article);
`python -m claimtrack.gold spans FOLDER` fills `span` with the first occurrence at or after
the previous claim of the same article whose text matches, or after `"after": "..."` when
given, and `python -m claimtrack.gold check FOLDER` verifies `raw[start:end] == text`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from claimtrack.config import PACKAGE_ROOT


def articles_dir(gold_dir: Path) -> Path:
    own = gold_dir / "articles"
    return own if own.is_dir() else PACKAGE_ROOT / "seeds"


def load_raw_articles(folder: Path) -> dict[str, str]:
    """Gold articles are stored as UTF-8 `.txt`, exactly as the extractor ingests them."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def load_claims(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc}") from None
    return rows


def fill_spans(gold_dir: Path) -> int:
    raws = load_raw_articles(articles_dir(gold_dir))
    path = gold_dir / "claims.jsonl"
    rows = load_claims(path)
    cursor: dict[str, int] = {}
    problems = 0
    for row in rows:
        raw = raws.get(row["article"])
        if raw is None:
            print(f"no article {row['article']!r} for claim {row['text'][:40]!r}", file=sys.stderr)
            problems += 1
            continue
        start_from = 0
        if row.get("after"):
            anchor = raw.find(row["after"])
            start_from = anchor if anchor >= 0 else 0
        pos = raw.find(row["text"], start_from)
        if pos < 0:
            pos = raw.find(row["text"])
        if pos < 0:
            print(f"{row['article']}: text not found verbatim: {row['text'][:60]!r}", file=sys.stderr)
            problems += 1
            continue
        row["span"] = [pos, pos + len(row["text"])]
        row.pop("after", None)
        cursor[row["article"]] = pos
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return problems


def check(gold_dir: Path) -> int:
    raws = load_raw_articles(articles_dir(gold_dir))
    problems = 0
    for row in load_claims(gold_dir / "claims.jsonl"):
        raw = raws.get(row["article"], "")
        s, e = row.get("span", (0, 0))
        if raw[s:e] != row["text"]:
            print(f"{row['article']} {s}:{e}: span does not hold the text {row['text'][:50]!r}", file=sys.stderr)
            problems += 1
    return problems


if __name__ == "__main__":
    cmd, folder = sys.argv[1], Path(sys.argv[2])
    bad = fill_spans(folder) if cmd == "spans" else check(folder)
    print(f"{bad} problem(s)")
    sys.exit(1 if bad else 0)
