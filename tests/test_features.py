"""Text features of the contradiction scorer on real-world sentences: numbers written as words,
days of the month, places (listed, unlisted, across languages), opposite directions, negation."""

from __future__ import annotations

from claimtrack.features import compare, negation_echoed, read
from claimtrack.match import contested_links_dropped


def evidence(a: str, b: str) -> dict[str, str]:
    return compare(read(a), read(b)).evidence


def slots(a: str, b: str) -> tuple[str, ...]:
    return compare(read(a), read(b)).slots_differ


# ----- numbers ------------------------------------------------------------------------------------


def test_number_words_and_scales_are_amounts():
    assert set(read("نزح نحو ألفي شخص من المدينة").numbers) == {2000}
    assert set(read("أرسلت الحكومة خمسة آلاف جندي إلى الحدود").numbers) == {5000}
    assert set(read("شارك ألف متظاهر في المسيرة").numbers) == {1000}
    assert set(read("Two thousand workers went on strike").numbers) == {2000}
    assert set(read("The fund lost 3 million dollars").numbers) == {3_000_000}
    assert set(read("قتل 20 ألف شخص").numbers) == {20_000}


def test_vague_plurals_are_not_amounts():
    assert read("تظاهر آلاف الأشخاص في العاصمة").numbers == {}
    assert read("Millions of people watched the final").numbers == {}


def test_amounts_in_words_against_digits_differ():
    ev = evidence("قالت الشرطة إن ألفي شخص شاركوا في الاحتجاج", "قالت الشرطة إن 20 ألف شخص شاركوا في الاحتجاج")
    assert ev["numbers"] == "numbers differ: ألفي vs 20 ألف"


# ----- days of the month --------------------------------------------------------------------------


def test_days_of_the_month_are_dates_not_amounts():
    r = read("تعقد القمة يومي 18 و19 يونيو في جنيف")
    assert r.days == {18: "18", 19: "19"} and r.numbers == {}
    r = read("The summit will be held on 18-19 June in Geneva")
    assert set(r.days) == {18, 19} and r.numbers == {}
    r = read("The vote is set for June 18")
    assert set(r.days) == {18} and r.numbers == {}


def test_different_days_are_a_date_conflict_with_a_readable_reason():
    a, b = "The summit will be held on 18-19 June in Geneva", "The summit will be held on 25-26 June in Geneva"
    assert slots(a, b) == ("when",)
    assert evidence(a, b)["dates"] == "dates differ: 18, 19 vs 25, 26"


def test_same_days_written_two_ways_agree():
    assert slots("يزور الوزير القاهرة يومي الـ 19 والـ 20 من يونيو", "يزور الوزير القاهرة في الـ 19 و20 من يونيو") == ()


def test_counts_next_to_a_month_word_stay_amounts_when_no_month_follows():
    assert set(read("قتل 18 شخصا في هجوم يونيو").numbers) == {18}


# ----- places -------------------------------------------------------------------------------------


def test_listed_cities_in_two_countries_differ():
    ev = evidence("The talks between the two delegations were held in Geneva", "The talks between the two delegations were held in Vienna")
    assert ev["places"] == "places differ: Geneva vs Austria"


def test_a_city_and_its_country_agree():
    assert "where" not in slots("Kim arrived in Vladivostok on Friday", "Kim arrived in Russia on Friday")
    assert "where" not in slots("وصل الوفد إلى مدينة ماريوبول", "وصل الوفد إلى أوكرانيا")


def test_two_cities_of_one_country_differ():
    ev = evidence("سقط صاروخ على مدينة خاركيف فجر اليوم", "سقط صاروخ على مدينة أوديسا فجر اليوم")
    assert ev["places"] == "places differ: Kharkiv vs Odesa"


def test_unlisted_places_are_read_after_a_place_noun_or_a_preposition():
    ev = evidence("عقد الاجتماع في مدينة بيلغورود الروسية", "عقد الاجتماع في مدينة كورسك الروسية")
    assert ev["places"] == "places differ: بيلغورود vs كورسك"
    r = read("The plant in Komsomolsk-on-Amur builds fighter jets")
    assert "~komsomolsk" in r.places and r.names == {}


