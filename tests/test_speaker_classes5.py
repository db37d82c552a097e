"""Speaker classes of issue 2 seen on blind13/blind14: a title inside an English role phrase, ...
Every sentence is written for the test."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_title_inside_a_possessive_role_phrase_is_no_part_of_the_name():
    text = ("Nearly half the province is short of water, and the region’s Water Minister Carla Dunmore said the reservoirs "
            "were at their lowest level in a decade.\n\n"
            "“We have asked every town to cut its use by a fifth before the summer,” Dunmore said on Monday.")
    claims = attributed(text)
    assert only(claims, "reservoirs").speaker.name == "Carla Dunmore"
    assert only(claims, "cut its use").speaker.name == "Carla Dunmore"


def test_relative_clause_inside_a_participle_lead_is_no_subject():
    text = ("Transport chief Maria Harlow spoke at the depot on Friday. Answering questions about the delays, which have angered "
            "commuters across the city for months, Harlow said the new tram line would open in May.")
    claim = only(attributed(text), "tram line")
    assert claim.speaker.text == "Harlow"
    assert claim.speaker.name == "Maria Harlow"


def test_long_name_before_a_comma_title_is_the_subject():
    text = ("Her Highness Doctor Amina bint Rashid Al Harthy, Minister of Health, Social Care and Family Affairs, "
            "confirmed that the ministry will open three new hospitals before the end of 2026.")
    claim = only(attributed(text), "three new hospitals")
    assert "Amina" in claim.speaker.text


def test_name_after_a_title_wins_over_a_lone_capitalised_word_between_commas():
    text = ("Yesterday, Health Minister Dr Paula Greaves, too, urged residents to boil their water as she described "
            "the outbreak as the worst the island had seen in twenty years.")
    claim = only(attributed(text), "outbreak")
    assert claim.speaker.name == "Paula Greaves"


def test_titled_name_after_a_body_word_is_a_person_and_a_report_is_no_antecedent_of_he():
    text = ("Fiji Police Commissioner Tevita Ralulu has dismissed a British newspaper report that officers took bribes at the border, "
            "saying it is “a fabrication”.\n"
            "“Nobody from the newspaper asked us for our records before printing these claims,” he said.")
    claims = attributed(text)
    assert only(claims, "officers took bribes").speaker.kind == "group"
    quoted = only(claims, "Nobody from the newspaper")
    assert quoted.speaker.name == "Tevita Ralulu"
    assert quoted.speaker.kind == "person"


def test_outlet_opening_a_speech_clause_is_the_via_of_its_subject():
    text = ("ووفق صحيفة الوطن العمانية؛ فقد أكد وزير الاقتصاد العماني سعيد الكندي أن النمو بلغ 3% هذا العام.\n"
            "وكشف أن الحكومة ستطرح سندات جديدة في الربع الأول من العام المقبل.")
    claims = attributed(text)
    first = only(claims, "النمو بلغ")
    assert first.speaker.kind == "person"
    assert [v.text for v in first.via] == ["صحيفة الوطن العمانية"]
    carried = only(claims, "سندات جديدة")
    assert carried.speaker.name == first.speaker.name
    assert [v.text for v in carried.via] == ["صحيفة الوطن العمانية"]


def test_name_in_apposition_after_a_title_cut_at_a_preposition_stays_in_the_speaker():
    text = ("وقال المدير العام لهيئة المياه في حكومة الإقليم، كاوه علي، لوكالة الأنباء المحلية إن مخزون السدود "
            "انخفض إلى النصف مقارنة بالعام الماضي.")
    claim = only(attributed(text), "مخزون السدود")
    assert "كاوه علي" in claim.speaker.text


def test_forum_markup_tag_opening_a_line_does_not_hide_its_attribution():
    text = ("[CENTER] أكد مدرب الهلال سامي الحربي إصابة المدافع خالد الشمري خلال المران الأخير، وقال: سنعود إلى المنافسة "
            "على اللقب في الموسم المقبل بعد تدعيم خط الدفاع”.[/CENTER]")
    claim = only(attributed(text), "سنعود إلى المنافسة")
    assert "سامي الحربي" in claim.speaker.text
    assert "CENTER" not in claim.text


def test_quoted_name_after_a_title_belongs_to_the_speaker():
    text = ("صرح وزير التعليم بحكومة الوفاق ” علي المبروك” خلال لقائه مع نقابة المعلمين بشأن «تعديل المناهج الدراسية» قائلاً: "
            "سنرفع رواتب المعلمين بنسبة عشرين بالمئة مطلع العام المقبل.")
    claim = only(attributed(text), "سنرفع رواتب المعلمين")
    assert "علي المبروك" in claim.speaker.text


def test_comma_then_wa_anna_after_a_participle_cue_opens_a_second_claim():
    text = ("قال وزير الري حسن عبد الله إن منسوب النهر مستقر هذا الأسبوع، مشيراً إلى أن الموسم الحالي هو موسم حصاد القمح، "
            "وأن كميات المياه المطلقة من السد تكفي حاجة المزارعين حتى نهاية الشهر.")
    claims = attributed(text)
    first = only(claims, "موسم حصاد القمح")
    second = only(claims, "كميات المياه المطلقة")
    assert first is not second
    assert second.speaker.name == first.speaker.name
