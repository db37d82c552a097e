"""Speakers named once and described later (issue 2): a title or a definite description standing
alone as a speaker is the one person or organisation named earlier that it fits; the courtesy
title "السيد" against the given name El-Sayed; English speaker spans and names."""

from __future__ import annotations

from claimtrack.entities import person_name
from claimtrack.split import extract
from claim_helpers import attributed, only


# ---------------------------------------------------------------- Arabic titles bound to the person named earlier


def test_title_after_name_then_title_alone_is_that_person():
    text = ("قال خالد عيسى، وزير السياحة والآثار، إن عدد السائحين ارتفع خلال الشهر الماضي بنسبة عشرين بالمئة.\n\n"
            "وقال مسؤول في مطار القاهرة إن الرحلات القادمة من أوروبا تضاعفت.\n\n"
            "وأوضح وزير السياحة والآثار أن الإيرادات بلغت أربعة مليارات دولار.")
    claims = attributed(text)
    first, later = only(claims, "عدد السائحين"), only(claims, "الإيرادات")
    assert later.speaker.text == "وزير السياحة والآثار"  # the speaker as written
    assert later.speaker.name == first.speaker.name and later.speaker.kind == "person"
    assert first.speaker.name.isascii()  # a name, not the title


def test_title_before_name_then_shorter_title_is_that_person():
    text = ("أكد وزير النقل المصري محمد عبد العزيز أن القطار السريع سيبدأ العمل في يونيو المقبل.\n\n"
            "وقالت مصادر في الوزارة إن العمل يجري على مدار الساعة.\n\n"
            "وأشار الوزير المصري إلى أن تكلفة المشروع بلغت ثلاثة مليارات دولار.")
    claims = attributed(text)
    assert only(claims, "تكلفة المشروع").speaker.name == only(claims, "القطار السريع").speaker.name


def test_title_fitting_two_named_people_binds_to_neither():
    text = ("قال وزير الخارجية الأمريكي أنتوني بلينكن إن المحادثات ستستأنف الأسبوع المقبل في جنيف.\n\n"
            "من جهته، قال وزير الخارجية الروسي سيرغي لافروف إن بلاده لم تتلق أي مقترح مكتوب حتى الآن.\n\n"
            "وأكد وزير الخارجية في مؤتمر صحفي أن الوفد سيصل يوم الأحد.")
    claims = attributed(text)
    named = {only(claims, "المحادثات").speaker.name, only(claims, "مقترح مكتوب").speaker.name}
    later = only(claims, "الوفد سيصل")
    assert later.speaker.name not in named


def test_deputy_is_not_the_minister():
    text = ("قال نائب وزير الزراعة خالد العمري إن موسم الحصاد بدأ مبكرا هذا العام في المحافظات الجنوبية.\n\n"
            "وأكد وزير الزراعة أن الحكومة سترفع سعر توريد القمح بنسبة عشرة بالمئة.")
    claims = attributed(text)
    assert only(claims, "سعر توريد").speaker.name != only(claims, "موسم الحصاد").speaker.name


def test_title_named_only_outside_a_report_binds_through_the_text():
    text = ("عقد رئيس الوزراء اجتماعا مع الدكتور محمد شاكر المرقبي، وزير الكهرباء والطاقة المتجددة، لمتابعة خطة الصيف.\n\n"
            "وأوضح وزير الكهرباء أن حجم الإنتاج في وقت الذروة بلغ 28600 ميجاوات.")
    later = only(attributed(text), "حجم الإنتاج")
    assert later.speaker.text == "وزير الكهرباء"
    assert later.speaker.name == person_name("محمد شاكر المرقبي") and later.speaker.name.isascii()


def test_longer_title_in_the_text_is_another_post():
    text = ("Prime Minister Narendra Modi opened the new terminal on Monday.\n\n"
            "The Minister of State for Agriculture said farmers would get new seeds this year.\n\n"
            "The minister said the state would also buy more wheat.")
    later = only(attributed(text), "buy more wheat")
    assert later.speaker.name != "Narendra Modi"


def test_the_president_is_not_the_head_of_another_body():
    text = ("قال رئيس الوزراء مصطفى مدبولي إن الحكومة ستخفض الدعم تدريجيا خلال العام المقبل.\n\n"
            "وأكد الرئيس أن الدولة لن تتخلى عن محدودي الدخل في أي حال.")
    claims = attributed(text)
    assert only(claims, "محدودي الدخل").speaker.name != only(claims, "ستخفض الدعم").speaker.name


# ---------------------------------------------------------------- السيد: Mr or El-Sayed


def test_sayed_before_a_given_name_is_a_courtesy_title():
    plain = attributed("قال خالد حسن إن الأسعار ارتفعت بنسبة خمسة بالمئة في شهر مارس الماضي.")
    titled = attributed("قال السيد خالد حسن إن الأسعار ارتفعت بنسبة خمسة بالمئة في شهر مارس الماضي.")
    assert titled[0].speaker.name == plain[0].speaker.name and plain[0].speaker.name.isascii()
    assert titled[0].speaker.text == "السيد خالد حسن"


