"""Publishing verdicts: schema.org ClaimReview JSON-LD, JSON lines and CSV.

ClaimReview follows Google's fact-check structured data guide: `claimReviewed`, `reviewRating`
(`alternateName`, plus `ratingValue`/`bestRating`/`worstRating` where the status has a number) and
`url` are required; `author`, `datePublished` and `itemReviewed` (a `Claim` whose `author` is the
speaker and whose `appearance` is the article) are recommended and always given.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from claimtrack import config
from claimtrack.review import parse_status, published_statuses, rating_scale

if TYPE_CHECKING:
    from claimtrack.models import Article, Entity
    from claimtrack.store import Review, Store, StoredClaim

PERSON_KINDS = {"person", "anonymous"}
_ARABIC = re.compile("[\u0600-\u06ff]")
CSV_COLUMNS = [
    "claim_id", "article", "text", "speaker", "speaker_text", "via", "outlet", "status", "rating_name", "rating",
    "note", "reviewer", "reviewed_at", "propagated_from", "cluster_id", "independent_sources", "article_url",
]


@dataclass(frozen=True)
class Publisher:
    """Who publishes the fact checks, and where each one lives (`url` may hold {claim_id}, {review_id})."""

    name: str = ""
    url: str = ""
    page_url: str = ""

    @classmethod
    def from_config(cls, name: str | None = None, page_url: str | None = None) -> Publisher:
        conf = config.load("statuses").get("claimreview", {})
        return cls(
            name=name if name is not None else conf.get("publisher", ""),
            url=conf.get("publisher_url", ""),
            page_url=page_url if page_url is not None else conf.get("url", ""),
        )


def _language(text: str) -> str:
    return "ar" if _ARABIC.search(text) else "en"


def _party(entity: Entity) -> dict[str, Any]:
    kind = "Person" if entity.kind in PERSON_KINDS else "Organization"
    out: dict[str, Any] = {"@type": kind, "name": entity.name or entity.text}
    if entity.text and entity.text != out["name"]:
        out["alternateName"] = entity.text
    return out


def _rating(status: str) -> dict[str, Any]:
    found = parse_status(status)
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": found.rating_name}
    if found.rating is not None:
        best, worst = rating_scale()
        rating |= {"ratingValue": found.rating, "bestRating": best, "worstRating": worst}
    return rating


def _appearance(article: Article) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "CreativeWork"}
    if article.url:
        out["url"] = article.url
    else:
        out["@id"] = f"urn:claimtrack:article:{article.id}"
    if article.published:
        out["datePublished"] = article.published
    if article.outlet is not None:
        out["publisher"] = _party(article.outlet)
    return out


def claimreview(claim: StoredClaim, review: Review, article: Article, publisher: Publisher) -> dict[str, Any]:
    """One ClaimReview JSON-LD object for the verdict `review` on `claim`."""
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": _party(claim.speaker),
        "appearance": _appearance(article),
        "inLanguage": _language(claim.text),
    }
    if article.published:
        item["datePublished"] = article.published
    author = (
        {"@type": "Organization", "name": publisher.name} | ({"url": publisher.url} if publisher.url else {})
        if publisher.name
        else {"@type": "Person", "name": review.reviewer}
    )
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": claim.text,
        "reviewRating": _rating(review.status),
        "itemReviewed": item,
        "author": author,
        "datePublished": review.created_at[:10],
    }
    if publisher.page_url:
        out["url"] = publisher.page_url.format(claim_id=claim.id, review_id=review.id)
    if review.note:
        out["reviewBody"] = review.note
    return out


def reviewed(store: Store, statuses: list[str] | None = None) -> Iterator[tuple[StoredClaim, Review, Article]]:
    """Claims whose current verdict is among `statuses` (default: the published ones), with their article."""
    keys = [parse_status(s).key for s in statuses] if statuses else published_statuses()
    articles: dict[str, Article] = {}
    for claim, review in store.iter_latest_reviews(keys):
        if claim.article not in articles:
            if len(articles) >= 256:
                articles.clear()
            articles[claim.article] = store.get_article(claim.article)
        yield claim, review, articles[claim.article]


def claimreviews(store: Store, publisher: Publisher, statuses: list[str] | None = None) -> list[dict[str, Any]]:
    return [claimreview(c, r, a, publisher) for c, r, a in reviewed(store, statuses)]


def json_row(claim: StoredClaim, review: Review) -> dict[str, Any]:
    return claim.model_dump(mode="json") | {"review": review.model_dump(mode="json")}


def csv_row(claim: StoredClaim, review: Review, article: Article) -> dict[str, Any]:
    status = parse_status(review.status)
    return {
        "claim_id": claim.id, "article": claim.article, "text": claim.text, "speaker": claim.speaker.name,
        "speaker_text": claim.speaker.text, "via": " > ".join(v.name for v in claim.via),
        "outlet": claim.outlet.name if claim.outlet else "", "status": review.status, "rating_name": status.rating_name,
        "rating": "" if status.rating is None else status.rating, "note": review.note, "reviewer": review.reviewer,
        "reviewed_at": review.created_at, "propagated_from": review.propagated_from or "",
        "cluster_id": claim.cluster_id or "", "independent_sources": claim.independent_sources,
        "article_url": article.url or "",
    }


def csv_text(rows: list[dict[str, Any]], columns: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()
