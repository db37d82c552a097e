"""Speaker classes of issue 2 seen on blind11/blind12: speaker span edges (an addressee لـ glued to the
speaker, a verb after a clitic pronoun, an English predicate before a participle cue), carried
speakers that take the full name, bare head nouns of organisations, he/she antecedents.
Every sentence is written for the test."""

from __future__ import annotations

from claim_helpers import attributed, only


def test_detached_addressee_la_ends_the_arabic_speaker_phrase():
    text = ("أعلنت وزارة الزراعة أن موسم الحصاد بدأ، بحسب المتحدث باسم الوزارة سامر العلي.\n\n"
            'وقال العلي لـ"الإذاعة الوطنية" إن كميات القمح المسوقة تجاوزت المليون طن هذا العام.')
    claim = only(attributed(text), "كميات القمح")
    assert claim.speaker.text == "العلي"


def test_verb_after_a_clitic_pronoun_is_no_part_of_the_speaker():
    text = ("قال وزير المالية خالد يوسف إن العجز تراجع إلى 3% من الناتج المحلي هذا العام.\n\n"
            "ولكنه عاد وأشار إلى أن الدين العام ما زال مرتفعا بسبب القروض الخارجية.")
    claim = only(attributed(text), "الدين العام")
    assert "عاد" not in claim.speaker.text
    assert claim.speaker.name == only(attributed(text), "العجز").speaker.name


def test_english_predicate_before_a_participle_cue_is_no_speaker():
    text = ("Praising the workers, Senator Laura Benitez from the northern district, demanded new funds for the port, "
            "describing the delays as ‘a national scandal.’")
    claim = only(attributed(text), "national scandal")
    assert claim.speaker.name == "Laura Benitez"


def test_un_agency_with_its_acronym_in_brackets_is_the_agency():
    text = ("“Food stocks in the camps will run out before the end of the month,” the World Food Programme (WFP) said in a statement.\n\n"
            "The agency also said it needs $90 million to keep feeding refugees until the spring.")
    claim = only(attributed(text), "Food stocks")
    assert claim.speaker.name == "World Food Programme"
    assert claim.speaker.kind == "organization"


def test_he_never_stands_for_a_report():
    text = ("Port Commissioner Tomas Reyes toured the harbour on Monday with a group of safety inspectors.\n\n"
            "The media report said two tankers had run aground near the entrance last year.\n\n"
            "“There is no record of any tanker running aground here,” he said.")
    claims = attributed(text)
    assert only(claims, "no record of any tanker").speaker.name == "Tomas Reyes"
    assert only(claims, "two tankers").speaker.kind != "person"


def test_houthi_channel_with_a_description_is_the_outlet():
    text = ("وقالت قناة المسيرة التابعة للجماعة في خبر عاجل إن غارات جديدة استهدفت مطار صنعاء الدولي فجر اليوم.\n\n"
            "واتهمت جماعة الحوثيين التحالف باستهداف منشآت مدنية في محافظة الحديدة.")
    claims = attributed(text)
    assert only(claims, "مطار صنعاء").speaker.name == "Al-Masirah"
    assert only(claims, "منشآت مدنية").speaker.name == "Houthis"


def test_agency_citing_an_anonymous_source_relays_it():
    text = "Three fishing boats were seized near the maritime border on Sunday, Yonhap news agency said in a report, citing a military official."
    claim = only(attributed(text), "fishing boats")
    assert claim.speaker.kind == "anonymous" and "official" in claim.speaker.text
    assert [v.name for v in claim.via] == ["Yonhap"]


def test_body_after_an_opening_verb_speaks_for_the_cue_after_it():
    text = ("في ظل قلق المسافرين، انتشرت أنباء عبر مواقع التواصل الاجتماعي تفيد بإغلاق المعابر الحدودية أمام المسافرين.\n\n"
            "لكن سرعان ما خرجت وزارة الداخلية والأمن العام ببيان مقتضب تنفي فيه هذه المزاعم تمامًا، مؤكدة أن المعابر تعمل بشكل طبيعي.")
    claims = attributed(text)
    claim = only(claims, "المعابر تعمل")
    assert "وزارة الداخلية" in claim.speaker.text


def test_later_family_name_with_a_spaced_article_takes_the_full_name():
    text = ("أفاد مدير الدفاع المدني في المحافظة سامر خالد ال منصور بأن فرق الإطفاء أخمدت ثلاثة حرائق في الغابات المجاورة.\n\n"
            "وقال ال منصور إن الرياح القوية زادت من صعوبة عمل الفرق طوال الليل.")
    name = only(attributed(text), "الرياح القوية").speaker.name
    assert name.startswith("Samer") and name.endswith("Mansour")


def test_bare_directorate_binds_to_the_directorate_named_before():
    text = ("أعلنت المديرية العامة للأمن الوطني أن عناصرها أوقفوا عشرين مشتبها به في عملية واسعة بالعاصمة.\n\n"
            "وأوضحت المديرية أن العملية أسفرت عن حجز كميات كبيرة من المخدرات.")
    claims = attributed(text)
    first, later = only(claims, "عشرين مشتبها").speaker, only(claims, "حجز كميات").speaker
    assert later.name == first.name and later.kind == "organization"


def test_while_with_a_participle_stays_in_the_reported_words():
    text = ("The courier said he kept the parcels locked in the van while driving between the depots. "
            "His manager told reporters he had never lost a delivery before.")
    claim = only(attributed(text), "parcels locked")
    assert claim.text.endswith("while driving between the depots")
    assert claim.speaker.text == "The courier"
