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


def test_quote_first_then_an_agency_citing_a_named_man_as_saying_makes_him_the_speaker():
    text = ("“The water rose a metre in ten minutes and we had nowhere to go,” the Ghana News Agency cited "
            "Kwame Osei, a trader at the market, as saying.")
    claim = only(attributed(text), "water rose a metre")
    assert claim.speaker.name == "Kwame Osei"
    assert claim.mode == "direct"
    assert any("Ghana News Agency" in v.text for v in claim.via)


def test_quoted_as_saying_with_a_bare_clause_gives_the_quoted_speaker_and_the_relay():
    text = "The local paper quoted Ingrid Solberg, the harbour engineer, as saying the pier had been unsafe for years."
    claim = only(attributed(text), "pier had been unsafe")
    assert claim.speaker.name == "Ingrid Solberg"
    assert [v.text for v in claim.via] == ["The local paper"]


def test_quoted_as_saying_then_a_long_lead_before_a_colon_quote_takes_the_quote_and_an_opening_condition_hedges():
    text = ("The newspaper quoted the party leader Rosa Kemal as saying during a rally in the northern provinces on Sunday: "
            "“Looking ahead, if we win the vote, we can cut fuel taxes by half.”")
    claim = only(attributed(text), "cut fuel taxes")
    assert claim.speaker.name == "Rosa Kemal"
    assert claim.mode == "direct"
    assert claim.text.startswith("Looking ahead")
    assert claim.polarity == "hedged"


def test_a_long_subject_opening_with_a_name_and_a_lowercase_description_keeps_the_name_and_carries_to_quotes():
    text = ("The trainer of the rival club, Northfield, Dario Venturi and winner of three of the last four regional "
            "titles in a row rejected the allegation.\n\n"
            "“We won because we trained harder than anyone else in the league this year.”")
    claims = attributed(text)
    assert only(claims, "allegation").speaker.name == "Dario Venturi"
    assert only(claims, "trained harder").speaker.name == "Dario Venturi"


def test_a_quote_running_over_several_sentences_and_paragraphs_is_one_claim_per_span_with_unique_ids():
    text = ("The inspector read out a statement in which the driver said: “The brakes failed twice. I pulled the lever, "
            "‘Stop now,’ I shouted.\n\n“I could not stop the train. I was scared it would tip over.\"")
    claims = attributed(text)
    spans = [c.span for c in claims]
    assert len(spans) == len(set(spans))
    assert len({c.id for c in claims}) == len(claims)
    assert any("could not stop the train" in c.text for c in claims)


def test_a_cue_inside_an_in_which_relative_clause_takes_the_clause_subject_not_the_last_speaker():
    text = ("Coach Marta Ilic said the team was tired.\n\n"
            "The club later released a long video message from its injured captain in which Jonas Berg said "
            "the squad would not play on Sunday.")
    claim = only(attributed(text), "would not play on Sunday")
    assert claim.speaker.name == "Jonas Berg"


def test_a_when_clause_before_a_finding_verb_gives_no_pronoun_speaker():
    text = "The curator was cataloguing the drawers when he found a fossil that caught his eye."
    assert not any("caught his eye" in c.text for c in attributed(text))


def test_in_her_words_before_a_quote_is_the_last_named_speakers_direct_claim():
    text = ("Harbour master Ines Calloway said on Tuesday that the storm had passed over the port by midnight.\n\n"
            "In her words, “We lost two cranes and the night shift walked off the job.”")
    claim = only(attributed(text), "lost two cranes")
    assert claim.speaker.name == "Ines Calloway"
    assert claim.mode == "direct"


def test_according_to_her_resolves_to_the_last_named_woman():
    text = "Harbour master Ines Calloway said the storm had passed. According to her, the port will reopen on Monday."
    assert only(attributed(text), "port will reopen").speaker.name == "Ines Calloway"


def test_per_an_agency_after_a_quote_and_its_speaker_relays_that_claim_and_makes_no_claim_of_its_own():
    text = "“The ward has never been this full in winter,” nurse Selma Haddad said, per the AP."
    claims = attributed(text)
    assert len(claims) == 1
    claim = claims[0]
    assert claim.speaker.name == "Selma Haddad"
    assert [v.name for v in claim.via] == ["AP"]


def test_according_to_an_agency_after_a_reported_clause_and_its_speaker_is_a_via():
    text = "The ferry service will stop for a month, harbour master Ines Calloway said, according to Reuters."
    claims = attributed(text)
    assert len(claims) == 1
    assert claims[0].speaker.name == "Ines Calloway"
    assert [v.name for v in claims[0].via] == ["Reuters"]


