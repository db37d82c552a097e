"""Retrain the contradiction model and print its figures.

    python benchmarks/train_contradiction.py                 # both encoders, keeps the better
    python benchmarks/train_contradiction.py --encoder e5
    python benchmarks/train_contradiction.py --skip-train    # score the committed model: ANS dev, examples, gold

Trains on ANS train (dev for model selection and the threshold; the ANS test split is held out
elsewhere), writes models/contradiction/model.npz, then scores the hand-made pairs of
models/contradiction/examples.tsv and, when present, the gold pairs of data/gold/pairs/pairs.tsv
(label contradicts vs same/different; never used for training or selection).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "2")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimtrack.contradict import main as contradict_main  # noqa: E402
from claimtrack.contradict import metrics, score_pairs  # noqa: E402


def read_tsv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def show_examples(path: Path) -> None:
    rows = read_tsv(path)
    started = time.time()
    scored = score_pairs([(r["a"], r["b"], r["polarity_a"] or None, r["polarity_b"] or None) for r in rows])
    print(f"\nhand-made pairs ({path.relative_to(ROOT)}), scored in {time.time() - started:.1f}s:")
    for row, (score, reason) in zip(rows, scored):
        ok = (score >= 0.5) == (row["expected"] == "contradicts")
        print(f"  {'ok ' if ok else 'BAD'} {score:.2f}  {row['note']:<45} {reason}")


def show_gold(path: Path) -> None:
    import numpy as np

    rows = read_tsv(path)
    scored = score_pairs([(r["a"], r["b"]) for r in rows])
    y = np.array([r["label"] == "contradicts" for r in rows], dtype=float)
    p = np.array([s for s, _ in scored])
    print(f"\ngold pairs ({path.relative_to(ROOT)}; {int(y.sum())} contradicts of {len(y)}): {metrics(y, p)}")
    for label in ("contradicts", "same", "different"):
        chosen = [s for s, r in zip(p, rows) if r["label"] == label]
        if chosen:
            flagged = sum(s >= 0.5 for s in chosen)
            print(f"  {label:<11} n={len(chosen):>3}  scored >= 0.5: {flagged}  mean score {np.mean(chosen):.2f}")


def show_speed(n: int) -> None:
    """Pairs per second of score_pairs on ANS dev pairs (encoder already loaded; texts new)."""
    from claimtrack.contradict import ANS_DIR, read_ans

    score_pairs([("تمهيد", "warm-up")])
    pairs = [(e.item.a, e.item.b) for e in read_ans(ANS_DIR / "dev.csv")][:n]
    started = time.time()
    score_pairs(pairs)
    seconds = time.time() - started
    texts = len({t for p in pairs for t in p})
    print(f"\nspeed: {len(pairs)} ANS dev pairs ({texts} distinct texts) in {seconds:.1f}s = "
          f"{len(pairs) / seconds:.1f} pairs/s")


def show_dev() -> None:
    """ANS dev disagree F1 of the committed model, scored as the product scores pairs."""
    import numpy as np

    from claimtrack.contradict import read_ans, score_items

    examples = read_ans(ROOT.parent / "shared" / "data" / "ans" / "dev.csv")
    scores = np.array([s for s, _ in score_items([e.item for e in examples])])
    labels = np.array([e.label for e in examples])
    print(f"ANS dev ({len(examples)} pairs), committed model: {metrics(labels, scores, 0.5)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--encoder", default="both", choices=["e5", "use", "both"])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--skip-train", action="store_true")
    parser.add_argument("--speed", type=int, default=200, help="pairs for the speed figure (0: skip)")
    args, rest = parser.parse_known_args()
    if not args.skip_train:
        train_args = ["train", "--encoder", args.encoder, *rest]
        if args.limit:
            train_args += ["--limit", str(args.limit)]
        started = time.time()
        code = contradict_main(train_args)
        print(f"training took {time.time() - started:.0f}s on {os.cpu_count()} cores")
        if code:
            return code
    else:
        show_dev()
    show_examples(ROOT / "models" / "contradiction" / "examples.tsv")
    gold = ROOT / "data" / "gold" / "pairs" / "pairs.tsv"
    if gold.exists():
        show_gold(gold)
    if args.speed:
        show_speed(args.speed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
