"""Coreference of descriptions: a title or a definite description standing alone as a speaker
("وزير الزراعة", "الوزير القطري", "the minister", "the company") is the one person or
organisation the article named that it fits.

First the speakers heard so far: the description's words in order among a speaker's words
("وزير الزراعة" in "السيد القصير، وزير الزراعة"), that speaker named beyond them, no post
qualifier unshared ("نائب وزير الزراعة" is not the minister). When no speaker fits a person's
title, the article text itself: the title written right next to a name ("الدكتور محمد شاكر
المرقبي، وزير الكهرباء", "Health Minister Dr. Tufton"). A company or club with no speaker that
fits is the one organisation that spoke. Exactly one candidate binds; none or several, nothing.
The lists live in `configs/attribution.toml` (titles, heads, qualifiers, name particles).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from claimtrack.arabic import ALEF_VARIANTS, WordCache, is_arabic, normalize, normalize_words
from claimtrack.cues import Lexicon
from claimtrack.entities import clean_mention, fallback_name, name_key, person_name
from claimtrack.names import latin_name
from claimtrack.models import Entity

DESCRIPTION_MAX_WORDS = 6  # "وزير النفط والغاز والثروة المعدنية": a title that names no one is short
NEIGHBOUR_WORDS = 4  # a name written next to a title: at most this many words
_CLAUSE_END = re.compile(r"[،,.:؛;!?؟()\"«»“”]$")
_COMMA_END = re.compile(r"[،,]$")
_WORD_KEYS: WordCache[str] = WordCache(name_key)  # a raw word -> its name key, at dict speed


def name_after_title(words: list[str], lex: Lexicon) -> list[str] | None:
    """The capitalised words right after the last title or courtesy word that has them: 'B.C. Health
    Minister Adrian Dix', 'Dr. Bonnie Henry', 'Prince Faisal bin Farhan' (a particle inside the name)."""
    for t in range(len(words) - 2, -1, -1):
        low = words[t].lower().strip(".")
        if not (lex.has("en_titles", low) or lex.has("en_honorifics", low)) or _CLAUSE_END.search(words[t]):
            continue
        run: list[str] = []
        rest = words[t + 1 :]
        for k, w in enumerate(rest):
            if lex.has("en_honorifics", w.lower().strip(".")):
                if run:
                    break
                continue  # "Health Minister Dr. Tufton": the courtesy word goes
            if not run and w[:1] == "(" and w.endswith(")"):
                continue  # "Cabinet Secretary (CS) Jane Doe": the title's abbreviation in brackets goes
            particle = lex.has("en_name_particles", w.lower()) and run and k + 1 < len(rest) and rest[k + 1][:1].isupper()
            if not (w[:1].isupper() or particle):
                break
            run.append(w)
            if _CLAUSE_END.search(w):
                break
        if run:
            return run
    return None


