"""Arabic recall classes of the fifth recall round: general mechanisms, each checked on unseen sets."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_straight_quotes_spaced_on_both_sides_pair_up():
    claims = attributed('وقال المدير إن " المخزون يكفي لثلاثة أشهر ".')
    assert len(claims) == 1
    assert "المخزون يكفي لثلاثة أشهر" in claims[0].text and claims[0].speaker.text == "المدير"
    assert claims[0].mode == "direct"


def test_spaced_opening_quote_does_not_swallow_the_next_cue():
    claims = attributed('وأضاف المدير أن " الشركة ستوزع الأرباح في مارس"، مشيرا إلى أن "المصنع الثاني يعمل بكامل طاقته".')
    assert only(claims, "الشركة ستوزع الأرباح في مارس").text.endswith("مارس")
    assert only(claims, "المصنع الثاني يعمل بكامل طاقته").speaker.text == "المدير"


def test_cue_joined_to_an_earlier_verb_shares_its_subject():
    claims = attributed("وردّت الشركة على هذه الاتهامات بالنفي وأكدت أن المصنع يعمل وفق المعايير.")
    assert [c.text for c in claims] == ["المصنع يعمل وفق المعايير"]
    assert claims[0].speaker.text == "الشركة"



def test_falsity_predicate_at_the_head_of_a_claim_denies_it():
    claims = attributed("وقال المتحدث باسم البلدية إن الصور المتداولة مفبركة وتهدف إلى إثارة البلبلة.")
    assert claims[0].polarity == "denied"


def test_falsity_word_deep_in_a_claim_describes_a_noun():
    claims = attributed("وقال المتحدث باسم البلدية إن بعض الصفحات نشرت خلال الأيام الماضية أرقاما غير صحيحة عن المشروع.")
    assert claims[0].polarity == "asserted"


def test_carried_cue_then_colon_then_plain_words_is_a_claim():
    claims = attributed("قال وزير المالية إن الميزانية جاهزة. وأضاف: الإيرادات سترتفع إلى 20 مليارا بنهاية العام.")
    added = only(claims, "الإيرادات سترتفع")
    assert added.speaker.text == "وزير المالية" and added.text.endswith("بنهاية العام")


def test_mutabian_participle_with_a_quote_ends_the_carried_claim():
    claims = attributed("قال وزير المالية إن الميزانية جاهزة. وأضاف: هناك توقعات بارتفاع الإيرادات إلى 20 مليارا "
                        "بنهاية العام، متابعاً: «سنخفض العجز في العام المقبل».")
    assert only(claims, "هناك توقعات").text.endswith("بنهاية العام")
    quoted = only(claims, "سنخفض العجز")
    assert quoted.speaker.text == "وزير المالية" and quoted.mode == "direct"


def test_conjoined_noun_shaped_like_a_participle_does_not_cut_a_claim():
    claims = attributed("وقال مدير الشرطة إن الضبط جاء بعد تحر واسع ومتابعة دقيقة نفذتها الأجهزة الأمنية على مدى أيام.")
    assert len(claims) == 1 and claims[0].text.endswith("على مدى أيام")


def test_words_a_colon_opens_are_direct_speech():
    claims = attributed("وقال رئيس البلدية: المياه ستعود إلى الأحياء الشرقية مساء اليوم.")
    assert claims[0].mode == "direct" and claims[0].speaker.text == "رئيس البلدية"


def test_ali_before_inna_is_a_name_not_a_preposition():
    claims = attributed("وقال المتحدث باسم هيئة الإسعاف أسامة علي إن عدد الجرحى بلغ عشرة.")
    assert claims[0].speaker.text.endswith("أسامة علي") and claims[0].speaker.name == "Osama Ali"


def test_preposition_before_anna_still_leads_the_complement():
    claims = attributed("وشدد رئيس الهيئة على أن عدد الجرحى بلغ عشرة.")
    assert claims[0].speaker.text == "رئيس الهيئة" and claims[0].text == "عدد الجرحى بلغ عشرة"


def test_statement_as_subject_speaks_for_its_issuer():
    claims = attributed("قال الوزير إن الطرق مفتوحة. وقال بيان للمكتب الإعلامي للهيئة إن الرحلات الجوية توقفت.")
    statement = only(claims, "الرحلات الجوية توقفت")
    assert statement.speaker.text == "بيان للمكتب الإعلامي للهيئة"


def test_statement_issued_by_a_body_ends_before_a_relative_clause():
    claims = attributed("وأكد بيان صادر عن السفارة الفرنسية وصل مراسل رويترز نسخة منه، أن التقارير المتداولة مفبركة.")
    assert claims[0].speaker.text == "بيان صادر عن السفارة الفرنسية"
    assert [v.name for v in claims[0].via] == ["Reuters"]


def test_speakers_own_side_inside_the_complement_keeps_the_speaker():
    claims = attributed("قال وزير الاقتصاد، اليوم الأحد، إن حكومته تتوقع أن تنخفض البطالة إلى 8% العام المقبل.")
    assert len(claims) == 1 and claims[0].speaker.text == "وزير الاقتصاد"
    assert claims[0].text.startswith("حكومته تتوقع")


def test_named_inner_speaker_still_relays():
    claims = attributed("وقال المتحدث باسم الوزارة إن الوزير أكد أن الطرق مفتوحة.")
    assert claims[0].speaker.text == "الوزير" and claims[0].text == "الطرق مفتوحة"


def test_ali_before_a_name_part_stays_in_the_speaker():
    claims = attributed("قال الوزير إن الطرق مفتوحة. وأوضح المدير علي حسن أن الدفعة شملت ثلاثة ملايين أسرة.")
    assert only(claims, "الدفعة شملت").speaker.text == "المدير علي حسن"


def test_ali_as_preposition_before_a_noun_still_ends_the_speaker():
    claims = attributed("قال الوزير إن الطرق مفتوحة. وقال المدير علي هامش المؤتمر إن الدفعة شملت ثلاثة ملايين أسرة.")
    assert only(claims, "الدفعة شملت").speaker.text == "المدير"


def test_fronted_demonstrative_object_then_subject_points_back():
    claims = attributed("أودع البرنامج أمس ملياري ريال في حسابات المستحقين. أوضح ذلك مدير البرنامج سامي حمدان، "
                        "مشيرًا إلى أن الدفعة شملت ثلاثة ملايين أسرة.")
    assert only(claims, "أودع البرنامج أمس").speaker.text == "مدير البرنامج سامي حمدان"
    assert only(claims, "الدفعة شملت").speaker.text == "مدير البرنامج سامي حمدان"


def test_bayyana_at_a_clause_start_before_anna_is_a_cue():
    claims = attributed("أكد المدير أن الإنتاج مستقر، فيما بيّن أن النقص الحالي يبلغ ألف طن.")
    assert only(claims, "النقص الحالي يبلغ ألف طن").speaker.text == "المدير"


def test_bayna_as_between_reports_nothing():
    assert attributed("ووقع الاتفاق بين الحكومة والنقابة أمس بعد مفاوضات طويلة.") == []


def test_quoted_name_that_a_headline_repeats_is_not_a_quoted_fragment():
    text = ("صندوق الأمل يصرف الدفعة الثالثة\n\n"
            "وقال مدير الصندوق إن 900 أسرة حصلت على دعم من \"صندوق الأمل\" خلال الشهر الماضي.")
    claims = attributed(text)
    assert only(claims, "900 أسرة").mode == "indirect"


def test_reversed_curly_quotes_spaced_after_the_cue_hold_the_words():
    claims = attributed("وقال المدرب ” الملعب كان سيئا، ما حدث اليوم أن الحكم كان متشددا “.")
    assert claims[0].mode == "direct" and claims[0].text.startswith("الملعب كان سيئا")
    assert claims[0].text.endswith("متشددا")


def test_verb_before_the_subject_is_not_part_of_the_speaker():
    claims = attributed("وأشاد مدير عام الموانئ الدكتور سامي حمدان بجهود الموظفين، مؤكدا أن التهريب تراجع هذا العام.")
    assert only(claims, "التهريب تراجع").speaker.text == "مدير عام الموانئ الدكتور سامي حمدان"


def test_object_after_the_subject_is_not_part_of_the_speaker():
    claims = attributed("وأكمل المدرب حديثه وقال إن الملعب كان سيئا.")
    assert claims[0].speaker.text == "المدرب"


def test_addressee_after_the_verb_is_not_the_speaker():
    claims = attributed('قال المدرب إن الفريق جاهز. وأضاف لمحمد حسن، مراسل الإذاعة: "أتوقع أن الجماهير ستعود إلى المدرجات".')
    assert only(claims, "الجماهير ستعود").speaker.text == "المدرب"


def test_committee_starting_with_lam_is_still_a_speaker():
    claims = attributed("وقالت لجنة الانتخابات إن النتائج ستعلن غدا.")
    assert claims[0].speaker.text == "لجنة الانتخابات"


def test_object_after_an_apposed_title_between_commas():
    claims = attributed("قال المحامي إن القضية انتهت. ونفى سامي حمدان، مدير الشركة، حدوث أي تسريب للبيانات.")
    denial = only(claims, "تسريب للبيانات")
    assert denial.speaker.text.startswith("سامي حمدان") and denial.polarity == "denied"


def test_two_apposed_titles_do_not_become_the_object():
    claims = attributed("قال المحامي إن القضية انتهت. وكشف سامي حمدان، نائب رئيس الوزراء، وزير النقل، تفاصيل الخطة الجديدة.")
    assert only(claims, "تفاصيل الخطة").text.startswith("تفاصيل الخطة")


def test_complement_after_a_long_adjunct_between_speaker_and_anna():
    claims = attributed("أكد وزير الخارجية سامي حمدان، اليوم الأربعاء 2 أغسطس 2017، تعليقا على لقاء وزير الخارجية الإيراني "
                        "بنظيره السعودي أمس الثلاثاء في إسطنبول خلال مؤتمر منظمة التعاون الإسلامي الذي عقد بحضور "
                        "عدد كبير من الوزراء، أنها شأن داخلي.")
    assert [c.text for c in claims] == ["شأن داخلي"]


def test_named_body_then_anna_and_a_quotation_with_an_unlisted_verb():
    claims = attributed("وتحيط وزارة الزراعة المزارعين علما أنّ “الأسمدة متوفرة في جميع المخازن بالأسعار الرسمية”.")
    assert len(claims) == 1 and claims[0].speaker.text == "وزارة الزراعة" and claims[0].mode == "direct"
    assert claims[0].text == "الأسمدة متوفرة في جميع المخازن بالأسعار الرسمية"


def test_a_call_without_anna_is_not_a_quoted_complement():
    assert attributed("وتدعو وزارة الزراعة المزارعين إلى “عدم الالتفات للشائعات المتداولة عن نقص الأسمدة”.") == []


def test_comma_kama_verb_opens_a_second_claim_of_the_speaker():
    claims = attributed("وقال المدير إن الصادرات ارتفعت بنسبة 5%، كما تراجعت الواردات بنسبة 3% خلال الربع الأول.")
    assert [c.text for c in claims] == ["الصادرات ارتفعت بنسبة 5%", "تراجعت الواردات بنسبة 3% خلال الربع الأول"]
    assert {c.speaker.text for c in claims} == {"المدير"}


def test_kama_without_a_comma_stays_inside_the_claim():
    claims = attributed("وقال المدير إن الصادرات ارتفعت كما توقع الخبراء في بداية العام.")
    assert len(claims) == 1


def test_continuation_also_splits_words_under_an_according_source():
    claims = attributed("وبحسب بيان للهيئة، فإن الإمارات سجلت 8 حالات، كما سجلت مصر حالة واحدة يوم الجمعة.")
    assert [c.text for c in claims] == ["الإمارات سجلت 8 حالات", "سجلت مصر حالة واحدة يوم الجمعة"]
