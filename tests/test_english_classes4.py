"""English attribution classes of issue 2 (round 4): naming verbs with a quoted predicate ('called X a “…”',
'described X as “…”'), 'ruled out X' as a denial, 'dismissed X as “…”', and 'accused of' as a passive."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_called_x_a_quoted_word_is_the_speakers_claim_and_a_named_man_is_not():
    text = ("Union leader Marta Greene called the new pay deal a “betrayal”, citing the cuts to overtime.\n\n"
            "A man called John Ellis was arrested near the depot on Tuesday.")
    claims = attributed(text)
    claim = only(claims, "pay deal")
    assert claim.speaker.name == "Marta Greene"
    assert claim.text.startswith("the new pay deal")
    assert not any("John Ellis" in (c.speaker.name or "") or "John Ellis" in c.text for c in claims)


def test_described_after_a_long_apposition_keeps_the_speaker_and_the_object():
    text = ("The regional council’s finance committee chair Ahmed Karimov, who led the audit in the absence of the mayor, "
            "described the budget as a “fiction”.")
    claim = only(attributed(text), "the budget as")
    assert "Karimov" in claim.speaker.name
    assert "led the audit" not in claim.text


def test_ruled_out_is_a_denied_claim_and_the_participle_after_it_speaks_on():
    text = ("The transport minister on Friday ruled out any increase in rail fares this year, saying the reports "
            "of a price rise were “pure speculation.”")
    claims = attributed(text)
    ruled = only(claims, "any increase in rail fares")
    assert ruled.polarity == "denied"
    assert "minister" in ruled.speaker.text
    assert "minister" in only(claims, "pure speculation").speaker.text


def test_dismissed_a_plan_as_a_quoted_word_is_denied():
    text = "The mayor dismissed the opposition’s housing plan as “a fantasy”."
    claim = only(attributed(text), "housing plan")
    assert claim.polarity == "denied"
    assert claim.speaker.text == "The mayor"


def test_accused_of_right_after_a_subject_is_passive_not_an_accusation():
    text = "A WOMAN has gone on trial accused of stealing jewellery worth £40,000 from her employer."
    assert attributed(text) == []


def test_a_lone_opening_word_in_a_split_quote_gives_way_to_the_quote_after_the_cue():
    text = ("\"Frankly,\" the coach said, \"we lost three of our best players to injury in one week. Nobody could cope with that.\"")
    claims = attributed(text)
    assert not any(c.text.strip(" ,.") == "Frankly" for c in claims)
    claim = only(claims, "three of our best players")
    assert "coach" in claim.speaker.text and claim.mode == "direct"
