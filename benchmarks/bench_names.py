"""Canonical names of people against the gold names: which naming policy spells them best.

Run: PYTHONPATH=$PWD python benchmarks/bench_names.py [--sets blind5 blind4 ...] [--show N]

Pairs: every gold claim whose speaker is a person with a Latin gold `name` and an Arabic speaker
`text`, from data/gold/*/claims.jsonl. A carried claim (speaker text "") takes the longest Arabic
speaker text of another claim of its article with the same gold name (the mention it carries
on). Each distinct (article, text, name) counts once. The phrases of an article are resolved
in order by one `SpeakerResolver` over its text, as the splitter does (earlier speakers are
remembered, so "صالح" after "مظهر محمد صالح" is the full name), under each policy of
`policies()` (claimtrack/names.py). Printed per set and in all: exact equality with the gold
name, and equality of `name_key` (the evaluation's test: case and hamza folded), and the time
per phrase. The policy that `configs/romanise.toml` sets is marked "(configured)".
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from claimtrack import names
from claimtrack.arabic import is_arabic
from claimtrack.entities import name_key
from claimtrack.speakers import SpeakerResolver

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "data" / "gold"


def policies() -> dict[str, "names.Policy"]:
    """The policies compared, the name-part table alone first."""
    table = names.Policy(steps=("table",), index_units=False, min_count=3, min_full_count=3, open_edges=False, model=False)
    romanizer = replace(table, index_units=True)  # names found with the index's units too
    return {
        "table only (name units from the table alone)": table,
        "romanizer only, its model for unattested units": replace(romanizer, steps=("romanizer",), model=True),
        "romanizer only, its rules for unattested units": replace(romanizer, steps=("romanizer",)),
        "table, then romanizer (model)": replace(romanizer, steps=("table", "romanizer"), model=True),
        "table, then romanizer (rules)": replace(romanizer, steps=("table", "romanizer")),
        "index whole name (>=3), table, units (letters)": replace(romanizer, steps=("index", "table", "units")),
        "index whole name (>=1), table, units (letters)": replace(romanizer, steps=("index", "table", "units"), min_full_count=1),
        "index whole name (>=1), table, units (model)": replace(romanizer, steps=("index", "table", "units"), min_full_count=1, model=True),
        "table, index whole name (>=1), units (letters)": replace(romanizer, steps=("table", "index", "units"), min_full_count=1),
        "table, units (letters)": replace(romanizer, steps=("table", "units")),
        "table, units (model)": replace(romanizer, steps=("table", "units"), model=True),
        "table, units (letters); open family edge": replace(romanizer, steps=("table", "units"), open_edges=True),
        "table, units (letters); units attested >= 2": replace(romanizer, steps=("table", "units"), min_count=2),
        "table, units (letters); units attested >= 5": replace(romanizer, steps=("table", "units"), min_count=5),
        "table, units (letters); country hint SA": replace(romanizer, steps=("table", "units"), country="SA"),
        "table, units (letters); country hint JO": replace(romanizer, steps=("table", "units"), country="JO"),
        "table, units (letters); country hint EG": replace(romanizer, steps=("table", "units"), country="EG"),
        "table, then romanizer (rules); country hint SA": replace(romanizer, steps=("table", "romanizer"), country="SA"),
    }


@dataclass(frozen=True)
class Pair:
    set_name: str
    article: str
    text: str
    gold: str


def article_text(set_name: str, article: str) -> str:
    folder = ROOT / "seeds" if set_name == "seeds" else GOLD / set_name / "articles"
    return (folder / f"{article}.txt").read_text(encoding="utf-8")


def gold_pairs(set_name: str) -> list[Pair]:
    rows = [json.loads(line) for line in (GOLD / set_name / "claims.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    spoken: dict[tuple[str, str], list[str]] = defaultdict(list)  # (article, gold name) -> Arabic texts
    for row in rows:
        sp = row.get("speaker") or {}
        if sp.get("text") and is_arabic(sp["text"]):
            spoken[(row["article"], sp.get("name", ""))].append(sp["text"])
    pairs: list[Pair] = []
    for row in rows:
        sp = row.get("speaker") or {}
        gold, text = sp.get("name") or "", sp.get("text") or ""
        if sp.get("kind") != "person" or not gold or is_arabic(gold):
            continue
        if not text:
            texts = spoken.get((row["article"], gold))
            text = max(texts, key=len) if texts else ""
        if text and is_arabic(text):
            pair = Pair(set_name, row["article"], text, gold)
            if pair not in pairs:
                pairs.append(pair)
    return pairs


def resolve_all(pairs: list[Pair]) -> list[str]:
    """The canonical name the splitter's resolver gives each pair, article by article."""
    out: list[str] = []
    resolver, current, last = None, None, None
    for pair in pairs:
        if (pair.set_name, pair.article) != current:
            current, last = (pair.set_name, pair.article), None
            resolver = SpeakerResolver(article_text(pair.set_name, pair.article))
        ent = resolver.resolve(pair.text, last)
        if ent is not None:
            resolver.remember(ent)
            last = ent
        out.append(ent.name if ent is not None else "")
    return out


