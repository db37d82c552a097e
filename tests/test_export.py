"""Exports: ClaimReview JSON-LD as Google's fact-check guide asks, JSON lines and CSV."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.review import review
from claimtrack.store import Store

runner = CliRunner()
PAGE = "https://factcheck.example.org/claims/{claim_id}"


@pytest.fixture
def db(tmp_path, articles):
    """Verdicts on four claims: one superseded, one unproven, one still in progress, one cluster-wide."""
    path = tmp_path / "claims.db"
    with Store(path) as s:
        for article, claims in articles:
            s.add_article(article, claims)
        pent = [articles[0][1][0].id, articles[1][1][0].id]
        s.set_clusters([{"id": "k1", "claim_ids": pent, "independent_sources": 1, "syndicated": [pent]}])
        review(s, articles[0][1][1].id, "true", "first take", "mona")
        review(s, articles[0][1][1].id, "misleading", "Moscow denied, but its own reports differ", "ali")
        review(s, articles[2][1][0].id, "unproven", "", "mona")
        review(s, articles[2][1][1].id, "in progress", "", "mona")
        review(s, pent[0], "false", "لم يثبت استخدام صواريخ كورية", "salma", cluster=True)
    return path


def export(db, *args: str):
    result = runner.invoke(app, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result


def assert_google_claimreview(doc: dict) -> None:
    """Required and recommended fields of Google's fact-check (ClaimReview) structured data."""
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "ClaimReview"
    assert isinstance(doc["claimReviewed"], str) and doc["claimReviewed"].strip()
    assert re.match(r"https?://", doc["url"])
    rating = doc["reviewRating"]
    assert rating["@type"] == "Rating" and rating["alternateName"].strip()
    if "ratingValue" in rating:
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    author = doc["author"]
    assert author["@type"] in ("Organization", "Person") and author["name"].strip()
    date.fromisoformat(doc["datePublished"])
    item = doc["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["@type"] in ("Organization", "Person") and item["author"]["name"].strip()
    appearance = item["appearance"]
    assert appearance["@type"] == "CreativeWork" and (appearance.get("url") or appearance.get("@id"))


def test_claimreview_has_googles_fields_and_arabic_intact(db, articles):
    result = export(db, "--url", PAGE, "--publisher", "مرصد التحقق")
    assert "\\u0" not in result.stdout  # Arabic written as Arabic, not escapes
    docs = json.loads(result.stdout)
    for doc in docs:
        assert_google_claimreview(doc)
    by_claim = {d["url"].rsplit("/", 1)[1]: d for d in docs}
    denial = by_claim[articles[0][1][1].id]
    assert denial["claimReviewed"] == "هذه الاتهامات لا أساس لها من الصحة"
    assert denial["reviewRating"] == {
        "@type": "Rating", "alternateName": "Misleading", "ratingValue": 2, "bestRating": 5, "worstRating": 1
    }
    assert denial["itemReviewed"]["author"] == {"@type": "Person", "name": "Dmitry Peskov", "alternateName": "دميتري بيسكوف"}
    assert denial["itemReviewed"]["appearance"]["url"] == "https://www.aljazeera.net/news/2024/1/8/missiles"
    assert denial["author"] == {"@type": "Organization", "name": "مرصد التحقق"}
    assert denial["reviewBody"] == "Moscow denied, but its own reports differ"


def test_every_verdict_exported_once_with_its_latest_status(db, articles):
    docs = json.loads(export(db, "--url", PAGE).stdout)
    claims = sorted(d["url"].rsplit("/", 1)[1] for d in docs)
    expected = [articles[0][1][1].id, articles[2][1][0].id, articles[0][1][0].id, articles[1][1][0].id]
    assert claims == sorted(expected)  # "in progress" is not a published verdict
    pent = next(d for d in docs if d["url"].endswith(articles[0][1][0].id))
    assert pent["itemReviewed"]["author"]["@type"] == "Organization"
    assert pent["author"] == {"@type": "Person", "name": "salma"}  # no publisher configured: the reviewer
    assert pent["reviewRating"]["alternateName"] == "False"


def test_unproven_has_a_name_but_no_number(db, articles):
    docs = json.loads(export(db, "--url", PAGE, "--status", "unproven").stdout)
    assert len(docs) == 1
    assert docs[0]["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven"}
    assert docs[0]["itemReviewed"]["appearance"]["url"] == "https://www.bbc.com/arabic/articles/cholera"


def test_article_without_url_appears_as_urn(db, articles):
    docs = json.loads(export(db, "--url", PAGE, "--status", "false").stdout)
    arabiya = next(d for d in docs if d["url"].endswith(articles[1][1][0].id))
    assert arabiya["itemReviewed"]["appearance"]["@id"] == "urn:claimtrack:article:arabiya_missiles"
    assert arabiya["itemReviewed"]["datePublished"] == "2024-01-09"


def test_missing_page_url_is_warned_about(db):
    result = export(db)
    assert "Google requires ClaimReview.url" in result.stderr
    assert all("url" not in d for d in json.loads(result.stdout))


def test_jsonl_and_csv_exports(db, articles):
    lines = [json.loads(x) for x in export(db, "--format", "jsonl", "--status", "misleading").stdout.splitlines()]
    assert [(x["id"], x["review"]["status"], x["review"]["reviewer"]) for x in lines] == [
        (articles[0][1][1].id, "misleading", "ali")
    ]
    rows = list(csv.DictReader(io.StringIO(export(db, "--format", "csv", "--status", "false").stdout)))
    assert {r["propagated_from"] for r in rows} == {"", articles[0][1][0].id}
    assert {r["note"] for r in rows} == {"لم يثبت استخدام صواريخ كورية"}
    assert all(r["rating_name"] == "False" and r["cluster_id"] == "k1" for r in rows)


def test_export_in_progress_on_request(db, articles):
    rows = [json.loads(x) for x in export(db, "--format", "jsonl", "--status", "in_progress").stdout.splitlines()]
    assert [r["id"] for r in rows] == [articles[2][1][1].id]
