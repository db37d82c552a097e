"""Small helpers the splitter tests share: the attributed claims of a text, and the one claim
holding some words (a failed lookup lists what the splitter did extract)."""

from __future__ import annotations

from claimtrack.split import extract


def attributed(text: str, **kw):
    return [c for c in extract(text, **kw) if c.mode != "unattributed"]


def only(claims, contains: str):
    found = [c for c in claims if contains in c.text]
    assert found, f"no claim containing {contains!r}: {[c.text for c in claims]}"
    return found[0]
