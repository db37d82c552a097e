"""Splitter constructions of recall round 5 (session 5): contrasts inside reported words, 'فحسب', straight quotation
marks after a complementiser, and English leading participle clauses."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_contrast_inside_reported_words_stays_in_the_claim():
    claims = attributed("قال وزير الزراعة إن المحصول جيد هذا العام ولكن الأسعار ما زالت مرتفعة في الأسواق.")
    crop = only(claims, "المحصول جيد")
    assert "الأسعار ما زالت مرتفعة" in crop.text


def test_not_only_but_keeps_both_halves():
    claims = attributed("وأكد الوزير أن المشروع ليس خطوة اقتصادية فحسب، بل رسالة ثقة في مستقبل المدينة.")
    project = only(claims, "ليس خطوة اقتصادية")
    assert "رسالة ثقة" in project.text


def test_according_to_still_opens_a_source():
    claims = attributed("وارتفعت أسعار الوقود بنسبة عشرة في المئة، حسب ما أعلنت وزارة الطاقة.")
    assert only(claims, "أسعار الوقود").speaker.text == "وزارة الطاقة"


def test_straight_mark_glued_to_complementiser_opens_and_before_a_period_closes():
    claims = attributed('قال رئيس الوزراء سامي حداد أن" الهدف من المسيرة إثارة الفوضى في العاصمة". '
                        'وقال حداد في كلمة أخرى إن الحكومة ستجري الانتخابات في موعدها.')
    aim = only(claims, "الهدف من المسيرة")
    assert "الانتخابات" not in aim.text and aim.mode == "direct"
    assert only(claims, "ستجري الانتخابات").speaker.text == "حداد"


def test_second_complementiser_mark_opens_a_new_quote():
    claims = attributed('وأكد الوزير أن " المرحلة المقبلة تتطلب تعاون الجميع. وفي تصريح آخر، قال الوزير، أنه " '
                        'لا توجد أي زيادة في أسعار الخبز.')
    stage = only(claims, "المرحلة المقبلة")
    assert "الخبز" not in stage.text and stage.mode == "direct"
    assert only(claims, "أسعار الخبز").text.startswith("لا توجد")


def test_stray_closing_mark_at_the_claim_end_is_not_a_quotation():
    claims = attributed("قال المدير إن المصنع يعمل بكامل طاقته، لكن نقص المواد الخام يبطئ الإنتاج”.")
    assert only(claims, "المصنع يعمل").mode == "indirect"


def test_leading_participle_clause_is_not_the_claim():
    claims = attributed("Addressing a rally in the capital, Ahmed said, both parties are ready to talk. "
                        "Commenting on the report, Smith said the figures were wrong.")
    assert not [c for c in claims if c.text.startswith(("Addressing", "Commenting"))]
    assert only(claims, "both parties").speaker.text == "Ahmed"
    assert only(claims, "figures were wrong").speaker.text == "Smith"


def test_clause_said_first_still_taken_before_the_cue():
    claims = attributed("Rising prices hit the poorest families hardest this winter, Smith said.")
    assert only(claims, "Rising prices").speaker.text == "Smith"


def test_capitalised_subject_after_said_stays_in_the_claim():
    claims = attributed("The spokesman said Norway will send two more ships to the area.")
    assert only(claims, "two more ships").text.startswith("Norway will send")


def test_listener_after_told_is_still_a_relay():
    claims = attributed("The spokesman told Reuters the harbour will reopen on Friday.")
    harbour = only(claims, "harbour will reopen")
    assert harbour.text.startswith("the harbour") and [v.text for v in harbour.via] == ["Reuters"]
