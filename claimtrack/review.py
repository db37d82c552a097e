"""The reviewer's workflow: statuses (configs/statuses.toml), verdicts, history, a claim in context."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from claimtrack import config
from claimtrack.errors import UserError
from claimtrack.store import normalize

if TYPE_CHECKING:
    from claimtrack.store import Review, Store, StoredClaim

PARAGRAPH_MAX = 1200


@dataclass(frozen=True)
class Status:
    key: str
    rating_name: str
    rating: int | None
    publish: bool
    aliases: tuple[str, ...]


def _fold(word: str) -> str:
    return " ".join(normalize(word).replace("_", " ").replace("-", " ").split())


@lru_cache(maxsize=1)
def statuses() -> tuple[Status, ...]:
    return tuple(
        Status(
            key=s["key"], rating_name=s["rating_name"], rating=s.get("rating"), publish=bool(s.get("publish", False)),
            aliases=tuple(s.get("aliases", [])),
        )
        for s in config.load("statuses")["status"]
    )


@lru_cache(maxsize=1)
def _by_word() -> dict[str, Status]:
    return {_fold(word): s for s in statuses() for word in (s.key, s.rating_name, *s.aliases)}


def parse_status(word: str) -> Status:
    """A status from its key, rating name or alias; case, "_" and "-" do not matter."""
    found = _by_word().get(_fold(word))
    if found is None:
        known = ", ".join(s.key for s in statuses())
        raise UserError(f"unknown status {word!r}; use one of: {known}")
    return found


def rating_scale() -> tuple[int, int]:
    """(best, worst) of the numeric ratings."""
    scale = config.load("statuses").get("scale", {})
    return int(scale.get("best_rating", 5)), int(scale.get("worst_rating", 1))


def published_statuses() -> list[str]:
    return [s.key for s in statuses() if s.publish]


def review(
    store: Store, claim_id: str, status: str, note: str, reviewer: str, *, cluster: bool = False
) -> list[Review]:
    """Record a verdict; with `cluster`, on every claim of the claim's cluster (marked propagated)."""
    return store.add_review(claim_id, status, note, reviewer, cluster=cluster)


def paragraph_of(raw: str, sentence: tuple[int, int]) -> tuple[int, int]:
    """[start, end) of the paragraph (line block) holding the sentence, clipped around it if huge."""
    start = raw.rfind("\n", 0, sentence[0]) + 1
    end = raw.find("\n", sentence[1])
    end = len(raw) if end < 0 else end
    if end - start > PARAGRAPH_MAX:
        room = max(0, (PARAGRAPH_MAX - (sentence[1] - sentence[0])) // 2)
        start, end = max(start, sentence[0] - room), min(end, sentence[1] + room)
    return start, end


def claim_context(store: Store, claim_id: str) -> dict[str, Any]:
    """Everything `claimtrack show` prints: the claim in its paragraph, cluster, contradictions, history."""
    claim = store.get_claim(claim_id)
    article = store.get_article(claim.article)
    p0, p1 = paragraph_of(article.raw, claim.sentence_span)
    others: list[StoredClaim] = []
    if claim.cluster_id is not None:
        others = [c for c in store.cluster_claims(claim.cluster_id) if c.id != claim.id]
    contradictions = [
        {"claim": store.get_claim(link["other"]), "score": link["score"], "reason": link["reason"]}
        for link in store.contradictions_of(claim.id)
    ]
    return {
        "claim": claim,
        "paragraph": article.raw[p0:p1],
        "claim_in_paragraph": (claim.span[0] - p0, claim.span[1] - p0),
        "article": {"id": article.id, "url": article.url, "published": article.published, "source": article.source},
        "cluster": {"id": claim.cluster_id, "independent_sources": claim.independent_sources, "others": others},
        "contradictions": contradictions,
        "history": store.history(claim.id),
    }
