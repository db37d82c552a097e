"""Do two claims contradict each other? A probability and a short reason a checker can read.

    score, reason = contradiction_score("موسكو تنفي ...", "البنتاغون: روسيا تلقت ...", polarity_a="denied")
    scored = score_pairs([(a1, b1), (a2, b2)])     # embeds every text once

The scorer is a small numpy network (models/contradiction/, see its MODEL_CARD.md) trained on
the ANS Arabic stance corpus over sentence-embedding features (|u-v|, u*v, cosine, and the same
for the words each side changed) and the language-neutral text features of
`claimtrack.features` (denial, negation, opposite direction, numbers, dates, places, names).
Pairs that differ in two or more of who / where / when / how many / what are taken as
different events, not a contradiction, and capped (configs/contradiction.toml).
With `nli_model` set in that file, a local XNLI-style transformers model gives the probability.

Retrain: `python -m claimtrack.contradict train` (or benchmarks/train_contradiction.py).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import sys
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

import numpy as np

from claimtrack import config
from claimtrack.errors import UserError
from claimtrack.features import FEATURE_NAMES, Comparison, compare, new_words, read, same_script

if TYPE_CHECKING:
    from claimtrack.models import Claim

Pair = tuple[str, str]
POLARITIES = (None, "asserted", "denied", "hedged")
REASON_ORDER = ("denial", "negation", "direction", "numbers", "dates", "places", "agents", "things")
# The ANS corpus (train.csv, dev.csv): CLAIMTRACK_ANS_DIR, else ../shared/data/ans beside the checkout.
ANS_DIR = Path(os.environ.get("CLAIMTRACK_ANS_DIR") or config.PACKAGE_ROOT.parent / "shared" / "data" / "ans")


def settings() -> dict:
    return config.load("contradiction")


def _resolve(path: str) -> Path:
    p = Path(path)
    return p if p.is_absolute() else config.PACKAGE_ROOT / p


# ---------------------------------------------------------------------------------------------
# Embeddings: the one place this module asks for them.


def embed_texts(texts: Sequence[str], encoder: str) -> np.ndarray:
    """Unit rows for `texts` from claimtrack.encoder's backend `encoder` ("e5" or "use")."""
    from claimtrack.encoder import get_encoder

    return get_encoder(encoder).encode(list(texts))


class EmbeddingCache:
    """Embeds each distinct text once; optionally remembered on disk (training re-runs)."""

    def __init__(self, encoder: str, path: Path | None = None) -> None:
        self.encoder = encoder
        self.path = path
        self.rows: dict[str, np.ndarray] = {}
        if path is not None and path.exists():
            data = np.load(path)
            self.rows = dict(zip(data["keys"].tolist(), data["rows"]))

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def fill(self, texts: Iterable[str]) -> None:
        missing = sorted({t for t in texts if t and self.key(t) not in self.rows})
        if not missing:
            return
        for text, row in zip(missing, embed_texts(missing, self.encoder)):
            self.rows[self.key(text)] = row
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            keys = list(self.rows)
            np.savez(self.path, keys=np.array(keys), rows=np.stack([self.rows[k] for k in keys]))

    def get(self, text: str) -> np.ndarray | None:
        return self.rows.get(self.key(text)) if text else None


# ---------------------------------------------------------------------------------------------
# Features of a pair.


@dataclass(frozen=True)
class PairInput:
    a: str
    b: str
    polarity_a: str | None = None
    polarity_b: str | None = None
    blind: bool = False  # training only: read the pair as if its texts were in different scripts

    def __post_init__(self) -> None:
        for polarity in (self.polarity_a, self.polarity_b):
            if polarity not in POLARITIES:
                raise UserError(f"unknown polarity {polarity!r}; use one of asserted, denied, hedged")

    @property
    def surface(self) -> bool:
        """Whether shared-word features apply (same script, not blinded)."""
        return not self.blind and same_script(self.a, self.b)


@lru_cache(maxsize=8192)
def _reading(text: str):
    return read(text)


def _compare(item: PairInput) -> Comparison:
    return compare(_reading(item.a), _reading(item.b), polarity_a=item.polarity_a, polarity_b=item.polarity_b,
                   surface=item.surface)


