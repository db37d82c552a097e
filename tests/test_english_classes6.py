"""English attribution classes of issue 2 (round 6): appeals and imperatives are no claims, a cue word after a
determiner is an adjective or a noun, 'citing Y' after a reporter makes Y the speaker, a participle after a
long main clause keeps the main clause's subject. Every sentence here was written for its test."""

from __future__ import annotations

from claim_helpers import attributed, only

from claimtrack.split import extract


def test_an_imperative_quote_is_not_a_claim_nor_the_outlets_statement():
    text = ('"Roads across the valley will turn to ice overnight," the Harlow weather office warns. '
            '"Beware of falling branches near power lines."')
    claims = extract(text)
    assert only(claims, "turn to ice").speaker.name != "unknown outlet"
    assert not [c for c in claims if "Beware" in c.text]


def test_a_reminder_to_the_public_and_a_must_be_avoided_quote_are_appeals():
    text = ('“I remind the public to boil drinking water before use,” said the district health officer, Rosa Tamm. '
            '“Canal water must be avoided until the tests are done,” she said.')
    assert extract(text) == []


def test_a_cue_word_after_a_determiner_is_an_adjective_not_a_reporting_verb():
    text = "The second confirmed case was a woman in her 30s who lives in Gdansk."
    assert attributed(text) == []


def test_a_warning_after_a_and_an_adjective_is_a_noun_and_the_participle_keeps_the_subject():
    text = ("Mayor Ilse Varga also issued a stern warning against swimming in the lake, noting that algae levels "
            "had tripled since June.")
    claims = attributed(text)
    assert [c.text for c in claims] == ["algae levels had tripled since June"]
    assert claims[0].speaker.name == "Ilse Varga"


def test_news_reports_of_something_is_a_noun_phrase_not_a_report_by_the_news():
    text = "The finance ministry kept silent on Monday on news reports of a possible merger of the two state banks."
    assert attributed(text) == []


def test_a_reporter_citing_a_source_relays_that_source():
    text = ("The port will close for six weeks from May, the Lakeside Courier said in a front-page story, "
            "citing an unnamed official.")
    claim = only(attributed(text), "port will close")
    assert claim.speaker.text == "an unnamed official"
    assert [v.text for v in claim.via] == ["the Lakeside Courier"]


def test_single_curly_quotes_hold_a_direct_quote_and_an_apostrophe_does_not_close_it():
    text = ("‘Harbour Gas has the biggest share of the town’s customers and it has failed to cut prices for households,’ "
            "he said. ‘We are calling on the council to force every supplier to pass on the savings,’ he added.")
    claims = attributed(text)
    claim = only(claims, "biggest share")
    assert claim.mode == "direct"
    assert claim.text.endswith("cut prices for households")
    assert not [c for c in claims if "calling on" in c.text]


def test_a_participle_after_a_lead_clause_and_a_long_subject_keeps_the_subject():
    text = ("Criticising the board, councillor Ruth Okoye (Lab) from the north ward, demanded an inquiry into the sale, "
            "describing the price as ‘a giveaway.’")
    claim = only(attributed(text), "the price")
    assert "Ruth Okoye" in claim.speaker.name and "demanded" not in claim.speaker.text


def test_saying_it_is_a_quoted_falsity_is_a_denied_mixed_claim():
    text = ("Fisheries minister Jonas Vilde has rejected a newspaper report that trawlers fished inside the reserve, "
            "saying it is “a pack of lies”.")
    claim = only(attributed(text), "pack of lies")
    assert claim.text.startswith("it is")
    assert claim.mode == "mixed" and claim.polarity == "denied"
    assert claim.speaker.name == "Jonas Vilde"


def test_a_report_with_an_owner_then_that_reports_for_the_owner():
    text = ("The mayor was answering a regional weekly's report that the bypass contract had been awarded without a tender. "
            "The port authority has brushed aside a Danish shipping report that cargo volumes fell by a third last year.")
    claims = attributed(text)
    assert only(claims, "bypass contract").speaker.text == "a regional weekly"
    assert only(claims, "cargo volumes").speaker.text == "a Danish shipping report"


def test_a_report_with_no_owner_reports_nothing_of_its_own():
    text = "The council reviewed the report that the engineers had filed in March."
    assert attributed(text) == []


def test_as_announced_by_is_an_adjunct_not_a_reporting_verb_with_a_subject():
    text = "The delay of the levy as announced by the treasury was meant to give traders time to adjust their prices."
    assert not [c for c in attributed(text) if "treasury" in c.text or "levy" in c.speaker.text]


def test_an_adverb_after_the_pronoun_does_not_hide_an_appeal():
    text = "“We sincerely want to thank the volunteers who searched the hills all night,” said Mira Holm, the rescue chief."
    assert attributed(text) == []


def test_amid_claims_with_that_left_out_is_a_claim_of_an_unnamed_source():
    text = "Several unions stayed away from the talks amid claims the new rota for nurses was drawn up in secret."
    claim = only(attributed(text), "new rota")
    assert claim.text == "the new rota for nurses was drawn up in secret"
    assert claim.speaker.text == "claims"


def test_while_before_a_reduced_clause_keeps_it_in_the_claim_and_told_skips_its_object():
    text = ("The ferry captain said he wore a life jacket while checking the hull. "
            "He also told the inspectors he kept the radio on while ashore.")
    claims = attributed(text)
    assert only(claims, "life jacket").text == "he wore a life jacket while checking the hull"
    assert only(claims, "radio").text == "he kept the radio on while ashore"


def test_while_before_a_clause_of_its_own_still_ends_the_claim():
    text = "The agency said 40 homes were flooded, while 300 others lost power for a day."
    assert only(attributed(text), "homes were flooded").text == "40 homes were flooded"


def test_rubbishing_an_owned_report_denies_the_report_and_leaves_its_claim_to_it():
    text = ("Fire chief Dana Kowal has rubbished a Swedish television report that crews arrived two hours late, "
            "saying the logs show otherwise.")
    claims = attributed(text)
    denial = only(claims, "Swedish television report")
    assert denial.text == "a Swedish television report"
    assert denial.speaker.name == "Dana Kowal" and denial.polarity == "denied"
    assert only(claims, "crews arrived").speaker.text == "a Swedish television report"


def test_debunked_reports_of_something_is_a_denied_claim():
    text = "The water board has debunked reports of lead in the city's tap water."
    claim = only(attributed(text), "reports of lead")
    assert claim.polarity == "denied" and "water board" in claim.speaker.text


def test_wrote_of_it_names_a_topic_not_a_proposition():
    text = "The leak was first noticed by blogger Anton Reyes, who wrote of it on his site, reyesreports.net."
    assert attributed(text) == []


def test_a_cue_after_to_is_an_infinitive_not_an_attribution_of_the_words_before_it():
    text = "Marek Nowak, aged 41, of Mill Lane, Torfaen, appeared at Cardiff Crown Court to deny three counts of fraud."
    assert not [c for c in attributed(text) if "Marek Nowak" in c.text]


def test_an_unmet_expectation_is_not_a_claim():
    text = "Shipping agent Tunde Bello said he had expected the harbour board to clear the backlog months ago."
    assert extract(text) == []
