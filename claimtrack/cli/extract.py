"""`claimtrack extract`, `claimtrack schema`, `claimtrack eval`: the splitter, no database."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from claimtrack.cli import app
from claimtrack.errors import UserError
from claimtrack.models import Claim


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


def claim_line(claim: Claim) -> str:
    return json.dumps(claim.model_dump(mode="json"), ensure_ascii=False)


def render_claim(claim: Claim) -> str:
    """A claim as a readable block: one field a line, so Arabic text is never mixed into columns."""
    sp = claim.speaker
    via = " ← ".join(f"{v.text or v.name} [{v.name}]" for v in claim.via) or "—"
    return "\n".join(
        [
            f"{claim.id}  {claim.article}  {claim.mode} · {claim.polarity}  [{claim.span[0]}:{claim.span[1]}]",
            f"  speaker: {sp.text or '—'}  [{sp.name} · {sp.kind}]",
            f"  via:     {via}",
            f"  cue:     {claim.cue or '—'}",
            f"  claim:   {claim.text}",
            "",
        ]
    )


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Article files or folders (.txt, .html, .jsonl)."),
    format: Format = typer.Option(Format.table, "--format", "-f", help="table (readable), jsonl or json."),
    attributed_only: bool = typer.Option(False, "--attributed", help="Leave out the outlet's own statements."),
) -> None:
    """List every claim in the articles: speaker, relays, cue, mode and polarity."""
    from claimtrack.split import extract_article
    from claimtrack.ingest import read_paths

    articles, errors = read_paths(paths)
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    out = sys.stdout
    all_claims: list[Claim] = []
    for article in articles:
        claims = extract_article(article)
        if attributed_only:
            claims = [c for c in claims if c.mode != "unattributed"]
        if format is Format.jsonl:
            for c in claims:
                out.write(claim_line(c) + "\n")
        elif format is Format.json:
            all_claims.extend(claims)
        else:
            outlet = article.outlet.name if article.outlet else "unknown outlet"
            n_attr = sum(c.mode != "unattributed" for c in claims)
            out.write(f"=== {article.id}  ({outlet}, {article.encoding}): {len(claims)} claims, {n_attr} attributed\n\n")
            for c in claims:
                out.write(render_claim(c) + "\n")
    if format is Format.json:
        json.dump([c.model_dump(mode="json") for c in all_claims], out, ensure_ascii=False, indent=2)
        out.write("\n")
    if errors:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a claim."""
    print(json.dumps(Claim.model_json_schema(), ensure_ascii=False, indent=2))


@app.command("eval")
def eval_command(
    gold: Path = typer.Argument(..., help="A gold set folder (claims.jsonl + articles/), a folder of sets, or a gold .jsonl."),
    pred: Optional[Path] = typer.Argument(None, help="Predicted claims (.jsonl). Default: run the extractor on the gold articles."),
    misses: int = typer.Option(0, "--misses", help="Show up to N missed, spurious and wrong-speaker claims per set."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Fail (exit 1) when a score falls below this JSON baseline."),
    json_out: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score claims against gold annotation with the CLAIMS.md metrics."""
    from claimtrack.evaluate import evaluate, gold_sets, read_jsonl

    if not gold.exists():
        raise UserError(f"no such gold file or folder: {gold}")
    if gold.is_file():
        if pred is None:
            raise UserError("a gold .jsonl needs a PRED file; give a gold folder to run the extractor")
        sets = {gold.stem: (read_jsonl(gold), read_jsonl(pred))}
    else:
        folders = gold_sets(gold)
        if not folders:
            raise UserError(f"no claims.jsonl under {gold}")
        predicted = read_jsonl(pred) if pred else None
        sets = {}
        for folder in folders:
            rows = read_jsonl(folder / "claims.jsonl")
            sets[folder.name] = (rows, predicted if predicted is not None else _predict(folder))
    report: dict[str, dict] = {}
    for name, (g, p) in sets.items():
        scores = evaluate(g, p)
        report[name] = {k: v.as_dict() for k, v in scores.items()}
        if not json_out:
            _print_scores(name, scores, misses)
    if json_out:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    if baseline is not None:
        failures = _below_baseline(report, baseline)
        for line in failures:
            print(f"regression: {line}", file=sys.stderr)
        if failures:
            raise typer.Exit(1)
        print(f"baseline {baseline}: all scores at or above it", file=sys.stderr)


def _predict(folder: Path) -> list[dict]:
    from claimtrack.split import extract_article
    from claimtrack.gold import articles_dir
    from claimtrack.ingest import read_paths

    articles, errors = read_paths([articles_dir(folder)])
    if errors:
        raise UserError(f"gold articles unreadable: {errors[0]}")
    return [c.model_dump(mode="json") for a in articles for c in extract_article(a)]


def _print_scores(name: str, scores, misses: int) -> None:
    print(f"== {name}")
    print(f"  {'':12} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8} {'via':>6} {'mode':>6} {'polar':>6}")
    for kind, s in scores.items():
        d = s.as_dict()
        print(
            f"  {kind:12} {d['gold']:5d} {d['predicted']:5d} {d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f}"
            f" {d['speaker_accuracy']:8.3f} {d['via_accuracy']:6.3f} {d['mode_accuracy']:6.3f} {d['polarity_accuracy']:6.3f}"
        )
    if misses:
        s = scores["attributed"]
        for g in s.misses[:misses]:
            print(f"  MISS     {g['article']}: [{(g.get('speaker') or {}).get('text', '')}] {g['text'][:100]}")
        for p in s.spurious[:misses]:
            print(f"  SPURIOUS {p['article']}: [{(p.get('speaker') or {}).get('text', '')}] {p['text'][:100]}")
        for g, p in s.wrong_speaker[:misses]:
            print(f"  SPEAKER  {g['article']}: gold {g['speaker'].get('text')!r} / got {p['speaker'].get('text')!r} ({p['speaker'].get('name')}): {g['text'][:60]}")


def _below_baseline(report: dict, baseline: Path) -> list[str]:
    try:
        floors = json.loads(baseline.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UserError(f"cannot read baseline {baseline}: {exc}") from None
    out = []
    for set_name, kinds in floors.items():
        if set_name not in report:
            out.append(f"{set_name}: gold set missing")
            continue
        for kind, metrics in kinds.items():
            for metric, floor in metrics.items():
                got = report[set_name].get(kind, {}).get(metric, 0.0)
                if got + 1e-9 < floor:
                    out.append(f"{set_name} {kind} {metric} = {got:.3f} < baseline {floor:.3f}")
    return out