def test_sayed_before_a_family_name_is_the_given_name():
    claims = attributed("قال السيد القصير، وزير الزراعة، إن المساحة المزروعة بالقمح بلغت ثلاثة ملايين فدان هذا العام.")
    name = claims[0].speaker.name
    assert name.isascii() and len(name.split()) == 2  # given name and family name, in Latin letters


# ---------------------------------------------------------------- English descriptions and names


def test_the_minister_is_the_minister_named_earlier():
    text = ("B.C. Health Minister Adrian Dix said the province had ordered 40,000 more test kits.\n\n"
            "Dr. Bonnie Henry, the provincial health officer, said two new cases were confirmed on Thursday.\n\n"
            "Henry said both patients had travelled from Hubei province.\n\n"
            "The minister said the kits would arrive by the end of the month.")
    claims = attributed(text)
    assert only(claims, "test kits").speaker.name == "Adrian Dix"
    assert only(claims, "two new cases").speaker.name == "Bonnie Henry"
    assert only(claims, "travelled from Hubei").speaker.name == "Bonnie Henry"
    later = only(claims, "would arrive")
    assert later.speaker.name == "Adrian Dix" and later.speaker.text == "The minister"


def test_the_company_is_the_one_organisation_that_spoke():
    text = ("Nike said on Tuesday that hackers may have stolen the passwords of about two million customers.\n\n"
            "Dr. Sarah Lin, a security researcher at Stanford University, said the breach was one of the largest this year.\n\n"
            "Company officials said they are working with law enforcement to investigate the breach.\n\n"
            "The company said it had reported the incident to the police.")
    claims = attributed(text)
    later = only(claims, "reported the incident")
    assert later.speaker.name == "Nike" and later.speaker.kind == "organization"


def test_appositive_name_after_a_role_is_the_speaker_name():
    claims = attributed('"The rover is in good health," the spokesperson, Guy Webster, said on Monday.')
    assert claims[0].speaker.name == "Guy Webster"


def test_second_verb_of_a_coordinated_predicate_keeps_the_first_subject():
    text = ("Vaidyanathan said the police were harassing the staff of the firm every day.\n\n"
            "Kamat refuted the allegation and said the firm had been less than fair with the court.")
    claims = attributed(text)
    later = only(claims, "less than fair")
    assert later.speaker.text == "Kamat"


def test_subordinator_before_a_speaker_is_not_part_of_it():
    text = ("The statement did not give the number of customers affected, though a spokesperson later told "
            "reporters that a few million consumers could be affected.")
    claims = attributed(text)
    assert only(claims, "few million").speaker.text == "a spokesperson"


def test_director_general_keeps_the_rest_of_the_speaker_phrase():
    text = ("قال المدير العام لمنظمة الصحة العالمية تيدروس أدهانوم غيبريسوس إن المنظمة تدعو إلى وقف الجرعات المنشطة.")
    claims = attributed(text)
    assert "تيدروس" in only(claims, "الجرعات المنشطة").speaker.text


# ---------------------------------------------------------------- the outlet naming itself in the story


def unattributed(text: str):
    return [c for c in extract(text) if c.mode == "unattributed"]


def test_story_that_says_it_learned_something_is_the_outlet():
    text = ("Dengue cases rise\n\n"
            "The number of confirmed dengue cases in the parish has increased from 40 to 57, Island Post Magazine has learned.\n\n"
            "The health ministry opened two more fever clinics in the capital on Monday.")
    claims = unattributed(text)
    assert claims and all(c.speaker.name == "Island Post Magazine" and c.speaker.kind == "outlet" for c in claims)


def test_bracketed_dateline_names_an_unregistered_outlet_but_not_a_label():
    own = unattributed("دهوك (زاخو نيوز)- ضربت عاصفة ثلجية قوية المحافظة صباح اليوم وأغلقت الطرق الجبلية المؤدية إلى الحدود التركية.")
    assert own and own[0].speaker.name == "زاخو نيوز"
    label = unattributed("القاهرة (خاص)- ضربت عاصفة ترابية قوية العاصمة صباح اليوم وأغلقت الطرق المؤدية إلى المطار الدولي.")
    assert label and label[0].speaker.name == "unknown outlet"


def test_title_and_first_name_alone_is_the_person_named_in_full():
    text = ("MUNICH: Saudi Arabia's Foreign Minister Prince Faisal bin Farhan said Iran must change its behaviour first.\n\n"
            "Prince Faisal said the Kingdom has always supported a political solution in Yemen.")
    claims = attributed(text)
    assert only(claims, "change its behaviour").speaker.name == "Faisal bin Farhan"
    assert only(claims, "political solution").speaker.name == "Faisal bin Farhan"


def test_sentence_adverb_between_commas_is_not_part_of_the_speaker():
    claims = attributed("The head of the farmers' union, however, said the current price would drive farmers away from wheat.")
    assert only(claims, "drive farmers").speaker.text == "The head of the farmers' union"


def test_per_before_a_unit_is_a_rate_not_a_source():
    claims = extract("Forecasters expect between 5cm and 7.6cm of rain per hour to drench the area in the evening.")
    assert all(c.cue != "per" for c in claims)
    reported = attributed("The airline cancelled 40 flights on Monday, per Reuters.")
    assert reported and reported[0].speaker.name == "Reuters"
