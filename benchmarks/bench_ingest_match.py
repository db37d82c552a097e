"""Ingest throughput against the raw encoder on the same claims, and a second ingest of the same
unchanged articles.

    python benchmarks/bench_ingest_match.py                 # 60 articles x 10 claims, the default encoder
    python benchmarks/bench_ingest_match.py --articles 20 --model use

Articles are built from distinct Arabic news sentences of the ANS corpus
(../shared/data/ans/train.csv, column s1), each framed as reported speech ("وقال المتحدث باسم
الوزارة إن ...") so the extractor finds one claim per sentence. Steps, in one process, with
the encoder loaded and warmed before any timing:
  1. raw: encoder.encode() on the unique claim texts the extractor finds, in the ingest's chunks;
  2. first ingest into an empty store (and an empty in-process vector memory): read, extract,
     store, embed (cache empty), index, cluster, contradictions;
  steps 1 and 2 alternate `--repeat` times and the fastest run of each counts (the usual
  defence against other processes on a small machine; every run is printed too); before each
  first ingest the per-text memos of claimtrack (readings, tokens, names: `forget_texts`) are
  emptied, so no run reuses work an earlier run (or the claim count above) did;
  3. second ingest of the same folder into the last store.
Ingest against raw = raw seconds / first-ingest seconds: both embed the same unique claim texts,
so claims whose text repeats earn the ingest no credit.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SPEAKERS = ["المتحدث باسم الوزارة", "مصدر حكومي", "الرئيس", "وزير الخارجية", "مسؤول أمني", "المحلل السياسي"]
ANS = ROOT.parent / "shared" / "data" / "ans" / "train.csv"


def sentences(limit: int) -> list[str]:
    with ANS.open(encoding="utf-8", newline="") as fh:
        seen = dict.fromkeys(row["s1"].strip() for row in csv.DictReader(fh) if row["s1"].strip())
    return list(seen)[:limit]


def write_articles(folder: Path, n_articles: int, per_article: int) -> int:
    lines = sentences(n_articles * per_article)
    for a in range(n_articles):
        chunk = lines[a * per_article : (a + 1) * per_article]
        body = "\n\n".join(f"وقال {SPEAKERS[i % len(SPEAKERS)]} إن {s.rstrip('.')}." for i, s in enumerate(chunk))
        (folder / f"bench_{a:04d}.txt").write_text(body + "\n", encoding="utf-8")
    return len(lines)


def forget_texts() -> int:
    """Empty claimtrack's per-text memos (bounded lru caches); loaded lexicons and configs
    (caches of one entry, or unbounded ones keyed by a file name) stay, as the encoder stays
    loaded. Returns how many were emptied."""
    import claimtrack

    emptied = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("claimtrack."):
            continue
        owners = [module] + [v for v in vars(module).values() if isinstance(v, type) and v.__module__ == name]
        for owner in owners:
            for value in list(vars(owner).values()):
                size = getattr(value, "cache_parameters", lambda: {"maxsize": None})()["maxsize"]
                if size is not None and size > 16:
                    value.cache_clear()
                    emptied += 1
    return emptied


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--model", default=None, help="encoder (default: the configured one)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from claimtrack import extract_article, match

    args.model = match.model_name(args.model)
    from claimtrack.encoder import get_encoder
    from claimtrack.ingest import read_paths

    work = Path(tempfile.mkdtemp(prefix="bench_ingest_"))
    folder = work / "articles"
    folder.mkdir()
    write_articles(folder, args.articles, args.per_article)
    articles, _ = read_paths([folder])
    texts = list(dict.fromkeys(c.text for a in articles for c in extract_article(a)))

    encoder = get_encoder(args.model)
    encoder.encode(texts[:8])  # load and warm

    def raw() -> float:
        t0 = time.perf_counter()
        for s in range(0, len(texts), match.EMBED_CHUNK):
            encoder.encode(texts[s : s + match.EMBED_CHUNK])
        return time.perf_counter() - t0

    raw_runs, first_runs = [], []
    for run in range(args.repeat):
        raw_runs.append(raw())
        match._MEMORY.clear()
        forget_texts()
        db = work / f"bench_{run}.db"
        t0 = time.perf_counter()
        first = match.ingest([folder], db=db, model=args.model)
        first_runs.append(time.perf_counter() - t0)
    t0 = time.perf_counter()
    second = match.ingest([folder], db=db, model=args.model)
    t_second = time.perf_counter() - t0
    t_raw, t_first = min(raw_runs), min(first_runs)
    out = {
        "model": args.model, "cores": os.cpu_count(), "articles": len(articles), "claims": first.claims,
        "unique_claim_texts": len(texts), "embedded_by_ingest": first.embedded,
        "raw_encoder_s": round(t_raw, 2), "raw_runs_s": [round(t, 2) for t in raw_runs],
        "first_ingest_runs_s": [round(t, 2) for t in first_runs],
        "first_ingest_s": round(t_first, 2), "second_ingest_s": round(t_second, 3),
        "raw_claims_per_s": round(len(texts) / t_raw, 1), "ingest_claims_per_s": round(first.claims / t_first, 1),
        "ingest_vs_raw": round(t_raw / t_first, 3),  # same unique texts embedded: time ratio, no credit for duplicates
        "second_ingest_speedup": round(t_first / t_second, 1),
        "second_ingest_embedded": second.embedded, "contradictions": first.contradictions,
        "clusters_2plus": first.multi_claim_clusters,
    }
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
