"""Speaker classes of issue 2 seen on fresh articles: quoted words are no speaker a pronoun can
stand for; an English family name alone is the full name written earlier; Arabic name edges."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_pronoun_after_quote_is_the_named_person_not_quoted_words():
    text = ("Team manager Grace Obi says the tournament was poorly organised.\n\n"
            "Obi told reporters that the pitch was flooded before kick-off.\n\n"
            "“I’m a player myself, and what I saw in the second half shows that the officials were tired,’’ she alleged.\n\n"
            "She further said the organisers had ignored her letters.")
    claims = attributed(text)
    for c in claims:
        assert "I’m" not in (c.speaker.name or ""), c
    assert only(claims, "ignored her letters").speaker.name == "Grace Obi"


def test_english_family_name_alone_is_the_full_name_after_a_courtesy_title():
    text = ("The observatory announced a new comet on Monday, said Dr. Marta Kowalczyk, who leads the survey team.\n\n"
            "Kowalczyk says the team finds about 900 asteroids every year.\n\n"
            "She said the comet will be visible with binoculars in March.")
    claims = attributed(text)
    assert only(claims, "900 asteroids").speaker.name == "Marta Kowalczyk"
    assert only(claims, "binoculars").speaker.name == "Marta Kowalczyk"


def test_arabic_name_after_a_conjoined_body_word_keeps_only_the_name():
    text = ("وقال المتحدث باسم هيئة الدفاع المدني والإنقاذ أسامة حمدان إن فرق الإنقاذ انتشلت عشرين جثة من تحت الأنقاض.")
    claim = only(attributed(text), "فرق الإنقاذ")
    assert claim.speaker.name == "Osama Hamdan"


def test_arabic_family_name_after_an_unknown_middle_name_stays_in_the_name():
    text = ("وقال وزير الزراعة العراقي رزاق محيبس السعداوي إن إنتاج القمح ارتفع هذا العام بنسبة كبيرة.")
    name = only(attributed(text), "إنتاج القمح").speaker.name
    assert name.startswith("Razzaq") and name.endswith("al-Saadawi")
