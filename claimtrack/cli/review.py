"""Commands over the claim store: claims, review, history, show, export, db.

Thin: parse options, call `claimtrack.store` / `claimtrack.review` / `claimtrack.export`, format.
Imports of the store happen inside commands so `claimtrack --help` stays instant.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

from claimtrack.cli import DbOption, app, user_errors
from claimtrack.errors import UserError

if TYPE_CHECKING:
    from claimtrack.store import Review, Store, StoredClaim


db_app = typer.Typer(help="Inspect the claim database.", no_args_is_help=True)
app.add_typer(db_app, name="db")

TABLE_TEXT = 70


@contextmanager
def open_store(db: Optional[Path]) -> Iterator[Store]:
    """The existing store: these commands never create an empty database from a mistyped path."""
    from claimtrack.store import Store

    path = db or Store.default_path()
    if not path.exists():
        raise UserError(f"no claim database at {path}: run `claimtrack ingest` first, or pass --db PATH")
    with Store(path) as store:
        yield store


def _choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        raise UserError(f"{option} must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _emit_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _via(claim: StoredClaim) -> str:
    return " > ".join(v.name for v in claim.via)


def _claim_table_row(c: StoredClaim) -> str:
    outlet = c.outlet.name if c.outlet else "-"
    return (
        f"{c.id:<15} {c.status:<12} {c.independent_sources:>3}  {_clip(outlet, 16):<16} "
        f"{_clip(c.speaker.name or c.speaker.text, 20):<20} {_clip(_via(c) or '-', 18):<18} {_clip(c.text, TABLE_TEXT)}"
    )


CLAIM_CSV = [
    "id", "article", "status", "independent_sources", "outlet", "speaker", "speaker_text", "via", "mode",
    "polarity", "cue", "cluster_id", "span_start", "span_end", "text",
]


def _claim_csv_row(c: StoredClaim) -> dict[str, Any]:
    return {
        "id": c.id, "article": c.article, "status": c.status, "independent_sources": c.independent_sources,
        "outlet": c.outlet.name if c.outlet else "", "speaker": c.speaker.name, "speaker_text": c.speaker.text,
        "via": _via(c), "mode": c.mode, "polarity": c.polarity, "cue": c.cue or "", "cluster_id": c.cluster_id or "",
        "span_start": c.span[0], "span_end": c.span[1], "text": c.text,
    }


@app.command()
@user_errors
def claims(
    article: Optional[str] = typer.Option(None, help="Only this article id."),
    speaker: Optional[str] = typer.Option(None, help="Speaker: canonical name or spelling (Arabic-normalised)."),
    via: Optional[str] = typer.Option(None, help="A relay in the chain (e.g. AFP, فرانس برس)."),
    outlet: Optional[str] = typer.Option(None, help="Publishing outlet."),
    status: Optional[list[str]] = typer.Option(None, help="Review status (repeatable), e.g. unreviewed, false."),
    cluster: Optional[str] = typer.Option(None, help="Only claims of this cluster id."),
    search: Optional[str] = typer.Option(None, help="Words the claim text contains (Arabic-normalised)."),
    limit: int = typer.Option(100, help="At most this many claims; 0 for all."),
    format: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
    db: Optional[Path] = DbOption,
) -> None:
    """List stored claims with speaker, relays, outlet, status and independent sources."""
    fmt = _choice(format, ("table", "jsonl", "csv"), "--format")
    if limit < 0:
        raise UserError("--limit must be 0 (all) or more")
    with open_store(db) as store:
        rows = store.iter_claims(
            article=article, speaker=speaker, via=via, outlet=outlet, status=status or None, cluster=cluster,
            search=search, limit=limit + 1 if limit else None,
        )
        shown = 0
        if fmt == "table":
            typer.echo(f"{'ID':<15} {'STATUS':<12} {'SRC':>3}  {'OUTLET':<16} {'SPEAKER':<20} {'VIA':<18} TEXT")
        elif fmt == "csv":
            import csv

            writer = csv.DictWriter(sys.stdout, fieldnames=CLAIM_CSV, lineterminator="\n")
            writer.writeheader()
        for claim in rows:
            if limit and shown == limit:
                typer.echo(f"(more claims match; showing the first {limit}; --limit 0 shows all)", err=True)
                break
            shown += 1
            if fmt == "table":
                typer.echo(_claim_table_row(claim))
            elif fmt == "jsonl":
                _emit_json(claim.model_dump(mode="json"))
            else:
                writer.writerow(_claim_csv_row(claim))


def _review_line(r: Review) -> str:
    how = f" (propagated from {r.propagated_from}, cluster {r.cluster_id})" if r.propagated_from else ""
    note = f": {r.note}" if r.note else ""
    return f"{r.created_at}  {r.claim_id}  {r.status:<12} by {r.reviewer}{how}{note}"


@app.command()
@user_errors
def review(
    claim_id: str = typer.Argument(..., help="Claim id, e.g. c_1a2b3c4d5e6f."),
    status: str = typer.Option(
        ..., help="unreviewed, in progress, true, mostly true, misleading, false, unproven, disputed."
    ),
    note: str = typer.Option("", help="Why: sources, reasoning."),
    reviewer: Optional[str] = typer.Option(None, envvar="CLAIMTRACK_REVIEWER", help="Who decides."),
    cluster: bool = typer.Option(False, "--cluster", help="Apply to every claim of this claim's cluster."),
    format: str = typer.Option("text", "--format", "-f", help="text or jsonl."),
    db: Optional[Path] = DbOption,
) -> None:
    """Record a verdict. Earlier verdicts are kept: see `claimtrack history`."""
    from claimtrack.review import review as record

    fmt = _choice(format, ("text", "jsonl"), "--format")
    if not reviewer:
        raise UserError("who is reviewing? pass --reviewer NAME or set CLAIMTRACK_REVIEWER")
    with open_store(db) as store:
        recorded = record(store, claim_id, status, note, reviewer, cluster=cluster)
    for r in recorded:
        typer.echo(json.dumps(r.model_dump(), ensure_ascii=False) if fmt == "jsonl" else _review_line(r))
    if fmt == "text" and cluster and recorded[0].cluster_id is None:
        typer.echo(f"({claim_id} is in no cluster: recorded for this claim only)", err=True)


@app.command()
@user_errors
def history(
    claim_id: str = typer.Argument(..., help="Claim id."),
    format: str = typer.Option("text", "--format", "-f", help="text or jsonl."),
    db: Optional[Path] = DbOption,
) -> None:
    """Every verdict recorded for a claim, oldest first."""
    fmt = _choice(format, ("text", "jsonl"), "--format")
    with open_store(db) as store:
        reviews = store.history(claim_id)
    if fmt == "text" and not reviews:
        typer.echo(f"{claim_id}: no reviews yet (unreviewed)")
    for r in reviews:
        typer.echo(json.dumps(r.model_dump(), ensure_ascii=False) if fmt == "jsonl" else _review_line(r))


def _who(claim: StoredClaim) -> str:
    relay = f" via {_via(claim)}" if claim.via else ""
    outlet = f" in {claim.outlet.name}" if claim.outlet else ""
    return f"{claim.speaker.name or claim.speaker.text}{relay}{outlet}"


def _show_text(ctx: dict[str, Any]) -> str:
    c: StoredClaim = ctx["claim"]
    s0, s1 = ctx["claim_in_paragraph"]
    para = ctx["paragraph"]
    lines = [
        f"claim     {c.id}   status: {c.status}   independent sources: {c.independent_sources}",
        f"article   {c.article}" + (f"  {ctx['article']['url']}" if ctx["article"]["url"] else ""),
        f"outlet    {c.outlet.name if c.outlet else '-'}",
        f"speaker   {c.speaker.name} ({c.speaker.kind}) as written: {c.speaker.text}",
        f"relays    {' > '.join(f'{v.name} ({v.text})' for v in c.via) or '-'}",
        f"cue       {c.cue or '-'}   mode: {c.mode}   polarity: {c.polarity}",
        "",
        para[:s0] + "⟦" + para[s0:s1] + "⟧" + para[s1:],
        "",
    ]
    cluster = ctx["cluster"]
    if cluster["id"] is None:
        lines.append("cluster   none (no other claim says this)")
    else:
        size, sources = len(cluster["others"]) + 1, cluster["independent_sources"]
        lines.append(f"cluster   {cluster['id']}: {size} claims, {sources} independent sources")
        lines += [f"  {o.id}  {_who(o)}  [{o.status}]  {_clip(o.text, TABLE_TEXT)}" for o in cluster["others"]]
    lines.append("contradictions" + ("" if ctx["contradictions"] else "  none"))
    for link in ctx["contradictions"]:
        o = link["claim"]
        lines.append(f"  {o.id}  {link['score']:.2f} {link['reason']}  {_who(o)}: {_clip(o.text, TABLE_TEXT)}")
    lines.append("history" + ("" if ctx["history"] else "   no reviews yet"))
    lines += [f"  {_review_line(r)}" for r in ctx["history"]]
    return "\n".join(lines)


def _show_json(ctx: dict[str, Any]) -> dict[str, Any]:
    return {
        "claim": ctx["claim"].model_dump(mode="json"),
        "paragraph": ctx["paragraph"],
        "claim_in_paragraph": list(ctx["claim_in_paragraph"]),
        "article": ctx["article"],
        "cluster": {
            "id": ctx["cluster"]["id"],
            "independent_sources": ctx["cluster"]["independent_sources"],
            "others": [o.model_dump(mode="json") for o in ctx["cluster"]["others"]],
        },
        "contradictions": [
            {"claim": x["claim"].model_dump(mode="json"), "score": x["score"], "reason": x["reason"]}
            for x in ctx["contradictions"]
        ],
        "history": [r.model_dump() for r in ctx["history"]],
    }


@app.command()
@user_errors
def show(
    claim_id: str = typer.Argument(..., help="Claim id."),
    format: str = typer.Option("text", "--format", "-f", help="text or json."),
    db: Optional[Path] = DbOption,
) -> None:
    """A claim in its paragraph, with speaker, relays, cluster, contradictions and review history."""
    from claimtrack.review import claim_context

    fmt = _choice(format, ("text", "json"), "--format")
    with open_store(db) as store:
        ctx = claim_context(store, claim_id)
    if fmt == "json":
        _emit_json(_show_json(ctx))
    else:
        typer.echo(_show_text(ctx))


@app.command()
@user_errors
def export(
    format: str = typer.Option("claimreview", "--format", "-f", help="claimreview (JSON-LD), jsonl or csv."),
    status: Optional[list[str]] = typer.Option(None, help="Status to export (repeatable; default: every verdict)."),
    url: Optional[str] = typer.Option(None, help="Fact-check page URL; {claim_id} and {review_id} are filled in."),
    publisher: Optional[str] = typer.Option(None, help="Organisation publishing the fact checks."),
    db: Optional[Path] = DbOption,
) -> None:
    """Export reviewed claims (their latest verdict) as schema.org ClaimReview, JSON lines or CSV."""
    from claimtrack import export as ex

    fmt = _choice(format, ("claimreview", "jsonl", "csv"), "--format")
    with open_store(db) as store:
        if fmt == "claimreview":
            who = ex.Publisher.from_config(publisher, url)
            docs = ex.claimreviews(store, who, status)
            if docs and not who.page_url:
                typer.echo(
                    "warning: no fact-check page URL (Google requires ClaimReview.url): pass --url "
                    "'https://.../{claim_id}' or set [claimreview] url in configs/statuses.toml",
                    err=True,
                )
            sys.stdout.write(json.dumps(docs, ensure_ascii=False, indent=2) + "\n")
        elif fmt == "jsonl":
            for claim, rev, _ in ex.reviewed(store, status):
                _emit_json(ex.json_row(claim, rev))
        else:
            rows = [ex.csv_row(c, r, a) for c, r, a in ex.reviewed(store, status)]
            sys.stdout.write(ex.csv_text(rows, ex.CSV_COLUMNS))


@db_app.command("info")
@user_errors
def db_info(db: Optional[Path] = DbOption) -> None:
    """Path, applied migrations and row counts, as JSON."""
    with open_store(db) as store:
        _emit_json(store.info())


@db_app.command("check")
@user_errors
def db_check(db: Optional[Path] = DbOption) -> None:
    """Full integrity check (SQLite pages, foreign keys, full-text index); exit 1 on problems."""
    with open_store(db) as store:
        problems = store.integrity_problems()
    for p in problems:
        typer.echo(p)
    typer.echo("ok" if not problems else f"{len(problems)} problem(s)", err=bool(problems))
    if problems:
        raise typer.Exit(1)
