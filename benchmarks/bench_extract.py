"""Splitter speed: seed-sized articles a second on one core, from an ingested article and from
raw page text, and `claimtrack extract` start-up.

Run: python benchmarks/bench_extract.py [--rounds 20] [--best-of 3]

Three figures, each the best of `--best-of` timed runs of `--rounds` passes over the five seeds
(the tokenize cache is cleared before every pass: no credit for sentences seen in an earlier one):
- extract: `extract_article` on the ingested articles (body and outlet already found);
- find_body: body detection alone on the raw page text;
- end to end: `claimtrack.extract(raw text)`, i.e. find_body + extract_article.
Wall clock and CPU time are both printed; CPU time is steadier on a shared machine.

Counting instructions and cycles instead of seconds (steady on a busy machine): run
`perf stat -e instructions:u,cycles:u python benchmarks/bench_extract.py --skip-startup --rounds R`
for R = 0 and R = 40 and divide the difference by 3 x the 200 pages of each figure.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _best(run: Callable[[], None], rounds: int, best_of: int) -> tuple[float, float]:
    """The shortest wall and CPU seconds of `best_of` runs of `rounds` calls of `run`."""
    from claimtrack.arabic import tokenize

    walls, cpus = [], []
    for _ in range(best_of):
        t0, cpu0 = time.perf_counter(), time.process_time()
        for _ in range(rounds):
            tokenize.cache_clear()  # no credit for sentences seen in an earlier round
            run()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - cpu0)
    return min(walls), min(cpus)


def _report(name: str, unit: str, count: int, seconds: tuple[float, float], claims: int = 0) -> None:
    wall, cpu = seconds
    if not count or not wall or not cpu:
        return
    extra = f" ({claims / wall:.0f} claims/s)" if claims else ""
    print(f"{name}: {count} {unit} in {wall:.2f}s = {count / wall:.0f} {unit}/s wall{extra}; "
          f"{cpu:.2f}s of CPU time = {count / cpu:.0f} {unit}/s of CPU")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--best-of", type=int, default=3)
    ap.add_argument("--skip-startup", action="store_true", help="time extraction only (e.g. under `perf stat`)")
    args = ap.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    from claimtrack import extract
    from claimtrack.boilerplate import find_body
    from claimtrack.ingest import read_paths
    from claimtrack.split import extract_article

    articles, _ = read_paths([ROOT / "seeds"])
    raws = [a.raw for a in articles]
    claims = sum(len(extract_article(a)) for a in articles)  # also warms caches (lexicon, registry)
    for raw in raws:
        extract(raw)
    pages = args.rounds * len(articles)
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores visible, pinned to 1; "
          f"best of {args.best_of} runs of {args.rounds} rounds over the {len(articles)} seeds")

    def split_all() -> None:
        for a in articles:
            extract_article(a)

    def find_all() -> None:
        for raw in raws:
            find_body(raw)

    def extract_all() -> None:
        for raw in raws:
            extract(raw)

    _report("extract (ingested article)", "articles", pages, _best(split_all, args.rounds, args.best_of), claims * args.rounds)
    _report("find_body (raw page)", "pages", pages, _best(find_all, args.rounds, args.best_of))
    _report("end to end (raw page: find_body + extract_article)", "pages", pages, _best(extract_all, args.rounds, args.best_of))
    if args.skip_startup:
        return
    starts = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimtrack", "extract", str(ROOT / "seeds" / "000_75f26f0d2f0326b4.txt"), "--format", "jsonl"],
                       check=True, capture_output=True)
        starts.append(time.perf_counter() - t0)
    print(f"`claimtrack extract` on one seed, whole process: median {sorted(starts)[2]:.3f}s over 5 runs")


if __name__ == "__main__":
    main()
