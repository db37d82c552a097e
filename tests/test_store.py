"""The claim store: what goes in comes back, filters and search find what a reviewer types."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from store_samples import AFP, PENTAGON

from claimtrack import migrations
from claimtrack.errors import IngestError, UserError
from claimtrack.models import Claim
from claimtrack.store import Store, fts_query, normalize, search_text


@pytest.fixture
def store(tmp_path, articles):
    with Store(tmp_path / "claims.db") as s:
        for article, claims in articles:
            assert s.add_article(article, claims)
        yield s


def ids(claims) -> list[str]:
    return [c.id for c in claims]


def table_counts(path) -> dict[str, int]:
    db = sqlite3.connect(path)
    names = ["articles", "claims", "entities", "entity_spellings", "claim_via", "claims_fts"]
    out = {n: db.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names}
    db.close()
    return out


def test_claims_come_back_exactly_as_stored(store, articles):
    for article, claims in articles:
        stored = list(store.iter_claims(article=article.id))
        assert [c.model_dump(include=set(Claim.model_fields)) for c in stored] == [c.model_dump() for c in claims]
        assert all(c.outlet is not None and c.outlet.name == article.outlet.name for c in stored)
        raw = store.get_article(article.id)
        assert raw == article
        assert all(raw.raw[c.span[0] : c.span[1]] == c.text for c in stored)


def test_relay_chain_keeps_its_order(store, articles):
    article, claims = articles[1]
    kuleba = store.get_claim(claims[1].id)
    assert [v.name for v in kuleba.via] == ["Reuters"]
    assert kuleba.via[0].text == "رويترز"


def test_same_article_twice_changes_nothing(tmp_path, articles):
    path = tmp_path / "claims.db"
    with Store(path) as s:
        for article, claims in articles:
            s.add_article(article, claims)
    before = table_counts(path)
    with Store(path) as s:
        assert [s.add_article(a, c) for a, c in articles] == [False] * len(articles)
    assert table_counts(path) == before


def test_changed_text_under_a_known_id_is_refused_and_the_old_one_kept(store, articles):
    article, claims = articles[0]
    edited = article.model_copy(update={"raw": article.raw + "\nتحديث: أضيفت فقرة."})
    with pytest.raises(IngestError, match="already stored with different text"):
        store.add_article(edited, claims)
    assert store.get_article(article.id).raw == article.raw


def test_an_article_is_one_transaction(tmp_path, articles):
    article, claims = articles[0]
    broken = claims[:1] + [claims[1].model_copy(update={"mode": "rumour"})]  # skips validation
    with Store(tmp_path / "claims.db") as s:
        with pytest.raises(sqlite3.IntegrityError):
            s.add_article(article, broken)
        assert s.count_claims() == 0
        assert not s.has_article(article.content_hash)
        assert s.add_article(article, claims)  # a corrected rerun goes in
        assert s.count_claims() == len(claims)


@pytest.mark.parametrize(
    "query",
    ["Pentagon", "pentagon", "البنتاغون", "بنتاغون", "البنتاغون"],
)
def test_speaker_filter_takes_canonical_name_or_spelling(store, query):
    found = list(store.iter_claims(speaker=query))
    assert {c.speaker.name for c in found} == {"Pentagon"}
    assert len(found) == 3  # two Arabic outlets and Reuters in English


@pytest.mark.parametrize("query", ["AFP", "afp", "فرانس برس", "أ ف ب", "ا ف ب"])
def test_via_filter_takes_agency_name_or_spelling(store, query):
    found = list(store.iter_claims(via=query))
    assert len(found) == 2
    assert all(any(v.name == "AFP" for v in c.via) for c in found)


def test_via_filter_also_finds_claims_credited_to_the_agency(tmp_path):
    """"بحسب فرانس برس" makes AFP the speaker (CLAIMS.md); `--via AFP` must still list that claim,
    while an outlet speaking in its own voice is not a relay of itself."""
    from store_samples import JAZEERA, Sentence, build

    article, claims = build("afp_credited", [[
        Sentence("وأوقعت الغارات {claim}، بحسب وكالة فرانس برس.", "12 قتيلا في خان يونس", AFP, cue="بحسب"),
        Sentence("{claim}.", "تصاعدت الغارات على جنوب القطاع منذ مطلع الشهر", JAZEERA, mode="unattributed"),
    ]], outlet=JAZEERA)
    with Store(tmp_path / "claims.db") as s:
        s.add_article(article, claims)
        assert [c.text for c in s.iter_claims(via="فرانس برس")] == ["12 قتيلا في خان يونس"]
        assert list(s.iter_claims(via="Al Jazeera")) == []


def test_short_names_match_whole_words_only(store):
    # "AP" must not match inside "Al Jazeera" or "Pentagon"; there is no AP relay here
    assert list(store.iter_claims(via="AP")) == []
    assert list(store.iter_claims(speaker="Dmitry")) == list(store.iter_claims(speaker="Peskov"))


def test_outlet_article_and_combined_filters(store, articles):
    assert {c.article for c in store.iter_claims(outlet="الجزيرة نت")} == {"jazeera_missiles"}
    assert {c.article for c in store.iter_claims(outlet="al arabiya")} == {"arabiya_missiles"}
    both = list(store.iter_claims(speaker="Pentagon", outlet="Al Jazeera", via="AFP"))
    assert ids(both) == [articles[0][1][0].id]
    assert list(store.iter_claims(speaker="Pentagon", via="TASS")) == []
    assert list(store.iter_claims(speaker="nobody we know")) == []


def test_listing_is_in_ingest_order_and_limit_applies(store, articles):
    every = [c.id for _, claims in articles for c in claims]
    assert ids(store.iter_claims()) == every
    assert ids(store.iter_claims(limit=3)) == every[:3]


@pytest.mark.parametrize(
    ("query", "article"),
    [
        ("صواريخ بالستية", "arabiya_missiles"),  # stored with shadda: بالستيّة
        ("الصواريخ البالستيّة", "jazeera_missiles"),  # query with article and shadda
        ("كوريه شماليه", "arabiya_missiles"),  # taa marbuta written as haa
        ("١٢٠٠ حالة", "bbc_cholera"),  # Arabic-Indic digits find ASCII digits
        ("24 صاروخا", "arabiya_missiles"),  # ASCII digits find Arabic-Indic, alef tanwin dropped
        ("الكرملين لم يرسل", "bbc_cholera"),  # stored as والكرملين
        ("ballistic MISSILES", "reuters_missiles_en"),
    ],
)
def test_search_normalises_stored_text_and_query_alike(store, query, article):
    assert article in {c.article for c in store.iter_claims(search=query)}


def test_search_with_other_filters_and_operators_in_text(store):
    found = list(store.iter_claims(search="صواريخ", speaker="Pentagon"))
    assert {c.article for c in found} == {"jazeera_missiles", "arabiya_missiles"}
    for odd in ['"صواريخ', "NOT AND OR", "صواريخ*", "(أوكرانيا)", "a-b:c"]:
        list(store.iter_claims(search=odd))  # no FTS syntax error
    with pytest.raises(UserError):
        list(store.iter_claims(search="؟!"))


def test_normalisation_rules():
    assert normalize("أإآٱ ى ة ـــ") == "اااا ي ه "
    assert normalize("٠١٢٣٤٥٦٧٨٩ ۱۲") == "0123456789 12"
    assert normalize("بالستيّةٌ") == "بالستيه"
    assert search_text("والكرملين") == search_text("الكرملين") == search_text("كرملين")
    assert fts_query('a "b') == '"a"* "b"*'


def test_get_claim_unknown_is_a_user_error(store):
    with pytest.raises(UserError, match="unknown claim id 'c_000000000000'"):
        store.get_claim("c_000000000000")


def test_embeddings_cache_by_model_and_hash(store):
    store.put_embeddings("e5", {"h1": b"\x00\x01", "h2": b"\x02"})
    store.put_embeddings("use", {"h1": b"\xff"})
    store.put_embeddings("e5", {"h1": b"changed"})  # never re-embedded: the first stays
    assert store.cached_embeddings("e5", ["h1", "h2", "h3"]) == {"h1": b"\x00\x01", "h2": b"\x02"}
    assert store.cached_embeddings("use", ["h1", "h2"]) == {"h1": b"\xff"}
    many = {f"k{i}": bytes([i % 256]) * 4 for i in range(1300)}
    store.put_embeddings("e5", many)
    assert store.cached_embeddings("e5", list(many)) == many


def test_clusters_replace_atomically_and_show_on_claims(store, articles):
    pent = [articles[0][1][0].id, articles[1][1][0].id, articles[3][1][0].id]
    store.set_clusters([{"id": "k_missiles", "claim_ids": pent, "independent_sources": 2, "syndicated": [pent[:2]]}])
    assert store.cluster_of(pent[0]) == "k_missiles"
    assert ids(store.cluster_claims("k_missiles")) == pent
    assert {c.independent_sources for c in store.cluster_claims("k_missiles")} == {2}
    assert store.get_claim(articles[2][1][0].id).independent_sources == 1
    assert list(store.iter_clusters()) == [
        {"id": "k_missiles", "claim_ids": pent, "independent_sources": 2, "syndicated": [pent[:2]]}
    ]
    with pytest.raises(ValueError, match="not in the store"):
        store.set_clusters([{"id": "k2", "claim_ids": [pent[0], "c_missing"], "independent_sources": 1}])
    assert store.cluster_of(pent[0]) == "k_missiles"  # the failed call left the old clustering
    store.set_clusters([{"id": "k2", "claim_ids": pent[:2], "independent_sources": 1}])
    assert store.cluster_of(pent[2]) is None
    assert ids(store.iter_claims(cluster="k2")) == pent[:2]


def test_contradictions_link_both_ways_and_replace(store, articles):
    accusation, denial = articles[0][1][0].id, articles[0][1][1].id
    store.set_contradictions([{"a": accusation, "b": denial, "score": 0.91, "reason": "denial"}])
    assert store.contradictions_of(denial) == [
        {"a": accusation, "b": denial, "score": 0.91, "reason": "denial", "other": accusation}
    ]
    store.set_contradictions([])
    assert store.contradictions_of(accusation) == []


def test_old_database_upgrades_itself_and_keeps_its_claims(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    assert migrations.migrate(db, upto="m001_create_tables") == ["m001_create_tables"]
    db.execute("INSERT INTO entities (id, name, kind) VALUES (1, 'Pentagon', 'organization')")
    db.execute(
        "INSERT INTO articles (id, content_hash, encoding, raw, ingested_at) VALUES ('old', 'h', 'utf-8', ?, '2023')",
        ("قال البنتاغون إن الصواريخ أُطلقت.",),
    )
    db.execute(
        "INSERT INTO claims (id, article_id, text, span_start, span_end, sentence_start, sentence_end, speaker_id,"
        " speaker_text, mode, polarity) VALUES ('c_old', 'old', 'الصواريخ أُطلقت', 16, 31, 0, 32, 1, 'البنتاغون',"
        " 'indirect', 'asserted')"
    )
    db.close()
    with Store(path) as s:
        assert ids(s.iter_claims(search="صواريخ اطلقت")) == ["c_old"]
        assert s.info()["migrations"] == [m.__name__ for m in migrations.MIGRATIONS]


def test_database_from_a_newer_claimtrack_is_refused(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO _claimtrack_migrations VALUES ('m999_future', '2030')")
    db.commit()
    db.close()
    with pytest.raises(UserError, match="newer claimtrack"):
        Store(path)


def test_plain_sqlite_reads_it_like_datasette_would(store, tmp_path, articles):
    db = sqlite3.connect(store.path)
    row = db.execute(
        "SELECT speaker, via, outlet, status, independent_sources FROM claim_list WHERE claim_id = ?",
        (articles[1][1][0].id,),
    ).fetchone()
    assert row == ("Pentagon", "AFP", "Al Arabiya", "unreviewed", 1)
    detect_fts = (  # how Datasette (and sqlite-utils) find a table's full-text index
        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND (sql LIKE '%VIRTUAL TABLE%USING FTS%content=\"claims\"%'"
        " OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=[claims]%')"
    )
    assert db.execute(detect_fts).fetchall() == [("claims_fts",)]
    hits = db.execute("SELECT id FROM claims WHERE rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)", ("كوليرا",))
    assert [r[0] for r in hits] == [articles[2][1][0].id]
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_default_path_follows_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("CLAIMTRACK_DB", raising=False)
    assert str(Store.default_path()) == "claimtrack.db"
    monkeypatch.setenv("CLAIMTRACK_DB", str(tmp_path / "x.db"))
    assert Store.default_path() == tmp_path / "x.db"


def test_entity_spellings_are_shared_across_articles(store):
    db = sqlite3.connect(store.path)
    spellings = {r[0] for r in db.execute(
        "SELECT s.text FROM entity_spellings s JOIN entities e ON e.id = s.entity_id WHERE e.name = ? AND e.kind = ?",
        (AFP.name, AFP.kind),
    )}
    assert spellings == {"وكالة فرانس برس", "أ ف ب"}
    assert db.execute("SELECT count(*) FROM entities WHERE name = ?", (PENTAGON.name,)).fetchone()[0] == 1


def test_search_index_follows_a_change_of_prefix_rules(tmp_path, monkeypatch, articles):
    from claimtrack import config, store as store_module

    path = tmp_path / "claims.db"
    with Store(path) as s:
        for article, claims in articles:
            s.add_article(article, claims)
        assert "bbc_cholera" in {c.article for c in s.iter_claims(search="كرملين")}
    conf = tmp_path / "configs"
    shutil.copytree(config.configs_dir(), conf)
    toml = conf / "statuses.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('strip_prefixes = [', 'strip_prefixes = [] # ['), encoding="utf-8")
    monkeypatch.setenv("CLAIMTRACK_CONFIGS", str(conf))
    for cached in (config.load, store_module._prefix_rules):
        cached.cache_clear()
    try:
        with Store(path) as s:  # rules changed: stored search text is rebuilt to match new queries
            assert [c.article for c in s.iter_claims(search="والكرملين")] == ["bbc_cholera"]
            assert list(s.iter_claims(search="كرملين")) == []
    finally:
        monkeypatch.undo()
        for cached in (config.load, store_module._prefix_rules):
            cached.cache_clear()


def test_many_ids_at_once(store, articles):
    wanted = [c.id for _, claims in articles for c in claims][::-1]
    found = ids(store.iter_claims(ids=wanted + [f"c_unknown{i}" for i in range(40000)]))
    assert found == wanted[::-1]  # ingest order, unknown ids ignored


COMBOS = [
    {"via": "AFP", "status": "unreviewed"},
    {"via": "رويترز", "speaker": "Peskov"},
    {"speaker": "منظمة الصحة العالمية", "search": "مساعدات"},
    {"search": "الحكومة", "status": ["false", "unreviewed"]},
    {"search": "قافلة طبية", "via": "تاس", "outlet": "Al Arabiya"},
    {"outlet": "BBC Arabic", "status": "false", "speaker": "Kuleba"},
    {"article": "syn_0000003", "via": "AFP"},
]


@pytest.mark.parametrize("cap", [5000, 40, 0])
@pytest.mark.parametrize("combo", COMBOS)
def test_every_plan_gives_the_intersection_of_its_filters(tmp_path, monkeypatch, combo, cap):
    """Whichever filter the listing starts from (small sets, one index, a walk in order), same answer."""
    from store_samples import synthetic_article

    from claimtrack import store as store_module

    with Store(tmp_path / "claims.db") as s:
        for n in range(30):
            s.add_article(*synthetic_article(n))
        for i, c in enumerate(s.iter_claims(limit=60)):
            s.add_review(c.id, "false", "", "mona")
        singles = [set(ids(s.iter_claims(**{k: v}))) for k, v in combo.items()]
        expected = [c for c in ids(s.iter_claims()) if all(c in one for one in singles)]
        monkeypatch.setattr(store_module, "PLAN_CAP", cap)
        assert ids(s.iter_claims(**combo)) == expected
        assert ids(s.iter_claims(limit=3, **combo)) == expected[:3]
