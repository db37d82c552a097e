"""Arabic text layer: normalisation for matching, and word tokens with offsets.

Normalisation is for comparing and looking up only; spans always index the raw text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, repeat
from operator import attrgetter
from typing import Callable, Generic, NamedTuple, TypeVar

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, Quranic marks, tatweel
ALEF_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_WORD_CHARS = r"\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"  # letters, digits, harakat, tatweel
# An apostrophe or hyphen joins word parts ("al-Khatib", "كوفيد-19"), but not a hyphen before an Arabic
# letter: "عمان-قال" is a dateline and a verb.
WORD = re.compile(rf"[{_WORD_CHARS}]+(?:(?:['’]|-(?![\u0600-\u06ff]))[\w]+)*", re.UNICODE)
ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3]+")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Fold the spelling variants CLAIMS.md names: diacritics, tatweel, alef/yaa/taa marbuta, digits.

    Latin text is case-folded. Punctuation is kept (callers decide what to drop).
    """
    text = unicodedata.normalize("NFKC", text)
    text = DIACRITICS.sub("", text)
    return text.translate(ALEF_VARIANTS).translate(DIGITS).casefold()


V = TypeVar("V")


class WordCache(dict[str, V], Generic[V]):
    """A memo of `compute(word)` per word that `map(cache.__getitem__, words)` reads at dict speed
    (a hit costs no Python call, unlike an lru_cache); emptied when it reaches `limit` words."""

    def __init__(self, compute: Callable[[str], V], limit: int = 65536):
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, word: str) -> V:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.compute(word)
        return value


def normalize_words(text: str) -> list[str]:
    """Normalised words with punctuation and quotation marks dropped (the evaluation's view)."""
    return [normalize(m.group()) for m in WORD.finditer(text)]


LATIN_LETTERS = re.compile("[A-Za-z\u00c0-\u024f]+")


def is_arabic(text: str, threshold: float = 0.3) -> bool:
    latin = _count_letters(LATIN_LETTERS, text)
    if latin == 0:  # all letters are Arabic, if there are any: no need to count them
        return threshold <= 1 and ARABIC_LETTERS.search(text) is not None
    arabic = _count_letters(ARABIC_LETTERS, text)
    return arabic > 0 and arabic / (arabic + latin) >= threshold


def _count_letters(runs: re.Pattern[str], text: str) -> int:
    """How many letters of a script `text` has (the pattern matches runs of them, word by word)."""
    return sum(map(len, runs.findall(text)))


class Token(NamedTuple):
    """A word: offsets into the raw text, the word as written, its normalised form."""

    start: int
    end: int
    raw: str
    norm: str


@lru_cache(maxsize=4096)
def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of `text` with offsets (shifted by `offset`) and their normalised form.

    Cached: callers must not modify the returned list.
    """
    return scan_tokens(text, offset)


def scan_tokens(text: str, offset: int = 0) -> list[Token]:
    """`tokenize` without the cache, for text read once (a paragraph)."""
    parts = _WORD_SPLIT.split(text)  # gap, word, gap, word, ..., gap
    bounds = accumulate(map(len, parts), initial=offset)  # where each part starts
    next(bounds)  # the first gap's: then a word's start and end, in turns
    words = parts[1::2]
    return list(map(tuple.__new__, repeat(Token), zip(bounds, bounds, words, map(_NORMS.__getitem__, words))))


# scan_tokens' hot path, done by C loops: no Match objects, and tokens made by tuple.__new__
# without NamedTuple's Python-level __new__. The possessive quantifiers match what WORD matches
# (nothing after a run could ever need it shorter), with less backtracking bookkeeping.
_WORD_SPLIT = re.compile(rf"([{_WORD_CHARS}]++(?:(?:['’]|-(?![\u0600-\u06ff]))\w++)*+)")
_NORMS = WordCache(normalize)  # a paragraph's words mostly seen before


def tokens_within(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The tokens lying inside [start, end): a sentence's words sliced from its paragraph's."""
    first = bisect_left(tokens, start, key=START)
    last = bisect_left(tokens, end, lo=first, key=START)
    while last > first and tokens[last - 1].end > end:
        last -= 1
    return tokens[first:last]


START = attrgetter("start")  # a token's offset, as a key for bisect over tokens
NORM = attrgetter("norm")  # a token's normalised form, for map() over tokens


PREFIXES = ("وب", "فب", "ول", "فل", "و", "ف")


def strip_conjunction(norm: str) -> list[str]:
    """The word and its readings without a leading و/ف (and وب/ول), longest stem last."""
    out = [norm]
    for p in ("و", "ف"):
        if norm.startswith(p) and len(norm) > len(p) + 1:
            out.append(norm[len(p):])
    return out
