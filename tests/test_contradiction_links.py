"""What a checker sees from `compare` for pairs written for this test (not from any gold file):
one event told with two tolls is linked with the figures as its reason, one claim in two
wordings (or two languages) is not, and two editions or years of an event are not linked."""

from __future__ import annotations

import pytest

from claimtrack import match

TOLLS = [
    ("Officials said 38 people died when the ferry capsized on Lake Kivu on Sunday",
     "Officials said 52 people died when the ferry capsized on Lake Kivu on Sunday", ("38", "52")),
    ("أعلن الدفاع المدني أن 14 شخصا لقوا حتفهم في انهيار مبنى سكني بمدينة طرابلس",
     "أعلن الدفاع المدني أن 9 أشخاص لقوا حتفهم في انهيار مبنى سكني بمدينة طرابلس", ("14", "9")),
    ("أعلن الدفاع المدني أن 14 شخصا لقوا حتفهم في انهيار مبنى سكني بمدينة طرابلس",
     "Civil defence said 9 people were killed when a residential building collapsed in Tripoli", ("14", "9")),
]


@pytest.mark.parametrize("a, b, figures", TOLLS)
def test_two_tolls_of_one_event_are_linked_with_both_figures(a, b, figures):
    got = match.compare(a, b)
    assert got["relation"] == "contradicts", got
    assert all(f in got["reason"] for f in figures), got["reason"]


@pytest.mark.parametrize("a, b", [
    ("The central bank kept its main interest rate unchanged at 5 percent",
     "The central bank left its key interest rate at 5 percent, unchanged"),
    ("أبقى البنك المركزي سعر الفائدة الرئيسي دون تغيير عند 5 في المئة",
     "The central bank kept its main interest rate unchanged at 5 percent"),
])
def test_one_claim_in_two_wordings_is_not_linked(a, b):
    assert match.compare(a, b)["relation"] == "same"


@pytest.mark.parametrize("a, b", [
    ("The book fair drew 40,000 visitors in 2019", "The book fair drew 65,000 visitors in 2022"),
    ("استقطب معرض الكتاب 40 ألف زائر في دورة عام 2019", "استقطب معرض الكتاب 65 ألف زائر في دورة عام 2022"),
])
def test_two_years_of_one_event_are_not_linked(a, b):
    got = match.compare(a, b)
    assert got["relation"] in ("related", "unrelated"), got
    assert got["reason"].startswith("different events"), got["reason"]


def test_a_negated_statement_against_the_statement_is_linked_as_a_denial():
    got = match.compare("The ministry said the dam was not damaged by the earthquake",
                        "The ministry said the dam was damaged by the earthquake")
    assert got["relation"] == "contradicts" and "denial" in got["reason"], got
