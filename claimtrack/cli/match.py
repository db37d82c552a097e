"""Commands over matching: ingest, clusters, similar, compare.

Thin: parse options, call `claimtrack.match`, format. Heavy imports happen inside commands.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from claimtrack.cli import DbOption, app, user_errors
from claimtrack.errors import UserError

ModelOption = typer.Option(None, "--model", help="Encoder: e5 or use (default: configs/models.toml).")
TEXT_WIDTH = 90


class Format(str, Enum):
    table = "table"
    json = "json"


class StageBar:
    """One progress bar per stage on stderr, fed (stage, done, total)."""

    def __init__(self) -> None:
        self.stage: str | None = None
        self.bar = None
        self.done = 0

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage != self.stage:
            self.close()
            self.stage, self.done = stage, 0
            self.bar = typer.progressbar(length=max(total, 1), label=f"{stage:<8}", file=sys.stderr)
            self.bar.__enter__()
        if self.bar is not None and done > self.done:
            self.bar.update(done - self.done)
            self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


def _clip(text: str, width: int = TEXT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command()
@user_errors
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders of articles (.txt, .html, .jsonl)."),
    db: Optional[Path] = DbOption,
    model: Optional[str] = ModelOption,
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Extract claims, store them, embed, index and cluster them (progress on stderr)."""
    from claimtrack.match import ingest as run_ingest

    bar = StageBar()
    try:
        report = run_ingest(paths, db=db, model=model, progress=bar)
    finally:
        bar.close()
    for problem in report.errors:
        typer.echo(f"error: {problem}", err=True)
    if as_json:
        from dataclasses import asdict

        typer.echo(json.dumps(asdict(report), ensure_ascii=False))
    else:
        typer.echo(
            f"{report.articles} article(s): {report.new_articles} new, {report.unchanged} unchanged; "
            f"{report.new_claims} new claim(s), {report.claims} stored; {report.embedded} embedded; "
            f"{report.multi_claim_clusters} cluster(s) of 2+ claims, {report.contradictions} contradiction(s) "
            f"[{report.seconds:.1f}s]"
        )
    if report.errors:
        raise typer.Exit(1)


@app.command()
@user_errors
def clusters(
    db: Optional[Path] = DbOption,
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
    min_size: int = typer.Option(2, "--min-size", min=1, help="Only clusters of at least N claims."),
    contradictions: bool = typer.Option(False, "--contradictions", help="Also list contradicting claims."),
) -> None:
    """Claims that say the same thing across articles and languages, with their sources."""
    from claimtrack.match import clusters as load_clusters

    data = load_clusters(db, min_size=min_size)
    if not contradictions:
        data["contradictions"] = []
    if fmt == Format.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    typer.echo(render_clusters(data, contradictions))


def render_clusters(data: dict, with_contradictions: bool) -> str:
    lines: list[str] = []
    texts = {c["id"]: c for cl in data["clusters"] for c in cl["claims"]}
    for cl in data["clusters"]:
        lines.append(
            f"{cl['id']}  {len(cl['claims'])} claims · {len(cl['speakers'])} speaker(s) · "
            f"{len(cl['outlets'])} outlet(s) · {cl['independent_sources']} independent source(s)"
        )
        lines.append(f"  speakers: {', '.join(cl['speakers'])}")
        lines.append(f"  outlets:  {', '.join(cl['outlets'])}")
        for c in cl["claims"]:
            via = " via " + ", ".join(v["name"] for v in c["via"]) if c["via"] else ""
            lines.append(f"  {c['id']}  [{c['speaker']['name']}{via} | {c['outlet'] or c['article']}] {_clip(c['text'])}")
        for group in cl["syndicated"]:
            lines.append(f"  syndicated copies (count once): {', '.join(group)}")
        lines.append("")
    if not data["clusters"]:
        lines.append("no clusters of that size (ingest articles first, or lower --min-size)")
    if with_contradictions:
        lines.append(f"contradictions: {len(data['contradictions'])}")
        for item in data["contradictions"]:
            lines.append(f"  {item['score']:.2f}  {item['a']} x {item['b']}  {item['reason']}")
            for key in ("a", "b"):
                if item[key] in texts:
                    lines.append(f"        {key}: {_clip(texts[item[key]]['text'])}")
    return "\n".join(lines).rstrip()


@app.command()
@user_errors
def similar(
    claim_id: str = typer.Argument(..., help="A stored claim id (see `claimtrack claims`)."),
    db: Optional[Path] = DbOption,
    k: int = typer.Option(10, "-k", min=1, help="How many neighbours."),
    model: Optional[str] = ModelOption,
    fmt: Format = typer.Option(Format.table, "--format", help="table or json."),
) -> None:
    """The stored claims nearest to one claim, and how each relates to it."""
    from claimtrack.match import similar as find_similar

    found = find_similar(claim_id, db=db, k=k, model=model)
    if fmt == Format.json:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=1))
        return
    for f in found:
        typer.echo(f"{f['similarity']:.3f}  {f['relation']:<11} {f['id']}  [{f['speaker']['name']}] {_clip(f['text'], 70)}")
    if not found:
        typer.echo("no other claims indexed")


@app.command()
@user_errors
def compare(
    a: Optional[str] = typer.Argument(None, help="Claim id or text."),
    b: Optional[str] = typer.Argument(None, help="Claim id or text."),
    pairs: Optional[Path] = typer.Option(None, "--pairs", help="TSV with columns a, b (label, lang optional)."),
    evaluate: bool = typer.Option(False, "--eval", help="With --pairs: score clusters against the labels."),
    db: Optional[Path] = DbOption,
    model: Optional[str] = ModelOption,
) -> None:
    """Similarity, relation (same/contradicts/related/unrelated) and contradiction score of claims."""
    from claimtrack import match

    if pairs is None:
        if a is None or b is None:
            raise UserError("give two claims (ids or texts), or --pairs FILE.tsv")
        typer.echo(json.dumps(match.compare(a, b, db=db, model=model), ensure_ascii=False))
        return
    if a is not None or b is not None:
        raise UserError("give either two claims or --pairs, not both")
    rows = match.read_pairs(pairs)
    if evaluate:
        result = match.evaluate(rows, model)
        typer.echo(match.format_gold(result))
        if not result.passes():
            raise typer.Exit(1)
        return
    for row, out in zip(rows, match.compare_many([(r["a"], r["b"]) for r in rows], db=db, model=model)):
        if row.get("label"):
            out["label"] = row["label"]
        typer.echo(json.dumps(out, ensure_ascii=False))
