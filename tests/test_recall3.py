"""Recall classes of the third recall round: objects after إلى, quoted-as-saying, stray-stop objects."""

from __future__ import annotations

from claimtrack.segment import paragraphs
from claim_helpers import attributed


def test_noun_phrase_after_ashar_ila_is_the_claim():
    claims = attributed("وأشار المحافظ الى مشروع جديد لصيانة الطرق الريفية في الأقضية الشمالية.")
    assert len(claims) == 1
    assert claims[0].text.startswith("مشروع جديد لصيانة الطرق")
    assert claims[0].speaker.text == "المحافظ"


def test_ashar_ila_anna_still_gives_the_complement():
    claims = attributed("ولفتت الهيئة إلى أن الأسعار لم ترتفع هذا الشهر.")
    assert [c.text for c in claims] == ["الأسعار لم ترتفع هذا الشهر"]


def test_bare_demonstrative_after_ila_is_no_claim():
    assert attributed("وأشار التقرير إلى ذلك في فقرته الأخيرة.") == []


def test_denied_news_item_is_the_object():
    claims = attributed("وقال مسؤول في الوزارة إن المحادثات مستمرة. ونفى هذا المسؤول نبأ استقالة رئيس الوزراء من منصبه.")
    denied = [c for c in claims if c.polarity == "denied"]
    assert len(denied) == 1 and "استقالة رئيس الوزراء" in denied[0].text
    assert denied[0].speaker.text.startswith("مسؤول")


def test_quote_first_was_quoted_as_saying():
    claims = attributed('"The bridge looked ready to collapse," Ahmed was quoted as saying.')
    assert len(claims) == 1
    c = claims[0]
    assert (c.text, c.speaker.text, c.mode) == ("The bridge looked ready to collapse", "Ahmed", "direct")


def test_speech_verb_cut_off_from_its_object_gives_no_claim():
    text = ("وقال البنك إن التضخم تراجع في الشهر الماضي. حيث تشير البيانات الأولية للربع الثالث من العام. "
            "إلى ارتفاع النمو.")
    assert not any(c.text.startswith("البيانات الأولية") for c in attributed(text))


def test_line_broken_inside_a_sentence_is_one_paragraph():
    text = ("قال رئيس هيئة الطيران المدني، إن هناك\n"
            "عطلا فنيا في برج المراقبة بالمطار الدولي، مضيفًا أن الرحلات تأخرت ساعتين.")
    claims = attributed(text)
    texts = [c.text.replace("\n", " ") for c in claims]
    assert texts == ["هناك عطلا فنيا في برج المراقبة بالمطار الدولي", "الرحلات تأخرت ساعتين"]
    assert all("رئيس هيئة الطيران" in c.speaker.text for c in claims)


def test_lines_broken_after_a_preposition_or_inside_guillemets_join():
    text = "وأضاف في حديث لبرنامج «صباح\nالخير»، أن الحركة عادت في\nالمطار مساء أمس.\nالخبر التالي هنا."
    paras = [text[s:e] for s, e in paragraphs(text)]
    assert paras == ["وأضاف في حديث لبرنامج «صباح\nالخير»، أن الحركة عادت في\nالمطار مساء أمس.", "الخبر التالي هنا."]


def test_title_line_without_stop_stays_apart():
    text = "وزير النقل يعلن خطة جديدة للطرق\nقال وزير النقل إن الخطة تشمل 40 طريقا جديدا في المحافظات."
    claims = attributed(text)
    assert [c.text for c in claims] == ["الخطة تشمل 40 طريقا جديدا في المحافظات"]