class Descriptions:
    """Binds descriptions in one article to the speakers and names it holds."""

    def __init__(self, raw: str, raw_words: list[str], lex: Lexicon, english_head: Callable[[str], str]):
        self.raw = raw
        self.raw_words = raw_words  # raw.split()
        self._beside: dict[tuple[str, ...], set[str]] = {}  # title words -> the names written beside them
        self.lex = lex
        self.english_head = english_head
        self.qualifiers = frozenset(map(name_key, lex.any_of("title_qualifiers")))
        self.heads = frozenset(map(name_key, lex.any_of("ar_head_titles")))

    def bind(self, text: str, heard: list[Entity]) -> Entity | None:
        """The entity a description stands for among the speakers `heard` so far, or None."""
        found = self._description(text)
        if found is None:
            return None
        words, head = found
        heard = list(dict.fromkeys(heard))  # each speaker once
        fits = {name_key(e.name): e for e in heard if self._fits(words, head, e)}
        if not fits and head == "person":
            fits = {name_key(name): Entity(text="", name=name, kind="person") for name in self._named_beside(words, text)}
        if not fits and head == "company":
            fits = {name_key(e.name): e for e in heard if self._bare_organization(e)}
        if len(fits) != 1:
            return None
        ent = next(iter(fits.values()))
        kind = "organization" if head == "company" and ent.kind == "person" else ent.kind
        return Entity(text=clean_mention(text), name=ent.name, kind=kind)

    # ------------------------------------------------------------------ the description
    def _description(self, text: str) -> tuple[list[str], str] | None:
        """(key words, head: 'person', 'thing' or 'company') of a phrase that describes without naming."""
        lex = self.lex
        if "،" in text or "," in text:
            return None
        words = text.split()
        if not words or len(words) > DESCRIPTION_MAX_WORDS:
            return None
        if is_arabic(text):
            first = normalize(words[0])
            bare = first[2:] if first.startswith("ال") else first
            if lex.has("ar_titles", first) or lex.has("ar_titles", bare):
                head = "person"
            elif lex.has("ar_company_heads", first):
                head = "company"
            elif lex.has("ar_organization", first) or lex.has("ar_organization", bare):
                head = "thing"
            else:
                return None
            return (name_key(text).split(), head) if latin_name(text) is None else None
        if words[0].lower() != "the":
            return None
        words = self.english_head(text).split()
        if len(words) < 2 or words[0].lower() != "the" or len(words) > DESCRIPTION_MAX_WORDS:
            return None
        words = [w for w in words[1:] if not w.endswith(("'s", "’s"))]  # "the country's Health Minister"
        if not words:
            return None
        last = words[-1].lower()
        if lex.has("en_titles", last):
            head = "person"
        elif lex.has("en_company_heads", last):
            head = "company"
        elif lex.has("en_organization", last):
            head = "thing"
        else:
            return None
        return name_key(" ".join(words)).split(), head

    # ------------------------------------------------------------------ speakers heard
    def _fits(self, words: list[str], head: str, ent: Entity) -> bool:
        if ent.kind not in (("person",) if head == "person" else ("organization", "government")):
            return False
        mention = name_key(ent.text).split()
        if len(mention) <= len(words) and name_key(ent.name) == name_key(fallback_name(ent.text)):
            return False  # an unnamed description itself ("وزير الخارجية") names no one to bind to
        if ent.kind != "person" and self._group_words(ent.text):
            return False  # "Company officials" are people of the company, not the company
        if not _in_order(words, mention):
            # 'المديرية' after 'بيان للمديرية العامة للدفاع المدني': the issuer's own words, in its Arabic name
            named = name_key(ent.name).split() if is_arabic(ent.name) else []
            if not _in_order(words, named):
                return False
            mention = named
        if len(words) == 1 and words[0] in self.heads and words[0] in mention:
            following = mention[mention.index(words[0]) + 1 :]
            if following and not self._adjective_or_name(following[0]):
                return False  # "الرئيس" is not "رئيس الوزراء مصطفى مدبولي"
        return all(w in words for w in mention if w in self.qualifiers)

    def _adjective_or_name(self, key: str) -> bool:
        """A nisba adjective ('روسي', 'امريكيه') or a name part after a title, not the body it heads."""
        return key.endswith(("ي", "يه")) or latin_name(key) is not None

    def _bare_organization(self, ent: Entity) -> bool:
        """'Adidas said': an organisation, or one capitalised word that never got a first name."""
        if ent.kind in ("organization", "government") and not self._group_words(ent.text):
            return True
        if ent.kind != "person" or is_arabic(ent.text):
            return False
        return len(ent.name.split()) == 1 and ent.name[:1].isupper() and name_key(ent.name) == name_key(ent.text)

    def _group_words(self, text: str) -> bool:
        groups = self.lex.any_of("ar_group", "en_group", "ar_anonymous")
        return any(w in groups for w in normalize_words(text))

    # ------------------------------------------------------------------ names beside the title in the text
    def _named_beside(self, words: list[str], text: str) -> set[str]:
        """The names the article writes right before ('X، وزير الكهرباء', 'Adrian Dix, the health
        minister') or right after ('وزير الكهرباء X', 'Health Minister Dr. Tufton') these title words."""
        found = self._beside.get(tuple(words))
        if found is None:
            found = self._beside[tuple(words)] = self._find_named_beside(words, text)
        return found

    def _find_named_beside(self, words: list[str], text: str) -> set[str]:
        first = next((w[2:] if w.startswith("ال") and len(w) > 3 else w for w in normalize_words(text) if name_key(w) == words[0]), None)
        if first is None:
            return set()
        raw, n = self.raw_words, len(words)
        key = _WORD_KEYS.__getitem__
        names: set[str] = set()
        for j in self._word_hits(first):
            if [key(w) for w in raw[j : j + n]] != words:
                continue
            if (j and key(raw[j - 1]) in self.qualifiers) or (j + n < len(raw) and key(raw[j + n]) in self.qualifiers):
                continue  # "نائب وزير الكهرباء", "وزير الكهرباء السابق"
            if j and raw[j - 1][:1].isupper() and not _CLAUSE_END.search(raw[j - 1]):
                continue  # "Prime Minister Narendra Modi" is no plain "minister"
            for name in (self._name_after(raw, j, n), self._name_before(raw, j)):
                if name:
                    names.add(name)
        return names

    def _word_hits(self, first: str) -> list[int]:
        """Indexes of the raw words holding `first` (a normalised word) in any spelling that
        normalises to it: the raw text is searched as written (normalising it all costs too much)."""
        hits = [len(self.raw[: m.start()].split()) - (0 if m.start() == 0 or self.raw[m.start() - 1].isspace() else 1)
                for m in _spelled(first).finditer(self.raw)]
        return [j for j in dict.fromkeys(hits) if 0 <= j < len(self.raw_words)]

    def _name_after(self, raw: list[str], j: int, n: int) -> str | None:
        if _CLAUSE_END.search(raw[j + n - 1]):
            return None
        if not is_arabic(raw[j]):
            run = name_after_title(raw[j + n - 1 : j + n + NEIGHBOUR_WORDS], self.lex)
            return person_name(" ".join(run)) if run else None
        after = raw[j + n : j + n + NEIGHBOUR_WORDS + 2]
        skip = 0  # "وزير الخارجية القطري محمد ...", "وزير الكهرباء الدكتور محمد ...": adjectives and titles first
        while skip < min(2, len(after)) and self._before_name(after[skip]):
            skip += 1
        chunk = _clause(after[skip : skip + NEIGHBOUR_WORDS])
        return self._arabic_full(chunk, first=True)

    def _name_before(self, raw: list[str], j: int) -> str | None:
        """'أحمد عيسى، وزير السياحة', 'Adrian Dix, the health minister': a name, a comma, the title."""
        k = j - 1 if is_arabic(raw[j]) or j == 0 or name_key(raw[j - 1]) != "the" else j - 2
        if k < 0 or not _COMMA_END.search(raw[k]):
            return None
        start = k
        while start > 0 and k - start < NEIGHBOUR_WORDS - 1 and not _CLAUSE_END.search(raw[start - 1]):
            start -= 1
        chunk = raw[start : k + 1]
        if not is_arabic(raw[k]):
            run = []
            for w in reversed(chunk):
                if not w[:1].isupper():
                    break
                run.insert(0, w)
            if any(self.lex.has("en_lead_prepositions", w.lower()) or self.lex.has("en_stop", w.lower().strip(",")) for w in run):
                return None  # "On Friday, the Directorate General ...": an adverbial, not a name
            return person_name(" ".join(run)) if len(run) >= 2 else None
        return self._arabic_full(chunk, first=False)

    def _before_name(self, word: str) -> bool:
        """'القطري', 'الدكتور' between a title and its name; not 'الوزراء' ('رئيس الوزراء' is another post)."""
        norm = (normalize_words(word)[:1] or [""])[0]
        if _CLAUSE_END.search(word) or not norm.startswith("ال"):
            return False
        return self.lex.has("ar_titles", norm) or name_key(norm).endswith(("ي", "يه"))

    @staticmethod
    def _arabic_full(chunk: list[str], *, first: bool) -> str | None:
        """A full Latin name (two words or more) that opens (`first`) or closes the chunk."""
        if not chunk:
            return None
        latin = latin_name(" ".join(chunk))
        if latin is None or len(latin[0].split()) < 2:
            return None
        edge = chunk[0] if first else chunk[-1]
        if first and latin_name(edge) is None:
            return None  # the name opens the words after the title, or it is not the title's name
        if not first and name_key(latin[1]) != name_key(edge):
            return None
        return latin[0]


_MARKS = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]*"  # diacritics and tatweel between letters
_SPELLINGS: dict[str, str] = {}
for _src, _dst in ALEF_VARIANTS.items():  # {ord("أ"): "ا", ...}
    _SPELLINGS[_dst] = _SPELLINGS.get(_dst, _dst) + chr(_src)


@lru_cache(maxsize=1024)
def _spelled(word: str) -> re.Pattern[str]:
    """A pattern for every raw spelling `normalize` folds to `word` (hamza, alef maqsura, taa marbuta, marks, case)."""
    return re.compile(_MARKS.join(f"[{_SPELLINGS[c]}]" if c in _SPELLINGS else re.escape(c) for c in word), re.IGNORECASE)


def _clause(words: list[str]) -> list[str]:
    """The words up to the first one that ends a clause (that one included)."""
    for i, w in enumerate(words):
        if _CLAUSE_END.search(w):
            return words[: i + 1]
    return words


def _in_order(words: list[str], within: list[str]) -> bool:
    """Whether `words` occur in `within` in the same order (not necessarily next to each other)."""
    rest = iter(within)
    return all(w in rest for w in words)


__all__ = ["Descriptions", "name_after_title", "DESCRIPTION_MAX_WORDS"]
