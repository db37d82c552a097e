"""Evaluation exactly as CLAIMS.md defines it.

A predicted claim matches a gold claim of the same article when the token F1 of their
normalised texts is at least 0.5; each gold claim matches at most one prediction (best F1
first). Speaker is right when canonical names are equal or the normalised speaker texts
overlap. Scores are reported for attributed claims (mode != unattributed) and for all.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from claimtrack.arabic import normalize_words
from claimtrack.entities import name_key

MATCH_F1 = 0.5


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(normalize_words(a)), Counter(normalize_words(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(tb.values()), common / sum(ta.values())
    return 2 * p * r / (p + r)


def _field(c: dict, key: str, default=""):
    v = c.get(key, default)
    return v if v is not None else default


def speaker_right(gold: dict, pred: dict) -> bool:
    g, p = gold.get("speaker") or {}, pred.get("speaker") or {}
    if g.get("name") and p.get("name") and name_key(g["name"]) == name_key(p["name"]):
        return True
    gw, pw = set(normalize_words(g.get("text", ""))), set(normalize_words(p.get("text", "")))
    return bool(gw & pw)


def via_right(gold: dict, pred: dict) -> bool:
    g = sorted(name_key(v.get("name") or v.get("text", "")) for v in gold.get("via") or [])
    p = sorted(name_key(v.get("name") or v.get("text", "")) for v in pred.get("via") or [])
    if g == p:
        return True
    if len(g) != len(p):
        return False
    gt = [set(normalize_words(v.get("text", ""))) for v in gold.get("via") or []]
    pt = [set(normalize_words(v.get("text", ""))) for v in pred.get("via") or []]
    return all(a & b for a, b in zip(gt, pt))


@dataclass
class Scores:
    gold: int = 0
    pred: int = 0
    matched: int = 0
    speaker: int = 0
    via: int = 0
    mode: int = 0
    polarity: int = 0
    misses: list[dict] = field(default_factory=list)
    spurious: list[dict] = field(default_factory=list)
    wrong_speaker: list[tuple[dict, dict]] = field(default_factory=list)

    def ratio(self, n: int, d: int) -> float:
        return n / d if d else 0.0

    def as_dict(self) -> dict:
        p = self.ratio(self.matched, self.pred)
        r = self.ratio(self.matched, self.gold)
        return {
            "gold": self.gold, "predicted": self.pred, "matched": self.matched,
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "speaker_accuracy": round(self.ratio(self.speaker, self.matched), 4),
            "via_accuracy": round(self.ratio(self.via, self.matched), 4),
            "mode_accuracy": round(self.ratio(self.mode, self.matched), 4),
            "polarity_accuracy": round(self.ratio(self.polarity, self.matched), 4),
        }


def _match(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if g["article"] == p["article"]:
                f = token_f1(g["text"], p["text"])
                if f >= MATCH_F1:
                    pairs.append((f, gi, pi))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_p, out = set(), set(), []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gold[gi], pred[pi]))
    return out


def score(gold: list[dict], pred: list[dict]) -> Scores:
    s = Scores(gold=len(gold), pred=len(pred))
    matched = _match(gold, pred)
    s.matched = len(matched)
    mg = {id(g) for g, _ in matched}
    mp = {id(p) for _, p in matched}
    for g, p in matched:
        if speaker_right(g, p):
            s.speaker += 1
        else:
            s.wrong_speaker.append((g, p))
        s.via += via_right(g, p)
        s.mode += _field(g, "mode") == _field(p, "mode")
        s.polarity += _field(g, "polarity", "asserted") == _field(p, "polarity", "asserted")
    s.misses = [g for g in gold if id(g) not in mg]
    s.spurious = [p for p in pred if id(p) not in mp]
    return s


def evaluate(gold: list[dict], pred: list[dict]) -> dict[str, Scores]:
    """Scores for attributed claims and for all claims, over the gold's articles only."""
    articles = {g["article"] for g in gold}
    pred = [p for p in pred if p["article"] in articles]
    attributed = lambda rows: [r for r in rows if _field(r, "mode") != "unattributed"]  # noqa: E731
    return {"attributed": score(attributed(gold), attributed(pred)), "all": score(gold, pred)}


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def gold_sets(path: Path) -> list[Path]:
    """Gold folders under `path` (a folder holding claims.jsonl, or a folder of such folders)."""
    if (path / "claims.jsonl").is_file():
        return [path]
    return sorted(p.parent for p in path.glob("*/claims.jsonl"))
