"""The `claimtrack` command: thin wrappers over the library.

Each area registers its commands from its own module; nothing here imports torch.
"""

from __future__ import annotations

import sys

import typer

from claimtrack.errors import UserError

app = typer.Typer(
    name="claimtrack",
    help="Claim tracking for fact-checkers: who said what, relayed by whom, and who else says it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

from claimtrack.cli import extract as _extract  # noqa: E402,F401  (registers commands)

for _optional in ("match", "review"):
    try:
        __import__(f"claimtrack.cli.{_optional}")
    except ModuleNotFoundError as exc:  # the module itself not written yet
        if exc.name != f"claimtrack.cli.{_optional}":
            raise


def main() -> None:
    try:
        app()
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        sys.exit(130)
