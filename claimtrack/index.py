"""Nearest-neighbour index of claim embeddings (FAISS), persisted beside the store.

Vectors are L2-normalised, so inner product is cosine. While the index holds at most
`exact_limit` vectors it is exact: `IndexFlatIP` inside `IndexIDMap2`. Past that it becomes an
inverted-file index (`IndexIVFFlat`, about 2*sqrt(n) cells, retrained when it has grown fourfold
since its training). `benchmarks/bench_index.py --crossover` measures where the switch pays.

Clustering asks for the neighbours of every claim at once. Exact: one batched search. IVF: a
blocked self-join, cell by cell: the claims of a cell against the claims of its `JOIN_CELLS`
nearest cells, as dense matrix products (`faiss.knn`), so a million claims take minutes on two
cores rather than the hours of a million separate searches. Single searches probe `NPROBE` cells.

FAISS ids are positions in the id file, stable for the life of the index. On disk, for a store
`claimtrack.db` and encoder e5: `claimtrack.db.e5.faiss` and `claimtrack.db.e5.faiss.ids` (one
claim id a line; line n is FAISS id n; a blank line is a removed claim). Adds append.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

EXACT_LIMIT = 10_000
NPROBE = 16
JOIN_CELLS = 12
RETRAIN_GROWTH = 4
KMEANS_ITERATIONS = 10
POINTS_PER_CELL = 64


def set_threads(n: int | None = None) -> None:
    import faiss

    faiss.omp_set_num_threads(n or os.cpu_count() or 1)


def cell_count(n: int) -> int:
    """About 2*sqrt(n) cells, with enough vectors in each to train on (FAISS wants 39)."""
    return int(max(1, min(65536, round(2 * np.sqrt(n)), n // 39)))


@dataclass(frozen=True)
class Neighbours:
    """k nearest neighbours per query, as FAISS ids and cosines (-1 / -inf where fewer).

    `ids[i]` and `scores[i]` belong to the vector whose FAISS id is `queries[i]`; a vector is
    never its own neighbour.
    """

    queries: np.ndarray  # (n,) int64
    ids: np.ndarray  # (n, k) int64
    scores: np.ndarray  # (n, k) float32


class VectorIndex:
    """String-keyed FAISS inner-product index: exact while small, IVF past `exact_limit`."""

    def __init__(self, dim: int, *, exact_limit: int = EXACT_LIMIT) -> None:
        self.dim = dim
        self.exact_limit = exact_limit
        self.keys: list[str] = []  # FAISS id -> claim id ("" once removed)
        self.position: dict[str, int] = {}
        self._index = self._new_exact()

    # ----- kinds --------------------------------------------------------------------------
    def _new_exact(self):
        import faiss

        return faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))

    def _new_ivf(self, sample: np.ndarray):
        import faiss

        cells = cell_count(len(sample))
        kmeans = faiss.Kmeans(self.dim, cells, niter=KMEANS_ITERATIONS, spherical=True, seed=1,
                              max_points_per_centroid=POINTS_PER_CELL)
        picked = np.random.default_rng(1).permutation(len(sample))[: cells * POINTS_PER_CELL]
        kmeans.train(np.ascontiguousarray(sample[np.sort(picked)]))
        quantizer = faiss.IndexFlatIP(self.dim)
        quantizer.add(kmeans.centroids)
        ivf = faiss.IndexIVFFlat(quantizer, self.dim, cells, faiss.METRIC_INNER_PRODUCT)
        ivf.is_trained = True
        ivf.own_fields = True
        quantizer.this.disown()  # the IVF index frees it
        ivf.set_direct_map_type(faiss.DirectMap.Hashtable)
        ivf.nprobe = NPROBE
        return ivf

    @property
    def kind(self) -> str:
        import faiss

        return "ivf" if isinstance(self._index, faiss.IndexIVF) else "exact"

    @property
    def trained_size(self) -> int:
        """How many vectors the IVF cells were trained for (0 when exact)."""
        return 0 if self.kind == "exact" else max(int(self._index.nlist) ** 2 // 4, int(self._index.nlist) * 39)

    def __len__(self) -> int:
        return len(self.position)

    def __contains__(self, key: str) -> bool:
        return key in self.position

    # ----- updates ------------------------------------------------------------------------
    def add(self, keys: Sequence[str], vectors: np.ndarray) -> int:
        """Add vectors under `keys`; keys already present are kept as they are. Returns the count added."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if len(keys) != len(vectors) or (len(vectors) and vectors.shape[1] != self.dim):
            raise ValueError(f"expected {len(keys)} vectors of dimension {self.dim}, got {vectors.shape}")
        rows: dict[str, int] = {}
        for row, key in enumerate(keys):
            if key and key not in self.position and key not in rows:
                rows[key] = row
        if not rows:
            return 0
        fresh = vectors[list(rows.values())]
        ids = np.arange(len(self.keys), len(self.keys) + len(rows), dtype=np.int64)
        for key, pos in zip(rows, ids.tolist()):
            self.keys.append(key)
            self.position[key] = pos
        if self._needs_ivf(len(self.position)):
            self._rebuild(extra=(ids, fresh))
        else:
            self._index.add_with_ids(fresh, ids)
        return len(rows)

    def _needs_ivf(self, n: int) -> bool:
        if n <= self.exact_limit:
            return False
        return self.kind == "exact" or n > RETRAIN_GROWTH * self.trained_size

    def remove(self, keys: Iterable[str]) -> int:
        """Forget `keys` (unknown keys are ignored). Returns the count removed."""
        gone = [self.position.pop(k) for k in set(keys) if k in self.position]
        for pos in gone:
            self.keys[pos] = ""
        if gone:
            self._index.remove_ids(np.asarray(gone, dtype=np.int64))
        return len(gone)

    def keep_only(self, live: set[str]) -> int:
        """Remove every key not in `live` (claims the store no longer holds)."""
        return self.remove([k for k in self.position if k not in live])

    def _rebuild(self, extra: tuple[np.ndarray, np.ndarray]) -> None:
        """Retrain as IVF over the stored vectors plus `extra` (ids, vectors) not yet added."""
        new = set(extra[0].tolist())
        old = np.asarray(sorted(p for p in self.position.values() if p not in new), dtype=np.int64)
        ids = np.concatenate([old, extra[0]])
        vectors = np.vstack([self.vectors(old), extra[1]]) if len(old) else extra[1]
        target = self._new_ivf(vectors)
        target.add_with_ids(vectors, ids)
        self._index = target

    # ----- reading ------------------------------------------------------------------------
    def vectors(self, ids: np.ndarray | Sequence[int]) -> np.ndarray:
        """The stored vectors of FAISS ids `ids`."""
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        if not len(ids):
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._index.reconstruct_batch(ids)

    def vector(self, key: str) -> np.ndarray:
        if key not in self.position:
            raise KeyError(key)
        return self._index.reconstruct(self.position[key])

    def live_ids(self) -> np.ndarray:
        return np.asarray(sorted(self.position.values()), dtype=np.int64)

    def search(self, vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """FAISS ids and cosines of the `k` nearest vectors to each query row (-1 / -inf when fewer)."""
        vectors = np.ascontiguousarray(np.atleast_2d(vectors), dtype=np.float32)
        scores, ids = self._index.search(vectors, k)
        return ids, np.where(ids >= 0, scores, -np.inf).astype(np.float32)

    def similar(self, vector: np.ndarray, k: int = 10) -> list[tuple[str, float]]:
        """The `k` nearest claims to one vector: (claim id, cosine), best first."""
        ids, scores = self.search(vector, k)
        return [(self.keys[i], float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def neighbours(self, k: int, queries: np.ndarray | None = None) -> Neighbours:
        """The `k` nearest neighbours of each live vector (or of FAISS ids `queries`), itself excluded."""
        if queries is None and self.kind == "ivf":
            return self._self_join(k)
        queries = self.live_ids() if queries is None else np.asarray(queries, dtype=np.int64)
        parts_ids, parts_scores = [np.zeros((0, k), np.int64)], [np.zeros((0, k), np.float32)]
        for start in range(0, len(queries), 8192):
            batch = queries[start : start + 8192]
            ids, scores = self.search(self.vectors(batch), k + 1)
            ids, scores = _first_k(ids, scores, (ids >= 0) & (ids != batch[:, None]), k)
            parts_ids.append(ids)
            parts_scores.append(scores)
        return Neighbours(queries, np.vstack(parts_ids), np.vstack(parts_scores))

    def _cells(self) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Per IVF cell, its FAISS ids and vectors (copied out of the inverted lists)."""
        import faiss

        lists = self._index.invlists
        ids, vecs = [], []
        for cell in range(self._index.nlist):
            size = lists.list_size(cell)
            if size == 0:
                ids.append(np.zeros(0, np.int64))
                vecs.append(np.zeros((0, self.dim), np.float32))
                continue
            ids.append(faiss.rev_swig_ptr(lists.get_ids(cell), size).copy())
            codes = faiss.rev_swig_ptr(lists.get_codes(cell), size * self.dim * 4)
            vecs.append(np.frombuffer(codes, dtype=np.float32).reshape(size, self.dim).copy())
        return ids, vecs

    def _self_join(self, k: int) -> Neighbours:
        """All-neighbours pass: each cell against its JOIN_CELLS nearest cells, as matrix products."""
        import faiss

        cell_ids, cell_vecs = self._cells()
        centroids = faiss.downcast_index(self._index.quantizer).reconstruct_n(0, self._index.nlist)
        near = np.argsort(-(centroids @ centroids.T), axis=1)[:, :JOIN_CELLS]
        queries, out_ids, out_scores = [], [], []
        for cell, members in enumerate(cell_ids):
            if not len(members):
                continue
            cand_ids = np.concatenate([cell_ids[c] for c in near[cell]])
            cand_vecs = np.vstack([cell_vecs[c] for c in near[cell]])
            want = min(k + 1, len(cand_ids))
            scores, rows = faiss.knn(cell_vecs[cell], cand_vecs, want, metric=faiss.METRIC_INNER_PRODUCT)
            ids = np.where(rows >= 0, cand_ids[np.maximum(rows, 0)], -1)
            ids, scores = _first_k(ids, scores, (ids >= 0) & (ids != members[:, None]), k)
            queries.append(members)
            out_ids.append(ids)
            out_scores.append(scores)
        if not queries:
            return Neighbours(np.zeros(0, np.int64), np.zeros((0, k), np.int64), np.zeros((0, k), np.float32))
        q = np.concatenate(queries)
        order = np.argsort(q, kind="stable")
        return Neighbours(q[order], np.vstack(out_ids)[order], np.vstack(out_scores)[order])

    # ----- persistence --------------------------------------------------------------------
    def save(self, path: Path | str) -> None:
        import faiss

        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        ids_tmp = path.with_name(path.name + ".ids.tmp")
        faiss.write_index(self._index, str(tmp))
        ids_tmp.write_text("".join(k + "\n" for k in self.keys), encoding="utf-8")
        os.replace(tmp, path)
        os.replace(ids_tmp, ids_file(path))

    @classmethod
    def load(cls, path: Path | str, *, exact_limit: int = EXACT_LIMIT) -> VectorIndex:
        import faiss

        path = Path(path)
        raw = faiss.read_index(str(path))  # comes back as its own class: keep this object (it owns the data)
        if not isinstance(raw, (faiss.IndexIDMap2, faiss.IndexIVF)):
            raise ValueError(f"{path}: not a claimtrack index")
        index = cls(raw.d, exact_limit=exact_limit)
        index._index = raw
        if isinstance(raw, faiss.IndexIVF):
            raw.nprobe = NPROBE
        index.keys = ids_file(path).read_text(encoding="utf-8").split("\n")[:-1]
        index.position = {k: i for i, k in enumerate(index.keys) if k}
        if len(index.position) != raw.ntotal:
            raise ValueError(f"{path}: the id file and the index disagree; delete both to rebuild")
        return index

    @classmethod
    def open(cls, path: Path | str, dim: int, *, exact_limit: int = EXACT_LIMIT) -> VectorIndex:
        """The index at `path` when it exists and has dimension `dim`; otherwise a new empty one."""
        path = Path(path)
        if path.exists() and ids_file(path).exists():
            index = cls.load(path, exact_limit=exact_limit)
            if index.dim == dim:
                return index
        return cls(dim, exact_limit=exact_limit)


def ids_file(path: Path) -> Path:
    return path.with_name(path.name + ".ids")


def _first_k(ids: np.ndarray, scores: np.ndarray, keep: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the first `k` entries where `keep` holds, in order; padding -1 / -inf."""
    order = np.argsort(~keep, axis=1, kind="stable")[:, :k]
    kept = np.take_along_axis(keep, order, axis=1)
    ids = np.where(kept, np.take_along_axis(ids, order, axis=1), -1)
    scores = np.where(kept, np.take_along_axis(scores, order, axis=1), -np.inf).astype(np.float32)
    if ids.shape[1] < k:
        pad = k - ids.shape[1]
        ids = np.hstack([ids, np.full((len(ids), pad), -1, np.int64)])
        scores = np.hstack([scores, np.full((len(scores), pad), -np.inf, np.float32)])
    return ids, scores
