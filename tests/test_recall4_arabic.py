"""Arabic recall classes of the fourth recall round."""

from __future__ import annotations

from claimtrack.split import extract


def attributed(text: str):
    return [c for c in extract(text) if c.mode != "unattributed"]


def test_statistic_noun_after_wifq_is_a_source():
    claims = attributed("وسجلت المدينة ارتفاعا كبيرا في عدد الإصابات خلال الشهر الماضي وفق آخر إحصائية رسمية.")
    assert len(claims) == 1
    assert claims[0].speaker.text == "آخر إحصائية رسمية"
    assert claims[0].text.startswith("وسجلت المدينة ارتفاعا")


def test_wifq_before_a_plain_noun_is_still_accordance():
    assert attributed("ويعمل المصنع الجديد وفق معايير الجودة الأوروبية منذ افتتاحه.") == []
