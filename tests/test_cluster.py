"""Union-find clusters with cannot-link pairs, and corroboration: speakers, outlets, copies."""

from __future__ import annotations

import numpy as np

from claimtrack.cluster import build_clusters, corroboration, jaccard, shingles
from claimtrack.match import Item
from claimtrack.models import Entity

PENTAGON = Entity(text="البنتاغون", name="Pentagon", kind="organization")
KIRBY = Entity(text="جون كيربي", name="John Kirby", kind="person")
AFP = Entity(text="فرانس برس", name="AFP", kind="agency")
ARABI21 = Entity(text="عربي21", name="Arabi21", kind="outlet")
INDEPENDENT = Entity(text="اندبندنت عربية", name="Independent Arabia", kind="outlet")
JAZEERA = Entity(text="الجزيرة", name="Al Jazeera", kind="outlet")

ACCUSATION = "اتهم البنتاغون موسكو الأسبوع الماضي باستخدام صواريخ بالستية كورية شمالية في أوكرانيا"
COPY = "اتهمت الـ \"بنتاغون\" موسكو الأسبوع الماضي باستخدام صواريخ باليستية كورية شمالية في أوكرانيا"
REWORDED = "صواريخ باليستية كورية شمالية لا تزال تُستخدم في ضرب أهداف أوكرانية"


def item(cid: str, text: str, article: str, outlet: Entity | None, speaker: Entity = PENTAGON, via=()) -> Item:
    return Item(id=cid, text=text, article=article, outlet=outlet, speaker=speaker, via=list(via))


def clusters(n: int, links: list[tuple[int, int, float]], apart=()) -> list[list[int]]:
    a, b, s = (np.array(v) for v in zip(*links)) if links else (np.array([], int),) * 3
    return build_clusters(n, a, b, s, apart)


def test_links_chain_into_one_cluster():
    assert clusters(5, [(0, 1, 0.95), (1, 2, 0.93), (3, 4, 0.9)]) == [[0, 1, 2], [3, 4]]


def test_a_cannot_link_pair_is_never_joined_even_through_a_chain():
    # 0-1 and 1-2 look the same, but 0 and 2 contradict: the weaker link is refused.
    got = clusters(3, [(0, 1, 0.97), (1, 2, 0.91)], apart=[(0, 2)])
    assert got == [[0, 1], [2]]


def test_strongest_links_win_the_conflict():
    got = clusters(3, [(0, 1, 0.90), (1, 2, 0.99)], apart=[(0, 2)])
    assert got == [[1, 2], [0]]


def test_unlinked_claims_are_singletons():
    assert clusters(3, []) == [[0], [1], [2]]


def test_spelling_variants_do_not_hide_a_copy():
    a, b = shingles("صواريخ بالستية كورية شمالية"), shingles("صَواريخ باليستيّة كوريّة شماليّة")
    assert jaccard(a, b) > 0.6
    assert jaccard(shingles(ACCUSATION), shingles(REWORDED)) < 0.3


def test_near_identical_wording_across_outlets_counts_once():
    info = corroboration([
        item("c1", ACCUSATION, "000", ARABI21),
        item("c2", COPY, "003", INDEPENDENT),
        item("c3", REWORDED, "003b", JAZEERA, speaker=KIRBY),
    ])
    assert info.outlets == ["Arabi21", "Independent Arabia", "Al Jazeera"]
    assert info.speakers == ["Pentagon", "John Kirby"]
    assert info.syndicated == [["c1", "c2"]]
    assert info.independent_sources == 2


def test_the_same_relay_across_outlets_counts_once():
    info = corroboration([
        item("c1", ACCUSATION, "000", ARABI21, via=[AFP]),
        item("c2", REWORDED, "005", JAZEERA, via=[AFP]),
    ])
    assert info.syndicated == [["c1", "c2"]]
    assert info.independent_sources == 1


def test_different_wording_in_different_outlets_is_independent():
    info = corroboration([
        item("c1", ACCUSATION, "000", ARABI21),
        item("c2", REWORDED, "003", INDEPENDENT, speaker=KIRBY),
    ])
    assert info.syndicated == []
    assert info.independent_sources == 2


def test_one_outlet_repeating_itself_is_one_source_and_not_syndication():
    info = corroboration([
        item("c1", ACCUSATION, "000", ARABI21),
        item("c2", REWORDED, "007", ARABI21, speaker=KIRBY),
        item("c3", ACCUSATION, "000", ARABI21),
    ])
    assert info.independent_sources == 1
    assert info.syndicated == []
    assert info.outlets == ["Arabi21"]


def test_articles_without_a_known_outlet_are_told_apart_by_article():
    info = corroboration([item("c1", ACCUSATION, "000", None), item("c2", REWORDED, "002", None)])
    assert info.independent_sources == 2
    assert len(info.outlets) == 2
