"""Output-identity check for speed work: ~300 perturbed pages made from the gold articles
(shuffled paragraphs, dropped lines, swapped quotation marks, appended boilerplate lines,
English/Arabic mixes), each run through `claimtrack.extract`; the claims go out as jsonl.

Run the same command on two commits and compare the files:
  PYTHONPATH=$PWD python benchmarks/perturb_check.py > /tmp/after.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FURNITURE = ["اقرأ أيضا", "Share this article", "© 2024 All rights reserved", "Read more:", "المصدر: وكالات",
             "شارك هذا المقال", "Related News", "Photo: Reuters", "تابعونا على فيسبوك", "Home » World » News"]
QUOTES = [("“", "”"), ("«", "»"), ('"', '"')]


def _perturb(text: str, other: str, rng: random.Random) -> str:
    paras = [p for p in text.split("\n\n") if p.strip()]
    how = rng.randrange(5)
    if how == 0:
        rng.shuffle(paras)
    elif how == 1:
        lines = [ln for ln in "\n".join(paras).split("\n") if rng.random() > 0.2]
        return "\n".join(lines)
    elif how == 2:
        o, c = rng.choice(QUOTES)
        return "\n\n".join(paras).replace("“", o).replace("”", c).replace("«", o).replace("»", c)
    elif how == 3:
        paras += rng.sample(FURNITURE, 3)
        paras.insert(0, rng.choice(FURNITURE))
    else:
        mix = [p for p in other.split("\n\n") if p.strip()]
        paras = paras[: len(paras) // 2] + mix[: 3] + paras[len(paras) // 2 :]
    return "\n\n".join(paras)


def main() -> None:
    from claimtrack import extract

    texts = [p.read_text(encoding="utf-8") for p in sorted(ROOT.glob("data/gold/*/articles/*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(20261122)
    for n in range(300):
        text = _perturb(rng.choice(texts), rng.choice(texts), rng)
        for claim in extract(text, article_id=f"p{n}"):
            sys.stdout.write(json.dumps(claim.model_dump(), ensure_ascii=False, sort_keys=True) + "\n")
        sys.stdout.write(f"# page {n}\n")


if __name__ == "__main__":
    main()
