"""English attribution classes of issue 2 (round 5): a bare reported clause followed by a participle
('X said A, adding that B' gives A and B), ..."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_a_bare_clause_before_an_adding_that_participle_is_its_own_claim():
    text = "Harbour master Ines Calloway said the ferry will resume on Friday, adding that two crew members were hurt."
    claims = attributed(text)
    first = only(claims, "ferry will resume")
    assert first.speaker.name == "Ines Calloway"
    assert "crew members" not in first.text
    assert only(claims, "two crew members were hurt").speaker.name == "Ines Calloway"


def test_a_speaker_with_a_stray_comma_keeps_the_said_clause_before_asserting_that():
    text = "However, Dr. Okafor, said the clinics would not close, asserting that funding was secure until March."
    claims = attributed(text)
    assert "Okafor" in only(claims, "clinics would not close").speaker.name
    assert "Okafor" in only(claims, "funding was secure").speaker.name


def test_a_relative_clause_glued_to_the_name_by_a_comma_still_closes_the_speaker():
    text = ("Captain of the Riverside rowing crew, Tomas Brandt,who led the team through two seasons of storms, "
            "says that the new boathouse was built too close to the weir.")
    claim = only(attributed(text), "boathouse was built")
    assert claim.speaker.name == "Tomas Brandt"


def test_a_speaker_phrase_of_more_than_twelve_words_ending_in_a_name_keeps_the_name():
    text = ("The exiled former governor Lena Adeyemi’s Coastal Farmers Alliance (CFA) regional treasurer Paulo Mensah Kofi Boateng "
            "said the harvest figures had been inflated.")
    claim = only(attributed(text), "harvest figures")
    assert "Boateng" in claim.speaker.name
    assert "Adeyemi" not in claim.speaker.name
