"""The splitter as a fact-checker sees it: who said what, relayed by whom, on real sentences."""

from __future__ import annotations

import json
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack.split import extract
from claim_helpers import attributed, only


def test_reported_speech_with_relay_interview():
    text = ("وقال وزير الدفاع الكوري الجنوبي، شين وون سيك، في مقابلة مع بلومبرج نيوز إن سيول حددت ما لا يقل "
            "عن 10 آلاف حاوية شحن مرسلة من الشمال إلى روسيا.")
    c = only(attributed(text), "سيول حددت")
    assert "شين وون سيك" in c.speaker.text and c.speaker.kind == "person"
    assert [v.name for v in c.via] == ["Bloomberg"]
    assert c.mode == "indirect" and c.cue == "وقال"


def test_relay_chain_naqalat_an_qawlahu():
    text = ("وكانت وكالة الأنباء المركزية الكورية الشمالية الرسمية نقلت الأسبوع الماضي عن الزعيم كيم جونغ أون قوله "
            "في رسالة بعثها إلى بوتين، إن بلاده \"رفيق سلاح لا يقهر\" لروسيا.")
    c = only(attributed(text), "رفيق سلاح")
    assert c.speaker.name == "Kim Jong Un"
    assert [v.name for v in c.via] == ["KCNA"]
    assert c.mode == "mixed"


def test_quote_first_order_and_guillemets():
    text = "«لن نسمح بتكرار ما حدث في الموسم الماضي أبدا»، قال مدرب الفريق جوزيه مورينيو للصحفيين بعد المباراة."
    c = only(attributed(text), "لن نسمح")
    assert "مورينيو" in c.speaker.text
    assert c.mode == "direct"
    assert c.text.startswith("لن نسمح") and "«" not in c.text


def test_carried_speaker_resolves_to_last_explicit_speaker():
    text = ("وقال المتحدث باسم الكرملين ديمتري بيسكوف إن الزيارة ستستمر أياما أخرى.\n\n"
            "وأضاف أن الجانبين لم يوقعا أي اتفاق عسكري.")
    claims = attributed(text)
    second = only(claims, "الجانبين")
    assert second.speaker.name == "Dmitry Peskov"
    assert second.polarity == "denied"


def test_denial_and_hedge_polarity():
    denied = only(attributed("ونفت وزارة الخارجية الروسية أن تكون موسكو قد تسلمت أي صواريخ من بيونغ يانغ."), "موسكو")
    assert denied.polarity == "denied"
    assert denied.speaker.name == "Russian Foreign Ministry"
    hedged = only(attributed("وحذر خبراء من أن أسعار النفط قد ترتفع إلى مستويات قياسية خلال الشتاء."), "أسعار النفط")
    assert hedged.polarity == "hedged" and hedged.speaker.kind == "group"


def test_according_to_agency_makes_it_the_speaker():
    text = "ارتفع عدد ضحايا الزلزال إلى أكثر من ألفي قتيل في المناطق المتضررة، بحسب وكالة رويترز."
    c = only(attributed(text), "ضحايا الزلزال")
    assert c.speaker.name == "Reuters" and c.speaker.kind == "agency"


def test_english_said_told_and_according_to():
    text = ('Kremlin spokesman Dmitry Peskov told Reuters on Monday that no agreement had been signed. '
            '"We are not in a hurry," he said. Prices will rise next year, according to the IMF.')
    claims = attributed(text)
    first = only(claims, "no agreement")
    assert first.speaker.name == "Dmitry Peskov" and [v.name for v in first.via] == ["Reuters"]
    assert first.polarity == "denied"
    second = only(claims, "We are not in a hurry")
    assert second.speaker.name == "Dmitry Peskov" and second.mode == "direct"
    third = only(claims, "Prices will rise")
    assert third.speaker.name == "International Monetary Fund"


def test_same_person_spelled_differently_gets_one_name():
    a = only(attributed("وقال الزعيم الكوري الشمالي كيم جونج أون إن المعاهدة ستحفظ السلام في المنطقة."), "المعاهدة")
    b = only(attributed("وقال كيم جونغ أون إن المعاهدة تاريخية وستدوم قرنا كاملا."), "المعاهدة")
    c = only(attributed("Kim Jong Un said the treaty would last a century."), "treaty")
    assert a.speaker.name == b.speaker.name == c.speaker.name == "Kim Jong Un"