def test_two_spellings_of_an_unlisted_place_agree():
    assert slots("وصل الزعيم إلى مدينة كامسومولسك آمور", "وصل الزعيم إلى مدينة كومسومولسك آمور") == ()


def test_demonyms_do_not_make_a_place_conflict():
    """"A Russian president" qualifies a person; it does not say where the visit went."""
    assert "where" not in slots("أول زيارة لرئيس روسي إلى هناك منذ 24 عاما",
                                "زيارة بوتين الأولى إلى كوريا الشمالية منذ 24 عاما")


def test_places_compare_across_languages_but_unlisted_ones_do_not():
    ev = evidence("Kim and Putin met in Vladivostok", "التقى كيم وبوتين في سوتشي")
    assert ev["places"] == "places differ: Vladivostok vs Sochi"
    assert "where" not in slots("The meeting took place in Kursk", "عقد الاجتماع في مدينة بيلغورود")


# ----- opposite directions and negation -----------------------------------------------------------


def test_attend_and_stay_away_are_opposites_in_both_languages():
    assert evidence("غاب وزير الخارجية عن اجتماع الجامعة العربية",
                    "حضر وزير الخارجية اجتماع الجامعة العربية")["direction"] == "opposite direction: غاب / حضر"
    assert "direction" in evidence("The senator skipped the hearing on Monday", "The senator attended the hearing on Monday")


def test_votes_for_and_against_are_opposites():
    assert evidence("France voted for the resolution on Gaza", "France voted against the resolution on Gaza")["direction"] \
        == "opposite direction: voted for / voted against"
    assert "direction" in evidence("فرنسا صوتت لصالح القرار", "فرنسا صوتت ضد القرار")
    assert "direction" in evidence("The United States vetoed the draft resolution", "The United States voted for the draft resolution")


def test_a_negated_clause_restated_by_the_other_side_is_echoed():
    a, b = read("لم تعلن الحكومة رسميا انتهاء الأزمة"), read("أعلنت الحكومة رسميا انتهاء الأزمة")
    assert negation_echoed(a, b) >= 0.75
    assert negation_echoed(read("The minister did not sign the agreement"), read("The talks collapsed on Monday")) == 0.0


def test_no_doubt_is_not_a_negation():
    assert read("لا شك أن الاتفاق سيصمد").negations == []
    assert read("ليس هناك شك في أن المعاهدة ستضمن السلام").negations == []


# ----- clustering around a contradiction ----------------------------------------------------------


def test_a_claim_matching_both_sides_of_a_contradiction_joins_the_better_supported_side():
    # 0, 1: one claim from two outlets; 2: its contradicting variant; 3: matches all three.
    same = [(0, 1, 0.99), (0, 3, 0.93), (1, 3, 0.93), (2, 3, 0.94)]
    kept = contested_links_dropped(same, [(0, 2), (1, 2)])
    assert (2, 3, 0.94) not in kept and (0, 3, 0.93) in kept and (1, 3, 0.93) in kept


# ----- per cent, decimal commas, compound numbers, weekdays --------------------------------------


def test_per_cent_words_qualify_a_number_without_scaling_it():
    assert read("ارتفعت البطالة إلى 12.5 بالمئة").numbers == {12.5: "12.5"}
    assert read("صوت 40 في المائة من الناخبين").numbers == {40.0: "40"}
    assert "numbers" not in evidence("بلغ التضخم 9.2% في مارس", "بلغ التضخم 9.2 بالمئة في مارس")


def test_decimal_commas_and_thousands_separators():
    assert read("يبلغ الإنتاج 3,4 مليون برميل").numbers == {3_400_000.0: "3,4 مليون"}
    assert read("more than 12,500 people").numbers == {12_500.0: "12,500"}


def test_compound_number_words_and_ordinals_before_tens():
    assert read("في الأسبوع الخامس والعشرين من الموسم").numbers == {25.0: "الخامس والعشرين"}
    assert read("أصيب ثلاثة وأربعون شخصا").numbers == {43.0: "ثلاثة وأربعون"}
    assert read("forty two miners were rescued").numbers == {42.0: "forty two"}
    assert read("في المرحلة الثانية من الخطة").numbers == {}  # an ordinal alone is no amount