def pair_texts(item: PairInput) -> tuple[str, str, str, str]:
    """The four texts a pair needs embedded: both claims and the words each changed."""
    if not item.surface:
        return item.a, item.b, "", ""
    ra, rb = _reading(item.a), _reading(item.b)
    return item.a, item.b, new_words(ra, rb), new_words(rb, ra)


def embedding_features(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    return np.concatenate([[float(u @ v)], np.abs(u - v), u * v])


def pair_vector(item: PairInput, cache: EmbeddingCache, dim: int, changed_cache: EmbeddingCache | None = None,
                changed_dim: int | None = None) -> tuple[np.ndarray, Comparison]:
    """Text features, the claims' embedding features (`cache`), and those of the changed words
    (`changed_cache`, by default the claims' own cache)."""
    changed_cache, changed_dim = changed_cache or cache, changed_dim or dim
    a, b, changed_a, changed_b = pair_texts(item)
    comparison = _compare(item)
    u, v = cache.get(a), cache.get(b)
    if u is None or v is None:  # an empty text
        u = v = np.zeros(dim, dtype=np.float32)
    du, dv = changed_cache.get(changed_a), changed_cache.get(changed_b)
    if du is None or dv is None:
        changed = np.zeros(2 + 2 * changed_dim, dtype=np.float32)
    else:
        changed = np.concatenate([[1.0], embedding_features(du, dv)])
    vector = np.concatenate([np.asarray(comparison.vector), embedding_features(u, v), changed])
    return vector.astype(np.float32), comparison


def feature_matrix(items: Sequence[PairInput], cache: EmbeddingCache, dim: int,
                   changed_cache: EmbeddingCache | None = None,
                   changed_dim: int | None = None) -> tuple[np.ndarray, list[Comparison]]:
    """Feature rows of `items`. The changed words are embedded by `changed_cache` (a cheaper
    encoder than the claims'), else by `cache`."""
    texts = [pair_texts(item) for item in items]
    if changed_cache is None:
        cache.fill(t for four in texts for t in four)
    else:
        cache.fill(t for four in texts for t in four[:2])
        changed_cache.fill(t for four in texts for t in four[2:])
    rows, comparisons = [], []
    for item in items:
        row, comparison = pair_vector(item, cache, dim, changed_cache, changed_dim)
        rows.append(row)
        comparisons.append(comparison)
    width = len(FEATURE_NAMES) + 1 + 2 * dim + 2 + 2 * (changed_dim or dim)
    return np.stack(rows) if rows else np.zeros((0, width), np.float32), comparisons


# ---------------------------------------------------------------------------------------------
# The trained model: an average of a few one-hidden-layer networks (different seeds).


@dataclass
class Network:
    mean: np.ndarray  # (inputs,) standardisation shared by the members
    scale: np.ndarray
    w1: np.ndarray  # (members, inputs, hidden)
    b1: np.ndarray  # (members, hidden)
    w2: np.ndarray  # (members, hidden)
    b2: np.ndarray  # (members,)
    meta: dict  # encoder, dim, text_features, threshold, training report

    def raw_probability(self, x: np.ndarray) -> np.ndarray:
        z = (np.asarray(x, dtype=np.float32) - self.mean) / self.scale
        hidden = np.maximum(np.einsum("ni,mih->mnh", z, self.w1.astype(np.float32)) + self.b1[:, None, :], 0.0)
        logits = np.clip(np.einsum("mnh,mh->mn", hidden, self.w2) + self.b2[:, None], -30.0, 30.0)
        return (1.0 / (1.0 + np.exp(-logits))).mean(axis=0)

    def probability(self, x: np.ndarray) -> np.ndarray:
        """The members' mean, recalibrated so that the dev-chosen threshold reads as 0.5."""
        p = np.clip(self.raw_probability(x), 1e-6, 1 - 1e-6)
        t = float(self.meta.get("threshold", 0.5))
        return 1.0 / (1.0 + np.exp(-(np.log(p / (1 - p)) - math.log(t / (1 - t)))))

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path, mean=self.mean.astype(np.float32), scale=self.scale.astype(np.float32),
            w1=self.w1.astype(np.float16), b1=self.b1.astype(np.float32), w2=self.w2.astype(np.float32),
            b2=self.b2.astype(np.float32), meta=np.array(json.dumps(self.meta, ensure_ascii=False)),
        )

    @classmethod
    def load(cls, path: Path) -> "Network":
        if not path.exists():
            raise UserError(f"contradiction model not found: {path} (retrain: python -m claimtrack.contradict train)")
        data = np.load(path)
        meta = json.loads(str(data["meta"]))
        if tuple(meta["text_features"]) != FEATURE_NAMES:
            raise UserError(f"{path} was trained with other text features; retrain: python -m claimtrack.contradict train")
        return cls(data["mean"], data["scale"], data["w1"], data["b1"], data["w2"], data["b2"], meta)


