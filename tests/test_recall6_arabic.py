"""Arabic recall classes of the sixth recall round: general mechanisms, each checked on unseen sets."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_hard_wrapped_line_after_complementiser_with_pronoun_goes_on():
    claims = attributed("وقال الحزب في بيان له إنه\nدمر مخزنا للأسلحة قرب الحدود.\nوذكرت الوكالة أن الهدوء عاد إلى المنطقة.")
    destroyed = only(claims, "دمر مخزنا للأسلحة")
    assert destroyed.speaker.text == "الحزب" and destroyed.text.startswith("دمر")


def test_hard_wrapped_line_ending_on_a_comma_goes_on():
    claims = attributed("وفي سياق متصل، قال رئيس البلدية سامي حداد،\nاليوم الأحد، إن المياه ستعود إلى الأحياء الشرقية خلال يومين.")
    water = only(claims, "المياه ستعود")
    assert water.speaker.text == "رئيس البلدية سامي حداد"


def test_hard_wrapped_open_quote_goes_on_to_its_close():
    claims = attributed('وقال المدير في مؤتمر صحفي "نحن أمام\nأزمة حقيقية في توزيع الوقود على المحطات".')
    quote = only(claims, "أزمة حقيقية")
    assert quote.mode == "direct" and quote.text.startswith("نحن أمام")


def test_line_ending_on_a_comma_in_a_short_list_item_stays_apart():
    claims = attributed("عمان،\nقال وزير المياه إن الموسم المطري كان ضعيفا هذا العام.")
    assert only(claims, "الموسم المطري").speaker.text == "وزير المياه"


def test_dateline_glued_to_the_cue_by_a_hyphen_leaves_the_cue_a_word():
    claims = attributed("عمان نيوز-قال وزير المياه إن الموسم المطري كان ضعيفا هذا العام.")
    season = only(claims, "الموسم المطري")
    assert season.speaker.text == "وزير المياه" and season.cue == "قال"


def test_hyphen_before_digits_or_in_latin_names_still_joins_a_word():
    from claimtrack.arabic import normalize_words

    assert normalize_words("كوفيد-19 و al-Khatib") == ["كوفيد-19", "و", "al-khatib"]


def test_however_he_stressed_opens_its_own_claim_after_an_object_of_ashar():
    claims = attributed("وقال الوزير إن الأسعار استقرت. ولكنه عاد وأشار إلى وجود ارتفاع طفيف في أسعار الخبز، "
                        "غير أنه أكد أن هذا الارتفاع لن يستمر طويلا.")
    rise = only(claims, "ارتفاع طفيف")
    assert rise.text == "وجود ارتفاع طفيف في أسعار الخبز" and rise.speaker.text == "الوزير"
    lasting = only(claims, "لن يستمر")
    assert lasting.text == "هذا الارتفاع لن يستمر طويلا" and lasting.speaker.text == "الوزير"


def test_fronted_subject_announced_after_a_time_phrase_gives_the_object_of_an():
    claims = attributed('وكانت الشرطة قد أعلنت في آذار الماضي عن توقيف 12 شخصا، بينهم اثنان من حركة "الشباب"، '
                        'وضبط كميات من الأسلحة في أحد المخازن.')
    arrests = only(claims, "توقيف 12 شخصا")
    assert arrests.text.startswith("توقيف 12 شخصا") and "الأسلحة" in arrests.text
    assert arrests.speaker.text == "الشرطة" and arrests.mode == "indirect"


def test_quoted_object_right_after_its_preposition_stays_a_quote():
    claims = attributed('وحذر المتحدث باسم الدفاع المدني من "الاقتراب من الأودية أثناء جريان السيول".')
    assert only(claims, "الاقتراب من الأودية").mode == "direct"


def test_verbal_noun_after_ma_with_a_complementiser_continues_the_speaker():
    claims = attributed("وقال الوزير إن التسجيل يبدأ الأحد المقبل، مع التأكيد على أن عملية التقديم إلكترونية بشكل كامل.")
    online = only(claims, "عملية التقديم")
    assert online.text == "عملية التقديم إلكترونية بشكل كامل" and online.speaker.text == "الوزير"


def test_verbal_noun_after_ma_without_a_complementiser_reports_nothing():
    claims = attributed("وقال الوزير إن الفرق تعمل ليلا، مع التأكيد على السلامة.")
    assert [c.text for c in claims] == ["الفرق تعمل ليلا"]


def test_hard_wrapped_cue_line_with_no_content_yet_goes_on_to_the_quote():
    claims = attributed('وقال قائد الجيش إن الوضع صعب.\nوقال في سلسلة تغريدات في حسابه على منصة\n'
                        '"إكس" بمناسبة العيد الوطني "اليوم، نقف أمام\nمشهد شديد الخطورة على الحدود الجنوبية".')
    quote = only(claims, "نقف أمام")
    assert quote.mode == "direct" and quote.speaker.text == "قائد الجيش" and quote.text.endswith("الجنوبية")


def test_what_the_words_stirred_is_the_outlets_narration_not_the_claim():
    claims = attributed("وذكرت صحف محلية أن المصنع سيغلق أبوابه نهاية الشهر، مما أثار قلقا واسعا بين العمال.")
    assert only(claims, "المصنع سيغلق").text == "المصنع سيغلق أبوابه نهاية الشهر"


def test_known_speaker_then_a_noun_phrase_when_ila_is_left_out():
    claims = attributed("نفى المدرب أسامة نبيه وجود أي مجاملات في اختيار اللاعبين. "
                        "وأشار نبيه استبعاد أي لاعب، لا يعني خروجه من حسابات الجهاز الفني نهائيا، موضحا أن الجهاز سيضم أفضل العناصر.")
    dropped = only(claims, "استبعاد أي لاعب")
    assert dropped.speaker.text == "نبيه" and dropped.text.endswith("نهائيا")


def test_unknown_word_after_a_cue_with_no_ila_is_no_speaker():
    claims = attributed("وأشارت بيانات استهلاك الكهرباء في الصيف الماضي.")
    assert claims == []


def test_short_topic_of_tahaddath_an_before_a_participle_quote_is_no_claim():
    claims = attributed('وتحدث المدرب عن لقاء العودة قائلا: "أتمنى أن يقام في الجونة لأن الفريق يلعب أفضل على أرضه".')
    assert [c.text for c in claims] == ["أتمنى أن يقام في الجونة لأن الفريق يلعب أفضل على أرضه"]


def test_longer_object_of_tahaddath_an_stays_a_claim():
    claims = attributed("وتحدث المدرب عن غياب ثلاثة لاعبين أساسيين بسبب الإصابة قبل المباراة.")
    assert only(claims, "غياب ثلاثة لاعبين").speaker.text == "المدرب"


def test_thanks_opening_the_object_of_aarab_an_is_no_attributed_claim():
    assert attributed("وأعرب المصدر عن شكره وعرفانه لطاقم الباخرة على هذا الموقف الإنساني.") == []


def test_worry_opening_the_object_of_aarab_an_stays_a_claim():
    claims = attributed("وأعربت الوزارة عن قلقها من ارتفاع عدد الإصابات في المدارس.")
    assert only(claims, "ارتفاع عدد الإصابات").speaker.text == "الوزارة"


def test_concessive_wa_in_kana_inside_a_quote_splits_nothing():
    claims = attributed('وأضاف الوزير: "هناك نمو في الصناعة، وإن كان على نطاق صغير، ولكن بالنظر إلى الظروف فهو موجود".')
    assert len(claims) == 1 and "وإن كان على نطاق صغير" in claims[0].text


def test_repeated_kasra_in_still_gives_two_claims():
    claims = attributed("وقال الوزير إن الصادرات ارتفعت بنسبة 10 في المئة، وإن الواردات تراجعت.")
    assert [c.text for c in claims] == ["الصادرات ارتفعت بنسبة 10 في المئة", "الواردات تراجعت"]


def test_hasab_before_a_law_means_in_accordance_with_it():
    text = "وتم تحويل القضية إلى النيابة لاستكمال الإجراءات اللازمة، حسب قانون وتعليمات دائرة الجمارك النافذة."
    assert attributed(text) == []


def test_hasab_before_a_ministry_still_names_the_source():
    claims = attributed("وبحسب الوزارة، ارتفع عدد الإصابات إلى 40 حالة.")
    assert only(claims, "عدد الإصابات").speaker.text == "الوزارة"


def test_quote_inside_a_cued_claim_is_not_a_second_claim():
    claims = attributed('وأعلن الوزير بأن جهودا كبيرة بذلت للتكفل بالمترشحين، حيث " رفعنا السقف فوق ما يجب من الترتيبات الإدارية. ".')
    assert len(claims) == 1 and "رفعنا السقف" in claims[0].text and claims[0].cue == "وأعلن"


def test_estimate_verb_with_an_object_valued_by_a_number_gives_the_object():
    claims = attributed("وقدرت الأمم المتحدة عدد النازحين بنحو مليوني شخص.")
    displaced = only(claims, "عدد النازحين")
    assert displaced.text == "عدد النازحين بنحو مليوني شخص" and displaced.polarity == "hedged"


def test_estimate_verb_without_a_number_is_no_claim():
    assert attributed("وقدر الوزير جهود العاملين في القطاع.") == []
