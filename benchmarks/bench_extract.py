"""Splitter speed: seed-sized articles a second on one core, and `claimtrack extract` start-up.

Run: python benchmarks/bench_extract.py [--rounds 20]

Counting instructions and cycles instead of seconds (steady on a busy machine): run
`perf stat -e instructions:u,cycles:u python benchmarks/bench_extract.py --skip-startup --rounds R`
for R = 0 and R = 40 and divide the difference by the 200 articles extracted.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=20)
    ap.add_argument("--skip-startup", action="store_true", help="time extraction only (e.g. under `perf stat`)")
    args = ap.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    from claimtrack.ingest import read_paths
    from claimtrack.split import extract_article

    articles, _ = read_paths([ROOT / "seeds"])
    for a in articles:  # warm caches (lexicon, registry)
        extract_article(a)
    n, claims = 0, 0
    from claimtrack.arabic import tokenize

    t0, cpu0 = time.perf_counter(), time.process_time()
    for _ in range(args.rounds):
        tokenize.cache_clear()  # no credit for sentences seen in an earlier round
        for a in articles:
            claims += len(extract_article(a))
            n += 1
    dt, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores visible, pinned to 1")
    print(f"extract: {n} seed articles in {dt:.2f}s = {n / dt:.0f} articles/s ({claims / dt:.0f} claims/s), one core")
    # CPU time is steadier than wall time when other processes share the core
    print(f"extract: {cpu:.2f}s of CPU time = {n / cpu:.0f} articles/s of CPU")
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