def score(pairs: list[Pair], got: list[str]) -> tuple[int, int]:
    exact = sum(g == p.gold for p, g in zip(pairs, got))
    keyed = sum(name_key(g) == name_key(p.gold) for p, g in zip(pairs, got))
    return exact, keyed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", nargs="*", default=sorted(p.parent.name for p in GOLD.glob("*/claims.jsonl")))
    ap.add_argument("--show", type=int, default=0, help="print up to N wrong names per policy")
    ap.add_argument("--only", default="", help="run only the policies whose label contains this")
    args = ap.parse_args()
    pairs = [p for s in args.sets for p in gold_pairs(s)]
    print(f"{len(pairs)} (Arabic speaker phrase, gold Latin name) pairs of kind person from {', '.join(args.sets)}")
    if not hasattr(names, "using"):  # a checkout from before naming policies: measure it as it is
        report("as installed", pairs, resolve_all(pairs), args.sets, [], args.show)
        return
    configured = names.policy()
    compared = policies()
    with names.using(next(iter(compared.values()))):
        unnamed = [i for i, g in enumerate(resolve_all(pairs)) if not is_latin_name(g)]
    print(f"{len(unnamed)} of them get no Latin name from the name-part table alone (the 'table misses' figure)")
    for label, policy in compared.items():
        if args.only not in label:
            continue
        with names.using(policy):
            t0 = time.perf_counter()
            got = resolve_all(pairs)
            ms = (time.perf_counter() - t0) * 1000 / max(len(pairs), 1)
        mark = " (configured)" if policy == configured else ""
        report(f"{label}{mark}", pairs, got, args.sets, unnamed, args.show, f", {ms:.2f} ms a phrase")


def is_latin_name(name: str) -> bool:
    return bool(name) and not is_arabic(name)


def report(label: str, pairs: list[Pair], got: list[str], sets: list[str], unnamed: list[int], show: int, extra: str = "") -> None:
    exact, keyed = score(pairs, got)
    per_set = []
    for s in sets:
        idx = [i for i, p in enumerate(pairs) if p.set_name == s]
        if idx:
            per_set.append(f"{s} {score([pairs[i] for i in idx], [got[i] for i in idx])[1]}/{len(idx)}")
    print(f"\n{label}: exact {exact}/{len(pairs)} = {exact / len(pairs):.3f}, "
          f"name_key {keyed}/{len(pairs)} = {keyed / len(pairs):.3f}{extra}")
    if unnamed:
        missed = score([pairs[i] for i in unnamed], [got[i] for i in unnamed])[1]
        print(f"  table misses: name_key {missed}/{len(unnamed)}")
    print("  name_key per set: " + ", ".join(per_set))
    wrong = [(p, g) for p, g in zip(pairs, got) if name_key(g) != name_key(p.gold)]
    for p, g in wrong[:show]:
        print(f"    {p.set_name}/{p.article}: {p.text!r} -> {g!r} (gold {p.gold!r})")


if __name__ == "__main__":
    main()
