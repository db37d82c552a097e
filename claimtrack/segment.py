"""Paragraphs, quotations and sentences, as spans into the raw text.

Quotation styles: "…", “…”, «…», „…“, ”…” (the closing mark used as an opener, common
on Arabic sites), and unbalanced quotes, which run to the end of their paragraph.
Sentences never split inside a balanced quotation, so a quote spanning sentences stays whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from claimtrack.models import Span

OPENERS = {"«": "»", "“": "”", "„": "“”", '"': '"', "”": "”“", "‹": "›"}
SENTENCE_END = set(".!?؟…")
_SENTENCE_END_MARK = re.compile("[.!?؟…]")
_OPENING_MARK = re.compile("[" + "".join(OPENERS) + "]")
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "no", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "prof", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k"}
_QUOTE_END = "".join(SENTENCE_END) + " "  # a quote's last sentence ends where the quote closes
_LETTER_DOT = re.compile(r"(?:^|[\s(])(\w)\.$")
_VISIBLE = re.compile(r"\S")
_LEAD_TAG = re.compile(r"\s*\[/?[A-Za-z]+(?:=[^\]\n]*)?\]\s*")  # '[JUSTIFY]': forum markup opening a line
_TAIL_TAG = re.compile(r"\s*\[/?[A-Za-z]+\]\s*$")
_DOTTED = re.compile(r"(?:\w\.)+\w")  # u.s, e.g


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # the opening mark
    end: int  # just after the closing mark (paragraph end when unbalanced)
    inner: Span  # the quoted words, marks excluded
    balanced: bool

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end


def paragraphs(raw: str, body: list[Span] | None = None) -> list[Span]:
    """Non-blank lines of the body spans (the whole text when no body is given), stripped; a line
    broken inside a sentence ('قال X إن هناك⏎قطع في الكابل ...') is joined to the line that goes on,
    even where the boilerplate finder kept only one of the two."""
    regions = body if body else [(0, len(raw))]
    out: list[Span] = []
    for rs, re_ in regions:
        pos = rs
        for line in raw[rs:re_].split("\n"):
            s, e = pos, pos + len(line)
            pos = e + 1
            if (span := _stripped(raw, s, e)) is not None:
                out.append(span)
    return _join_broken_lines(raw, out)


def _stripped(raw: str, s: int, e: int) -> Span | None:
    """The line without edge whitespace or forum markup tags ('[JUSTIFY] أكد ...[/JUSTIFY]')."""
    while (m := _LEAD_TAG.match(raw, s, e)) is not None and m.end() > s:
        s = m.end()
    while s < e and raw[s].isspace():
        s += 1
    while (m := _TAIL_TAG.search(raw, s, e)) is not None and m.start() < e:
        e = m.start()
    while e > s and raw[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def _next_line(raw: str, end: int) -> Span | None:
    """The line right after a single line break at `end` (None after a blank line or at the end)."""
    if not raw.startswith("\n", end) or raw[end + 1 : end + 2].isspace():
        return None
    stop = raw.find("\n", end + 1)
    return _stripped(raw, end + 1, len(raw) if stop < 0 else stop)


def _previous_line(raw: str, start: int) -> Span | None:
    """The line right before a single line break ending at `start` (None after a blank line)."""
    if start < 2 or raw[start - 1] != "\n" or raw[start - 2].isspace():
        return None
    return _stripped(raw, raw.rfind("\n", 0, start - 1) + 1, start - 1)


def _join_broken_lines(raw: str, paras: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in paras:
        if out and out[-1][1] >= s:
            continue  # already taken into the paragraph before
        while (prev := _previous_line(raw, s)) is not None and _goes_on(raw, prev) and (not out or out[-1][1] < prev[0]):
            s = prev[0]  # 'قال X، إن هناك' left out as a short title line
        while _breaks_mid_sentence(raw[s:e]) and (nxt := _next_line(raw, e)) is not None:
            e = nxt[1]
        out.append((s, e))
    return out


def _goes_on(raw: str, line: Span) -> bool:
    """A line left out of the body that a body line continues: a sentence start, not a byline."""
    text = raw[line[0] : line[1]]
    return len(text.split()) >= 5 and _breaks_mid_sentence(text)


def _breaks_mid_sentence(line: str) -> bool:
    """A line that cannot end there: it stops on a preposition or complementiser ('في', 'إن'), one
    word after a complementiser ('إن هناك'), on a comma, or inside an open «» or straight quote."""
    words = line.split()
    ends = _line_continuers()
    if line.rfind("«") > line.rfind("»") or _opens_straight_quote(line):
        return True
    if line[-1] in "،,":
        return len(words) >= 5  # 'قال قائد الجيش جوزاف عون،⏎اليوم الثلاثاء، إن'
    if line[-1] in SENTENCE_END or line[-1] in ":;؛\"”»)":
        return False
    last = re.split("[،,]", words[-1])[-1].lower()  # 'مترشح،من⏎بينهم'
    return last in ends or (len(words) > 3 and words[-2] in _complementisers()) or _cue_without_content(line)  # 'إن هناك'


def _cue_without_content(line: str) -> bool:
    """'وقال في سلسلة تغريدات في حسابه على منصة⏎"إكس" ... "اليوم، نقف ...': a line opening with an Arabic speech
    verb that has no complementiser, colon or quotation mark yet: its reported words are on the next line."""
    from claimtrack.arabic import normalize, normalize_words, strip_conjunction
    from claimtrack.cues import lexicon

    parts = line.split(maxsplit=1)
    if len(parts) < 2 or any(c in line for c in ':"“”«»'):
        return False
    forms = lexicon().forms
    found = [forms.get((w,)) for w in strip_conjunction(normalize(parts[0]))]
    if not any(f is not None and f.lang == "ar" and f.kind in ("speech", "carry") for f in found):
        return False
    words = normalize_words(line)
    return len(words) >= 3 and not any(w in _normalised_complementisers() for w in words)


@cache
def _normalised_complementisers() -> frozenset[str]:
    from claimtrack.arabic import normalize

    return frozenset(normalize(w) for w in _complementisers())


def _opens_straight_quote(line: str) -> bool:
    """An odd straight mark whose last one opens a quote: 'لبنان "اليوم، نقف أمام⏎مشهد ...'."""
    last = line.rfind('"')
    return line.count('"') % 2 == 1 and 0 < last < len(line) - 1 and line[last - 1].isspace() and not line[last + 1].isspace()


@cache
def _line_continuers() -> frozenset[str]:
    from claimtrack import config

    return frozenset(config.load("attribution")["segment"]["line_continuers"])


@cache
def _complementisers() -> frozenset[str]:
    from claimtrack import config

    return frozenset(config.load("attribution")["segment"]["line_complementisers"])


def _can_open(raw: str, i: int, start: int) -> bool:
    """A closing-style mark (”) opens a quote only where a quote can begin."""
    prev = raw[i - 1] if i > start else " "
    nxt = raw[i + 1] if i + 1 < len(raw) else " "
    return (prev.isspace() or prev in ":،,(-–—") and not nxt.isspace()


def _reopens(raw: str, j: int, opener: str) -> bool:
    """The opening mark of a quote opens again after a sentence end: the last quote had no close."""
    if opener == '"' and raw[j] == opener and j + 1 < len(raw) and raw[j + 1] not in _CLOSING_PUNCT and _after_complementiser(raw, j, 0):
        return True  # 'أن " A. وقال أنه " B': the mark after the second complementiser opens a new quote
    return raw[j] == opener and opener in "\"“" and j > 1 and raw[j - 1].isspace() and raw[j - 2] in SENTENCE_END and j + 1 < len(raw) and not raw[j + 1].isspace()


def _straight_opens(raw: str, i: int, start: int, end: int) -> bool:
    """A straight mark opens unless a space follows it; with spaces on both sides it opens when it
    is an odd-numbered mark of a paragraph whose marks pair up (' " text " ')."""
    nxt = raw[i + 1 : i + 2]
    if nxt and nxt in _CLOSING_PUNCT:
        return False  # '... الحقيقي".': punctuation after the mark closes
    if not nxt.isspace():
        return True
    if _after_complementiser(raw, i, start):
        return True  # 'قال أن" القصد ...', 'أنه " ليس': a mark after the complementiser opens what follows it
    return raw[i - 1 : i].isspace() and raw.count('"', start, i) % 2 == 0 and raw.count('"', start, end) % 2 == 0


_CLOSING_PUNCT = ".،,؛;:!?؟"


def _after_complementiser(raw: str, i: int, start: int) -> bool:
    """The word before the mark is a complementiser ('أن"', 'أنه "'): the mark opens the reported words."""
    from claimtrack.arabic import normalize

    k = i
    while k > start and raw[k - 1] == " ":
        k -= 1
    j = k
    while j > start and raw[j - 1].isalpha():
        j -= 1
    word = normalize(raw[j:k])
    return j < k and (word in _normalised_complementisers() or word[:-1] in _normalised_complementisers() and word[-1:] == "ه")


def _spaced_reversed_opens(raw: str, i: int, start: int, end: int) -> bool:
    """'وقال ” كرة القدم ... اليوم “.': a spaced ” opens when it is the paragraph's first curly mark and a “
    comes after it (the pair written the other way round)."""
    return (raw[i] == "”" and raw[i - 1 : i].isspace() and raw[i + 1 : i + 2].isspace()
            and raw.count("”", start, i) + raw.count("“", start, i) == 0 and raw.find("“", i, end) > i)


def quotes(raw: str, span: Span) -> list[Quote]:
    """Quotations inside one paragraph; one level (inner marks of another style are text)."""
    start, end = span
    out: list[Quote] = []
    i = start
    while (mark := _OPENING_MARK.search(raw, i, end)) is not None:
        i = mark.start()
        ch = raw[i]
        if ch not in "”\"" or _can_open(raw, i, start) or (ch == '"' and _straight_opens(raw, i, start, end)) or _spaced_reversed_opens(raw, i, start, end):
            j = _quote_stop(raw, ch, i + 1, end)
            if j < end and _reopens(raw, j, ch):
                # a quote continued in a new sentence: '"... energy. "That's when ...'
                inner_end = j
                while raw[inner_end - 1].isspace():
                    inner_end -= 1
                out.append(Quote(i, inner_end, (i + 1, inner_end), False))
                i = j
                continue
            if j < end:
                if j > i + 1:
                    out.append(Quote(i, j + 1, (i + 1, j), True))
                i = j + 1
                continue
            if ch != '"' or raw.count('"', start, end) % 2 == 1:
                inner_end = end
                while inner_end > i + 1 and raw[inner_end - 1] in ".،,؛;":
                    inner_end -= 1
                if inner_end > i + 1:
                    out.append(Quote(i, end, (i + 1, inner_end), False))
            break
        i += 1
    return out or _single_quotes(raw, start, end)


def _single_quotes(raw: str, start: int, end: int) -> list[Quote]:
    """'‘Electric Ireland has failed ...,’ he said': quotations in single curly marks, in a paragraph with no double
    ones. ’ is also the apostrophe ('Ireland’s'): it closes only before no letter, and not after an s before a space
    ('the workers’ union'). Only balanced pairs count."""
    out: list[Quote] = []
    i = raw.find("‘", start, end)
    while 0 <= i < end - 1:
        prev = raw[i - 1] if i > start else " "
        if (prev.isspace() or prev in "(-–—:,") and raw[i + 1].isalnum():
            j = raw.find("’", i + 1, end)
            while j >= 0 and j + 1 < end and (raw[j + 1].isalpha() or (raw[j + 1].isspace() and raw[j - 1] == "s")):
                j = raw.find("’", j + 1, end)
            if j > i + 1:
                out.append(Quote(i, j + 1, (i + 1, j), True))
                i = raw.find("‘", j + 1, end)
                continue
        i = raw.find("‘", i + 1, end)
    return out


def _quote_stop(raw: str, opener: str, start: int, end: int) -> int:
    """Where the quote opened by `opener` stops: its closing mark, or the same mark opening again
    after a sentence end (`_reopens`); `end` when neither comes."""
    closers = OPENERS[opener]
    marks = closers if opener in closers else closers + opener
    while (j := _find_any(raw, marks, start, end)) < end:
        if raw[j] in closers or _reopens(raw, j, opener):
            return j
        start = j + 1
    return end


def _find_any(raw: str, chars: str, start: int, end: int) -> int:
    """Position of the first of `chars` in raw[start:end]; `end` when there is none."""
    found = [p for c in chars if (p := raw.find(c, start, end)) >= 0]
    return min(found) if found else end


def _next_visible(raw: str, pos: int) -> str:
    """The first non-space character at or after `pos` ('' when there is none)."""
    m = _VISIBLE.search(raw, pos)
    return m.group() if m else ""


def _is_abbreviation(raw: str, start: int, dot: int) -> bool:
    word_start = dot
    while word_start > start and not raw[word_start - 1].isspace():
        word_start -= 1
    word = raw[word_start:dot].lower().strip("(\"'“«")
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return True
    return bool(_DOTTED.fullmatch(word))


def sentences(raw: str, span: Span, quoted: list[Quote] | None = None) -> list[Span]:
    """Sentence spans of one paragraph (trailing whitespace excluded, end punctuation kept)."""
    start, end = span
    quoted = quoted if quoted is not None else quotes(raw, span)
    balanced = [q for q in quoted if q.balanced]
    out: list[Span] = []
    s = start
    i = start
    while (mark := _SENTENCE_END_MARK.search(raw, i, end)) is not None:
        i = mark.start()
        ch = raw[i]
        if not (balanced and any(q.start < i < q.end - 1 and raw[i + 1 : q.end - 1].strip(_QUOTE_END) for q in balanced)):
            j = i + 1
            while j < end and (raw[j] in SENTENCE_END or raw[j] in "\"”»’)"):
                j += 1
            at_break = j >= end or raw[j].isspace()
            if ch == "." and at_break and j < end:
                nxt = _next_visible(raw, j)
                if _is_abbreviation(raw, s, i) or (nxt.isalpha() and nxt.islower()):
                    at_break = False
            if at_break:
                out.append((s, j))
                while j < end and raw[j].isspace():
                    j += 1
                s = i = j
                continue
        i += 1
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in out if _VISIBLE.search(raw, a, b)]