@lru_cache(maxsize=4)
def _load_network(path: str) -> Network:
    return Network.load(Path(path))


def load_network() -> Network:
    return _load_network(str(_resolve(settings()["model"])))


def changed_encoder(network: Network) -> tuple[str, int]:
    """The encoder (and its dimension) of a network's changed-words features: its own
    `changed_encoder`, else the claims' encoder (models trained before the two could differ)."""
    meta = network.meta
    return str(meta.get("changed_encoder", meta["encoder"])), int(meta.get("changed_dim", meta["dim"]))


# ---------------------------------------------------------------------------------------------
# A local XNLI-style model, for users who have one.


class NliModel:
    """transformers AutoModelForSequenceClassification folder; loaded on first use."""

    def __init__(self, folder: str) -> None:
        self.folder = _resolve(folder)
        self._model = None
        self._tokenizer = None
        self.label = -1

    def _load(self) -> None:
        if self._model is not None:
            return
        if not self.folder.is_dir():
            raise UserError(f"nli_model folder not found: {self.folder} (configs/contradiction.toml)")
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        from claimtrack.encoder import thread_count

        torch.set_num_threads(thread_count())
        self._tokenizer = AutoTokenizer.from_pretrained(str(self.folder), local_files_only=True)
        self._model = AutoModelForSequenceClassification.from_pretrained(str(self.folder), local_files_only=True).eval()
        self.label = contradiction_label(self._model.config.id2label)

    def probabilities(self, pairs: Sequence[Pair], batch_size: int = 16) -> np.ndarray:
        """P(contradiction), averaged over both orders (premise/hypothesis) of each pair."""
        import torch

        self._load()
        ordered = [(a, b) for a, b in pairs] + [(b, a) for a, b in pairs]
        out = []
        for i in range(0, len(ordered), batch_size):
            chunk = ordered[i : i + batch_size]
            batch = self._tokenizer([p[0] for p in chunk], [p[1] for p in chunk], padding=True,
                                    truncation=True, return_tensors="pt")
            with torch.inference_mode():
                logits = self._model(**batch).logits
            out.append(torch.softmax(logits.float(), dim=-1)[:, self.label].numpy())
        probs = np.concatenate(out) if out else np.zeros(0)
        return (probs[: len(pairs)] + probs[len(pairs) :]) / 2


def contradiction_label(id2label: dict) -> int:
    for index, label in id2label.items():
        if str(label).strip().lower().startswith("contradict"):
            return int(index)
    raise UserError(f"nli_model has no 'contradiction' label (labels: {sorted(id2label.values())})")


@lru_cache(maxsize=2)
def _nli(folder: str) -> NliModel:
    return NliModel(folder)


# ---------------------------------------------------------------------------------------------
# Scoring.


def reason_for(comparison: Comparison, probability: float, threshold: float) -> str:
    for key in REASON_ORDER:
        if key in comparison.evidence:
            return comparison.evidence[key]
    return "conflicting wording" if probability >= threshold else "no conflict found"


def different_events(comparison: Comparison) -> bool:
    return len(comparison.slots_differ) >= int(settings()["different_events_min_slots"])


