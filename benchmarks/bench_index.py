"""Neighbour search and clustering at scale, on synthetic claim vectors (dim 896, the default encoder's).

    python benchmarks/bench_index.py                  # 10k, 100k, 1M
    python benchmarks/bench_index.py --sizes 10000 100000
    python benchmarks/bench_index.py --crossover      # exact vs IVF: where the index switches

Vectors imitate claim embeddings: topics, claims inside topics, and near-identical copies of
each claim (about 4 a claim). A copy scores ~0.9 cosine with its claim's other copies, ~0.3 with
other claims of its topic, ~0 elsewhere; each vector is normalised. Per size: incremental adds
(chunks of 100k) into `claimtrack.index.VectorIndex` (exact up to EXACT_LIMIT, IVF past it), the
10-nearest-neighbour pass over every vector, union-find clustering of the neighbour pairs at or
above 0.8, recall@10 of the index against exact search on 1000 sampled queries, and peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", str(os.cpu_count() or 1))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from claimtrack.cluster import build_clusters  # noqa: E402
from claimtrack.index import EXACT_LIMIT, VectorIndex, set_threads  # noqa: E402

DIM = 896  # the default encoder's (e5+use: 384 + 512); --dim changes it
K = 10
LINK = 0.8
ADD_CHUNK = 100_000
RECALL_QUERIES = 1000


def unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def synthetic(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """n vectors and the claim each is a copy of."""
    rng = np.random.default_rng(seed)
    n_claims = max(1, n // 4)
    n_topics = max(1, n // 2000)
    topic_of_claim = rng.integers(0, n_topics, n_claims)
    topics = unit(rng.standard_normal((n_topics, DIM), dtype=np.float32))
    claims = unit(rng.standard_normal((n_claims, DIM), dtype=np.float32))
    claim_of = rng.integers(0, n_claims, n)
    out = np.empty((n, DIM), dtype=np.float32)
    step = 100_000
    for s in range(0, n, step):
        c = claim_of[s : s + step]
        noise = unit(rng.standard_normal((len(c), DIM), dtype=np.float32))
        out[s : s + step] = unit(
            np.sqrt(0.3) * topics[topic_of_claim[c]] + np.sqrt(0.6) * claims[c] + np.sqrt(0.1) * noise
        )
    return out, claim_of


def exact_knn(x: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    import faiss

    flat = faiss.IndexFlatIP(DIM)
    flat.add(x)
    _, ids = flat.search(x[queries], k + 1)
    return np.array([[j for j in row if j != q][:k] for q, row in zip(queries, ids)])


def peak_gib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20


def run_size(n: int, exact_limit: int = EXACT_LIMIT) -> dict:
    x, claim_of = synthetic(n)
    keys = [str(i) for i in range(n)]
    index = VectorIndex(DIM, exact_limit=exact_limit)
    t0 = time.perf_counter()
    for s in range(0, n, ADD_CHUNK):
        index.add(keys[s : s + ADD_CHUNK], x[s : s + ADD_CHUNK])
    t_add = time.perf_counter() - t0

    t0 = time.perf_counter()
    nb = index.neighbours(K)
    t_search = time.perf_counter() - t0

    t0 = time.perf_counter()
    rows = np.repeat(nb.queries, K)
    cols, sims = nb.ids.ravel(), nb.scores.ravel()
    keep = (cols >= 0) & (sims >= LINK) & (rows < cols)
    groups = build_clusters(n, rows[keep], cols[keep], sims[keep])
    t_cluster = time.perf_counter() - t0

    truth = {}
    for i, c in enumerate(claim_of.tolist()):
        truth.setdefault(c, []).append(i)
    found = {tuple(g) for g in groups}
    exact_groups = sum(1 for members in truth.values() if tuple(members) in found)

    sample = np.random.default_rng(1).choice(n, min(RECALL_QUERIES, n), replace=False)
    t0 = time.perf_counter()
    truth_knn = exact_knn(x, sample, K)
    t_exact_sample = time.perf_counter() - t0
    got = index.neighbours(K, queries=sample).ids
    recall = float(np.mean([len(set(a) & set(b)) / K for a, b in zip(truth_knn, got)]))
    return {
        "n": n, "index": index.kind, "add_s": round(t_add, 2), "neighbours_s": round(t_search, 2),
        "cluster_s": round(t_cluster, 2), "total_s": round(t_add + t_search + t_cluster, 2),
        "recall_at_10": round(recall, 4), "claims_recovered_exactly": round(exact_groups / len(truth), 4),
        "clusters": len(groups), "exact_search_1000_queries_s": round(t_exact_sample, 2),
        "peak_rss_gib": round(peak_gib(), 2),
    }


def crossover(sizes: list[int]) -> list[dict]:
    """Full neighbour pass (build + all neighbours) with an exact index and with IVF."""
    out = []
    for n in sizes:
        x, _ = synthetic(n)
        keys = [str(i) for i in range(n)]
        row = {"n": n}
        for name, limit in (("exact", n + 1), ("ivf", 0)):
            index = VectorIndex(DIM, exact_limit=limit)
            t0 = time.perf_counter()
            index.add(keys, x)
            index.neighbours(K)
            row[f"{name}_s"] = round(time.perf_counter() - t0, 2)
        out.append(row)
        print(json.dumps(row), flush=True)
    return out


def main() -> None:
    global DIM
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--crossover", action="store_true")
    parser.add_argument("--dim", type=int, default=DIM, help="vector size (e5 384, use 512, e5+use 896)")
    args = parser.parse_args()
    DIM = args.dim
    set_threads()
    print(f"# cores={os.cpu_count()} dim={DIM} k={K} link>={LINK} exact_limit={EXACT_LIMIT}", flush=True)
    if args.crossover:
        crossover([5_000, 10_000, 20_000, 40_000, 80_000])
        return
    results = []
    for n in args.sizes:
        results.append(run_size(n))
        print(json.dumps(results[-1]), flush=True)
    for prev, cur in zip(results, results[1:]):
        growth = cur["total_s"] / max(prev["total_s"], 1e-9)
        ratio = cur["n"] / prev["n"]
        print(f"# {prev['n']} -> {cur['n']} ({ratio:.0f}x claims): time x{growth:.1f} "
              f"(exponent {np.log(growth) / np.log(ratio):.2f})", flush=True)


if __name__ == "__main__":
    main()
