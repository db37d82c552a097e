"""Recall classes of issue 2 (session 4): constructions the splitter missed, each on a sentence
written for the test (not copied from a gold set), with the real extractor."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_national_news_agencies_are_relays():
    c = only(attributed("The coach told the News Agency of Nigeria (NAN) in Lagos that the team would win."), "the team would win")
    assert [v.name for v in c.via] == ["NAN"]
    c = only(attributed("وقال الوزير لوكالة الأنباء الليبية إن الطريق الساحلي أعيد فتحه."), "الطريق الساحلي")
    assert [v.name for v in c.via] == ["LANA"]


def test_interview_on_a_broadcaster_is_a_relay():
    c = only(attributed("وقال المتحدث في مداخلة مع قناة ليبيا الأحرار إن الاشتباكات توقفت صباح اليوم."), "الاشتباكات توقفت")
    assert [v.name for v in c.via] == ["Libya Al-Ahrar TV"]


def test_glued_b_object_after_afada_is_the_claim():
    c = only(attributed("وأفاد مصدر أمني بمقتل ثلاثة أشخاص في الهجوم على الحاجز."), "ثلاثة أشخاص")
    assert c.speaker.text == "مصدر أمني" and c.text.startswith("مقتل")
    c = only(attributed("وأفادت المديرة بأن المدرسة ستغلق أسبوعا."), "المدرسة ستغلق")
    assert c.speaker.text == "المديرة"


def test_reminded_someone_that_is_speech():
    c = only(attributed("The minister reminded parents that schools reopen on Monday."), "schools reopen")
    assert c.speaker.text == "The minister"


def test_statement_named_after_ja_fi_speaks():
    c = only(attributed("وجاء في بيان الوزارة أن الوضع الصحي مستقر ولا داعي للقلق."), "الوضع الصحي مستقر")
    assert c.speaker.text == "بيان الوزارة" and c.mode == "indirect"
    c = only(attributed("وجاء في البيان: \"المصنع يعمل بشكل طبيعي منذ الصباح\"."), "المصنع يعمل")
    assert c.speaker.text == "البيان" and c.mode == "direct"
    assert not attributed("وجاء في المرتبة الثانية المنتخب المغربي بعد أن خسر المباراة الأخيرة.")


def test_said_a_but_b_with_its_own_subject_gives_two_claims():
    claims = attributed("The governor said the roads were repaired but the bridges remained closed.")
    assert only(claims, "roads were repaired").speaker.text == "The governor"
    assert only(claims, "the bridges remained closed").speaker.text == "The governor"
    claims = attributed("The governor said the roads were repaired but declined to give details.")
    assert [c.text for c in claims] == ["the roads were repaired"]
