"""Arabic recall classes of the fifth recall round: general mechanisms, each checked on unseen sets."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_straight_quotes_spaced_on_both_sides_pair_up():
    claims = attributed('وقال المدير إن " المخزون يكفي لثلاثة أشهر ".')
    assert len(claims) == 1
    assert "المخزون يكفي لثلاثة أشهر" in claims[0].text and claims[0].speaker.text == "المدير"
    assert claims[0].mode == "direct"


def test_spaced_opening_quote_does_not_swallow_the_next_cue():
    claims = attributed('وأضاف المدير أن " الشركة ستوزع الأرباح في مارس"، مشيرا إلى أن "المصنع الثاني يعمل بكامل طاقته".')
    assert only(claims, "الشركة ستوزع الأرباح في مارس").text.endswith("مارس")
    assert only(claims, "المصنع الثاني يعمل بكامل طاقته").speaker.text == "المدير"


def test_cue_joined_to_an_earlier_verb_shares_its_subject():
    claims = attributed("وردّت الشركة على هذه الاتهامات بالنفي وأكدت أن المصنع يعمل وفق المعايير.")
    assert [c.text for c in claims] == ["المصنع يعمل وفق المعايير"]
    assert claims[0].speaker.text == "الشركة"



def test_falsity_predicate_at_the_head_of_a_claim_denies_it():
    claims = attributed("وقال المتحدث باسم البلدية إن الصور المتداولة مفبركة وتهدف إلى إثارة البلبلة.")
    assert claims[0].polarity == "denied"


def test_falsity_word_deep_in_a_claim_describes_a_noun():
    claims = attributed("وقال المتحدث باسم البلدية إن بعض الصفحات نشرت خلال الأيام الماضية أرقاما غير صحيحة عن المشروع.")
    assert claims[0].polarity == "asserted"
