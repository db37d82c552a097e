"""Body and boilerplate of real scraped pages (the seeds) and of pages from other outlets."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.boilerplate import find_body
from claimtrack.config import PACKAGE_ROOT
from claimtrack.ingest import read_file
from claimtrack.models import Article

SEEDS = PACKAGE_ROOT / "seeds"
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def seed(prefix: str) -> Article:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_file(path)[0]


def body_text(article: Article) -> str:
    return "\n".join(article.raw[s:e] for s, e in article.body)


def lines_of(article: Article) -> list[str]:
    return [line.strip() for line in article.raw.splitlines() if line.strip()]


def assert_line_outside_body(article: Article, needle: str) -> None:
    """Every line holding `needle` lies wholly outside the body spans."""
    hits = [i for i in range(len(article.raw)) if article.raw.startswith(needle, i)]
    assert hits, f"{needle!r} not in the article at all"
    for i in hits:
        inside = [(s, e) for s, e in article.body if s <= i < e]
        assert not inside, f"{needle!r} at {i} is inside body span {inside}"


def assert_in_body(article: Article, needle: str) -> None:
    assert needle in body_text(article), f"{needle!r} missing from the body"


# --- seeds -------------------------------------------------------------------------------


def test_seed_001_appended_story_and_source_line_are_not_body():
    article = seed("001")
    for needle in ["المصدر: الجزيرة", "إقرأ أيضاً:", "نتنياهو", "أوربان", "إعلان", "مقالات مشابهة", "رحلة خارجية ثانية"]:
        assert_line_outside_body(article, needle)
    assert_in_body(article, "وصل زعيم كوريا الشمالية كيم جونغ أون -اليوم الجمعة-")
    assert_in_body(article, "وقد أكد الكرملين الجمعة عدم توقيع \"أي اتفاق\" خلال زيارة كيم لروسيا.")
    assert_in_body(article, "حسب ما ذكرت وكالات أنباء روسية")
    assert article.outlet is not None and article.outlet.name == "Al Jazeera"
    assert article.outlet.kind == "outlet" and article.outlet.text == "الجزيرة"


def test_seed_004_teasers_share_bar_and_related_stories_are_not_body():
    article = seed("004")
    for needle in [
        "شاهد ايضاً",
        "Farage",
        "فاراج",
        "Macron",
        "ماكرون",
        "Loading...",
        "FacebookTwitterLinkedInEmail",
        "شارك الخبر",
        "التصنيف:أوروبا",
        "A NATO-style defense pact",
        "أخبار ذات صلة",
        "اقرأ المزيد على موقع",
        "الرئيسيةأخبارسياسة",
        "خَبَرْيْن logo",
        "الضفادع",
    ]:
        assert_line_outside_body(article, needle)
    assert_in_body(article, "حظيت زيارة فلاديمير بوتين الأولى إلى كوريا الشمالية منذ ما يقرب من ربع قرن")
    assert_in_body(article, "\"لأنه في المرحلة الأولية، واعتمادًا على كيفية سير الأمور")
    assert_in_body(article, "سخر كبير دعاة الكرملين فلاديمير سولوفيوف")
    assert_in_body(article, "لذا، في حين أنه قد لا يكون من مصلحة روسيا الاستراتيجية")
    assert article.outlet is not None and article.outlet.name == "Khabrayn"
    assert article.outlet.text == "خَبَرْيْن"


def test_seed_000_duplicated_caption_related_widget_and_comment_counter_are_not_body():
    article = seed("000")
    caption = "أصدرت المحكمة الجنائية الدولية في آذار/ مارس 2023 مذكرة توقيف بحق بوتين بتهمة ارتكاب جريمة حرب- جيتي"
    assert article.raw.count(caption) == 2
    for needle in [caption, "اظهار أخبار متعلقة", "التعليقات (0)", "سياسة دولية"]:
        assert_line_outside_body(article, needle)
    story = [line for line in lines_of(article) if line.startswith(("يزور", "و")) and line.endswith(".")]
    assert len(story) == 13
    for paragraph in story:
        assert_in_body(article, paragraph)


def test_seed_003_script_warning_and_related_placeholders_are_not_body():
    article = seed("003")
    for needle in ["Sorry, you need to enable JavaScript", "اقرأ المزيد", "يحتوي هذا القسم", "المزيد من دوليات", "(رويترز)"]:
        assert_line_outside_body(article, needle)
    assert_in_body(article, "وقال الناطق باسم مجلس الأمن القومي في البيت الأبيض جون كيربي")
    assert_in_body(article, "وتابع \"لا تزال الأطراف تعمل على ذلك")
    assert_in_body(article, "وتأتي زيارة بوتين بعد تسعة أشهر")
    assert_in_body(article, "ووطدت بيونغ يانغ وموسكو العلاقات")
    assert article.outlet is None  # "(رويترز)" there is a photo credit, not a dateline


def test_seed_002_all_paragraphs_are_body_and_subheadings_are_not():
    article = seed("002")
    for line in lines_of(article):
        if len(line.split()) > 20:
            assert_in_body(article, line)
    for heading in ["تفاصيل زيارة بوتين لكوريا الشمالية", "هل تحاول روسيا عرقلة العقوبات ضد كوريا الشمالية؟"]:
        assert_line_outside_body(article, heading)
        assert not any(article.raw[s:e] == heading for s, e in article.boilerplate)
        assert any(article.raw[s:e] == heading for s, e in find_body(article.raw).titles)


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_spans_are_ordered_disjoint_and_trimmed(prefix):
    article = seed(prefix)
    info = find_body(article.raw)
    spans = sorted(info.body + info.boilerplate + info.titles)
    assert all(0 <= s < e <= len(article.raw) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    for s, e in info.body:
        assert not article.raw[s].isspace() and not article.raw[e - 1].isspace()
    assert sum(e - s for s, e in info.body) > 0.4 * len(article.raw.strip())


# --- other outlets and English -------------------------------------------------------------


def test_arabic_page_of_another_outlet_and_topic():
    article = read_file(FIXTURES / "arabic_page.txt")[0]
    for needle in [
        "الرئيسية | أخبار",
        "- أرشيفية",
        "اقرأ أيضا:",
        "إعلان",
        "• الحكومة ترفع أسعار الوقود",
        "المصدر: سكاي نيوز عربية",
        "توقعت وزارة التجارة",
        "تابعونا على",
    ]:
        assert_line_outside_body(article, needle)
    assert_in_body(article, "أعلنت الحكومة، الأحد، خطة بقيمة ملياري دولار")
    assert_in_body(article, "ونفى الوزير أن تكون الحكومة قد خفضت دعم الأسمدة")
    assert_in_body(article, "وحذر خبراء من أن الجفاف قد يخفض محصول الحبوب")
    assert article.outlet is not None and article.outlet.name == "Sky News Arabia"


def test_english_page_boilerplate_and_dateline_outlet():
    article = read_file(FIXTURES / "english.txt")[0]
    for needle in [
        "Skip to main content",
        "Advertisement",
        "Read more: Shipping rates",
        "Share this article",
        "Sign up for our Morning Briefing",
        "We use cookies",
        "Reporting by Bart Meijer",
        "Dutch economy shrinks",
        "Union leaders vow",
    ]:
        assert_line_outside_body(article, needle)
    for needle in [
        "ROTTERDAM (Reuters) - Dock workers",
        '"Ships will be moving again by tonight,"',
        "The unions had demanded 10 percent",
        "Employers said the deal would cost them",
    ]:
        assert_in_body(article, needle)
    assert article.outlet is not None and (article.outlet.name, article.outlet.kind) == ("Reuters", "agency")


def test_story_end_marker_on_top_of_the_page_does_not_swallow_the_story():
    raw = (
        "المصدر: وكالات\n\n"
        "قال رئيس الوزراء إن الحكومة ستخفض الضرائب على الشركات الصغيرة اعتبارا من العام المقبل.\n\n"
        "وأضاف أن القرار سيشمل أكثر من مليون شركة في أنحاء البلاد.\n"
    )
    info = find_body(raw)
    body = "\n".join(raw[s:e] for s, e in info.body)
    assert "ستخفض الضرائب" in body and "مليون شركة" in body
    assert "المصدر" not in body
    assert info.outlet is None  # "وكالات" names no outlet


def test_logo_outlet_matches_registry_despite_diacritics_and_dateline_agency():
    assert find_body("الْجَزِيرَة logo\n\nنص الخبر هنا يكفي ليكون فقرة كاملة من الجمل.").outlet.name == "Al Jazeera"
    dated = "القاهرة (أ ف ب) - أعلنت وزارة الصحة تسجيل عشرين إصابة جديدة بالفيروس خلال يوم واحد."
    outlet = find_body(dated).outlet
    assert outlet is not None and (outlet.name, outlet.kind) == ("AFP", "agency")


# --- pages of outlets the rules were not written for (data/gold) ----------------------------

GOLD = PACKAGE_ROOT / "data" / "gold"


def gold_page(name: str) -> Article:
    (path,) = GOLD.glob(f"*/articles/{name}.txt")
    return read_file(path)[0]


def test_rediff_breadcrumb_headline_inbox_prompt_and_standfirst_are_not_body():
    article = gold_page("en_rediff_sport_1")
    standfirst = "'Regardless of whether we are on top or not, we speak, if something pokes us we speak and give it right back.'"
    for needle in ["Home  » Cricket »", "'It's been unbelievable. This is our best series win so far'",
                   "Get Rediff News in your Inbox:", standfirst]:
        assert_line_outside_body(article, needle)
    assert_in_body(article, "India captain Virat Kohli on Tuesday described the 2-1 triumph")
    assert_in_body(article, '"Regardless of whether we are on top or not, we speak, if something pokes us')
    assert_in_body(article, "Kohli said he was thoroughly enjoying the responsibility")
    # "Source: PTI" credits the wire; the page names itself in its newsletter prompt
    assert article.outlet is not None and article.outlet.name == "Rediff"


def test_pull_quote_repeating_a_body_quote_is_not_body_but_the_quote_is():
    article = gold_page("en_aljazeera_disaster_1")
    pull = "“I woke up to a big bang, I don’t even remember how I managed to escape from the house”"
    assert_line_outside_body(article, pull)
    assert_in_body(article, "“I woke up to a big bang I don’t even remember how I managed to escape from the house,” local teacher")
    assert article.outlet is None  # the page never names its site: the outlet stays unknown


def test_standfirst_that_the_first_paragraph_repeats_with_more_detail_is_not_body():
    article = gold_page("ar_dogruhaber_conflict_1")
    assert_line_outside_body(article, "أعلن الجيش السوداني، مقتل 9 مدنيين وإصابة 15 آخرين في قصف لقوات الدعم السريع على مركز صحي، بمنطقة")
    assert_in_body(article, "أعلن الجيش السوداني، مساء أمس الأربعاء، مقتل 9 مدنيين وإصابة 15 آخرين")


def test_site_named_in_contact_line_wins_over_wire_credit():
    article = gold_page("en_9news_science_1")
    for needle in ["Your web browser is no longer supported", "Sources: AFP.", "Author: Bernadette Chua"]:
        assert_line_outside_body(article, needle)
    assert_in_body(article, "US President Barack Obama has vowed to send humans to the planet by 2030.")
    assert article.outlet is not None and (article.outlet.name, article.outlet.kind) == ("9News", "outlet")


def test_feed_footer_is_not_body_and_names_the_site():
    article = gold_page("ar_hesport_sport_2")
    assert_line_outside_body(article, "est apparu en premier sur")
    assert_in_body(article, "وأتم: “فيما يتعلق بحمد الله فهو لاعب كبير")
    assert article.outlet is not None and (article.outlet.name, article.outlet.text) == ("Hesport", "هسبورت")


def test_site_promoting_its_own_channel_wins_over_the_outlet_it_credits():
    article = gold_page("ar_thisislebanon_politics_3")
    assert "المصدر: روسيا اليوم" in article.raw
    assert article.outlet is not None and article.outlet.name == "This Is Lebanon"


def test_masthead_under_the_headline_and_reader_call_line():
    assert gold_page("ar_kooora_sport_1").outlet.name == "Kooora"
    cnn = gold_page("en_cnn_weather_1")
    assert_line_outside_body(cnn, "Please share your videos, pictures and stories at iReport.")
    assert_in_body(cnn, "(CNN) -- The Pennsylvania official was just talking about one area")
    assert cnn.outlet.name == "CNN"


def test_short_first_line_before_the_story_is_the_headline():
    article = gold_page("en_bbc_economy_1")
    headline = "Ad sales boost Time Warner profit."
    assert_line_outside_body(article, headline)
    assert any(article.raw[s:e] == headline for s, e in find_body(article.raw).titles)
    assert_in_body(article, "Quarterly profits at US media giant TimeWarner jumped 76%")


def test_unregistered_site_naming_itself_and_wire_credit_as_last_resort():
    story = "The mayor said the bridge would reopen on Monday after three weeks of repairs to its deck.\n\n"
    own = find_body(story + "Source: AFP\n\nThe post Bridge to reopen appeared first on Valley Courier.\n").outlet
    assert own is not None and (own.name, own.kind) == ("Valley Courier", "outlet")
    wire = find_body(story + "Source: AFP\n").outlet
    assert wire is not None and (wire.name, wire.kind) == ("AFP", "agency")
    assert find_body(story).outlet is None


def test_echo_keeps_the_longer_line_and_only_drops_near_verbatim_copies():
    raw = (
        "The council approved the budget on Tuesday after a long debate over school funding and roads.\n\n"
        "Officials said the budget would rise by four percent next year, mostly for school funding and roads.\n\n"
        "The budget would rise by four percent.\n\n"
        "The debate over school funding was the longest the council has held in years.\n"
    )
    body = "\n".join(raw[s:e] for s, e in find_body(raw).body)
    assert "Officials said the budget would rise" in body
    assert "The council approved the budget" in body
    assert "The budget would rise by four percent." not in body  # a verbatim copy of a longer line
    assert "The debate over school funding was the longest" in body  # shares words, not their order


@pytest.mark.parametrize(
    "line",
    [
        "Rescuers search the rubble of a collapsed building in Al Hoceima, Morocco, on February 24, 2004 after the quake REUTERS/Rafael Marchante",
        "A woman mourns her son outside a hospital in the city of Derna on Tuesday, two days after the floods (Photo by Mahmud Turkia/AFP via Getty Images)",
        "Advertisement - Scroll to continue",
        "Get The Daily Star News delivered to your inbox",
        "Are you caught in the storm? Share your photos and videos with us by using the hashtag #stormwatch.",
        "The post Floods hit the north appeared first on Valley Courier.",
        "حمل تطبيق الجزيرة نت",
        "انضم الى قناة “الأخبار” على تلغرام",
        "يمكنكم الآن متابعة آخر الأخبار مجاناً من خلال حسابنا على إنستجرام",
        "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *",
    ],
)
def test_page_clutter_lines_are_not_body(line):
    story = "The regional governor said on Tuesday that 40 people had died in the floods and hundreds were missing."
    after = "Rescue teams kept searching through the night for survivors in the flattened villages."
    raw = f"{story}\n\n{line}\n\n{after}\n"
    info = find_body(raw)
    body = "\n".join(raw[s:e] for s, e in info.body)
    assert line not in body
    assert story in body and after in body


def test_body_sentence_naming_a_wire_poll_stays_body():
    raw = "The minister said the Reuters/Ipsos poll, published on Monday, showed support for the plan had fallen to 40 percent."
    assert find_body(raw).body == [(0, len(raw))]


def test_summary_box_restating_the_story_is_not_body():
    article = seed("003")
    assert_line_outside_body(article, "من المقرر أن يزور الرئيس الروسي بعد ذلك فيتنام، الدولة الشريكة الأخرى")
    assert_in_body(article, "ومن المقرر أن يزور الرئيس الروسي بعد ذلك فيتنام، وهي دولة شريكة أخرى")
    raw = (
        "Key points\n\n"
        "- The central bank raised its main rate by half a point to 5.5 percent.\n"
        "- Inflation stood at 7 percent in March, the bank said.\n\n"
        "The central bank raised its main interest rate on Thursday for the third time this year, citing prices.\n\n"
        "Economists had expected a smaller increase after inflation slowed slightly in February and March.\n"
    )
    body = "\n".join(raw[s:e] for s, e in find_body(raw).body)
    assert "half a point" not in body and "7 percent in March" not in body
    assert "for the third time this year" in body and "Economists had expected" in body


@pytest.mark.parametrize(
    ("chrome", "name", "kind"),
    [
        ("© 2024 Valley Courier. All rights reserved.", "Valley Courier", "outlet"),
        ("جميع الحقوق محفوظة لموقع الوادي نيوز © 2024", "الوادي نيوز", "outlet"),
        ("A crane lifts a beam. © AFP\n\nSource: AFP", "AFP", "agency"),  # wire only: kept as the last resort
        ("Source: AFP\n\n© 2024 Valley Courier", "Valley Courier", "outlet"),
    ],
)
def test_copyright_line_names_the_site_and_beats_a_wire_credit(chrome, name, kind):
    story = "The mayor said the bridge would reopen on Monday after three weeks of repairs to its deck.\n\n"
    outlet = find_body(story + chrome).outlet
    assert outlet is not None and (outlet.name, outlet.kind) == (name, kind)


def test_masthead_of_an_unregistered_site_but_not_a_section_label():
    story = "The mayor said the bridge would reopen on Monday after three weeks of repairs to its deck.\n\n"
    assert find_body("Valley News\n\n" + story).outlet.name == "Valley News"
    assert find_body("Latest News\n\n" + story).outlet is None


# --- any text ----------------------------------------------------------------------------

SEED_LINES = [line for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text(encoding="utf-8").splitlines()][:400]


def _check_spans(raw: str) -> None:
    info = find_body(raw)
    spans = sorted(info.body + info.boilerplate + info.titles)
    assert all(0 <= s < e <= len(raw) for s, e in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_find_body_any_unicode_text(raw):
    _check_spans(raw)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(SEED_LINES), st.text(max_size=80)), max_size=40),
    st.sampled_from(["\n", "\r\n", "\n\n", "\u2028", "\r"]),
)
def test_find_body_page_like_text(lines, newline):
    _check_spans(newline.join(lines))


def test_a_denial_restating_an_accusation_is_story_not_a_pull_quote():
    raw = ("The Pentagon said on Monday that Russia had used North Korean ballistic missiles in Ukraine.\n\n"
           "Moscow denied that Russia had used North Korean ballistic missiles in Ukraine.\n")
    denial = raw.index("Moscow denied")
    assert any(a <= denial < b for a, b in find_body(raw).body)
