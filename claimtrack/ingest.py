"""Read article files into `Article`s: check, decode, strip markup, find the body.

Formats: `.txt`, `.html`/`.htm` (stdlib html.parser; the article's `raw` is the page text),
`.jsonl` (one article a line: `id`, `text`; optional `url`, `outlet`, `published`).
Decoding: UTF-8 (with or without BOM), UTF-16/32 with BOM, UTF-16 without BOM (told by its
NUL bytes), and the legacy Arabic code pages of `configs/boilerplate.toml` [ingest]
(Windows-1256, ISO-8859-6), the most plausibly Arabic decoding winning. `raw` is the
decoded text exactly (BOM removed, newlines untouched): every span indexes into it.

A file that cannot be read gives one `IngestError` naming the file and why; `read_paths`
collects them and goes on with the other files.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from claimtrack.boilerplate import find_body, find_registered
from claimtrack.config import load
from claimtrack.errors import IngestError
from claimtrack.models import Article, Entity

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
HTML_SUFFIXES = (".html", ".htm")
MB = 1024 * 1024
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
UTF16 = ("utf-16-le", "utf-16-be")
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
C1 = re.compile("[\x80-\x9f]")
# Arabic blocks, and the typography Arabic pages use (NBSP, quotes, dashes, joiners, marks).
ARABIC_LIKE = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
    "\u00a0«»“”‘’„–—…•·×÷°\u200c-\u200f\u2009\u202f]"
)
HIGH_BYTES = bytes(range(0x80, 0x100))
HIGH_RUN = re.compile(b"[\x80-\xff]+")
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _settings() -> dict:
    return load("boilerplate")["ingest"]


def _fail(path: Path | str, why: str) -> IngestError:
    return IngestError(f"{path}: {why}")


# --- bytes -------------------------------------------------------------------------------


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, after the checks that need no reading (existence, type, size)."""
    if not path.exists() and not path.is_symlink():
        raise _fail(path, "no such file")
    if path.suffix.lower() not in SUFFIXES:
        kind = f"'{path.suffix}'" if path.suffix else "files without a suffix"
        raise _fail(path, f"unsupported file type {kind} (expected {', '.join(SUFFIXES)})")
    try:
        info = path.stat()
    except FileNotFoundError:
        raise _fail(path, "no such file" + (" (broken link)" if path.is_symlink() else "")) from None
    except OSError as exc:
        raise _fail(path, f"cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise _fail(path, "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise _fail(path, "not a regular file")
    if info.st_size > max_bytes:
        raise _fail(path, f"too large ({info.st_size / MB:.1f} MB; the limit is {max_bytes / MB:g} MB)")
    if info.st_size == 0:
        raise _fail(path, "empty file")
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise _fail(path, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise _fail(path, f"too large (over the {max_bytes / MB:g} MB limit)")
    return data


# --- decoding ----------------------------------------------------------------------------


def _control_share(text: str) -> float:
    """Share of control characters other than tab, newline, carriage return, VT and FF."""
    return len(CONTROL.findall(text)) / max(1, len(text))


def _arabic_share(text: str) -> float:
    """Share of the non-ASCII characters that are Arabic or common typography (1 if none)."""
    foreign = len(text) - len(text.encode("ascii", "ignore"))
    return ARABIC_LIKE.subn("", text)[1] / foreign if foreign else 1.0


@lru_cache(maxsize=None)
def _code_page(name: str) -> tuple[bytes, re.Pattern]:
    """For a single-byte code page: its bytes that decode to Arabic-like characters, and a
    pattern finding a Latin letter glued to one of its Arabic letters (a sign of misreading)."""
    arabic_like, letters = bytearray(), bytearray()
    for byte in range(0x80, 0x100):
        char = bytes([byte]).decode(name, errors="ignore")
        if char and ARABIC_LIKE.match(char):
            arabic_like.append(byte)
            if char.isalpha():
                letters.append(byte)
    cls = b"[" + re.escape(bytes(letters)) + b"]" if letters else b"(?!x)x"
    return bytes(arabic_like), re.compile(b"[A-Za-z]" + cls + b"|" + cls + b"[A-Za-z]")


def _legacy_plausibility(data: bytes, name: str) -> tuple[float, float]:
    """(score, Arabic share) of reading `data` in code page `name`, counted on the bytes:
    the share of non-ASCII bytes read as Arabic, less the share of non-ASCII words that
    glue Arabic letters to Latin ones ("cafى")."""
    high = len(data) - len(data.translate(None, HIGH_BYTES))
    if not high:
        return 1.0, 1.0
    arabic_like, glued = _code_page(name)
    share = (len(data) - len(data.translate(None, arabic_like))) / high
    words = len(HIGH_RUN.findall(data))
    return share - len(glued.findall(data)) / max(1, words), share


def _reads_as_text(text: str) -> bool:
    """Mostly letters, marks, digits, punctuation and spaces; few controls, no unassigned."""
    if _control_share(text) > _settings()["max_control_share"]:
        return False
    odd = sum(1 for c in text if unicodedata.category(c) in ("Cn", "Co", "Cs", "So"))
    return odd <= 0.05 * max(1, len(text))


def _utf16_by_nuls(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII characters leave NUL bytes on one side of each pair only."""
    sample = data[: 8192 - 8192 % 2] if len(data) >= 2 else b""
    pairs = len(sample) // 2
    if not pairs or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= max(1, 0.05 * pairs) and even <= odd * 0.05:
        return "utf-16-le"
    if even >= max(1, 0.05 * pairs) and odd <= even * 0.05:
        return "utf-16-be"
    return None


def _try_utf16(data: bytes, codecs_to_try: Iterable[str], arabic_only: bool) -> tuple[str, str] | None:
    """UTF-16 without BOM; with no NUL bytes to go on, only text that reads as Arabic."""
    if len(data) % 2:
        return None
    for codec in codecs_to_try:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _reads_as_text(text) and (not arabic_only or _arabic_share(text) >= _settings()["min_arabic_share"]):
            return text, codec
    return None


def _legacy(data: bytes, preferred: str | None) -> tuple[str, str] | None:
    """The legacy code page whose reading is most plausibly Arabic (no C1 controls)."""
    settings = _settings()
    names = list(settings["legacy_encodings"])
    if preferred in names:
        names.remove(preferred)
        names.insert(0, preferred)
    best: tuple[float, float, str, str] | None = None
    for name in names:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if C1.search(text):
            continue
        score, share = _legacy_plausibility(data, name)
        if best is None or score > best[0]:
            best = (score, share, text, name)
    if best is None:
        return None
    _, share, text, name = best
    foreign = (len(data) - len(data.translate(None, HIGH_BYTES))) / len(data)
    if share < settings["min_arabic_share"] and foreign >= settings["max_foreign_share"]:
        return None
    return text, name


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares, as spelled in the config's legacy list."""
    m = CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        declared = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    for name in _settings()["legacy_encodings"]:
        if codecs.lookup(name).name == declared:
            return name
    return None


def _nearly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few broken bytes (a truncated character, a stray byte): replaced by U+FFFD."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    high = len(data) - len(data.translate(None, HIGH_BYTES))
    if bad <= _settings()["max_bad_utf8_share"] * high:
        return text, f"utf-8 ({bad} bad byte{'s' if bad > 1 else ''} replaced)"
    return None


def _decode_not_utf8(data: bytes, path: Path | str, declared: str | None) -> tuple[str, str]:
    found = _nearly_utf8(data) or _legacy(data, declared) or _try_utf16(data, UTF16, arabic_only=True)
    if found:
        return found
    if _control_share(data.decode("latin-1")) > _settings()["max_control_share"]:
        raise _fail(path, "binary file (control characters), not text")
    raise _fail(path, "cannot decode: not UTF-8, UTF-16, Windows-1256 or ISO-8859-6 text")


def decode(data: bytes, path: Path | str = "<bytes>", declared: str | None = None) -> tuple[str, str]:
    """Decoded text and the encoding used; `IngestError` for binary or undecodable bytes."""
    for bom, name in BOMS:
        if data.startswith(bom):
            shown = name.removesuffix("-sig").upper()
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                raise _fail(path, f"starts with a {shown} byte-order mark but is not valid {shown}") from None
            if not _reads_as_text(text):
                raise _fail(path, f"binary file (control characters after a {shown} byte-order mark), not text")
            return text, name
    guess = _utf16_by_nuls(data)
    if guess:
        found = _try_utf16(data, (guess,), arabic_only=False)
        if found:
            return found
    if b"\x00" in data:
        raise _fail(path, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_not_utf8(data, path, declared)
    if _control_share(text) > _settings()["max_control_share"]:
        found = _try_utf16(data, UTF16, arabic_only=True)
        if found:
            return found
        raise _fail(path, "binary file (control characters), not text")
    return text, "utf-8"


# --- HTML --------------------------------------------------------------------------------


class _PageText(HTMLParser):
    """Text of a page: dropped elements skipped, blocks become paragraph or line breaks."""

    VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())

    def __init__(self, settings: dict) -> None:
        super().__init__(convert_charrefs=True)
        self.drop = frozenset(settings["drop"])
        self.drop_words = frozenset(settings["drop_class_words"])
        self.paragraph = frozenset(settings["paragraph"])
        self.line = frozenset(settings["line"])
        self.stack: list[tuple[str, bool]] = []
        self.skipping = 0
        self.parts: list[str] = []

    def _dropped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in self.drop:
            return True
        if tag in ("html", "body", "main", "article"):
            return False
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        return bool(self.drop_words.intersection(re.split(r"[\s_-]+", names.lower())))

    def _break(self, tag: str) -> None:
        if tag in self.paragraph:
            self.parts.append("\n\n")
        elif tag in self.line:
            self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._close("head")
        self._break(tag)
        if tag in self.VOID:
            return
        dropped = self._dropped(tag, attrs)
        self.stack.append((tag, dropped))
        self.skipping += dropped

    def handle_endtag(self, tag: str) -> None:
        self._close(tag)
        self._break(tag)

    def _close(self, tag: str) -> None:
        if all(open_tag != tag for open_tag, _ in self.stack):
            return
        while self.stack:
            open_tag, dropped = self.stack.pop()
            self.skipping -= dropped
            if open_tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))

    def text(self) -> str:
        joined = re.sub(r" *\n *", "\n", "".join(self.parts))
        joined = re.sub(r" {2,}", " ", joined)
        return re.sub(r"\n{3,}", "\n\n", joined).strip()


def html_to_text(html: str) -> str:
    """Page text with markup gone: script/style/nav/footer (and the config's list) dropped."""
    parser = _PageText(load("boilerplate")["html"])
    parser.feed(html)
    parser.close()
    return parser.text()


# --- articles ----------------------------------------------------------------------------


def _outlet_entity(name: str) -> Entity:
    """The outlet a jsonl line names: canonical when the registry knows it."""
    known = find_registered(name)
    if known:
        return Entity(text=name, name=known.name, kind=known.kind)
    return Entity(text=name, name=name.strip(), kind="outlet")


def _url_host(url: str | None) -> str:
    """The site part of a page address ("https://www.aljazeera.com/x" -> "aljazeera.com"), or ""."""
    from urllib.parse import urlsplit

    try:
        host = (urlsplit(url.strip()).hostname or "") if url else ""
    except ValueError:
        return ""
    host = host.removeprefix("www.").removeprefix("m.").removeprefix("amp.")
    return host if "." in host else ""


def _registered_site(host: str) -> Entity | None:
    known = find_registered(host) if host else None
    return Entity(text=host, name=known.name, kind=known.kind) if known else None


def make_article(
    article_id: str,
    raw: str,
    encoding: str = "utf-8",
    source: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
) -> Article:
    """An `Article` with its body, boilerplate and outlet found. The outlet: the one given (a
    jsonl `outlet`), else the registered site its `url` names, else the one the page shows, else
    the url's host."""
    info = find_body(raw)
    host = _url_host(url)
    shown = (_outlet_entity(outlet) if outlet else None) or _registered_site(host) or info.outlet
    if shown is None and host:
        shown = Entity(text=host, name=host, kind="outlet")
    return Article(
        id=article_id,
        raw=raw,
        encoding=encoding,
        source=source,
        url=url,
        outlet=shown,
        published=published,
        body=info.body,
        boilerplate=info.boilerplate,
    )


def _row_problem(row: object) -> str | None:
    if not isinstance(row, dict):
        return "not a JSON object"
    if not isinstance(row.get("id"), (str, int)) or isinstance(row.get("id"), bool) or str(row["id"]).strip() == "":
        return "missing or empty 'id'"
    if not isinstance(row.get("text"), str) or not row["text"].strip():
        return "missing or empty 'text'"
    for key in ("url", "outlet", "published"):
        if row.get(key) is not None and not isinstance(row[key], str):
            return f"'{key}' must be a string"
    return None


def _jsonl_articles(path: Path, text: str, encoding: str) -> tuple[list[Article], list[IngestError]]:
    articles: list[Article] = []
    errors: list[IngestError] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(_fail(f"{path}:{number}", f"not JSON ({exc.msg} at column {exc.colno})"))
            continue
        problem = _row_problem(row)
        if problem:
            errors.append(_fail(f"{path}:{number}", problem))
            continue
        article_id = str(row["id"])
        if article_id in first_line:
            errors.append(_fail(f"{path}:{number}", f"duplicate id '{article_id}' (first on line {first_line[article_id]})"))
            continue
        first_line[article_id] = number
        articles.append(
            make_article(article_id, row["text"], encoding, str(path), row.get("url"), row.get("outlet"), row.get("published"))
        )
    if not articles and not errors:
        errors.append(_fail(path, "empty file (no JSON lines)"))
    return articles, errors


def load_file(path: Path, max_bytes: int | None = None) -> tuple[list[Article], list[IngestError]]:
    """Articles of one file and its errors (several only for jsonl, one a bad line)."""
    path = Path(path)
    limit = max_bytes if max_bytes is not None else int(_settings()["max_mb"] * MB)
    suffix = path.suffix.lower()
    try:
        data = _read_bytes(path, limit)
        declared = _declared_charset(data) if suffix in HTML_SUFFIXES else None
        text, encoding = decode(data, path, declared)
    except IngestError as exc:
        return [], [exc]
    if suffix == ".jsonl":
        return _jsonl_articles(path, text, encoding)
    raw = html_to_text(text) if suffix in HTML_SUFFIXES else text
    if not raw.strip():
        why = "no text left once markup is removed" if suffix in HTML_SUFFIXES else "empty file (only whitespace)"
        return [], [_fail(path, why)]
    return [make_article(path.stem, raw, encoding, str(path))], []


def read_file(path: Path, max_bytes: int | None = None) -> list[Article]:
    """Articles of one file; `IngestError` (one line: file and why) when any part is bad.

    `max_bytes` defaults to [ingest] max_mb of configs/boilerplate.toml (20 MB); larger
    files are refused from their size alone, before reading.
    """
    articles, errors = load_file(path, max_bytes)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise IngestError(f"{errors[0]} (and {len(errors) - 1} more bad lines)")
    return articles


def _files_under(folder: Path, errors: list[IngestError]) -> list[Path]:
    """Every non-hidden file below `folder`, sorted; hidden files and folders are skipped."""
    found: list[Path] = []

    def unreadable(exc: OSError) -> None:
        errors.append(_fail(exc.filename or folder, f"cannot read folder ({exc.strerror or exc})"))

    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / name for name in names if not name.startswith("."))
    return sorted(found)


def read_paths(paths: Iterable[Path], max_bytes: int | None = None) -> tuple[list[Article], list[IngestError]]:
    """Articles of files and folders (recursive, sorted), and one error per bad file or line.

    Good files are read whatever happens to the others. An article id seen before (same
    file stem in two folders) is an error: claim ids and the store key on it.
    """
    articles: list[Article] = []
    errors: list[IngestError] = []
    read_from: dict[str, str] = {}
    for path in paths:
        path = Path(path)
        files = _files_under(path, errors) if path.is_dir() else [path]
        for file in files:
            got, bad = load_file(file, max_bytes)
            errors.extend(bad)
            for article in got:
                if article.id in read_from:
                    errors.append(_fail(file, f"duplicate article id '{article.id}' (already read from {read_from[article.id]})"))
                    continue
                read_from[article.id] = str(file)
                articles.append(article)
    return articles, errors
