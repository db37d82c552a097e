"""Nearest-neighbour index of claim embeddings (FAISS), persisted beside the store.

Vectors are L2-normalised, so inner product is cosine. The index is exact (`IndexFlatIP`)
while it holds at most `exact_limit` vectors, and becomes an HNSW graph past that size (the
limit is measured by `benchmarks/bench_index.py`: past it, one full neighbour pass over an
exact index costs more than building and searching the graph). Both sit inside an
`IndexIDMap2`, so FAISS ids are stable positions in the id file and vectors can be read back.

On disk, for a store `claimtrack.db`: `claimtrack.db.faiss` (the index) and
`claimtrack.db.faiss.ids` (one claim id a line; line n is FAISS id n; an empty line is a
removed claim). Adds append; removals blank their line (HNSW cannot delete: blanked ids are
filtered from results and the graph is rebuilt once a quarter of it is blank).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

EXACT_LIMIT = 20_000
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 64
HNSW_EF_SEARCH = 64
REBUILD_DEAD_SHARE = 0.25
_SEARCH_BATCH = 4096


def set_threads(n: int | None = None) -> None:
    import faiss

    faiss.omp_set_num_threads(n or os.cpu_count() or 1)


def index_path(db_path: Path | str) -> Path:
    """Where the index of the store at `db_path` lives."""
    return Path(f"{db_path}.faiss")


@dataclass(frozen=True)
class Neighbours:
    """k nearest neighbours of every live vector, as FAISS ids (positions) and cosines.

    `ids[i]` and `scores[i]` belong to the vector whose FAISS id is `queries[i]`; a missing
    neighbour is -1. The vector itself is left out of its own list.
    """

    queries: np.ndarray  # (n,) int64
    ids: np.ndarray  # (n, k) int64
    scores: np.ndarray  # (n, k) float32


class VectorIndex:
    """String-keyed FAISS inner-product index: exact while small, HNSW past `exact_limit`."""

    def __init__(self, dim: int, *, exact_limit: int = EXACT_LIMIT, ef_search: int = HNSW_EF_SEARCH) -> None:
        self.dim = dim
        self.exact_limit = exact_limit
        self.ef_search = ef_search
        self.keys: list[str] = []  # FAISS id -> claim id ("" when removed)
        self.position: dict[str, int] = {}
        self._index = self._new_exact()

    # ----- construction -------------------------------------------------------------------
    def _new_exact(self):
        import faiss

        return faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))

    def _new_hnsw(self):
        import faiss

        graph = faiss.IndexHNSWFlat(self.dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        graph.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        graph.hnsw.efSearch = self.ef_search
        return faiss.IndexIDMap2(graph)

    @property
    def kind(self) -> str:
        import faiss

        inner = faiss.downcast_index(self._index.index)
        return "hnsw" if isinstance(inner, faiss.IndexHNSW) else "exact"

    def __len__(self) -> int:
        return len(self.position)

    def __contains__(self, key: str) -> bool:
        return key in self.position

    @property
    def dead(self) -> int:
        return len(self.keys) - len(self.position)

    # ----- updates ------------------------------------------------------------------------
    def add(self, keys: Sequence[str], vectors: np.ndarray) -> int:
        """Add vectors under `keys`; keys already present are kept as they are. Returns the count added."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        if len(keys) != len(vectors) or (len(vectors) and vectors.shape[1] != self.dim):
            raise ValueError(f"expected {len(keys)} vectors of dimension {self.dim}, got {vectors.shape}")
        fresh: dict[str, int] = {}
        for row, key in enumerate(keys):
            if key and key not in self.position and key not in fresh:
                fresh[key] = row
        if not fresh:
            return 0
        start = len(self.keys)
        ids = np.arange(start, start + len(fresh), dtype=np.int64)
        for offset, key in enumerate(fresh):
            self.keys.append(key)
            self.position[key] = start + offset
        if self.kind == "exact" and len(self.position) > self.exact_limit:
            self._rebuild(self._new_hnsw(), extra=(ids, vectors[list(fresh.values())]))
        else:
            self._index.add_with_ids(vectors[list(fresh.values())], ids)
        return len(fresh)

    def remove(self, keys: Iterable[str]) -> int:
        """Forget `keys` (unknown keys are ignored). Returns the count removed."""
        gone = [self.position.pop(k) for k in set(keys) if k in self.position]
        if not gone:
            return 0
        for pos in gone:
            self.keys[pos] = ""
        if self.kind == "exact":
            self._index.remove_ids(np.asarray(gone, dtype=np.int64))
        if self.dead > REBUILD_DEAD_SHARE * len(self.keys):
            self._rebuild(self._new_exact() if len(self.position) <= self.exact_limit else self._new_hnsw())
        return len(gone)

    def keep_only(self, live: set[str]) -> int:
        """Remove every key not in `live` (claims the store no longer holds)."""
        return self.remove([k for k in self.position if k not in live])

    def _rebuild(self, target, extra: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        """Copy the live vectors (and `extra` new ones) into `target`, renumbering ids densely."""
        live_old = np.asarray(sorted(self.position.values()), dtype=np.int64)
        if extra is not None:
            live_old = live_old[~np.isin(live_old, extra[0])]
        old_vectors = self.vectors(live_old)
        keys = [self.keys[int(i)] for i in live_old]
        vectors = old_vectors
        if extra is not None:
            keys += [self.keys[int(i)] for i in extra[0]]
            vectors = np.vstack([old_vectors, extra[1]]) if len(old_vectors) else extra[1]
        self.keys = keys
        self.position = {k: i for i, k in enumerate(keys)}
        if len(keys):
            target.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.arange(len(keys), dtype=np.int64))
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
        """FAISS ids and cosines of the `k` nearest live vectors of each query row (-1 when fewer)."""
        vectors = np.ascontiguousarray(np.atleast_2d(vectors), dtype=np.float32)
        want = k if not self.dead else int(k / (1 - self.dead / len(self.keys))) + 2
        want = max(1, min(want, len(self.keys)))
        if self.kind == "hnsw":
            import faiss

            faiss.downcast_index(self._index.index).hnsw.efSearch = max(self.ef_search, want)
        scores, ids = self._index.search(vectors, want)
        if self.dead:
            alive = np.asarray([bool(key) for key in self.keys] + [False])
            ids = np.where(alive[ids], ids, -1)  # -1 indexes the trailing False
        return _first_k(ids, scores, ids >= 0, k)

    def similar(self, vector: np.ndarray, k: int = 10) -> list[tuple[str, float]]:
        """The `k` nearest claims to one vector: (claim id, cosine), best first."""
        ids, scores = self.search(vector, k)
        return [(self.keys[i], float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def neighbours(self, k: int, queries: np.ndarray | None = None) -> Neighbours:
        """The `k` nearest neighbours of each live vector (or of FAISS ids `queries`), itself excluded."""
        queries = self.live_ids() if queries is None else np.asarray(queries, dtype=np.int64)
        all_ids, all_scores = [np.zeros((0, k), np.int64)], [np.zeros((0, k), np.float32)]
        for start in range(0, len(queries), _SEARCH_BATCH):
            batch = queries[start : start + _SEARCH_BATCH]
            ids, scores = self.search(self.vectors(batch), k + 1)
            ids, scores = _first_k(ids, scores, (ids >= 0) & (ids != batch[:, None]), k)
            all_ids.append(ids)
            all_scores.append(scores)
        return Neighbours(queries, np.vstack(all_ids), np.vstack(all_scores))

    # ----- persistence --------------------------------------------------------------------
    def save(self, path: Path | str) -> None:
        import faiss

        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        faiss.write_index(self._index, str(tmp))
        ids_tmp = path.with_name(path.name + ".ids.tmp")
        ids_tmp.write_text("".join(k + "\n" for k in self.keys), encoding="utf-8")
        os.replace(tmp, path)
        os.replace(ids_tmp, ids_file(path))

    @classmethod
    def load(cls, path: Path | str, *, exact_limit: int = EXACT_LIMIT) -> VectorIndex:
        import faiss

        path = Path(path)
        raw = faiss.read_index(str(path))  # comes back as its own class: keep this object (it owns the data)
        index = cls(raw.d, exact_limit=exact_limit)
        index._index = raw
        if not isinstance(raw, faiss.IndexIDMap2):
            raise ValueError(f"{path}: not a claimtrack index (no IndexIDMap2)")
        lines = ids_file(path).read_text(encoding="utf-8").split("\n")[:-1]
        index.keys = lines
        index.position = {k: i for i, k in enumerate(lines) if k}
        if len(lines) != index._index.ntotal + _removed_from_exact(index, lines):
            raise ValueError(f"{path}: id file and index disagree; delete both to rebuild")
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


def _removed_from_exact(index: VectorIndex, lines: list[str]) -> int:
    """An exact index deletes removed vectors; HNSW keeps them (their id lines are blank)."""
    return sum(1 for k in lines if not k) if index.kind == "exact" else 0


def _first_k(ids: np.ndarray, scores: np.ndarray, keep: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the first `k` entries where `keep` holds, in order; padding -1 / -inf."""
    order = np.argsort(~keep, axis=1, kind="stable")[:, :k]
    ids = np.take_along_axis(ids, order, axis=1)
    scores = np.take_along_axis(scores, order, axis=1).astype(np.float32)
    kept = np.take_along_axis(keep, order, axis=1)
    ids = np.where(kept, ids, -1)
    scores = np.where(kept, scores, -np.inf).astype(np.float32)
    if ids.shape[1] < k:
        pad = k - ids.shape[1]
        ids = np.hstack([ids, np.full((len(ids), pad), -1, np.int64)])
        scores = np.hstack([scores, np.full((len(scores), pad), -np.inf, np.float32)])
    return ids, scores
