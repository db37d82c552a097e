"""Contradiction links on the gold pair files: an error analysis and a leave-one-file-out check.

    PYTHONPATH=$PWD python benchmarks/contradiction_lofo.py            # all data/gold/pairs*/ files
    PYTHONPATH=$PWD python benchmarks/contradiction_lofo.py --refresh  # recompute the cached facts

1. For every labelled pair: is it a candidate (a neighbour above the topic floor), what facts
   `claimtrack.match.pair_facts` finds (slots, polarity clash, frame overlap, the ANS scorer's
   score) and which `contradiction_rule` links it. Printed: per file, why each 'contradicts'
   pair is missed (not a candidate / two or more slots differ / scored below threshold / a
   rule blocks it) and which rule links each 'different' trap; per rule, what it links.
2. Leave one file out: a logistic regression over those facts (numpy, balanced classes, L2),
   trained on the other files' labels ('contradicts' = 1, 'same' and 'different' = 0), its
   threshold set on the training files so that no 'same' or 'different' candidate there is
   linked; measured on the held-out file alone and together with the shipped rules ("rule or
   model").

The pair level is read here (a link needs a candidate and a decision); `claimtrack compare
--pairs FILE --eval` also clusters, and counts a trap that shares a cluster as linked.
Facts are cached in build/contradiction-lofo.pkl (the embeddings come from the encoder).
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
from collections import Counter
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "build" / "contradiction-lofo.pkl"
SLOTS = ("who", "where", "when", "how many", "what", "time of day", "what is measured", "what is counted")
CLASHES = ("denial", "negation", "direction")


def gold_files() -> list[Path]:
    return sorted(ROOT.glob("data/gold/pairs*/pairs.tsv"), key=lambda p: (len(p.parent.name), p.parent.name))


def pair_rows(path: Path) -> list[dict]:
    """Every labelled pair of one file with its facts, candidacy and the rule that links it."""
    from claimtrack import match
    from claimtrack.index import VectorIndex

    name = match.model_name(None)
    th = match.thresholds(name)
    rows = [r for r in match.read_pairs(path) if r.get("label") in ("same", "contradicts", "different")]
    texts = list(dict.fromkeys(t for r in rows for t in (r["a"], r["b"])))
    items = [match.item_of_text(t, f"t{i}") for i, t in enumerate(texts)]
    props = match.embed_texts([it.text for it in items], name)
    words = match.embed_texts([it.wording for it in items], name)
    neighbours = set()
    for vectors in (props, words):  # as match.gold_setup finds candidates
        index = VectorIndex(vectors.shape[1])
        index.add([it.id for it in items], vectors)
        neighbours |= {(x, y) for x, y, _ in match.neighbour_pairs(index, th.related)[1]}
    pos = {t: i for i, t in enumerate(texts)}
    triples = []
    for r in rows:
        x, y = sorted((pos[r["a"]], pos[r["b"]]))
        sim = max(float(props[x] @ props[y]), float(words[x] @ words[y]))
        triples.append((items[x], items[y], sim, (x, y) in neighbours and sim >= th.related))
    facts = match.pair_facts([t[:3] for t in triples])
    return [{"file": path.parent.name, "label": r["label"], "lang": r.get("lang", ""), "a": r["a"], "b": r["b"],
             "candidate": cand, "facts": f, "rule": match.contradiction_rule(f, th)}
            for r, (_, _, _, cand), f in zip(rows, triples, facts)]


def load(refresh: bool) -> list[dict]:
    if CACHE.exists() and not refresh:
        return pickle.loads(CACHE.read_bytes())
    out = []
    for path in gold_files():
        out += pair_rows(path)
        print(f"facts: {path.parent.name}", file=sys.stderr)
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_bytes(pickle.dumps(out))
    return out


def linked(r: dict) -> bool:
    return r["candidate"] and r["rule"] is not None


def why_missed(r: dict, threshold: float) -> str:
    f = r["facts"]
    if linked(r):
        return "linked"
    if not r["candidate"]:
        return "not a candidate"
    if len(f.slots) >= 2:
        return "2+ slots differ"
    return "scored below" if f.contradiction < threshold else "a rule blocks"


def analysis(data: list[dict], threshold: float) -> None:
    files = list(dict.fromkeys(r["file"] for r in data))
    kinds = ("linked", "not a candidate", "2+ slots differ", "scored below", "a rule blocks")
    print("| file | contradicts | " + " | ".join(kinds) + " | traps linked (rule) |")
    print("|---|---|" + "---|" * len(kinds) + "---|")
    for name in files + ["all"]:
        rows = [r for r in data if name in ("all", r["file"])]
        count = Counter(why_missed(r, threshold) for r in rows if r["label"] == "contradicts")
        traps = Counter(str(r["rule"]) for r in rows if r["label"] == "different" and linked(r))
        print(f"| {name} | {sum(count.values())} | " + " | ".join(str(count[k]) for k in kinds)
              + f" | {sum(traps.values())} {dict(traps) if traps else ''} |")
    print("\nper rule (all files): contradicts / same / different linked")
    for rule in sorted({str(r["rule"]) for r in data if linked(r)}):
        got = Counter(r["label"] for r in data if linked(r) and str(r["rule"]) == rule)
        print(f"  {rule:22s} {got['contradicts']:4d} {got['same']:4d} {got['different']:4d}")
    print("\nfacts of the missed contradictions (share of misses):")
    missed = [r for r in data if r["label"] == "contradicts" and not linked(r)]
    fired = Counter(k for r in missed for k in set(r["facts"].clash) | {s.split(",")[0] for s in r["facts"].slots})
    print("  " + ", ".join(f"{k} {v}/{len(missed)}" for k, v in fired.most_common()))
    print(f"  cross-script {sum(r['facts'].cross_script for r in missed)}/{len(missed)}; "
          f"scorer >= 0.5 {sum(r['facts'].contradiction >= threshold for r in missed)}/{len(missed)}")


def features(r: dict) -> list[float]:
    f = r["facts"]
    row = [f.similarity, float(f.cross_script), float(len(f.slots)), float(len(f.slots) >= 2)]
    row += [float(any(s.startswith(k) for s in f.slots)) for k in SLOTS]
    row += [float(k in f.clash) for k in CLASHES]
    row += [f.overlap, f.frame_overlap, f.negation_echo, float(f.figures_aligned), float(f.figures_anchored),
            float(f.retold), f.contradiction]
    return row


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 500) -> tuple[np.ndarray, ...]:
    """Logistic regression on standardised columns, classes weighted to balance."""
    mean, scale = x.mean(0), x.std(0)
    scale[scale < 1e-6] = 1.0
    z = (x - mean) / scale
    w, b = np.zeros(z.shape[1]), 0.0
    weight = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    for _ in range(steps):
        g = weight * (1 / (1 + np.exp(-(z @ w + b))) - y)
        w -= 0.5 * (z.T @ g + l2 * w) / len(y)
        b -= 0.5 * g.mean()
    return mean, scale, w, np.array(b)


def predict(model: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    mean, scale, w, b = model
    return 1 / (1 + np.exp(-(((x - mean) / scale) @ w + b)))


def lofo(data: list[dict], l2: float) -> None:
    x = np.array([features(r) for r in data])
    label = np.array([r["label"] for r in data])
    y = (label == "contradicts").astype(float)
    cand = np.array([r["candidate"] for r in data])
    rule = np.array([linked(r) for r in data])
    where = np.array([r["file"] for r in data])
    print(f"\nleave one file out (l2={l2}): contradictions linked, traps linked, same pairs linked")
    print("| held out | rules now | model alone | rules or model | threshold |")
    print("|---|---|---|---|---|")
    total = np.zeros((3, 3), dtype=int)
    n_all = 0
    held_out = np.zeros(len(data))
    for name in dict.fromkeys(where):
        train, test = where != name, where == name
        model = fit(x[train], y[train], l2)
        p_train = predict(model, x[train])
        negatives = p_train[cand[train] & (y[train] == 0)]
        threshold = float(negatives.max()) + 1e-3 if len(negatives) else 0.5
        held_out[test] = predict(model, x[test])
        by_model = cand & (predict(model, x) >= threshold)
        cells = []
        for k, link in enumerate((rule, by_model, rule | by_model)):
            got = [int((link & test & (label == lab)).sum()) for lab in ("contradicts", "different", "same")]
            total[k] += got
            cells.append(f"{got[0]}/{int((test & (y == 1)).sum())}, {got[1]}, {got[2]}")
        n_all += int((test & (y == 1)).sum())
        print(f"| {name} | " + " | ".join(cells) + f" | {threshold:.2f} |")
    print("| pooled | " + " | ".join(f"{t[0]}/{n_all} ({t[0] / n_all:.1%}), {t[1]}, {t[2]}" for t in total) + " | |")
    p = held_out
    print("held-out ranking of candidates (AUC): contradicts vs different "
          f"{_auc(p[cand & (y == 1)], p[cand & (label == 'different')]):.3f}, vs same "
          f"{_auc(p[cand & (y == 1)], p[cand & (label == 'same')]):.3f}")


def _auc(pos: np.ndarray, neg: np.ndarray) -> float:
    return float(((pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])).mean())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--refresh", action="store_true", help="recompute the facts (about 3 minutes)")
    parser.add_argument("--l2", type=float, default=10.0)
    args = parser.parse_args()
    from claimtrack import match

    data = load(args.refresh)
    analysis(data, match.thresholds(match.model_name(None)).contradiction)
    lofo(data, args.l2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