def _finish(comparison: Comparison, probability: float, surface: bool = True) -> tuple[float, str]:
    """Apply the two policies the model does not learn from ANS, and write the reason."""
    cfg = settings()
    if different_events(comparison):
        detail = "; ".join(comparison.evidence[k] for k in ("agents", "places", "dates", "numbers", "things")
                           if k in comparison.evidence)
        return min(probability, float(cfg["different_events_cap"])), f"different events ({detail})"
    if not surface and not any(k in comparison.evidence for k in REASON_ORDER):
        capped = min(probability, float(cfg["unexplained_cross_language_cap"]))
        if capped < probability:
            return capped, "no explicit conflict (languages differ)"
    return probability, reason_for(comparison, probability, float(cfg["threshold"]))


def score_items(items: Sequence[PairInput], vectors: Mapping[str, np.ndarray] | None = None,
                cache: EmbeddingCache | None = None,
                changed_cache: EmbeddingCache | None = None) -> list[tuple[float, str]]:
    """score_pairs over PairInput; `cache` (and `changed_cache`, for the changed words) may be a
    caller's EmbeddingCache (e.g. one backed by the store's embeddings) for the model's encoders."""
    if not items:
        return []
    cfg = settings()
    if cfg.get("nli_model"):
        probabilities = _nli(cfg["nli_model"]).probabilities([(i.a, i.b) for i in items])
        comparisons = [_compare(i) for i in items]
    else:
        network = load_network()
        if cache is None:
            cache = EmbeddingCache(network.meta["encoder"])
        elif cache.encoder != network.meta["encoder"]:
            raise UserError(f"embeddings from {cache.encoder!r}, but the contradiction model needs {network.meta['encoder']!r}")
        for text, row in (vectors or {}).items():
            cache.rows[cache.key(text)] = np.asarray(row, dtype=np.float32)
        changed, changed_dim = changed_encoder(network)
        if changed_cache is None and changed != cache.encoder:
            changed_cache = EmbeddingCache(changed)
        x, comparisons = feature_matrix(items, cache, int(network.meta["dim"]), changed_cache, changed_dim)
        probabilities = network.probability(x)
    return [_finish(c, round(float(p), 4), i.surface) for i, c, p in zip(items, comparisons, probabilities)]


def score_pairs(
    pairs: Sequence[Pair | tuple[str, str, str | None, str | None]],
    vectors: Mapping[str, np.ndarray] | None = None,
) -> list[tuple[float, str]]:
    """(probability of contradiction, reason) per pair; every distinct text is embedded once.

    A pair is (a, b) or (a, b, polarity_a, polarity_b) with polarities as in Claim.polarity.
    `vectors` may hold embeddings already made for some texts (text -> unit row, from the
    model's encoder, `model_encoder()`); they are not embedded again.
    """
    return score_items([PairInput(*p) for p in pairs], vectors)


def score_claims(pairs: Sequence[tuple[Claim, Claim]],
                 vectors: Mapping[str, np.ndarray] | None = None) -> list[tuple[float, str]]:
    """score_pairs over Claim objects: their text and polarity."""
    return score_pairs([(a.text, b.text, a.polarity, b.polarity) for a, b in pairs], vectors)


def model_encoder() -> str:
    """The encoder backend the scorer's embedding features come from ("e5" or "use")."""
    return str(load_network().meta["encoder"])


def contradiction_score(
    a: str, b: str, *, polarity_a: str | None = None, polarity_b: str | None = None
) -> tuple[float, str]:
    """Probability that claims `a` and `b` contradict each other, and a short reason."""
    return score_items([PairInput(a, b, polarity_a, polarity_b)])[0]


# ---------------------------------------------------------------------------------------------
# Training on ANS (train; dev for model selection and the threshold only).


@dataclass(frozen=True)
class Example:
    item: PairInput
    label: int  # 1 = contradiction (ANS "disagree")


