"""List attributed gold claims whose span lies outside find_body's body spans, with the line's
kind and the first boilerplate rule that matches it: `python scripts/gold_outside_body.py data/gold`."""

from __future__ import annotations

import sys
from pathlib import Path

from claimtrack import boilerplate as bp
from claimtrack.gold import articles_dir, load_claims, load_raw_articles


def _rule_hits(norm: str, rules) -> list[str]:
    hits = []
    for name in ("end", "signoff", "teaser", "summary", "line", "anywhere"):
        group = getattr(rules, name)
        if group.search(norm, True):
            hits.append(name)
    return hits


def main(root: Path) -> None:
    rules = bp._rules()
    for claims_path in sorted(root.glob("*/claims.jsonl")):
        gold_dir = claims_path.parent
        raws = load_raw_articles(articles_dir(gold_dir))
        for claim in load_claims(claims_path):
            if claim.get("mode") == "unattributed" or claim["article"] not in raws:
                continue
            raw = raws[claim["article"]]
            s, e = claim["span"]
            if any(a <= s and e <= b for a, b in bp.find_body(raw).body):
                continue
            page = bp._read_page(raw)
            line = next((ln for ln in page.lines if ln.start <= s < ln.end + 1), None)
            hits = _rule_hits(line.norm, rules) if line else []
            print(f"{gold_dir.name}/{claim['article']}: {hits} words={line.words if line else '?'} | {line.text[:140] if line else claim['text'][:80]}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "data/gold"))
