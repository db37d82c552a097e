"""The FAISS claim index: exact while small, IVF past its limit, persisted, incremental."""

from __future__ import annotations

import numpy as np
import pytest

from claimtrack.index import VectorIndex, ids_file

DIM = 32


def unit_rows(n: int, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, DIM)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def topical_rows(n: int, topics: int = 30, seed: int = 0) -> np.ndarray:
    """Vectors around topic centres, as claim embeddings are (uniform noise is IVF's worst case)."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((topics, DIM)).astype(np.float32)
    x = centres[rng.integers(0, topics, n)] + 0.5 * rng.standard_normal((n, DIM)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def brute_force(x: np.ndarray, k: int) -> np.ndarray:
    sims = x @ x.T
    np.fill_diagonal(sims, -np.inf)
    return np.argsort(-sims, axis=1)[:, :k]


def keys(n: int, start: int = 0) -> list[str]:
    return [f"c_{i:012d}" for i in range(start, start + n)]


def test_exact_index_finds_each_vector_first_and_true_neighbours():
    x = unit_rows(200)
    index = VectorIndex(DIM)
    index.add(keys(200), x)
    assert index.kind == "exact"
    assert index.similar(x[7], 1) == [("c_000000000007", pytest.approx(1.0, abs=1e-5))]
    nb = index.neighbours(5)
    assert (nb.ids == brute_force(x, 5)).all()
    assert (nb.ids != nb.queries[:, None]).all()


def test_adding_a_known_key_again_is_a_no_op():
    x = unit_rows(20)
    index = VectorIndex(DIM)
    assert index.add(keys(20), x) == 20
    assert index.add(keys(20), unit_rows(20, seed=5)) == 0
    assert len(index) == 20
    assert np.allclose(index.vector("c_000000000003"), x[3])


def test_switches_to_ivf_past_the_limit_and_keeps_recall():
    x = topical_rows(600)
    index = VectorIndex(DIM, exact_limit=250)
    index.add(keys(200), x[:200])
    assert index.kind == "exact"
    index.add(keys(400, 200), x[200:])  # incremental add crosses the limit
    assert index.kind == "ivf"
    assert len(index) == 600
    got = index.neighbours(10)
    truth = brute_force(x, 10)
    by_key = np.array([[int(index.keys[j][2:]) for j in row] for row in got.ids])
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(truth, by_key)])
    assert recall >= 0.95
    one = index.neighbours(10, queries=np.array([index.position["c_000000000005"]]))
    assert len(set(one.ids[0].tolist()) & set(truth[5].tolist())) >= 8


@pytest.mark.parametrize("limit", [10_000, 50])
def test_saved_index_reloads_with_the_same_answers(tmp_path, limit):
    x = unit_rows(120)
    index = VectorIndex(DIM, exact_limit=limit)
    index.add(keys(120), x)
    path = tmp_path / "claims.db.e5.faiss"
    index.save(path)
    assert ids_file(path).read_text(encoding="utf-8").splitlines() == keys(120)
    again = VectorIndex.load(path, exact_limit=limit)
    assert again.kind == index.kind
    assert again.similar(x[42], 5) == index.similar(x[42], 5)
    again.add(keys(10, 120), unit_rows(10, seed=9))
    assert len(again) == 130


@pytest.mark.parametrize("limit", [10_000, 50])
def test_removed_claims_are_never_returned(tmp_path, limit):
    x = unit_rows(100)
    index = VectorIndex(DIM, exact_limit=limit)
    index.add(keys(100), x)
    gone = set(keys(10))
    assert index.remove(gone) == 10
    assert all(key not in gone for key, _ in index.similar(x[3], 20))
    path = tmp_path / "i.faiss"
    index.save(path)
    again = VectorIndex.load(path, exact_limit=limit)
    assert len(again) == 90
    nb = again.neighbours(5)
    assert all(again.keys[j] not in gone for j in nb.ids.ravel() if j >= 0)


def test_keep_only_drops_claims_the_store_no_longer_has():
    index = VectorIndex(DIM)
    index.add(keys(30), unit_rows(30))
    assert index.keep_only(set(keys(12))) == 18
    assert sorted(index.position) == keys(12)


def test_mismatched_dimension_is_refused():
    index = VectorIndex(DIM)
    with pytest.raises(ValueError):
        index.add(keys(2), np.zeros((2, DIM + 1), dtype=np.float32))


def test_open_starts_afresh_when_dimension_changes(tmp_path):
    path = tmp_path / "x.faiss"
    index = VectorIndex(DIM)
    index.add(keys(3), unit_rows(3))
    index.save(path)
    assert len(VectorIndex.open(path, DIM)) == 3
    assert len(VectorIndex.open(path, DIM * 2)) == 0
