"""Matching end to end: ingest the seeds, clusters, similar, compare, and the gold-pairs gate.

Uses the real encoder (the configured default, e5) and the trained contradiction scorer; the
seeds are ingested once per session.
"""

from __future__ import annotations

import json
from dataclasses import replace
import shutil

import pytest
from typer.testing import CliRunner

from claimtrack import match
from claimtrack.cli import app
from claimtrack.store import Store, text_hash

runner = CliRunner()

PENTAGON_000 = "موسكو الأسبوع الماضي باستخدام صواريخ بالستية كورية شمالية في أوكرانيا"
PENTAGON_003 = "موسكو الأسبوع الماضي باستخدام صواريخ باليستية كورية شمالية في أوكرانيا"


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def ingested(tmp_path_factory, seeds):
    folder = tmp_path_factory.mktemp("match")
    articles = folder / "articles"
    shutil.copytree(seeds, articles)
    db = folder / "claims.db"
    first = cli("ingest", articles, "--db", db, "--json")
    assert first.exit_code == 0, first.output
    second = cli("ingest", articles, "--db", db, "--json")
    assert second.exit_code == 0, second.output
    return db, json.loads(first.stdout.strip().splitlines()[-1]), json.loads(second.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def cluster_json(ingested):
    db, _, _ = ingested
    out = cli("clusters", "--db", db, "--format", "json", "--min-size", "1", "--contradictions")
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def claim_id_with(data: dict, text: str) -> str:
    return next(c["id"] for cl in data["clusters"] for c in cl["claims"] if c["text"] == text)


def cluster_with(data: dict, claim_id: str) -> dict:
    return next(cl for cl in data["clusters"] if any(c["id"] == claim_id for c in cl["claims"]))


def test_ingest_stores_indexes_and_reports(ingested):
    db, first, _ = ingested
    assert first["new_articles"] == 5 and first["claims"] > 50
    assert first["embedded"] == first["claims"]
    index = db.parent / f"claims.db.{match.model_name(None)}.faiss"  # beside the store, named by encoder
    assert index.exists() and index.with_name(index.name + ".ids").exists()


def test_second_ingest_of_unchanged_articles_embeds_nothing(ingested):
    _, first, second = ingested
    assert second["unchanged"] == 5 and second["new_articles"] == 0
    assert second["embedded"] == 0 and second["claims"] == first["claims"]


def test_every_claim_text_is_cached_once_by_its_hash(ingested):
    db, _, _ = ingested
    with Store(db) as store:
        texts = {c.text for c in store.iter_claims()}
        cached = store.cached_embeddings(match.cache_key("e5"), [text_hash(t) for t in texts])
    assert len(cached) == len(texts)
    assert all(len(v) == 384 * 4 for v in cached.values())


def test_clusters_json_has_the_documented_shape(cluster_json):
    assert set(cluster_json) == {"clusters", "contradictions"}
    cl = cluster_json["clusters"][0]
    assert {"id", "claims", "speakers", "outlets", "independent_sources", "syndicated"} <= set(cl)
    assert {"id", "article", "span", "text", "speaker", "via"} <= set(cl["claims"][0])
    for item in cluster_json["contradictions"]:
        assert set(item) >= {"a", "b", "score", "reason"}


@pytest.fixture(scope="module")
def conflicting_json(tmp_path_factory):
    """Two outlets telling one event two ways: a clash a checker must see side by side."""
    folder = tmp_path_factory.mktemp("conflict")
    (folder / "a_wire.txt").write_text(
        "قالت وزارة الصحة في بيان إن 120 شخصا لقوا حتفهم في الفيضانات التي ضربت مدينة درنة يوم الأحد.\n", encoding="utf-8")
    (folder / "b_site.txt").write_text(
        "قال مسؤول في الهلال الأحمر إن 45 شخصا لقوا حتفهم في الفيضانات التي ضربت مدينة درنة يوم الأحد.\n", encoding="utf-8")
    (folder / "c_denial.txt").write_text(
        "The Pentagon said on Monday that Russia had used North Korean ballistic missiles in Ukraine.\n\n"
        "Moscow denied that Russia had used North Korean ballistic missiles in Ukraine.\n", encoding="utf-8")
    db = folder / "claims.db"
    assert cli("ingest", folder, "--db", db).exit_code == 0
    out = cli("clusters", "--db", db, "--format", "json", "--min-size", "1", "--contradictions")
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def test_conflicting_tolls_are_linked_with_their_reason(conflicting_json):
    reasons = [c["reason"] for c in conflicting_json["contradictions"]]
    assert any(r.startswith("numbers differ") and "120" in r and "45" in r for r in reasons), reasons
    assert any(r in ("assertion vs denial", "denial vs assertion") for r in reasons), reasons


def test_every_listed_contradiction_says_why(cluster_json, conflicting_json):
    """A checker reads the reason: what conflicts (denial, negation, direction, numbers, dates,
    places, names), never an empty or internal placeholder."""
    kinds = ("denial vs", "assertion vs", "negated", "not negated", "opposite direction", "numbers differ",
             "dates differ", "places differ", "names differ", "subject differs", "conflicting wording")
    listed = cluster_json["contradictions"] + conflicting_json["contradictions"]
    assert listed
    for item in listed:
        assert item["reason"].startswith(kinds), item


@pytest.mark.parametrize("a, b, reason", [
    ("The parliament approved the budget on Tuesday", "The parliament rejected the budget on Tuesday",
     "opposite direction: approved / rejected"),
    ("غاب رئيس الوزراء عن جلسة البرلمان أمس", "حضر رئيس الوزراء جلسة البرلمان أمس", "opposite direction: غاب / حضر"),
    ("ستعقد القمة العربية يومي 3 و4 مارس في القاهرة", "ستعقد القمة العربية يومي 10 و11 مارس في القاهرة",
     "dates differ: 3, 4 vs 10, 11"),
    ("وصل الرئيس إلى مدينة حلب صباح اليوم", "وصل الرئيس إلى مدينة حمص صباح اليوم", "places differ: Aleppo vs Homs"),
    ("لم تعلن الحكومة رسميا انتهاء حالة الطوارئ في البلاد", "أعلنت الحكومة رسميا انتهاء حالة الطوارئ",
     "negated (لم) vs not"),
])
def test_compare_links_one_sentence_told_two_ways_with_its_reason(a, b, reason):
    out = match.compare(a, b)
    assert out["relation"] == "contradicts", out
    assert out["reason"] == reason


def test_the_pentagon_accusation_in_two_outlets_is_one_cluster_of_copies(cluster_json):
    a, b = claim_id_with(cluster_json, PENTAGON_000), claim_id_with(cluster_json, PENTAGON_003)
    cl = cluster_with(cluster_json, a)
    assert b in {c["id"] for c in cl["claims"]}
    assert "Pentagon" in cl["speakers"]
    assert any({a, b} <= set(group) for group in cl["syndicated"])
    assert cl["independent_sources"] < len({c["article"] for c in cl["claims"]}) + 1


def test_kims_2023_visit_and_putins_2024_visit_stay_apart(cluster_json):
    kim = next(c["id"] for cl in cluster_json["clusters"] for c in cl["claims"]
               if c["text"].startswith("وكان الزعيم الكوري الشمالي وصل إلى روسيا"))
    putin = next(c["id"] for cl in cluster_json["clusters"] for c in cl["claims"]
                 if c["text"].startswith("يزور الرئيس الروسي فلاديمير بوتين، كوريا الشمالية"))
    assert kim not in {c["id"] for c in cluster_with(cluster_json, putin)["claims"]}
    assert not any({x["a"], x["b"]} == {kim, putin} for x in cluster_json["contradictions"])


def test_clusters_table_lists_sources_and_min_size_filters(ingested):
    db, _, _ = ingested
    out = cli("clusters", "--db", db, "--contradictions")
    assert out.exit_code == 0, out.output
    assert "independent source" in out.stdout and "contradictions:" in out.stdout
    big = cli("clusters", "--db", db, "--format", "json", "--min-size", "3")
    assert all(len(cl["claims"]) >= 3 for cl in json.loads(big.stdout)["clusters"])


def test_similar_lists_the_copy_first(ingested, cluster_json):
    db, _, _ = ingested
    a, b = claim_id_with(cluster_json, PENTAGON_000), claim_id_with(cluster_json, PENTAGON_003)
    out = cli("similar", a, "--db", db, "--format", "json", "-k", "3")
    assert out.exit_code == 0, out.output
    found = json.loads(out.stdout)
    assert found[0]["id"] == b and found[0]["relation"] == "same"
    assert all(f["id"] != a for f in found)


def test_compare_two_stored_claims_by_id(ingested, cluster_json):
    db, _, _ = ingested
    a, b = claim_id_with(cluster_json, PENTAGON_000), claim_id_with(cluster_json, PENTAGON_003)
    out = cli("compare", a, b, "--db", db)
    assert out.exit_code == 0, out.output
    got = json.loads(out.stdout)
    assert got["relation"] == "same" and got["similarity"] > 0.95
    assert set(got) >= {"similarity", "relation", "contradiction"}


def test_unknown_claim_id_is_a_one_line_error(ingested):
    db, _, _ = ingested
    out = cli("similar", "c_000000000000", "--db", db)
    assert out.exit_code == 2
    assert out.output.strip().startswith("error: unknown claim id")


def test_compare_without_claims_or_pairs_is_a_user_error():
    out = cli("compare")
    assert out.exit_code == 2 and "error:" in out.output


def test_two_speakers_of_one_proposition_are_the_same_claim():
    got = match.compare("قال محللون إن كوريا الشمالية تزود روسيا بقذائف مدفعية وصواريخ لتستخدمها ضد أوكرانيا",
                        "The Pentagon says North Korea is supplying Russia with artillery shells and missiles to use against Ukraine")
    assert got["relation"] == "same"


def test_a_denial_against_the_accusation_contradicts():
    got = match.compare("The Pentagon said Russia fired North Korean missiles at Kharkiv",
                        "Russia denied firing North Korean missiles at Kharkiv")
    assert got["relation"] == "contradicts" and got["contradiction"] >= 0.5


def test_conflicting_numbers_contradict():
    got = match.compare("قالت وزارة الصحة إن 120 شخصا قتلوا في الهجوم", "قالت وزارة الصحة إن 45 شخصا قتلوا في الهجوم")
    assert got["relation"] == "contradicts" and "120" in got["reason"]


def test_two_different_visits_are_neither_same_nor_contradicting():
    got = match.compare("وصل الزعيم الكوري الشمالي كيم جونغ أون إلى روسيا في سبتمبر 2023",
                        "وصل الرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ في يونيو 2024")
    assert got["relation"] in ("related", "unrelated")


def test_compare_pairs_prints_one_json_line_per_pair(tmp_path):
    pairs = tmp_path / "p.tsv"
    pairs.write_text(
        "a\tb\tlabel\n"
        "الطقس حار اليوم في القاهرة\tاتهم البنتاغون موسكو باستخدام صواريخ كورية شمالية\tdifferent\n"
        "Putin visits North Korea on Tuesday\tيزور الرئيس الروسي فلاديمير بوتين كوريا الشمالية يوم الثلاثاء\tsame\n",
        encoding="utf-8",
    )
    out = cli("compare", "--pairs", pairs, "--db", tmp_path / "empty.db")
    assert out.exit_code == 0, out.output
    lines = [json.loads(x) for x in out.stdout.strip().splitlines()]
    assert len(lines) == 2
    assert all(set(x) >= {"similarity", "relation", "contradiction"} for x in lines)
    assert lines[0]["relation"] in ("unrelated", "related") and lines[1]["relation"] == "same"


@pytest.fixture(scope="module")
def gold():
    return match.evaluate(match.read_pairs(match.GOLD_PAIRS))


def test_gold_pairs_cover_every_label(gold):
    assert gold.counts["same"] >= 30 and gold.counts["contradicts"] >= 15 and gold.counts["different"] >= 20


def test_gold_gate_same_claims_share_a_cluster(gold):
    """Issue 3 floor: at least 90% of same-claim pairs in one cluster."""
    assert gold.same_together >= 0.90, match.format_gold(gold)


def test_gold_gate_no_trap_is_linked(gold):
    """Issue 3 floor: no 'different' trap (Kim's 2023 visit / Putin's 2024 visit ...) linked."""
    assert gold.traps_linked == 0, match.format_gold(gold)


def test_gold_gate_contradictions_linked(gold):
    """Issue 3 floor: at least 80% of contradiction pairs linked."""
    assert gold.contradictions_linked >= 0.80, match.format_gold(gold)


@pytest.fixture(scope="module")
def gold_other_stories():
    return match.evaluate(match.read_pairs(match.GOLD_PAIR_FILES[1]))


def test_gold_other_stories_same_claims_share_a_cluster(gold_other_stories):
    """Issue 3 floor on pairs about other stories (quakes, floods, elections, courts, sport)."""
    assert gold_other_stories.same_together >= 0.90, match.format_gold(gold_other_stories)


def test_gold_other_stories_reach(gold_other_stories):
    """Not yet the issue's floors (80% linked, no trap): what this matcher reaches (74.1%, 1 trap,
    joined through cross-script same-claim links), kept from slipping back."""
    assert gold_other_stories.contradictions_linked >= 0.74, match.format_gold(gold_other_stories)
    assert gold_other_stories.traps_linked <= 1, match.format_gold(gold_other_stories)


@pytest.fixture(scope="module")
def gold_disagreements():
    return match.evaluate(match.read_pairs(match.GOLD_PAIR_FILES[2]))


def test_gold_disagreements_same_claims_share_a_cluster(gold_disagreements):
    """Issue 3 floor on pairs where outlets and parties really disagree (tolls, turnout, growth):
    rounding ("44%" / "44.33%") and a negative told by both sides keep one claim together."""
    assert gold_disagreements.same_together >= 0.90, match.format_gold(gold_disagreements)


def test_gold_disagreements_reach(gold_disagreements):
    """Not yet the floors: what this matcher reaches on real disagreements (69.6% linked, 3 traps),
    kept from slipping back; figures of two kinds ("82 Iranians" / "57 Canadians") and a figure
    beside a replaced word (production / consumption) are no longer linked."""
    assert gold_disagreements.contradictions_linked >= 0.69, match.format_gold(gold_disagreements)
    assert gold_disagreements.traps_linked <= 3, match.format_gold(gold_disagreements)


@pytest.fixture(scope="module")
def gold_published():
    return match.evaluate(match.read_pairs(match.GOLD_PAIR_FILES[3]))


def test_gold_published_disagreements_reach(gold_published):
    """Not yet the floors on published disagreements (pairs_blind3): what this matcher reaches
    (80% same, 60.9% linked, 1 trap, down from 9: other matches, other days, other figures of a
    kind, other sentences, times of day and magnitudes), kept from slipping back."""
    assert gold_published.same_together >= 0.80, match.format_gold(gold_published)
    assert gold_published.contradictions_linked >= 0.60, match.format_gold(gold_published)
    assert gold_published.traps_linked <= 1, match.format_gold(gold_published)


@pytest.fixture(scope="module")
def gold_fourth():
    return match.evaluate(match.read_pairs(match.GOLD_PAIR_FILES[4]))


def test_gold_fourth_set_reach(gold_fourth):
    """pairs_blind4 (development data since the contra round; untouched: 88% / 36.4% / 6 traps):
    96% same, 77.3% linked, 3 traps (two candidates' vote shares, unlisted names; two clusters
    joined through other claims: a 2022 WHO meeting and the 2024 declaration, two Houthi
    attacks), kept from slipping back."""
    assert gold_fourth.same_together >= 0.96, match.format_gold(gold_fourth)
    assert gold_fourth.contradictions_linked >= 0.77, match.format_gold(gold_fourth)
    assert gold_fourth.traps_linked <= 3, match.format_gold(gold_fourth)


@pytest.fixture(scope="module")
def gold_fifth():
    return match.evaluate(match.read_pairs(match.GOLD_PAIRS.parent.parent / "pairs_blind5" / "pairs.tsv"))


def test_gold_fifth_set_reach(gold_fifth):
    """pairs_blind5 (development data since the contra2 round; untouched: 84% / 22.7% / 5 traps):
    84% same, 40.9% linked (transliterated places, a people counted against a toll told for
    them, both counts of a toll revised), 5 traps, kept from slipping back."""
    assert gold_fifth.same_together >= 0.84, match.format_gold(gold_fifth)
    assert gold_fifth.contradictions_linked >= 0.40, match.format_gold(gold_fifth)
    assert gold_fifth.traps_linked <= 5, match.format_gold(gold_fifth)


def test_one_figure_told_two_ways_links_whatever_the_scorer():
    th = match.thresholds("e5+use")
    facts = match.PairFacts(similarity=th.related + 0.01, cross_script=True, slots=("how many",), clash=(),
                            overlap=0.0, contradiction=0.1, reason="numbers differ", figures_aligned=True,
                            figures_anchored=True)
    assert match.decide(facts, th) == "contradicts"
    assert match.decide(replace(facts, figures_anchored=False), th) == "related"
    assert match.decide(replace(facts, slots=("how many", "what is counted")), th) == "related"


def test_one_time_of_day_told_two_ways_links_whatever_the_scorer():
    th = match.thresholds("e5+use")
    facts = match.PairFacts(similarity=th.same_cross + 0.05, cross_script=True, slots=("time of day",), clash=(),
                            overlap=0.0, contradiction=0.1, reason="dates differ: 9:07 vs 9:03")
    assert match.decide(facts, th) == "contradicts"
    assert match.decide(replace(facts, similarity=th.related + 0.01), th) != "contradicts"  # only topic-close
    assert match.decide(replace(facts, slots=("how many", "time of day")), th) == "related"  # a count at two times


def test_a_result_told_from_both_sides_is_never_linked_by_the_scorer():
    th = match.thresholds("e5+use")
    facts = match.PairFacts(similarity=0.94, cross_script=False, slots=(), clash=(), overlap=0.67, contradiction=0.91,
                            reason="conflicting wording", substitution=True, frame_overlap=0.62)
    assert match.decide(facts, th) == "contradicts"
    assert match.decide(replace(facts, retold=True), th) == "same"
    a = match.Item("a", "خسر فريق النجم أمام فريق الوحدة 0-2 في الجولة العاشرة")
    b = match.Item("b", "فاز فريق الوحدة على فريق النجم 2-0 في الجولة العاشرة")
    assert match.text_facts(a, b).retold


def test_two_events_never_share_a_cluster_through_a_third_claim():
    """a-b and b-c read as one claim, a-c differ in two slots (2019 / 2020, another place):
    the chain through b must not put a and c together."""
    th = match.thresholds("e5+use")
    same = match.PairFacts(similarity=0.9, cross_script=False, slots=(), clash=(), overlap=0.7, contradiction=0.0,
                           reason="")
    two_events = replace(same, similarity=0.8, slots=("when", "where"))
    cands = match.Candidates(3, [(0, 1), (1, 2), (0, 2)], [same, same, two_events])
    clusters = match.cluster_candidates(cands, th).clusters
    assert not any({0, 2} <= set(group) for group in clusters)
    joined = match.cluster_candidates(match.Candidates(3, [(0, 1), (1, 2), (0, 2)], [same, same, replace(
        two_events, slots=())]), th).clusters
    assert any({0, 1, 2} <= set(group) for group in joined)


def test_a_figure_beside_a_replaced_word_is_another_claim():
    a = match.Item("a", "بلغ إنتاج المصنع من الإسمنت هذا الشهر 5200 طن")
    b = match.Item("b", "بلغ استهلاك المصنع من الإسمنت هذا الشهر 4100 طن")
    assert "what is measured" in match.text_facts(a, b).slots
    c = match.Item("c", "بلغ إنتاج المصنع من الإسمنت هذا الشهر نحو 4100 طن")
    assert match.text_facts(a, c).slots == ("how many",) and match.text_facts(a, c).figures_aligned


def test_one_claim_but_for_an_opposite_outcome_links_across_scripts_whatever_the_scorer():
    th = match.thresholds("e5+use")
    facts = match.PairFacts(similarity=th.same_cross + 0.05, cross_script=True, slots=(), clash=("direction",),
                            overlap=0.0, contradiction=0.1, reason="opposite direction")
    assert match.decide(facts, th) == "contradicts"
    assert match.decide(replace(facts, similarity=th.related), th) != "contradicts"  # only topic-close
    assert match.decide(replace(facts, slots=("where", "when")), th) != "contradicts"  # other events


def test_facts_skipped_under_thresholds_change_no_decision():
    """Clustering a store skips the facts no decision reads (`text_facts(decided_only=True)`):
    on every candidate pair of a gold file, at its cosine and at the same-claim floor, and
    whatever the scorer says, the relation comes out as with every fact computed."""
    th = match.thresholds("e5+use")
    setup = match.gold_setup(match.read_pairs(match.GOLD_PAIR_FILES[2]), "e5+use", th)
    items = [match.item_of_text(t, f"t{i}") for i, t in enumerate(setup.texts)]
    skipped = 0
    for (x, y), facts in zip(setup.candidates.pairs, setup.candidates.facts):
        full, lean = (match.text_facts(items[x], items[y], decided_only=d) for d in (False, True))
        skipped += full != lean
        for similarity in (facts.similarity, match.same_floor(facts, th) + 0.001):
            for score in (0.0, 0.55, 0.75, 1.0):
                made = [match.PairFacts(similarity, facts.cross_script, t.slots, t.clash, t.overlap, score, "",
                                        t.substitution, t.frame_overlap, t.negation_echo, t.figures_aligned,
                                        t.figures_anchored) for t in (full, lean)]
                assert match.decide(made[0], th) == match.decide(made[1], th), (setup.texts[x], setup.texts[y])
    assert skipped > len(setup.candidates.pairs) // 10  # the shortcut is taken, not just allowed


# Sentences written for these tests (no gold file holds them): one claim told in Arabic and in
# English, and a campaign in another country with near-identical wording.
MEASLES_AR = "أعلنت وزارة الصحة المغربية أن حملة التطعيم ضد الحصبة شملت مليوني طفل خلال شهر مارس"
MEASLES_EN = "Morocco's health ministry said its measles vaccination campaign reached two million children in March"
POLIO_AR = "أعلنت وزارة الصحة التونسية أن حملة التطعيم ضد شلل الأطفال ستنطلق في سبتمبر المقبل"
POLIO_EN = "Tunisia's health ministry said a polio vaccination campaign will start next September"


def _clustered_together(rows: list[dict]) -> dict[tuple[str, str], bool]:
    """Cluster every text of `rows` as one store would (FAISS neighbours, same-claim links)."""
    res = match.evaluate(rows)
    missed = {(m["a"], m["b"]) for m in res.misses}
    return {(r["a"], r["b"]): (r["a"], r["b"]) not in missed for r in rows}


def test_one_claim_in_arabic_and_english_lands_in_one_cluster_and_another_event_stays_out():
    rows = [{"a": POLIO_AR, "b": POLIO_EN, "label": "same", "lang": "ar-en"},
            {"a": MEASLES_AR, "b": POLIO_AR, "label": "different", "lang": "ar"},
            {"a": MEASLES_EN, "b": POLIO_EN, "label": "different", "lang": "en"},
            {"a": MEASLES_AR, "b": POLIO_EN, "label": "different", "lang": "ar-en"}]
    ok = _clustered_together(rows)
    assert ok[(POLIO_AR, POLIO_EN)], "the Arabic and English wordings of one claim are apart"
    assert all(ok[(r["a"], r["b"])] for r in rows[1:]), "two campaigns share a cluster or a contradiction link"


def test_a_dual_number_word_and_its_english_figure_are_one_claim():
    rows = [{"a": MEASLES_AR, "b": MEASLES_EN, "label": "same", "lang": "ar-en"}]
    assert _clustered_together(rows)[(MEASLES_AR, MEASLES_EN)]
