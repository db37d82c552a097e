"""Speaker classes of issue 2 seen on blind15/blind16: a title then a short name whose clause runs on, a topic
phrase before the cue, an anonymous source an outlet relays, a title abbreviation in brackets, and 'He' with
no speaker heard before it. Every sentence is written for the test."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_title_then_comma_then_name_running_to_a_stop_word_keeps_the_name():
    text = ("أفاد وزير النقل والمواصلات والموانئ البحرية، كريم الجلاصي على هامش زيارته لميناء المدينة الجديد يوم الأحد، "
            "بأن حركة الشحن عادت إلى مستواها الطبيعي خلال الأسبوع الماضي، مضيفا أن الرصيف الثاني سيفتح قريبا.")
    claim = only(attributed(text), "حركة الشحن")
    assert "الجلاصي" in claim.speaker.text
    assert "وزير" not in claim.speaker.name


def test_topic_phrase_before_the_cue_is_no_speaker():
    text = ("قال وزير المالية أحمد كمال إن عجز الموازنة تراجع خلال العام الحالي بنسبة كبيرة.\n\n"
            "وفيما يخص أسعار الوقود قال إن الحكومة لن ترفعها قبل نهاية الصيف المقبل.\n\n"
            "وفي شأن رواتب الموظفين أكد أن الزيادة ستصرف مطلع الشهر القادم.")
    claims = attributed(text)
    first = only(claims, "عجز الموازنة").speaker.name
    assert only(claims, "لن ترفعها").speaker.name == first
    assert only(claims, "الزيادة ستصرف").speaker.name == first


def test_anonymous_source_relayed_by_an_outlet_stays_the_speaker():
    text = ("واستنكر مصدر بالداخلية، القرار الصادر عن البرلمان والذي يهدف إلى تقليص ميزانية الأمن في المحافظات الجنوبية، "
            "وفق ما نقلته \"سكاي نيوز\".\n\n"
            "وأضاف المصدر أن الوزارة ستطعن في القرار أمام المحكمة الدستورية.")
    claims = attributed(text)
    relayed = only(claims, "تقليص ميزانية")
    assert relayed.speaker.kind == "anonymous"
    assert [v.name for v in relayed.via] == ["Sky News Arabia"]
    assert only(claims, "ستطعن").speaker.name == relayed.speaker.name


def test_bracketed_title_abbreviation_is_no_part_of_the_name():
    text = ("Health Cabinet Secretary (CS) Wanjiru Kamau has said that the new clinics will open in March.\n\n"
            "Health CS Wanjiru Kamau also said the drugs had been delivered.")
    claims = attributed(text)
    assert only(claims, "new clinics").speaker.name == "Wanjiru Kamau"
    assert only(claims, "drugs had been").speaker.name == "Wanjiru Kamau"


def test_he_with_no_speaker_heard_is_the_person_the_article_follows():
    text = ("The chairman of the traders' union in Ikeja, Peter Okonkwo, was arrested by police on Monday night.\n\n"
            "Okonkwo had in a video urged traders to shut their shops until the new levy was withdrawn.\n\n"
            "Officers took Okonkwo to a station in the city centre.\n\n"
            "He said: “We will not pay this levy. Every shop will stay closed until the government listens to us.”")
    claim = only(attributed(text), "pay this levy")
    assert claim.speaker.name == "Peter Okonkwo"
