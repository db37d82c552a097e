"""The reviewer's workflow through the library and the CLI: statuses, verdicts, history, show."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.errors import UserError
from claimtrack.review import claim_context, parse_status, review, statuses
from claimtrack.store import Store

runner = CliRunner()


@pytest.fixture
def db(tmp_path, articles):
    path = tmp_path / "claims.db"
    with Store(path) as s:
        for article, claims in articles:
            s.add_article(article, claims)
        pent = [articles[0][1][0].id, articles[1][1][0].id, articles[3][1][0].id]
        s.set_clusters([{"id": "k_missiles", "claim_ids": pent, "independent_sources": 2, "syndicated": [pent[:2]]}])
        s.set_contradictions([{"a": pent[0], "b": articles[0][1][1].id, "score": 0.88, "reason": "denial"}])
    return path


def cli(*args: str):
    return runner.invoke(app, [str(a) for a in args])


# --- statuses ---------------------------------------------------------------------------------


def test_the_eight_statuses_in_order():
    assert [s.key for s in statuses()] == [
        "unreviewed", "in progress", "true", "mostly true", "misleading", "false", "unproven", "disputed"
    ]
    assert all(s.rating_name for s in statuses())


@pytest.mark.parametrize("typed", ["in progress", "in_progress", "In-Progress", "IN_PROGRESS", "قيد المراجعة"])
def test_in_progress_spellings(typed):
    assert parse_status(typed).key == "in progress"


def test_status_by_rating_name_or_arabic_alias():
    assert parse_status("Mostly true").key == "mostly true"
    assert parse_status("mostly-true").key == "mostly true"
    assert parse_status("خطأ").key == "false"
    assert parse_status("مضلّل").key == "misleading"  # shadda ignored


def test_unknown_status_names_the_valid_ones():
    with pytest.raises(UserError, match="unknown status 'fake'; use one of: unreviewed, in progress"):
        parse_status("fake")


# --- recording verdicts -------------------------------------------------------------------------


def test_a_later_verdict_never_erases_an_earlier_one(db, articles):
    cid = articles[2][1][0].id
    with Store(db) as s:
        review(s, cid, "in_progress", "checking WHO bulletin", "mona")
        review(s, cid, "mostly true", "WHO bulletin says 1180 cases", "ali")
        hist = s.history(cid)
        assert [(r.status, r.reviewer) for r in hist] == [("in progress", "mona"), ("mostly true", "ali")]
        assert s.get_claim(cid).status == "mostly true"
        assert [c.id for c in s.iter_claims(status="mostly_true")] == [cid]
    raw = sqlite3.connect(db)
    for sql in ("UPDATE reviews SET status = 'true'", "DELETE FROM reviews"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw.execute(sql)


def test_cluster_verdict_is_recorded_per_claim_and_marked_propagated(db, articles):
    target = articles[1][1][0].id
    cluster = [articles[0][1][0].id, target, articles[3][1][0].id]
    with Store(db) as s:
        recorded = review(s, target, "false", "no evidence of North Korean missiles", "mona", cluster=True)
        assert sorted(r.claim_id for r in recorded) == sorted(cluster)
        for r in recorded:
            assert r.cluster_id == "k_missiles"
            assert r.propagated_from == (None if r.claim_id == target else target)
            assert s.history(r.claim_id)[-1] == r
            assert s.get_claim(r.claim_id).status == "false"
        outside = [c for c in s.iter_claims() if c.id not in cluster]
        assert {c.status for c in outside} == {"unreviewed"}


def test_unknown_claim_records_nothing(db):
    with Store(db) as s:
        with pytest.raises(UserError, match="unknown claim id"):
            review(s, "c_ffffffffffff", "false", "", "mona")
        assert s.info()["reviews"] == 0


def test_claim_context_has_paragraph_cluster_contradictions_history(db, articles):
    accusation = articles[0][1][0]
    with Store(db) as s:
        review(s, accusation.id, "disputed", "Moscow denies", "mona")
        ctx = claim_context(s, accusation.id)
    s0, s1 = ctx["claim_in_paragraph"]
    assert ctx["paragraph"][s0:s1] == accusation.text
    assert "\n" not in ctx["paragraph"] and "بيسكوف" not in ctx["paragraph"]  # only its own paragraph
    assert {o.article for o in ctx["cluster"]["others"]} == {"arabiya_missiles", "reuters_missiles_en"}
    assert [x["claim"].speaker.name for x in ctx["contradictions"]] == ["Dmitry Peskov"]
    assert [r.status for r in ctx["history"]] == ["disputed"]


# --- the CLI ------------------------------------------------------------------------------------


def test_claims_table_shows_speaker_relays_outlet_status_sources(db, articles):
    result = cli("claims", "--via", "AFP", "--status", "unreviewed", "--db", db)
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert lines[0].split()[:3] == ["ID", "STATUS", "SRC"]
    assert len(lines) == 3
    assert articles[0][1][0].id in lines[1] and "Pentagon" in lines[1] and "AFP" in lines[1]
    assert "Al Jazeera" in lines[1] and "  2  " in lines[1]


def test_claims_jsonl_and_csv_carry_the_same_claims(db):
    jl = cli("claims", "--speaker", "البنتاغون", "--format", "jsonl", "--db", db)
    rows = [json.loads(line) for line in jl.stdout.splitlines()]
    assert [r["speaker"]["name"] for r in rows] == ["Pentagon"] * 3
    assert rows[0]["via"][0]["text"] == "وكالة فرانس برس" and rows[0]["independent_sources"] == 2
    cs = cli("claims", "--speaker", "البنتاغون", "--format", "csv", "--db", db)
    table = list(csv.DictReader(io.StringIO(cs.stdout)))
    assert [r["id"] for r in table] == [r["id"] for r in rows]
    assert table[1]["text"] == rows[1]["text"] and "بالستيّة" in table[1]["text"]


def test_claims_search_and_limit(db):
    result = cli("claims", "--search", "الكوليرا", "--format", "jsonl", "--db", db)
    assert [json.loads(x)["article"] for x in result.stdout.splitlines()] == ["bbc_cholera"]
    limited = cli("claims", "--limit", "2", "--format", "jsonl", "--db", db)
    assert len(limited.stdout.splitlines()) == 2
    assert "more claims match" in limited.stderr


def test_review_history_show_round_trip(db, articles):
    target = articles[1][1][0].id
    r1 = cli("review", target, "--status", "in-progress", "--reviewer", "mona", "--db", db)
    r2 = cli("review", target, "--status", "false", "--note", "لا دليل على استخدام صواريخ كورية", "--reviewer", "ali",
             "--cluster", "--db", db)
    assert r1.exit_code == 0 and r2.exit_code == 0, r2.output
    assert len(r2.stdout.splitlines()) == 3 and r2.stdout.count("propagated from") == 2
    hist = cli("history", target, "--format", "jsonl", "--db", db)
    assert [json.loads(x)["status"] for x in hist.stdout.splitlines()] == ["in progress", "false"]
    other = articles[3][1][0].id
    shown = cli("show", other, "--db", db)
    assert shown.exit_code == 0
    assert "status: false" in shown.stdout and f"propagated from {target}" in shown.stdout
    assert "⟦Moscow fired North Korean ballistic missiles at Ukraine last week⟧" in shown.stdout
    as_json = json.loads(cli("show", other, "--format", "json", "--db", db).stdout)
    assert as_json["cluster"]["independent_sources"] == 2
    assert {o["article"] for o in as_json["cluster"]["others"]} == {"jazeera_missiles", "arabiya_missiles"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "c_000000000000", "--status", "false", "--reviewer", "mona"], "unknown claim id 'c_000000000000'"),
        (["review", "{claim}", "--status", "probably", "--reviewer", "mona"], "unknown status 'probably'"),
        (["review", "{claim}", "--status", "false"], "--reviewer"),
        (["history", "c_nope"], "unknown claim id 'c_nope'"),
        (["show", "c_nope"], "unknown claim id 'c_nope'"),
        (["claims", "--status", "wrongish"], "unknown status 'wrongish'"),
        (["claims", "--format", "xml"], "--format must be one of table, jsonl, csv"),
    ],
)
def test_user_mistakes_give_one_line_and_exit_2(db, articles, monkeypatch, args, message):
    monkeypatch.delenv("CLAIMTRACK_REVIEWER", raising=False)
    args = [a.replace("{claim}", articles[0][1][0].id) for a in args]
    result = cli(*args, "--db", db)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    with Store(db) as s:
        assert s.info()["reviews"] == 0


def test_missing_database_is_an_error_not_a_new_empty_file(tmp_path):
    missing = tmp_path / "typo.db"
    result = cli("claims", "--db", missing)
    assert result.exit_code == 2 and "no claim database at" in result.stderr
    assert not missing.exists()


def test_real_entry_point_exits_2_without_traceback(db):
    code = "import sys; from claimtrack.cli import main; sys.argv = ['claimtrack'] + sys.argv[1:]; main()"
    proc = subprocess.run(
        [sys.executable, "-c", code, "review", "c_000000000000", "--status", "false", "--reviewer", "x", "--db", str(db)],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip() == "error: unknown claim id 'c_000000000000' (list ids with `claimtrack claims`)"


def test_reviewer_from_environment(db, articles, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_REVIEWER", "salma")
    result = cli("review", articles[2][1][1].id, "--status", "unproven", "--db", db)
    assert result.exit_code == 0 and "by salma" in result.stdout


def test_db_from_environment_and_db_info(db, monkeypatch):
    monkeypatch.setenv("CLAIMTRACK_DB", str(db))
    info = json.loads(cli("db", "info").stdout)
    assert info["claims"] == 8 and info["articles"] == 4
    assert cli("db", "check").stdout.strip() == "ok"
