"""Classes from the blind9 round: capitalised modal-looking words inside names, and story
paragraphs that body detection used to drop (guillemets read as breadcrumbs, a stripped
"Related News" list, short or hard-wrapped paragraphs opening with a reporting verb)."""

from __future__ import annotations

from claimtrack.boilerplate import find_body
from tests.claim_helpers import attributed, only


def test_a_capitalised_modal_inside_a_name_is_part_of_the_name():
    text = ("Fire Marshal Will Ortega said that the blaze started in a storage room.\n\n"
            "Council member May Haddad told reporters that the budget was balanced.\n")
    claims = attributed(text)
    assert only(claims, "blaze started").speaker.text.endswith("Will Ortega")
    assert only(claims, "budget was balanced").speaker.text.endswith("May Haddad")


def test_a_lowercase_modal_still_makes_the_cue_word_a_noun():
    claims = attributed("The committee will investigate reports that the contract was rigged.\n")
    assert not any(c.speaker and "committee" in c.speaker.text for c in claims)


def _in_body(raw: str, words: str) -> bool:
    at = raw.index(words)
    return any(s <= at < e for s, e in find_body(raw).body)


STORY = ("قال رئيس هيئة الموانئ إن حركة السفن عادت إلى طبيعتها بعد توقف دام يومين بسبب العاصفة.\n\n"
         "وأوضح أن الهيئة ستراجع خطط الطوارئ خلال الأسابيع المقبلة بالتعاون مع الجهات المعنية.\n\n")


def test_guillemets_in_a_paragraph_are_quotes_not_breadcrumbs():
    line = "وأضاف «حسن» خلال مداخلة هاتفية لـ«برنامج المساء»، مساء الأحد، أن الموانئ تعمل «بكامل طاقتها» منذ الصباح."
    raw = STORY + line + "\n\nوأشار إلى أن الخسائر محدودة ولم تتجاوز التقديرات الأولية التي أعلنتها الهيئة.\n"
    assert _in_body(raw, "وأضاف «حسن»")
    crumbs = "الرئيسية » أخبار » اقتصاد\n\n" + STORY
    assert not _in_body(crumbs, "الرئيسية")


def test_a_bare_related_label_inside_the_story_does_not_end_it():
    head = ("The port authority said on Monday that shipping had returned to normal after the storm.\n\n"
            "Officials said two terminals would stay closed for repairs until the end of the week at least.\n\n"
            "Dock workers, who had been sent home on Saturday, were called back to unload the waiting ships.\n")
    tail = ("\nIts director told reporters that the losses were smaller than first feared by the insurers.\n\n"
            "The authority also said that it would review its emergency plans before the next season.\n")
    assert _in_body(head + "Related News\n" + tail, "Its director told reporters")
    appended = head + "Related News\nStorm batters coast\nFerries cancelled\n" + tail
    assert not _in_body(appended, "Its director told reporters")


def test_a_short_paragraph_opening_with_a_reporting_verb_is_body():
    raw = STORY + "كما حذر المسؤول من مخاطر الإبحار في الطقس السيئ\n\nوطالب الصيادين بمتابعة النشرات الجوية قبل الخروج إلى البحر يوميا.\n"
    assert _in_body(raw, "كما حذر المسؤول")
    assert any("مخاطر الإبحار" in c.text for c in attributed(raw))


def test_a_hard_wrapped_sentence_is_body():
    raw = (STORY + "وأضاف خلال مداخلة هاتفية مع برنامج «حديث المدينة»، على قناة «النهار\n"
           "اليوم»، أن الحركة عادت بالكامل في\nكل الموانئ بعد إصلاح الأعطال التي سببتها العاصفة الأخيرة.\n")
    assert _in_body(raw, "اليوم»، أن الحركة")


def test_in_their_own_words_names_no_new_source():
    text = ("رحب المزارعون بقرار الوزارة، رافضين تحميل الجمعيات المسؤولة لكونها «لا تملك سلطة على الأسعار»، حسب قولهم.\n")
    assert not any("قول" in c.speaker.text for c in attributed(text) if c.speaker)
