"""Leave-one-file-out check of the same-claim floors over the gold pair files.

    PYTHONPATH=$PWD python scripts/same_lofo.py            # held-out figures per file, pooled
    PYTHONPATH=$PWD python scripts/same_lofo.py --misses   # also each missed 'same' pair and trap

For each file: grid-search `same`, `same_cross` and `linkage` on the other files (no trap in a
shared cluster on any of them, then the most same pairs together; the middle of that plateau,
as `python -m claimtrack.match calibrate` does), then measure the held-out file. Traps are split
into those sharing a cluster (same-claim floors) and those linked as contradicting (the scorer).
"""

from __future__ import annotations

import argparse
from dataclasses import replace

import numpy as np

from claimtrack import match

FILES = ["pairs"] + [f"pairs_blind{s}" for s in ("", "2", "3", "4", "5", "6", "7")]
LINKAGES = (0.2, 0.3, 0.4, 0.5)


def cluster_traps(res: match.GoldResult) -> int:
    return sum(1 for m in res.misses if m["label"] == "different" and m["together"])


def calibrate(train: list[str], setups: dict, base: match.Thresholds) -> match.Thresholds:
    scored = []
    for linkage in LINKAGES:
        for mono in np.arange(0.74, 0.905, 0.01):
            for cross in np.arange(0.68, 0.865, 0.01):
                th = replace(base, same=round(float(mono), 3), same_cross=round(float(cross), 3), linkage=linkage)
                res = [match.evaluate(setups[f].rows, th=th, setup=setups[f]) for f in train]
                scored.append(((sum(map(cluster_traps, res)) == 0, round(match._pooled(res, "same"), 6)), th))
    top = max(key for key, _ in scored)
    plateau = [th for key, th in scored if key == top]
    return plateau[len(plateau) // 2]


def print_misses(name: str, setup: match.GoldSetup, res: match.GoldResult, th: match.Thresholds) -> None:
    pos = {t: i for i, t in enumerate(setup.texts)}
    facts = dict(zip(setup.candidates.pairs, setup.candidates.facts))
    for m in res.misses:
        if m["label"] == "contradicts":
            continue
        f = facts.get(tuple(sorted((pos[m["a"]], pos[m["b"]]))))
        why = "not a neighbour" if f is None else f"{match.decide(f, th)} slots={f.slots} clash={f.clash}"
        sim = f"{f.similarity:.3f}" if f else "-"
        print(f"  {name} {m['label']:9} {m['lang']:5} sim={sim} together={m['together']} "
              f"contra={m['contradiction_link']} {why} | {m['a'][:50]} | {m['b'][:50]}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args()
    base = match.thresholds(match.model_name(None))
    setups = {f: match.gold_setup(match.read_pairs(f"data/gold/{f}/pairs.tsv"), score_all=True) for f in FILES}
    same = total = traps = 0
    for held in FILES:
        th = calibrate([f for f in FILES if f != held], setups, base)
        res = match.evaluate(setups[held].rows, th=th, setup=setups[held])
        same += res.same_together * res.counts["same"]
        total += res.counts["same"]
        traps += cluster_traps(res)
        print(f"{held:13} same={th.same} cross={th.same_cross} linkage={th.linkage} | same {res.same_together:.1%} "
              f"contradictions {res.contradictions_linked:.1%} traps in a cluster {cluster_traps(res)} all {res.traps_linked}")
        if args.misses:
            print_misses(held, setups[held], res, th)
    print(f"pooled held-out: same {same / total:.1%}, traps in a cluster {traps}")


if __name__ == "__main__":
    main()
