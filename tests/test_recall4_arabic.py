"""Arabic recall classes of the fourth recall round."""

from __future__ import annotations

from claim_helpers import attributed


def test_statistic_noun_after_wifq_is_a_source():
    claims = attributed("وسجلت المدينة ارتفاعا كبيرا في عدد الإصابات خلال الشهر الماضي وفق آخر إحصائية رسمية.")
    assert len(claims) == 1
    assert claims[0].speaker.text == "آخر إحصائية رسمية"
    assert claims[0].text.startswith("وسجلت المدينة ارتفاعا")


def test_wifq_before_a_plain_noun_is_still_accordance():
    assert attributed("ويعمل المصنع الجديد وفق معايير الجودة الأوروبية منذ افتتاحه.") == []


def test_quote_opened_by_inna_gives_one_claim_per_complement():
    claims = attributed('وقال المحافظ في مؤتمر صحفي "إن المياه عادت إلى الأحياء الشرقية، وإن الطرق المغلقة ستفتح غدا، '
                        'مشيرا إلى أن فرق الصيانة أنهت عملها".')
    assert [c.text for c in claims] == ["المياه عادت إلى الأحياء الشرقية", "الطرق المغلقة ستفتح غدا", "فرق الصيانة أنهت عملها"]
    assert {c.speaker.text for c in claims} == {"المحافظ"} and {c.mode for c in claims} == {"direct"}


def test_nested_complement_in_a_quote_stays_inside_its_clause():
    claims = attributed('وقال الوزير "إن التقرير يؤكد أن الأسعار مستقرة، وأن الرواتب ستصرف في موعدها".')
    assert [c.text for c in claims] == ["التقرير يؤكد أن الأسعار مستقرة، وأن الرواتب ستصرف في موعدها"]


def test_denial_with_an_after_the_speaker_and_following_participles():
    claims = attributed("نفى مدرب الفريق، عن وجود أي خلافات داخل غرفة الملابس، مؤكدا أن اللاعبين ملتزمون بالتعليمات.")
    assert [c.text for c in claims] == ["وجود أي خلافات داخل غرفة الملابس", "اللاعبين ملتزمون بالتعليمات"]
    assert claims[0].polarity == "denied" and claims[0].speaker.text == "مدرب الفريق"
    assert claims[1].speaker.text == "مدرب الفريق"