def test_weekdays_are_neither_names_nor_numbers():
    assert read("The storm reached the coast on Friday, officials in Manila said").names == {}
    assert read("افتتح المعرض يوم الاثنين").numbers == {}


# ----- outcomes -----------------------------------------------------------------------------------


def test_a_third_outcome_opposes_the_other_two():
    assert "direction" in evidence("Chelsea lost to Arsenal in the derby", "Chelsea drew with Arsenal in the derby")
    assert "direction" in evidence("أبقى البنك المركزي سعر الفائدة دون تغيير", "رفع البنك المركزي سعر الفائدة")


def test_converse_outcomes_follow_the_parties():
    """"X beat Y" and "Y lost to X" are one result; "X beat Y" and "Y beat X" are not."""
    assert "direction" not in evidence("Spain beat Portugal in Lisbon", "Portugal lost to Spain in Lisbon")
    assert "direction" in evidence("Spain beat Portugal in Lisbon", "Portugal beat Spain in Lisbon")
    assert "direction" in evidence("Spain beat Portugal in Lisbon", "Spain lost to Portugal in Lisbon")


# ----- other events -------------------------------------------------------------------------------


def test_several_amounts_replaced_are_another_event():
    assert len(slots("فاز الفريق 4-2 في المباراة 12 من الموسم", "فاز الفريق 1-0 في المباراة 20 من الموسم")) >= 2
    assert slots("قتل 40 شخصا في الفيضانات", "قتل 14 شخصا في الفيضانات") == ("how many",)


def test_dates_at_two_precisions_and_undated_figures_are_other_events():
    assert len(slots("The bank cut rates in 2015", "The bank cut rates in June 2012")) >= 2
    assert len(slots("بلغ عدد الإصابات 80 حالة", "بلغ عدد الإصابات في أكتوبر 2019 نحو 900 حالة")) >= 2


def test_relative_times_are_dates():
    assert "dates" in evidence("قرر البرلمان اليوم تمديد حالة الطوارئ", "قرر البرلمان العام الماضي تمديد حالة الطوارئ")


def test_figures_read_with_what_they_count():
    found = read("قتل 23 شخصا وأصيب أكثر من 40 آخرين في انفجار بالميناء")
    by_value = {q.value: q for q in found.quantities}
    assert by_value[23].unit == "dead"
    assert by_value[40].bound == "at_least"
    assert read("Turbines added 350 MW last year").quantities[0].unit == "megawatts"
    assert read("The passengers included 40 Germans").quantities[0].unit == "people:Germany"
    assert read("حكم عليه بالسجن 7 سنوات").quantities[0].time


def test_rounding_and_bounds_are_one_figure():
    same = compare(read("بلغت نسبة البطالة 7.24% في المدينة"), read("بلغت نسبة البطالة 7% في المدينة"))
    assert "how many" not in same.slots_differ
    bound = compare(read("More than 200 houses were flooded"), read("213 houses were flooded"))
    assert "how many" not in bound.slots_differ
    broken = compare(read("At least 30 houses were flooded"), read("24 houses were flooded"))
    assert "how many" in broken.slots_differ and broken.aligned


def test_figures_of_two_kinds_are_two_claims():
    found = compare(read("The dead included 12 Germans"), read("The dead included 9 Italians"))
    assert "what is counted" in found.slots_differ
    shares = compare(read("تضرر 60% من المدارس في الإقليم"), read("تضرر أكثر من 45% من الطرق في الإقليم"))
    assert "how many" in shares.slots_differ and not shares.aligned


def test_a_span_on_one_side_is_another_figure():
    found = compare(read("The plant will add 900 MW"), read("The plant will add 1,200 MW within three months"))
    assert "when, to another precision" in found.slots_differ


def test_a_negative_told_by_both_sides_is_no_denial():
    found = compare(read("الشركة لن ترفع الأسعار هذا العام"), read("لن تقوم الشركة برفع أسعارها هذا العام"),
                    polarity_a="denied", polarity_b="asserted")
    assert "denial" not in found.evidence


# ----- one event or two ---------------------------------------------------------------------------


def test_a_changed_opponent_named_by_a_demonym_is_a_place_conflict():
    """"Spain beat France" / "Spain beat its Italian rival": one party kept, the other replaced."""
    assert "where" in slots("فاز منتخب إسبانيا على فرنسا في المباراة الودية",
                            "فاز منتخب إسبانيا على نظيره الإيطالي في المباراة الودية")