def test_an_over_or_following_lead_before_a_comma_is_not_the_speaker():
    text = ("Over the past week, Greenline, a freight broker that runs a tracking service for shippers, "
            "claimed the port had lost three hundred containers.")
    claim = only(attributed(text), "lost three hundred containers")
    assert claim.speaker.name.startswith("Greenline")
    assert "week" not in claim.speaker.text


def test_a_paragraph_closing_a_quote_opened_in_the_paragraph_before_continues_its_speaker():
    text = ("The depot chief took questions from reporters for an hour on Wednesday afternoon.\n\n"
            "Depot chief Amara Njoku said: “We moved more grain this month than in all of last year.\n\n"
            "The silos are full and the trucks are waiting at the gate for the weekend shift to start.”\n\n"
            "Farmers said prices had fallen.")
    claims = attributed(text)
    claim = only(claims, "silos are full")
    assert claim.speaker.name == "Amara Njoku"
    assert claim.mode == "direct"
    assert claim.text.startswith("We moved more grain")  # one quotation, one claim
    assert len([c for c in claims if "grain" in c.text or "silos" in c.text]) == 1
    assert only(claims, "prices had fallen").speaker.text == "Farmers"


def test_a_closing_mark_with_no_open_quote_before_it_carries_nothing():
    text = ("Depot chief Amara Njoku said the grain had arrived on time and the silos were nearly full.\n\n"
            "The trucks are waiting at the gate for the weekend shift to start.”")
    assert not any("trucks are waiting" in c.text for c in attributed(text))


def test_lament_and_highlight_verbs_report_a_that_clause_but_not_a_plain_object():
    text = ("The fishermen’s leader Kofi Mensah lamented that the catch had fallen to almost nothing this season. "
            "The ministry highlighted the need for a longer ban.")
    claims = attributed(text)
    assert only(claims, "catch had fallen").speaker.name == "Kofi Mensah"
    assert not any("need for a longer ban" in c.text for c in claims)


def test_attributed_x_to_y_is_the_speakers_claim_but_a_passive_attributed_to_is_not():
    text = ("The fire chief Rana Haddad attributed the blaze to a faulty heater in the storeroom. "
            "The remark attributed to the mayor was never confirmed.")
    claims = attributed(text)
    claim = only(claims, "faulty heater")
    assert claim.speaker.name == "Rana Haddad"
    assert claim.text.startswith("the blaze")
    assert not any("mayor" in (c.speaker.text or "") for c in claims)


def test_citing_a_lowercase_reason_after_a_claim_is_that_speakers_claim_but_citing_officials_is_a_source():
    text = "Union leader Petra Novak called the contract a “trap”, citing repeated cuts to night pay."
    claims = attributed(text)
    reason = only(claims, "repeated cuts to night pay")
    assert reason.speaker.name == "Petra Novak"
    other = "Fares will rise in May, the paper said, citing unnamed transport officials."
    claim = only(attributed(other), "Fares will rise")
    assert "officials" in claim.speaker.text or any("officials" in v.text for v in claim.via)


def test_and_between_two_capitalised_words_is_a_name_not_a_second_clause():
    text = "The auditor said the records of Antigua and Barbuda’s harbour board were incomplete."
    claims = attributed(text)
    assert len(claims) == 1
    assert claims[0].text.endswith("were incomplete")
    split = "The auditor said the records were incomplete and the board has resigned."
    assert len(attributed(split)) == 2


def test_a_first_person_appeal_or_thanks_is_not_a_claim_even_when_its_quote_marks_do_not_close():
    text = ("Coach Dele Bankole said the referee had been unfair all afternoon.\n"
            "“We urge the league to review every decision from the final,’’ he stated.\n"
            "“We would like to thank our fans for travelling so far,” Bankole added.")
    claims = attributed(text)
    assert not any("urge the league" in c.text or "thank our fans" in c.text for c in claims)
    assert only(claims, "referee had been unfair").speaker.name == "Dele Bankole"


def test_a_subject_with_an_apposed_name_told_an_agency_that_keeps_the_spokesman_as_speaker():
    text = "The port authority's spokesman, Samir Haddad, told AFP that 40 containers fell."
    claim = only(attributed(text), "40 containers fell")
    assert "Haddad" in claim.speaker.name
    assert [v.name for v in claim.via] == ["AFP"]
    assert "Haddad" not in claim.text
