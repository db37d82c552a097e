"""The data types every stage passes on: articles in, claims out.

The field contract is `../shared/CLAIMS.md` (copied in spirit into the README): spans are
Python `str` offsets `[start, end)` into the raw article text exactly as read, so
`article.raw[claim.span[0]:claim.span[1]] == claim.text` always holds.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityKind = Literal["person", "organization", "government", "agency", "outlet", "group", "anonymous"]
Mode = Literal["direct", "mixed", "indirect", "unattributed"]
Polarity = Literal["asserted", "denied", "hedged"]
Span = tuple[int, int]


class Entity(BaseModel):
    """A speaker or a relay: as written in the article, canonical name, kind."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(description="The mention as written in the article.")
    name: str = Field(description="Canonical name: one spelling across articles and languages.")
    kind: EntityKind


class Claim(BaseModel):
    """One checkable proposition in one article, with who asserts it and who relays it."""

    id: str = Field(description="Stable id: the same article text gives the same ids on every run.")
    article: str = Field(description="Article id: the file stem or the jsonl `id`.")
    text: str = Field(description="The proposition exactly as written (raw[span[0]:span[1]]).")
    span: Span = Field(description="[start, end) offsets of `text` in the raw article.")
    sentence_span: Span = Field(description="[start, end) offsets of the sentence holding the claim.")
    speaker: Entity
    via: list[Entity] = Field(default_factory=list, description="Relays, nearest the speaker first.")
    cue: str | None = Field(default=None, description="The reporting expression as written.")
    mode: Mode
    polarity: Polarity = "asserted"


class Article(BaseModel):
    """An ingested article: raw text as read, how it was decoded, where its body is."""

    id: str
    raw: str
    encoding: str = "utf-8"
    source: str | None = Field(default=None, description="Path the article was read from.")
    url: str | None = None
    outlet: Entity | None = Field(default=None, description="The publishing outlet, when the page shows it.")
    published: str | None = None
    body: list[Span] = Field(default_factory=list, description="Spans of article body text, boilerplate excluded.")
    boilerplate: list[Span] = Field(default_factory=list, description="Spans judged boilerplate.")

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()


def claim_id(article_id: str, span: Span, text: str) -> str:
    """Stable id from the article, the offsets and the words: re-extraction gives the same id."""
    digest = hashlib.sha1(f"{article_id}\x00{span[0]}\x00{span[1]}\x00{text}".encode("utf-8")).hexdigest()
    return "c_" + digest[:12]