def test_every_party_replaced_is_another_event():
    """Two other teams in the same round: two matches, not one result told two ways."""
    found = slots("خسر منتخب السعودية أمام الأردن في نهائي البطولة", "خسر منتخب المغرب أمام العراق في نهائي البطولة")
    assert "where" in found and "where, every party" in found


def test_one_party_replaced_is_not_every_party():
    assert "where, every party" not in slots("خسر منتخب السعودية أمام الأردن في نهائي البطولة",
                                             "خسر منتخب السعودية أمام العراق في نهائي البطولة")


def test_a_span_of_time_never_answers_a_count():
    """"3 ministers ... five years" against "three years": the sentences differ, the 3 is no answer."""
    assert "how many" in slots("The court jailed 3 ministers for five years", "The minister was jailed for three years")


def test_dates_differing_in_day_month_and_year_are_another_day():
    found = slots("A storm hit the coast on 4 March 2018", "A storm hit the coast on 9 October 2021")
    assert "when" in found and "when, every part" in found


def test_one_part_of_a_date_told_two_ways_is_a_misdating():
    found = slots("A storm hit the coast on 4 March 2018", "A storm hit the coast on 4 March 2019")
    assert "when" in found and "when, every part" not in found


def test_resumption_and_suspension_are_opposites():
    assert "direction" in evidence("أعلنت الشركة معاودة الرحلات إلى المدينة", "أعلنت الشركة توقف الرحلات إلى المدينة")


# ----- contra round: disagreements between outlets -----------------------------------------------


def test_a_claim_called_untrue_is_a_denial():
    assert read("قال متحدث باسم الوزارة إن الأنباء عن إغلاق المعبر غير صحيحة").denials
    assert read("The ministry said reports of the border closure were incorrect").denials
    denied = "نفت الوزارة إغلاق المعبر الحدودي مع الأردن"
    assert "denial" not in evidence(denied, "قالت الوزارة إن إغلاق المعبر الحدودي مع الأردن غير صحيح")
    assert "denial" in evidence("أعلنت الوزارة إغلاق المعبر الحدودي مع الأردن", "قالت الوزارة إن إغلاق المعبر الحدودي مع الأردن غير صحيح")


def test_acquittal_against_conviction_and_surplus_against_deficit_are_opposites():
    assert "direction" in evidence("برّأت المحكمة الوزير السابق من تهمة الرشوة", "أدانت المحكمة الوزير السابق بتهمة الرشوة")
    assert "direction" in evidence("The court acquitted the former minister", "The court convicted the former minister")
    assert "direction" in evidence("سجلت الموازنة فائضا قدره 3 مليارات", "سجلت الموازنة عجزا قدره 3 مليارات")


def test_magnitudes_are_told_to_the_precision_written():
    """Two agencies' magnitudes (7 / 6.8) conflict; elsewhere 44% is a rounding of 44.3%."""
    assert slots("ضرب زلزال بقوة 6 درجات على مقياس ريختر جنوب البلاد", "ضرب زلزال بقوة 6,2 درجة جنوب البلاد") == ("how many",)
    assert slots("A magnitude 5.9 quake hit the island", "A magnitude 6 quake hit the island") == ("how many",)
    assert slots("بلغت نسبة المشاركة 44% في الانتخابات", "بلغت نسبة المشاركة 44.3% في الانتخابات") == ()


def test_a_toll_revised_in_each_count_is_one_event_told_twice():
    """Dead and injured both revised is one toll told twice; a score and a round both replaced
    (no named kinds) stay another event."""
    assert slots("أسفر الانفجار عن مقتل 40 شخصا وإصابة 200 آخرين", "أسفر الانفجار عن مقتل 52 شخصا وإصابة 310 آخرين") == ("how many",)
    assert "how many, twice" in slots("فاز الفريق 4-2 في المباراة 12 من الموسم", "فاز الفريق 1-0 في المباراة 20 من الموسم")


