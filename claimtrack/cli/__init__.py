"""The `claimtrack` command: thin wrappers over the library.

Each area registers its commands from its own module; nothing here imports torch.
"""

from __future__ import annotations

import functools
import sys
from typing import Any, Callable, TypeVar

import typer

from claimtrack.errors import UserError

F = TypeVar("F", bound=Callable[..., Any])


def user_errors(fn: F) -> F:
    """UserError -> `error: ...` on stderr and its exit status, under any runner (not only main())."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except UserError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(exc.exit_code) from None

    return wrapper  # type: ignore[return-value]


# Shared options. Help texts use parentheses: typer renders help as rich markup, where
# "[default: ...]" would be taken for a tag and vanish.
DbOption = typer.Option(None, "--db", help="Database file (default: $CLAIMTRACK_DB, else ./claimtrack.db).")

app = typer.Typer(
    name="claimtrack",
    help="Claim tracking for fact-checkers: who said what, relayed by whom, and who else says it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    """Every module of this package adds its commands to `app` when imported."""
    import importlib
    import pkgutil

    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{info.name}")


_register_commands()


def main() -> None:
    try:
        app()
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        sys.exit(130)
