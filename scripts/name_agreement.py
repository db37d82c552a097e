"""How often our Latin name for a person the registry does not know equals the gold name.

Over every gold set: each gold claim whose speaker is a person, not in the registry, with a
Latin gold name and an Arabic mention in its article (the gold speaker text, or for a carried
speaker the text of the same name's first explicit mention in that article). The mention is
romanised with claimtrack.names (person_name) and compared with the gold name as the eval
compares names (claimtrack.entities.name_key: exact but for case).
Disagreements are grouped by the first convention that explains them.

Run: PYTHONPATH=$PWD python scripts/name_agreement.py [SET,SET ...] [--list]
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from claimtrack.arabic import is_arabic
from claimtrack.entities import name_key, person_name, registry
from claimtrack.evaluate import read_jsonl

GOLD = Path("data/gold")
SKIP = {"blind7", "blind9"}  # the check half: summary figures only
DERIVE = ["blind", *(f"blind{i}" for i in (2, 3, 4, 5, 6, 8, 10, 11, 12)), "arabic", "mixed", "seeds"]
CHECK = [f"blind{i}" for i in (13, 14, 15, 16)]


def _no_article(s: str) -> str:
    return re.sub(r"\b[AaEe]l[- ]", "", s)


def _no_bin(s: str) -> str:
    return re.sub(r"\b(?:bin|ibn|ben|bn)\b", "b", s, flags=re.I)


def _no_double(s: str) -> str:
    return re.sub(r"(\w)\1", r"\1", s.lower())


def _no_vowels(s: str) -> str:
    return re.sub(r"[aeiouy'\- ]", "", _no_double(_no_article(_no_bin(s))).lower())


def kind(ours: str, gold: str) -> str:
    """The first convention that explains the disagreement."""
    if _no_article(ours).lower() == _no_article(gold).lower():
        return "article al-"
    if _no_bin(ours).lower() == _no_bin(gold).lower():
        return "bin/ibn"
    if _no_double(_no_article(_no_bin(ours))) == _no_double(_no_article(_no_bin(gold))):
        return "doubled letters"
    if _no_vowels(ours) == _no_vowels(gold):
        return "vowels"
    o, g = ours.split(), gold.split()
    if len(o) == len(g) and o[1:] == g[1:] and o[:1] != g[:1]:
        return "given-name table"
    if len(o) == len(g) and o[:1] == g[:1]:
        return "family name"
    return "other"


def _words(text: str) -> int:
    name = person_name(text)
    return 0 if is_arabic(name) else len(name.split())


def cases(name: str) -> list[tuple[str, str, str]]:
    """(article, Arabic mention, gold name) of every claim in the set that qualifies."""
    rows = read_jsonl(GOLD / name / "claims.jsonl")
    # the explicit mention of a name in an article: the Arabic mention whose Latin name has the
    # most words (the full name over a lone family name or title), the first of equals
    first: dict[tuple[str, str], str] = {}
    for r in rows:
        sp = r.get("speaker") or {}
        if sp.get("text") and is_arabic(sp["text"]):
            key = (r["article"], sp.get("name", ""))
            if key not in first or _words(sp["text"]) > _words(first[key]):
                first[key] = sp["text"]
    reg = registry()
    names = {e.name for e in reg.entries}
    out = []
    for r in rows:
        sp = r.get("speaker") or {}
        gold = sp.get("name") or ""
        if sp.get("kind") != "person" or not gold or is_arabic(gold) or gold in names:
            continue
        text = first.get((r["article"], gold), "")
        if not text or not is_arabic(text) or reg.find_all(text):
            continue
        out.append((r["article"], text, gold))
    return out


def measure(sets: list[str], show: bool) -> tuple[int, int]:
    total = agree = 0
    kinds: Counter[str] = Counter()
    examples: dict[str, list[str]] = {}
    for s in sets:
        n = a = 0
        for art, text, gold in cases(s):
            ours = person_name(text)
            n += 1
            if name_key(ours) == name_key(gold):  # the eval's name test (case-insensitive)
                a += 1
                continue
            k = "no Latin name" if is_arabic(ours) else kind(ours, gold)
            kinds[k] += 1
            examples.setdefault(k, []).append(f"{s}/{art[:24]}: {text[:40]!r} ours={ours!r} gold={gold!r}")
        total, agree = total + n, agree + a
        print(f"  {s:10} {a:3}/{n:3}  {a / n if n else 0:.3f}")
    print(f"  {'pooled':10} {agree:3}/{total:3}  {agree / total if total else 0:.3f}")
    for k, c in kinds.most_common():
        print(f"    {k:18} {c}")
        if show:
            for e in sorted(set(examples[k])):
                print("       ", e)
    return agree, total


def main(argv: list[str]) -> None:
    show = "--list" in argv
    args = [a for a in argv if not a.startswith("--")]
    if args:
        measure([s for s in args[0].split(",") if s not in SKIP], show)
        return
    print("derive half")
    measure(DERIVE, show)
    print("check half")
    measure(CHECK, show)


if __name__ == "__main__":
    main(sys.argv[1:])