def read_ans(path: Path, limit: int | None = None) -> list[Example]:
    if not path.exists():
        raise UserError(f"ANS split not found: {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["s1"].strip() and r["s2"].strip()]
    if limit:
        rows = rows[:limit]
    return [Example(PairInput(r["s1"], r["s2"]), int(r["stance"] == "disagree")) for r in rows]


def denial_examples(train: Sequence[Example], seed: int) -> list[Example]:
    """Contradictions by denial, made from agree pairs (configs/contradiction.toml [training])."""
    cfg = settings()["training"]
    templates = cfg["denial_templates"]
    rng = np.random.default_rng(seed)
    agree = [e for e in train if e.label == 0 and e.item.a != e.item.b]
    chosen = rng.permutation(len(agree))[: int(len(agree) * float(cfg["denial_share"]))]
    out = []
    for n, index in enumerate(chosen):
        a, b = agree[index].item.a, agree[index].item.b
        if n % 2:
            out.append(Example(PairInput(a, b, None, "denied"), 1))
            out.append(Example(PairInput(a, b, "denied", "denied"), 0))
        else:
            t1, t2 = templates[n % len(templates)], templates[(n // 2) % len(templates)]
            out.append(Example(PairInput(a, t1.format(s=b)), 1))
            out.append(Example(PairInput(t2.format(s=a), t1.format(s=b)), 0))
    return out


def unrelated_examples(train: Sequence[Example], seed: int) -> list[Example]:
    """Headlines of different ANS stories paired at random: unrelated, so no contradiction."""
    share = float(settings()["training"]["unrelated_share"])
    rng = np.random.default_rng(seed + 1)
    stories = sorted({e.item.a for e in train})
    seconds = sorted({e.item.b for e in train})
    story_of = {e.item.b: e.item.a for e in train}
    out = []
    while len(out) < int(len(train) * share) and len(stories) > 1:
        a, b = stories[rng.integers(len(stories))], seconds[rng.integers(len(seconds))]
        if story_of[b] != a:
            out.append(Example(PairInput(a, b), 0))
    return out


def identical_examples(train: Sequence[Example], seed: int) -> list[Example]:
    """One text twice: the same claim unless one copy is denied (syndicated copies, split claims)."""
    share = float(settings()["training"]["identical_share"])
    rng = np.random.default_rng(seed + 2)
    texts = sorted({e.item.a for e in train})
    out = []
    for index in rng.permutation(len(texts))[: int(len(train) * share / 2)]:
        text = texts[index]
        out.append(Example(PairInput(text, text), 0))
        out.append(Example(PairInput(text, text, "denied", None), 1))
    return out


def blinded_copies(examples: Sequence[Example], seed: int) -> list[Example]:
    """Copies read without shared-word features, so the model also learns to judge pairs in two
    scripts (an Arabic claim against an English one) from embeddings and slots alone."""
    share = float(settings()["training"]["blind_share"])
    rng = np.random.default_rng(seed + 3)
    chosen = rng.permutation(len(examples))[: int(len(examples) * share)]
    return [Example(replace(examples[i].item, blind=True), examples[i].label) for i in chosen]


def training_examples(train: Sequence[Example], seed: int) -> list[Example]:
    made = denial_examples(train, seed) + unrelated_examples(train, seed) + identical_examples(train, seed)
    examples = list(train) + made
    return examples + blinded_copies(examples, seed)


def fit_member(xs: np.ndarray, y: np.ndarray, *, hidden: int, weight_decay: float, epochs: int,
               seed: int, dropout: float = 0.5, rate: float = 1e-3) -> list[np.ndarray]:
    """One network on standardised inputs: a hidden ReLU layer with dropout; Adam, weight decay."""
    rng = np.random.default_rng(seed)
    d = xs.shape[1]
    params = [rng.normal(0, math.sqrt(2 / d), (d, hidden)), np.zeros(hidden),
              rng.normal(0, math.sqrt(1 / hidden), hidden), np.zeros(())]
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    step = 0
    for _ in range(epochs):
        order = rng.permutation(len(xs))
        for start in range(0, len(xs), 64):
            idx = order[start : start + 64]
            xb, yb = xs[idx], y[idx]
            h = np.maximum(xb @ params[0] + params[1], 0)
            mask = (rng.random(h.shape) > dropout) / (1 - dropout)
            hd = h * mask
            p = 1 / (1 + np.exp(-np.clip(hd @ params[2] + params[3], -30.0, 30.0)))
            g = (p - yb) / len(idx)
            gh = np.outer(g, params[2]) * mask * (h > 0)
            grads = [xb.T @ gh + weight_decay * params[0], gh.sum(0), hd.T @ g + weight_decay * params[2], g.sum()]
            step += 1
            for k, grad in enumerate(grads):
                moments[k] = 0.9 * moments[k] + 0.1 * grad
                squares[k] = 0.999 * squares[k] + 0.001 * grad**2
                params[k] = params[k] - rate * (moments[k] / (1 - 0.9**step)) / (np.sqrt(squares[k] / (1 - 0.999**step)) + 1e-8)
    return params


def fit_network(x: np.ndarray, y: np.ndarray, *, hidden: int, weight_decay: float, epochs: int,
                members: int = 5, seed: int = 0) -> Network:
    """`members` networks from different seeds, averaged."""
    mean, std = x.mean(0), x.std(0)
    scale = np.where(std > 1e-3, std, 1.0)  # a feature constant in training stays harmless later
    xs = ((x - mean) / scale).astype(np.float32)
    fitted = [fit_member(xs, y, hidden=hidden, weight_decay=weight_decay, epochs=epochs, seed=seed + m)
              for m in range(members)]
    stack = [np.stack([f[k] for f in fitted]).astype(np.float32) for k in range(4)]
    return Network(mean.astype(np.float32), scale.astype(np.float32), *stack, {})


def metrics(y: np.ndarray, p: np.ndarray, threshold: float = 0.5) -> dict[str, float]:
    predicted = p >= threshold
    tp = float((predicted & (y == 1)).sum())
    precision = tp / max(1.0, float(predicted.sum()))
    recall = tp / max(1.0, float((y == 1).sum()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4),
            "accuracy": round(float((predicted == (y == 1)).mean()), 4)}


def best_threshold(y: np.ndarray, p: np.ndarray) -> float:
    """The dev threshold with the best accuracy (balanced errors: maximising F1 of the majority
    class would push recall up and flag paraphrases), nearest 0.5 among ties."""
    grid = np.round(np.arange(0.3, 0.71, 0.05), 2)
    return float(max(grid, key=lambda t: (metrics(y, p, t)["accuracy"], -abs(t - 0.5))))


GRID = ({"hidden": 32, "weight_decay": 1e-2}, {"hidden": 64, "weight_decay": 3e-2})


def train(encoder: str, train_path: Path, dev_path: Path, *, limit: int | None = None, epochs: int = 30,
          members: int = 5, seed: int = 0, cache_path: Path | None = None, grid: Sequence[dict] = GRID,
          log=print, changed: str | None = None, changed_cache_path: Path | None = None) -> tuple[Network, dict]:
    """A network over `encoder`'s embeddings of the claims and `changed`'s (default: the same
    encoder) of the words each side changed."""
    started = time.time()
    changed = changed or encoder
    train_set, dev_set = read_ans(train_path, limit), read_ans(dev_path, limit)
    augmented = training_examples(train_set, seed)
    cache = EmbeddingCache(encoder, cache_path)
    changed_cache = cache if changed == encoder else EmbeddingCache(changed, changed_cache_path)
    four = [pair_texts(e.item) for e in augmented + dev_set]
    cache.fill(t for texts in four for t in texts[: 4 if changed_cache is cache else 2])
    if changed_cache is not cache:
        changed_cache.fill(t for texts in four for t in texts[2:])
    dim = len(next(iter(cache.rows.values())))
    changed_dim = len(next(iter(changed_cache.rows.values())))
    x_train, _ = feature_matrix([e.item for e in augmented], cache, dim, changed_cache, changed_dim)
    x_dev, dev_comparisons = feature_matrix([e.item for e in dev_set], cache, dim, changed_cache, changed_dim)
    y_train = np.array([e.label for e in augmented], dtype=np.float64)
    y_dev = np.array([e.label for e in dev_set], dtype=np.float64)
    log(f"{encoder}: {len(augmented)} training pairs ({len(augmented) - len(train_set)} made), "
        f"{len(dev_set)} dev pairs, {x_train.shape[1]} features, embedded in {time.time() - started:.0f}s")
    best: tuple[float, Network, dict] | None = None
    for options in grid:
        network = fit_network(x_train, y_train, epochs=epochs, members=members, seed=seed, **options)
        p = network.raw_probability(x_dev)
        threshold = best_threshold(y_dev, p)
        scores = metrics(y_dev, p, threshold)
        log(f"  hidden={options['hidden']} weight_decay={options['weight_decay']}: dev at 0.5 {metrics(y_dev, p)}, "
            f"at {threshold} {scores}")
        if best is None or scores["accuracy"] > best[0]:
            best = (scores["accuracy"], network, {**options, "threshold": threshold})
    _, network, chosen = best
    network.meta = {"threshold": chosen["threshold"]}
    p_dev = network.probability(x_dev)
    capped = np.array([_finish(c, float(p), e.item.surface)[0] for e, c, p in zip(dev_set, dev_comparisons, p_dev)])
    report = {
        "encoder": encoder,
        "train_pairs": len(train_set),
        "augmented_pairs": len(augmented) - len(train_set),
        "dev_pairs": len(dev_set),
        "chosen": chosen,
        "dev": metrics(y_dev, p_dev),
        "dev_with_different_events_cap": metrics(y_dev, capped),
        "dev_all_disagree_baseline": metrics(y_dev, np.ones_like(y_dev)),
        "seconds": round(time.time() - started, 1),
    }
    report["changed_encoder"] = changed
    network.meta = {"encoder": encoder, "dim": dim, "changed_encoder": changed, "changed_dim": changed_dim,
                    "text_features": list(FEATURE_NAMES), "epochs": epochs,
                    "members": members, "seed": seed, **chosen, "report": report}
    return network, report


def _train_command(args: argparse.Namespace) -> int:
    encoders = ["e5", "use"] if args.encoder == "both" else [args.encoder]
    results = []
    for encoder in encoders:
        cache = Path(args.cache) / f"ans-{encoder}.npz" if args.cache else None
        changed = args.changed_encoder or encoder
        changed_cache = Path(args.cache) / f"ans-{changed}.npz" if args.cache else None
        network, report = train(encoder, Path(args.train), Path(args.dev), limit=args.limit,
                                epochs=args.epochs, members=args.members, seed=args.seed, cache_path=cache,
                                changed=changed, changed_cache_path=changed_cache)
        print(json.dumps(report, ensure_ascii=False))
        results.append((report["dev"]["f1"], encoder, network))
    _, encoder, network = max(results, key=lambda r: r[0])
    out = Path(args.out) if args.out else _resolve(settings()["model"])
    network.save(out)
    print(f"saved {out} (encoder {encoder})")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimtrack.contradict", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("train", help="train the contradiction model on ANS train (dev for selection)")
    t.add_argument("--encoder", default="both", choices=["e5", "use", "both"],
                   help="embedding backend; 'both' trains each and keeps the better on dev F1")
    t.add_argument("--changed-encoder", default=None, choices=["e5", "use"],
                   help="backend for the changed words' embeddings (default: the claims' encoder)")
    t.add_argument("--train", default=str(ANS_DIR / "train.csv"))
    t.add_argument("--dev", default=str(ANS_DIR / "dev.csv"))
    t.add_argument("--limit", type=int, default=None, help="use only the first N rows of each split")
    t.add_argument("--epochs", type=int, default=30)
    t.add_argument("--members", type=int, default=5, help="networks averaged (different seeds)")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--cache", default=str(config.PACKAGE_ROOT / "build" / "contradiction-cache"),
                   help="folder for cached embeddings ('' for none)")
    t.add_argument("--out", default=None, help="where to write the model (default: configs 'model')")
    s = sub.add_parser("score", help="score one pair: prints score and reason as JSON")
    s.add_argument("a")
    s.add_argument("b")
    args = parser.parse_args(argv)
    try:
        if args.command == "train":
            return _train_command(args)
        score, reason = contradiction_score(args.a, args.b)
        print(json.dumps({"contradiction": score, "reason": reason}, ensure_ascii=False))
        return 0
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