def test_what_a_figure_counts_may_be_named_well_before_it():
    assert [q.unit for q in read("The death toll from the floods in the northern provinces has now reached 87").quantities] == ["dead"]
    assert [q.unit for q in read("ارتفع عدد قتلى الفيضانات في شمال البلاد إلى 87").quantities] == ["dead"]
    assert [q.unit for q in read("أسفر الحادث عن مقتل ما لا يقل عن 12 شخصا").quantities] == ["dead"]
    # a day name after "يوم" makes it a date, not a span of 33 days
    assert [q.unit for q in read("ارتفعت حصيلة قتلى الفيضانات إلى 33 يوم الأحد").quantities] == ["dead"]


def test_ordinals_count_occasions_only_beside_an_occasion_noun():
    assert [(q.value, q.unit) for q in read("فاز المنتخب باللقب للمرة الثالثة").quantities] == [(3.0, "times")]
    assert [(q.value, q.unit) for q in read("The team won the title for the fourth time").quantities] == [(4.0, "times")]
    assert read("انطلقت الجولة الأولى من المفاوضات").quantities == []
    assert slots("فاز المنتخب باللقب للمرة الثالثة", "فاز المنتخب باللقب للمرة الرابعة") == ("how many",)


def test_times_of_day_are_read_and_compared():
    assert read("وقع الانفجار في الساعة 6:45 صباحا").clock == {"6:45": "6:45 صباحا"}
    assert set(read("The market closes at 4 p.m. and reopens at 9.30 a.m.").clock) == {"16:00", "9:30"}
    assert set(read("تغلق المحطة من التاسعة والنصف مساء").clock) == {"21:30"}
    assert read("The index rose 4.30 percent").clock == {}
    assert slots("وقع الانفجار في الساعة 6:45 صباحا", "وقع الانفجار في الساعة 7:10 صباحا") == ("time of day",)
    # a count at two times of day is two counts, not one figure told two ways
    assert len(slots("بلغت الحصيلة 40 قتيلا حتى الساعة الثامنة صباحا", "بلغت الحصيلة 75 قتيلا حتى الساعة الخامسة مساء")) >= 2


def test_two_cases_or_charges_are_two_claims():
    found = slots("حكم على الوزير بالسجن 10 سنوات في قضية فساد", "حكم على الوزير بالسجن 5 سنوات في قضية غسل أموال")
    assert "what, another case" in found
    assert slots("حكم على الوزير بالسجن 10 سنوات في قضية الفساد", "حكم على الوزير بالسجن 5 سنوات في قضية فساد") == ("how many",)


def test_a_site_after_a_place_noun_is_compared_with_a_listed_one():
    assert "where" in slots("وقع انفجار في ميناء الشهيد باهنر أودى بحياة 20 شخصا", "وقع انفجار في مرفأ بيروت أودى بحياة 20 شخصا")
    assert "where" not in slots("وقع انفجار في مرفأ بيروت", "وقع انفجار في بيروت")


def test_an_unlisted_name_the_other_text_writes_is_no_substitution():
    assert "where" not in slots("Floods in Assam killed 12 people", "Assam officials said floods killed 15 people")
    assert "who" not in slots("Rivers said the floods killed 12 people in Assam", "The floods killed 15 people in Assam, Rivers said")


def test_a_short_registry_alias_takes_no_suffix():
    assert read("أعلنت السلطات وفاة ثلاثة أشخاص").agents == {}  # "وفاة" (death) is not the agency "وفا"
    assert read("قالت وكالة وفا إن").agents == {"WAFA": "وفا"}


def test_one_result_told_from_both_sides_with_unlisted_parties():
    retold = compare(read("خسر فريق النجم أمام فريق الوحدة 0-2"), read("فاز فريق الوحدة على فريق النجم 2-0"))
    assert retold.retold and "direction" not in retold.evidence
    swapped = compare(read("فاز فريق النجم على فريق الوحدة 2-0"), read("فاز فريق الوحدة على فريق النجم 2-0"))
    assert not swapped.retold and "direction" in swapped.evidence


def test_a_share_is_of_the_noun_after_of():
    assert [q.near for q in read("تعمل 84% من المستشفيات في المدينة").quantities] == [frozenset({"مستشفيات"})]
    assert [q.near for q in read("تراجع التضخم إلى 30% في ديسمبر").quantities] == [frozenset()]
    assert compare(read("تراجع التضخم إلى 30% في ديسمبر 2024"), read("بلغ التضخم في ديسمبر 2024 نسبة 56% على أساس سنوي")).aligned
    assert not compare(read("تعمل 84% من المستشفيات"), read("تعمل 70% من الطرق")).aligned


