"""Reading files into articles: formats, encodings, bad input, folders."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.config import PACKAGE_ROOT
from claimtrack.errors import IngestError
from claimtrack.ingest import html_to_text, read_file, read_paths

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEED_001 = next((PACKAGE_ROOT / "seeds").glob("001_*.txt")).read_text(encoding="utf-8")
# ISO-8859-6 has no curly quotes or bullets: keep the lines it can write.
ARABIC = "\n".join(line for line in SEED_001.splitlines()[:40] if "•" not in line)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("cp1256", "cp1256"),
        ("iso-8859-6", "iso-8859-6"),
    ],
)
def test_each_encoding_round_trips(tmp_path, codec, expected):
    path = write(tmp_path, "article.txt", ARABIC.encode(codec))
    (article,) = read_file(path)
    assert article.raw == ARABIC
    assert article.encoding == expected
    assert article.id == "article"


def test_cp1256_and_iso_8859_6_are_told_apart_on_the_same_text(tmp_path):
    a = read_file(write(tmp_path, "a.txt", ARABIC.encode("cp1256")))[0]
    b = read_file(write(tmp_path, "b.txt", ARABIC.encode("iso-8859-6")))[0]
    assert (a.encoding, b.encoding) == ("cp1256", "iso-8859-6")
    assert a.raw == b.raw == ARABIC


def test_raw_is_kept_exactly_bom_removed_newlines_untouched(tmp_path):
    text = "قال الوزير إن الاقتصاد ينمو بسرعة كبيرة هذا العام.\r\n\r\nوأضاف أن التضخم سينخفض قريباً جداً.\r\n"
    (article,) = read_file(write(tmp_path, "crlf.txt", b"\xef\xbb\xbf" + text.encode("utf-8")))
    assert article.raw == text and article.encoding == "utf-8-sig"
    assert [article.raw[s:e] for s, e in article.body] == [text.strip()]


def test_utf8_cut_mid_character_is_read_and_says_so(tmp_path):
    data = ARABIC.encode("utf-8")[:-1]  # the last letter loses its second byte
    (article,) = read_file(write(tmp_path, "cut.txt", data))
    assert article.raw == ARABIC[:-1] + "\ufffd"
    assert article.encoding == "utf-8 (1 bad byte replaced)"


def test_html_declared_legacy_charset(tmp_path):
    page = f'<html><head><meta charset="windows-1256"></head><body><p>{ARABIC.splitlines()[0]}</p></body></html>'
    (article,) = read_file(write(tmp_path, "page.htm", page.encode("cp1256")))
    assert article.encoding == "cp1256"
    assert article.raw == ARABIC.splitlines()[0]


# --- formats -----------------------------------------------------------------------------


def test_html_markup_gone_text_kept():
    (article,) = read_file(FIXTURES / "page.html")
    raw = article.raw
    assert "<" not in raw and "&quot;" not in raw and "&nbsp;" not in raw
    for gone in ["سكربت", "لا تظهر", "font-family", "الرئيسية", "© 2024", "NewsArticle", "فيسبوك", "الذهب يرتفع"]:
        assert gone not in raw
    assert 'إن "التضخم ما زال مرتفعاً"' in raw  # entities unescaped
    assert "«سيراقب الأسعار عن كثب»" in raw and "2٪" in raw and "السابق & أشار" in raw
    assert "5.5\u00a0في" not in raw and "5.5 في المئة" in raw
    paragraphs = raw.split("\n\n")
    assert paragraphs[0] == "البنك المركزي يرفع أسعار الفائدة ربع نقطة"
    assert paragraphs[1].startswith("قال محافظ البنك المركزي") and paragraphs[1].endswith("في المئة.")
    assert "خلال الأشهر المقبلة.\nوتوقع محللون" in raw  # <br> is a line break
    body = "\n".join(raw[s:e] for s, e in article.body)
    assert "قال محافظ البنك المركزي" in body and "وكان البنك قد أبقى الفائدة" in body
    assert "البنك المركزي يرفع أسعار الفائدة ربع نقطة" not in body


def test_jsonl_bad_lines_are_errors_and_good_lines_are_read():
    path = FIXTURES / "articles.jsonl"
    articles, errors = read_paths([path])
    assert [a.id for a in articles] == ["wire-1", "wire-3"]
    wire1 = articles[0]
    assert wire1.raw.startswith("أعلنت وزارة الصحة") and "\n\n" in wire1.raw
    assert (wire1.url, wire1.published) == ("https://example.org/wire-1", "2024-06-18")
    assert wire1.outlet is not None and (wire1.outlet.text, wire1.outlet.name, wire1.outlet.kind) == ("رويترز", "Reuters", "agency")
    assert [str(e).split(": ")[0] for e in errors] == [f"{path}:2", f"{path}:4"]
    assert "not JSON" in str(errors[0]) and "'text'" in str(errors[1])
    with pytest.raises(IngestError, match=r"articles\.jsonl:2: not JSON .*1 more bad line"):
        read_file(path)


def test_jsonl_duplicate_ids_and_non_objects(tmp_path):
    path = write(tmp_path, "dup.jsonl", '{"id": 7, "text": "one"}\n["a", "list"]\n{"id": "7", "text": "two"}\n')
    articles, errors = read_paths([path])
    assert [(a.id, a.raw) for a in articles] == [("7", "one")]
    assert [str(e) for e in errors] == [
        f"{path}:2: not a JSON object",
        f"{path}:3: duplicate id '7' (first on line 1)",
    ]


# --- bad input ---------------------------------------------------------------------------


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    folder_txt = tmp_path / "folder.txt"
    folder_txt.mkdir()
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # 50 MB, sparse: refused from its size, never read
        fh.truncate(50 * 1024 * 1024)
    return {
        "empty": (write(tmp_path, "empty.txt", b""), "empty"),
        "blank": (write(tmp_path, "blank.txt", " \n\t\n"), "empty"),
        "binary": (write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))), "binary"),
        "controls": (write(tmp_path, "controls.txt", bytes(range(1, 32)) * 20), "binary"),
        "undecodable": (write(tmp_path, "chinese.txt", "这是一个中文测试文本，用于检查解码。".encode("gbk") * 20), "cannot decode"),
        "too large": (big, "too large"),
        "missing": (tmp_path / "missing.txt", "no such file"),
        "missing, no suffix": (tmp_path / "missing", "no such file"),
        "folder": (folder_txt, "is a folder"),
        "not regular": (fifo, "not a regular file"),
        "unsupported": (write(tmp_path, "report.pdf", b"%PDF-1.4\n"), "unsupported file type '.pdf'"),
        "html without text": (write(tmp_path, "empty.html", "<html><script>x=1</script><p> </p></html>"), "no text"),
        "bad bom": (write(tmp_path, "bom.txt", b"\xef\xbb\xbf\xff\xfe\xfa"), "not valid UTF-8"),
    }


@pytest.mark.parametrize(
    "kind",
    ["empty", "blank", "binary", "controls", "undecodable", "too large", "missing", "missing, no suffix", "folder", "not regular", "unsupported", "html without text", "bad bom"],
)
def test_each_bad_input_gives_one_clear_error(tmp_path, kind):
    path, why = _bad_inputs(tmp_path)[kind]
    with pytest.raises(IngestError) as caught:
        read_file(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    assert why in message


def test_size_limit_is_configurable(tmp_path):
    path = write(tmp_path, "small.txt", "نص قصير لكنه أطول من الحد المسموح به.")
    with pytest.raises(IngestError, match="too large"):
        read_file(path, max_bytes=10)
    assert read_file(path, max_bytes=1000)[0].raw.startswith("نص قصير")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path):
    path = write(tmp_path, "secret.txt", "نص")
    path.chmod(0)
    with pytest.raises(IngestError, match="cannot read"):
        read_file(path)


# --- folders -----------------------------------------------------------------------------


def test_folder_of_mixed_files_returns_good_articles_and_one_error_per_bad_file(tmp_path):
    root = tmp_path / "in"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    write(root, "b_story.txt", ARABIC)
    write(root, "a_page.html", "<p>Officials said the road would reopen on Monday after repairs.</p>")
    write(root / "sub", "c_feed.jsonl", '{"id": "c1", "text": "first"}\nnot json\n{"id": "c2", "text": "second"}\n')
    write(root / "sub" / "deeper", "d_win.txt", ARABIC.encode("cp1256"))
    write(root / "sub", "e_empty.txt", b"")
    write(root / "sub", "f_binary.txt", b"\x00\x01\x02\x03" * 10)
    write(root, "g_photo.jpg", b"\xff\xd8\xff\xe0")
    write(root, ".hidden.txt", "مخفي")
    write(root / ".git", "HEAD.txt", "ref")
    missing = tmp_path / "nowhere.txt"

    articles, errors = read_paths([root, missing])

    assert [a.id for a in articles] == ["a_page", "b_story", "c1", "c2", "d_win"]
    assert articles[4].encoding == "cp1256" and articles[4].raw == ARABIC
    messages = [str(e) for e in errors]
    assert [m.split(": ")[0] for m in messages] == [
        str(root / "g_photo.jpg"),
        f"{root / 'sub' / 'c_feed.jsonl'}:2",
        str(root / "sub" / "e_empty.txt"),
        str(root / "sub" / "f_binary.txt"),
        str(missing),
    ]
    assert all("\n" not in m for m in messages)


def test_same_article_id_in_two_folders_is_an_error(tmp_path):
    for folder, text in (("a", "first story text here."), ("b", "second story text here.")):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "x.txt", text)
    articles, errors = read_paths([tmp_path / "a", tmp_path / "b"])
    assert [a.raw for a in articles] == ["first story text here."]
    assert len(errors) == 1 and "duplicate article id 'x'" in str(errors[0])


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_html_to_text_any_input(markup):
    text = html_to_text(markup)
    assert "\n\n\n" not in text and text == text.strip()


def test_outlet_comes_from_the_given_field_then_the_url_then_the_page(tmp_path):
    lines = [
        {"id": "given", "text": "قال الوزير إن الأسعار سترتفع.", "url": "https://www.aljazeera.net/news/1",
         "outlet": "رويترز"},
        {"id": "registered_url", "text": "قال الوزير إن الأسعار سترتفع.", "url": "https://www.aljazeera.net/news/1"},
        {"id": "unknown_host", "text": "The minister said prices would rise.", "url": "https://m.example-news.org/x"},
        {"id": "no_url", "text": "The minister said prices would rise."},
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    by_id = {a.id: a.outlet for a in read_file(path)}
    assert by_id["given"].name == "Reuters"
    assert by_id["registered_url"].name == "Al Jazeera" and by_id["registered_url"].text == "aljazeera.net"
    assert by_id["unknown_host"].name == "example-news.org"
    assert by_id["no_url"] is None
