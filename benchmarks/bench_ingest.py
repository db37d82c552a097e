"""Ingest speed: articles a second for read + decode + find_body on the seeds, repeated.

    python benchmarks/bench_ingest.py [--copies 200] [--rounds 3]

Writes the five seeds `copies` times each into a temporary folder (UTF-8 and Windows-1256
alternately, so legacy decoding is measured too), then times `read_paths` over the folder
(best of `rounds`), and `find_body` alone on the raw texts. One process, one core; wall
and CPU time both reported (CPU time is steadier on a shared machine).
Also times the refusal of a 50 MB file (size check only).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from claimtrack.boilerplate import find_body
from claimtrack.config import PACKAGE_ROOT
from claimtrack.errors import IngestError
from claimtrack.ingest import read_file, read_paths


def _write_copies(folder: Path, copies: int) -> int:
    seeds = sorted((PACKAGE_ROOT / "seeds").glob("*.txt"))
    written = 0
    for n in range(copies):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            data = text.encode("cp1256", errors="replace") if n % 2 else text.encode("utf-8")
            (folder / f"{seed.stem}_{n:04d}.txt").write_bytes(data)
            written += 1
    return written


def _best(seconds: list[float]) -> float:
    return min(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        count = _write_copies(folder, args.copies)
        read_paths([folder])  # warm caches (configs, registry)
        timings, cpu = [], []
        for _ in range(args.rounds):
            start, start_cpu = time.perf_counter(), time.process_time()
            articles, errors = read_paths([folder])
            timings.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        assert len(articles) == count and not errors, errors[:3]
        raws = [a.raw for a in articles]
        body_timings, body_cpu = [], []
        for _ in range(args.rounds):
            start, start_cpu = time.perf_counter(), time.process_time()
            for raw in raws:
                find_body(raw)
            body_timings.append(time.perf_counter() - start)
            body_cpu.append(time.process_time() - start_cpu)

        big = folder / "big.txt"
        with big.open("wb") as fh:
            fh.truncate(50 * 1024 * 1024)
        start = time.perf_counter()
        try:
            read_file(big)
        except IngestError:
            pass
        refusal_ms = (time.perf_counter() - start) * 1000

    mean_chars = sum(len(r) for r in raws) / len(raws)
    print(f"articles: {count} (seeds x {args.copies}, mean {mean_chars:.0f} chars, half cp1256)")
    print(
        f"read_paths (read + decode + find_body): {count / _best(timings):.0f} articles/s wall, "
        f"{count / _best(cpu):.0f} articles/s of CPU time"
    )
    print(f"find_body alone: {count / _best(body_timings):.0f} articles/s wall, {count / _best(body_cpu):.0f} of CPU time")
    print(f"50 MB file refused in {refusal_ms:.2f} ms")


if __name__ == "__main__":
    main()
