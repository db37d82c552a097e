"""Recall classes of issue 2 (session 3): constructions the splitter missed on fresh outlets, each on a
sentence written for the test (not copied from a gold set), with the real extractor."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_agency_named_with_its_acronym_is_one_relay():
    text = "وقالت الوزارة في بيان تلقته وكالة الأنباء العراقية (واع)، إن الرحلات ستستأنف الأسبوع المقبل بشكل تدريجي."
    c = only(attributed(text), "الرحلات ستستأنف")
    assert [v.name for v in c.via] == ["INA"]


def test_denial_of_an_accusation_noun_is_a_denied_claim():
    claims = attributed("The governor, in office since 2019, dismissed accusations of vote rigging in the north.")
    c = only(claims, "accusations of vote rigging")
    assert c.polarity == "denied" and c.speaker.text == "The governor"
    c = only(attributed("The energy minister is today denying reports of a blackout in the capital."), "reports of a blackout")
    assert c.speaker.name.endswith("minister") and c.polarity == "denied"


def test_denial_then_coordinated_said_keeps_the_speaker():
    claims = attributed("Okafor rejected the allegations and said the club had paid every player on time.")
    assert only(claims, "the allegations").speaker.text == "Okafor"
    c = only(claims, "paid every player")
    assert c.speaker.text == "Okafor" and "rejected" not in c.speaker.text


def test_denied_reports_that_keeps_the_complement():
    c = only(attributed("The ministry denied reports that the refinery had closed."), "the refinery had closed")
    assert c.polarity == "denied"


def test_quote_after_said_and_a_lead_adverbial_is_the_content():
    claims = attributed("However, speaking by phone on Friday, the mayor said, “The bridge will reopen next week.”")
    c = only(claims, "The bridge will reopen")
    assert c.mode == "direct" and c.speaker.text == "the mayor"
    assert not any("speaking by phone" in x.text for x in claims)


def test_but_that_gives_a_second_complement():
    claims = attributed("She told reporters that the vote was badly organised but that the result would stand.")
    assert only(claims, "badly organised").speaker.text == "She"
    assert only(claims, "the result would stand").speaker.text == "She"


def test_attribution_inserted_mid_sentence_takes_the_clause_before_it():
    claims = attributed("The airline suspended all flights to the island, the company said, to protect its passengers and crew.")
    c = only(claims, "suspended all flights")
    assert c.speaker.text == "the company"
    claims = attributed("Under the new rules, she said, all drivers would need a fresh licence within two years.")
    assert only(claims, "all drivers would need").speaker.text == "she"


def test_arabic_believes_with_a_subject_reports_and_subjunctive_does_not():
    c = only(attributed("يعتقد مدرب المنتخب الأول، أن فريقه كان الأفضل في البطولة رغم الخسارة."), "فريقه كان الأفضل")
    assert c.speaker.text == "مدرب المنتخب الأول"
    assert not attributed("وتريد الحكومة أن يعتقد المستثمرون أنها قادرة على سداد ديونها كاملة هذا العام.")


def test_arabic_refutes_gives_the_refuted_statement_denied():
    c = only(attributed("فندت وزارة الزراعة في بيان لها التصريحات المنسوبة لأحد الخبراء حول نفوق الماشية في الجنوب."), "التصريحات المنسوبة")
    assert c.polarity == "denied" and c.speaker.text == "وزارة الزراعة"


def test_arabic_announced_verbal_noun_after_time_words():
    c = only(attributed("أعلنت مديرية الصحة ، اليوم الأحد ، تسجيل 40 إصابة جديدة بالحصبة في المدينة."), "تسجيل 40 إصابة")
    assert c.speaker.text == "مديرية الصحة"