def test_figures_counted_in_two_places_are_two_counts():
    a, b = "قتل 284 شخصا على الأقل في تركيا جراء الزلزال", "وفي سوريا قتل 237 شخصا على الأقل نتيجة الزلزال الذي ضرب جنوب تركيا"
    assert [q.place for q in read(a).quantities] == ["Turkey"] and [q.place for q in read(b).quantities] == ["Syria"]
    assert "what is counted" in slots(a, b)
    assert slots("قتل 284 شخصا في تركيا", "قتل 300 شخص في تركيا") == ("how many",)


def test_a_bound_holds_near_its_figure_and_is_no_direction():
    assert slots("قتل 40 شخصا على الأقل في الفيضانات", "قتل 45 شخصا في الفيضانات") == ()
    assert slots("قتل 40 شخصا على الأقل في الفيضانات", "قتل 4000 شخص في الفيضانات") == ("how many",)
    assert "more / less" not in read("قتل 40 شخصا على الأقل").directions  # "الأقل" here bounds a figure


# ----- one event told by several outlets (pairs_blind5 classes) -----------------------------------


def test_a_place_transliterated_with_or_without_vowel_letters_is_one_place():
    """هيرات / هرات (and Kherson / Khersun) are one place; another place is still another."""
    from claimtrack.features import spelling_variant

    assert spelling_variant("~هيرات", "~هرات") and spelling_variant("kherson", "khersun")
    assert not spelling_variant("~هرات", "~كابل")
    assert slots("قالت الهيئة إن مركز الزلزال كان على بعد 40 كيلومترا شمال غرب مدينة هيرات",
                 "قالت الهيئة إن مركز الزلزال كان على بعد 35 كيلومترا شمال غرب مدينة هرات") == ("how many",)
    assert "where" in slots("قالت الهيئة إن مركز الزلزال كان على بعد 40 كيلومترا من مدينة هرات",
                            "قالت الهيئة إن مركز الزلزال كان على بعد 35 كيلومترا من مدينة قندهار")


def test_a_people_counted_and_a_toll_told_for_them_are_one_figure():
    """"35 Tunisian pilgrims died" / "53 Tunisians were among the dead" count one thing; two
    peoples ("82 Iranians" / "57 Canadians") are still two counts."""
    assert slots("أكدت وزارة الشؤون الخارجية التونسية وفاة 35 حاجاً تونسياً",
                 "Arab diplomats told AFP that 53 Tunisians were among the pilgrims who died") == ("how many",)
    assert "what is counted" in slots("The victims included 82 Iranians", "The victims included 57 Canadians")
    # a toll of people of a country the text never names is not tied to them
    assert "what is counted" in slots("أعلنت الوزارة مقتل 19 شخصا في حادث القطار", "The victims included 57 Canadians")


def test_a_country_whose_people_are_counted_is_no_second_place():
    assert slots("لقي 323 حاجاً مصرياً حتفهم في مكة المكرمة",
                 "قالت مصادر إن عدد الحجاج المصريين الذين لقوا حتفهم بلغ 672") == ("how many",)
    assert "where" in slots("قتل 20 شخصا في مكة المكرمة", "قتل 20 شخصا في القاهرة")


def test_common_toll_phrasings_say_what_a_figure_counts():
    assert [q.unit for q in read("أودى الزلزال بحياة 14 شخصاً").quantities] == ["dead"]
    assert [q.unit for q in read("لقي 60 أردنيا حتفهم").quantities] in (["people:Jordan"], ["dead"])
    assert [q.unit for q in read("وأصيب 40 آخرون").quantities] == ["injured"]
    assert [q.unit for q in read("At least 4,000 perished in the quake").quantities] == ["dead"]
    # dead and injured both revised: one toll told twice, not another event
    assert slots("قتل ما لا يقل عن 15 شخصا وأصيب ما يقرب من 40 آخرين في غرب أفغانستان",
                 "أودى زلزال غرب أفغانستان بحياة 14 شخصاً، فيما أصيب 78 آخرون") == ("how many",)