def test_unknown_speaker_still_gets_a_normalised_name():
    c = only(attributed("وقال المحلل السياسي سامي الفرجاني إن الانتخابات ستجرى في موعدها المحدد."), "الانتخابات")
    assert c.speaker.name and c.speaker.kind == "person"
    again = only(attributed("وقال المحلّل السياسيّ سامي الفرجانيّ إن الانتخابات ستجرى في موعدها."), "الانتخابات")
    assert again.speaker.name == c.speaker.name


def test_no_claim_taken_from_seed_boilerplate(seeds):
    from claimtrack.ingest import read_paths

    articles, errors = read_paths([seeds])
    assert not errors and len(articles) == 5
    by_id = {a.id: a for a in articles}
    claims = claimtrack.extract_article(by_id["001_e10995541652b80f"])
    assert claims and not any("نتنياهو" in c.text or "أوربان" in c.text for c in claims)
    claims = claimtrack.extract_article(by_id["004_6ab2cb87be917e68"])
    assert not any("فاراج" in c.text or "ماكرون" in c.text or "Loading" in c.text for c in claims)


def test_ids_are_stable_and_spans_index_the_raw_text(seeds):
    raw = (seeds / "003_7f7660416ce1b899.txt").read_text(encoding="utf-8")
    first = claimtrack.extract(raw, article_id="003")
    second = claimtrack.extract(raw, article_id="003")
    assert [c.id for c in first] == [c.id for c in second]
    assert len({c.id for c in first}) == len(first)
    for c in first:
        assert raw[c.span[0] : c.span[1]] == c.text
        assert c.sentence_span[0] <= c.span[0] and c.span[1] <= c.sentence_span[1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_unicode_never_crashes_and_spans_hold(text):
    for c in extract(text, article_id="fuzz"):
        assert text[c.span[0] : c.span[1]] == c.text


ARABIC_BITS = ["قال", "وأضاف", "إن", "أن", "بحسب", "وكالة", "رويترز", "«", "»", "\"", "“", "”", "،", ".", ":", "\n",
               "نفى", "الكرملين", "كيم", "لم", "قد", "said", "told", "that", " ", " ", " ", "نقلت", "عن", "قوله"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ARABIC_BITS), max_size=80).map("".join))
def test_cue_soup_never_crashes_and_spans_hold(text):
    for c in extract(text, article_id="soup"):
        assert text[c.span[0] : c.span[1]] == c.text


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "claimtrack", *args], capture_output=True, text=True)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def test_cli_extract_jsonl_carries_every_field(seeds):
    proc = run_cli("extract", str(seeds), "--format", "jsonl")
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len({r["article"] for r in rows}) == 5
    for key in ("id", "article", "text", "span", "sentence_span", "speaker", "via", "cue", "mode", "polarity"):
        assert all(key in r for r in rows), key
    assert {r["speaker"]["kind"] for r in rows} <= {"person", "organization", "government", "agency", "outlet", "group", "anonymous"}


def test_cli_extract_does_not_import_torch():
    code = ("import sys, runpy; sys.argv=['claimtrack','schema']\n"
            "try:\n runpy.run_module('claimtrack', run_name='__main__')\nexcept SystemExit: pass\n"
            "assert 'torch' not in sys.modules and 'sentence_transformers' not in sys.modules")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_cli_schema_is_the_claim_json_schema():
    schema = json.loads(run_cli("schema").stdout)
    assert schema["title"] == "Claim"
    assert {"speaker", "via", "mode", "polarity", "span"} <= set(schema["properties"])


def test_cli_bad_paths_give_one_line_and_nonzero_exit(tmp_path, seeds):
    (tmp_path / "good.txt").write_text("وقال الوزير إن الاقتصاد سينمو بنسبة ثلاثة في المئة هذا العام.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    proc = run_cli("extract", str(tmp_path), str(tmp_path / "missing.txt"), "--format", "jsonl", check=False)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert len([line for line in proc.stderr.splitlines() if line.startswith("error:")]) >= 3
    assert "الاقتصاد" in proc.stdout


def test_eval_gate_holds_the_recorded_baseline(root):
    proc = run_cli("eval", str(root / "data" / "gold"), "--baseline", str(root / "data" / "gold" / "baseline.json"), check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_eval_catches_a_worse_prediction(tmp_path, root):
    gold = root / "data" / "gold" / "seeds" / "claims.jsonl"
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    worse = tmp_path / "pred.jsonl"
    worse.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[::2]), encoding="utf-8")
    report = json.loads(run_cli("eval", str(gold), str(worse), "--json").stdout)
    scores = report["claims"]["attributed"]
    assert scores["precision"] == 1.0 and scores["recall"] < 0.6
