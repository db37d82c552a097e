"""Errors a user can cause and fix: the CLI prints them as one line and exits non-zero."""


class UserError(Exception):
    """A mistake in what the user asked for (bad path, unknown id, bad option).

    The CLI prints `error: <message>` and exits with `exit_code`; no traceback.
    """

    exit_code = 2


class IngestError(UserError):
    """One input file could not be read as an article; others still are."""

    exit_code = 1
