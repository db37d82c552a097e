"""What two claims differ in, read from their words: polarity, direction, numbers, dates, names.

Every word list comes from `configs/contradiction.toml` (and the entity registry in
`configs/entities/`); this module only matches them. Features are language-neutral
("one side denies, the other asserts"), so a model trained on Arabic pairs reads English ones.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from claimtrack import config
from claimtrack.arabic import is_arabic, normalize

# Letters with the Arabic marks inside a word (tanween, shadda, tatweel: "قتيلًا" is one word).
_LETTERS = "[^\\W\\d_](?:[^\\W\\d_]|[\u0610-\u061A\u064B-\u065F\u0670\u0640])*"
WORD = re.compile(rf"\d+(?:[.,:]\d+)*|{_LETTERS}(?:['’]{_LETTERS})?|[%٪$]", re.UNICODE)

# Names of the text features, in vector order (the model file stores them and checks them).
FEATURE_NAMES = (
    "negation_mismatch",
    "negation_any",
    "negation_echoed",
    "denial_mismatch",
    "hedge_mismatch",
    "opposite_direction",
    "numbers_differ",
    "numbers_one_side",
    "years_differ",
    "days_or_months_differ",
    "places_differ",
    "places_one_side",
    "agents_differ",
    "things_differ",
    "names_differ",
    "word_overlap",
    "containment_min",
    "containment_max",
    "fewer_new_words",
    "more_new_words",
    "both_sides_new_words",
    "length_ratio",
    "surface_unknown",
)
# Features read off shared surface words: meaningless across scripts (an Arabic claim against an
# English one), where they are replaced by SURFACE_UNKNOWN and the flag `surface_unknown`.
SURFACE = ("negation_echoed", "word_overlap", "containment_min", "containment_max", "fewer_new_words", "more_new_words",
           "both_sides_new_words", "length_ratio")


@dataclass(frozen=True, slots=True)
class Word:
    raw: str
    readings: tuple[str, ...]  # normalised word, then without leading clitics, shortest last

    @property
    def stem(self) -> str:
        return self.readings[-1]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure with what it measures: "19 قتيلا" is (19, unit "dead"); "أكثر من 100" is
    (100, bound "at_least"); `step` is the rounding its writing allows (0.01 for "44.33", 1 for
    "44", 100000 for "20.5 مليون"); `near` holds the content stems right after it (the counted
    noun, compared within one script when no listed unit is found)."""

    value: float
    written: str
    unit: str = ""
    near: frozenset[str] = frozenset()
    bound: str = ""  # "", "at_least", "at_most" or "about"
    step: float = 1.0
    time: bool = False  # a span of time ("20 سنة", "two months")
    place: str = ""  # the country a listed place right beside it names ("284 قتيلا في تركيا")


@dataclass
class Reading:
    """One text as the features see it: its words and what the word lists found in it."""

    words: list[Word]
    negations: list[str] = field(default_factory=list)
    negated: set[str] = field(default_factory=set)  # content stems of the words a negator governs
    denials: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    directions: dict[str, set[str]] = field(default_factory=dict)  # antonym name -> sides used ("a", "b", "c")
    direction_words: dict[str, str] = field(default_factory=dict)  # "name:side" -> word as written
    numbers: dict[float, str] = field(default_factory=dict)  # value -> as written
    quantities: list[Quantity] = field(default_factory=list)  # the numbers with what they measure
    periods: dict[str, str] = field(default_factory=dict)  # parts of a year ("the fourth quarter")
    years: dict[int, str] = field(default_factory=dict)
    months: dict[int, str] = field(default_factory=dict)
    relative: dict[str, str] = field(default_factory=dict)  # "last year" -> as written
    clock: dict[str, str] = field(default_factory=dict)  # times of day, "21:30" -> as written ("9.30 p.m.")
    days: dict[int, str] = field(default_factory=dict)  # day of the month ("18 و19 يونيو", "June 18")
    # canonical -> as written; an unlisted place (read from a cue: "مدينة X", "in X") is keyed "~" + its words
    places: dict[str, str] = field(default_factory=dict)
    peoples: dict[str, str] = field(default_factory=dict)  # demonyms: country -> as written ("الروسي")
    agents: dict[str, str] = field(default_factory=dict)
    things: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # Latin capitalised words not in any list
    content: set[str] = field(default_factory=set)
    arabic: bool = False
    order: list[str] = field(default_factory=list)  # places, peoples, actors and names, canonical, in text order
    folded: frozenset[str] = frozenset()  # every word, normalised (case-folded): what the text mentions at all
    matters: list[frozenset[str]] = field(default_factory=list)  # what a case or charge is about ("قضية التخابر")


@dataclass(frozen=True)
class Comparison:
    """The text features of a pair and the evidence a reason is written from."""

    vector: tuple[float, ...]
    evidence: dict[str, str]
    slots_differ: tuple[str, ...]
    aligned: bool = False  # two differing figures measure one thing (same unit or counted noun)
    anchored: bool = False  # ... and another figure of a named kind is the same on both sides
    retold: bool = False  # one event told from its two sides ("X lost to Y" / "Y beat X")


FORMS_REMEMBERED = 200_000  # words whose suffix-stripped forms a lexicon keeps


class Lexicon:
    """Phrases (normalised token tuples) -> label; matches words by any reading plus a listed suffix."""

    def __init__(self, suffixes: tuple[str, ...], every_label: bool = False, suffixed_from: int = 0) -> None:
        self._suffixes = tuple(sorted(set(suffixes), key=len, reverse=True))
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        self._every_label = every_label  # a phrase listed under several labels yields each of them
        # one-word phrases shorter than this take no suffix ("وفا", the agency, is not "وفاة", a death)
        self._suffixed_from = suffixed_from
        self._stripped: dict[tuple[str, ...], frozenset[str]] = {}  # readings -> forms, each word once
        # every reading whose forms can hold a listed first word (that word plus each suffix): a
        # word with no such reading, written unlike any exact-case first word, starts no match
        self._reachable: set[str] = set()
        # the last word list read and its spans: `read` looks up places, peoples and qualifiers
        # in one text's words more than once (word lists are never changed once read)
        self._last: tuple[list[Word] | None, list[tuple[int, int, str]]] = (None, [])

    def add(self, phrase: str, label: str) -> None:
        raw_tokens = WORD.findall(phrase)
        if not raw_tokens:
            return
        exact_case = all(t.isascii() and t.isupper() for t in raw_tokens)  # "US", "EU": not "us"
        tokens = tuple(raw_tokens if exact_case else (normalize(t) for t in raw_tokens))
        self._by_first.setdefault(tokens[0], []).append((tokens, label, exact_case))
        self._reachable.update(tokens[0] + suffix for suffix in self._suffixes if not suffix or len(tokens[0]) >= 2)

    def _forms(self, word: Word, exact_case: bool) -> frozenset[str]:
        if exact_case:
            return frozenset((word.raw,))
        out = self._stripped.get(word.readings)
        if out is None:
            out = frozenset(
                reading[: len(reading) - len(suffix)] if suffix else reading
                for reading in word.readings for suffix in self._suffixes
                if reading.endswith(suffix) and (len(reading) - len(suffix) >= 2 or not suffix)
            )
            if len(self._stripped) >= FORMS_REMEMBERED:
                self._stripped.clear()
            self._stripped[word.readings] = out
        return out

    def find(self, words: list[Word]) -> list[tuple[str, str]]:
        """(label, text as written) for each match, longest phrase first at each position."""
        return [(label, " ".join(w.raw for w in words[start:end])) for start, end, label in self.spans(words)]

    def spans(self, words: list[Word]) -> list[tuple[int, int, str]]:
        """(start, end, label) of each match, longest phrase first at each position."""
        if words is self._last[0]:
            return list(self._last[1])
        found = self._spans(words)
        self._last = (words, found)
        return list(found)

    def _spans(self, words: list[Word]) -> list[tuple[int, int, str]]:
        found: list[tuple[int, int, str]] = []
        by_first, reachable = self._by_first, self._reachable
        i = 0
        while i < len(words):
            if words[i].raw not in by_first and reachable.isdisjoint(words[i].readings):
                i += 1
                continue
            best: tuple[int, list[str]] | None = None
            # the exact-case form is the word as written (`_forms`), without building a set for it
            for exact_case, forms in ((True, (words[i].raw,)), (False, self._forms(words[i], False))):
                for form in forms:
                    for tokens, label, case in by_first.get(form, ()):
                        if case != exact_case or i + len(tokens) > len(words):
                            continue
                        if len(tokens) == 1 and len(tokens[0]) < self._suffixed_from and tokens[0] not in words[i].readings:
                            continue
                        if all(tokens[k] in self._forms(words[i + k], case) for k in range(1, len(tokens))):
                            if best is None or len(tokens) > best[0]:
                                best = (len(tokens), [label])
                            elif self._every_label and len(tokens) == best[0] and label not in best[1]:
                                best[1].append(label)
            if best is None:
                i += 1
                continue
            found.extend((i, i + best[0], label) for label in best[1])
            i += best[0]
        return found


@dataclass(frozen=True)
class Lexicons:
    clitics: tuple[str, ...]
    min_stem: int
    stopwords: frozenset[str]
    polarity: Lexicon
    directions: Lexicon
    months: Lexicon
    relative: Lexicon
    places: Lexicon
    peoples: Lexicon
    agents: Lexicon
    things: Lexicon
    known_latin: frozenset[str]
    ambiguous_latin: frozenset[str]
    weekdays: frozenset[str]
    converse: frozenset[str]  # antonym groups whose a/b sides agree once the roles swap (X beat Y = Y lost to X)
    number_words: dict[str, float]
    ordinal_units: dict[str, float]  # "الحادية": a number only before "و" + tens
    scales: dict[str, float]
    percent: Lexicon  # "بالمئة", "per cent": qualify a number, never scale it
    percent_words: frozenset[str]  # the words of those phrases
    share_of: frozenset[str]  # "من", "of": the noun after them is what a share is of
    year_range: tuple[int, int]
    day_joiners: frozenset[str]
    city_country: dict[str, str]  # city -> the country it lies in
    place_nouns: frozenset[str]  # Arabic "مدينه", "قاعده": the words after them name a place
    place_stops: frozenset[str]  # words that end such a name ("مدينة غريان جنوب العاصمة")
    place_prepositions: frozenset[str]  # Latin "in", "at": a capitalised unknown word after them is a place
    not_places: frozenset[str]
    place_joiners: frozenset[str]  # "Komsomolsk-on-Amur", "Rio de Janeiro"
    negation_scope: int  # words after a negator that it governs
    negation_echo_min_words: int
    measures: Lexicon  # what a number counts: "قتيل" -> "dead", "megawatts" -> "megawatts"
    time_measures: frozenset[str]
    exact_measures: frozenset[str]  # told to the written precision: "7" is no rounding of "6.8" (magnitudes)
    place_reach: int  # words between a figure and the place it is told for
    measure_reach: int  # how far back a figure with no unit nearby looks for one ("the death toll ... rose to 32")
    ordinals: dict[str, float]  # "السابعة", "sixth": counts beside `ordinal_nouns` ("للمرة السابعة")
    ordinal_nouns: frozenset[str]
    matter_heads: frozenset[str]  # "قضيه", "تهمه", "charges": the words after them name the matter
    matter_reach: int
    clock_nouns: frozenset[str]  # "الساعه": a number after it is a time of day
    clock_parts: tuple[tuple[tuple[str, ...], int], ...]  # ("p", "m") -> 12, ("صباحا",) -> 0
    clock_minutes: dict[str, int]  # "والنصف" -> 30
    qualifiers: Lexicon  # "أكثر من" -> "at_least", "about" -> "about"
    qualifier_reach: int
    about_tolerance: float
    periods: Lexicon
    people_measures: frozenset[str] = frozenset()  # measures that count people ("dead", "injured")
    vowel_letters: frozenset[str] = frozenset()  # dropped to compare transliterations ("هيرات" / "هرات")


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    cfg = config.load("contradiction")
    suffixes = tuple(cfg["tokens"]["suffixes"])
    polarity = Lexicon(("",))
    for kind in ("negators", "denials", "hedges", "not_negations"):
        for word in cfg["polarity"].get(kind, []):
            polarity.add(word, kind)
    directions = Lexicon(suffixes, every_label=True)
    for pair in cfg.get("antonym", []):
        for side in sorted(k for k, v in pair.items() if isinstance(v, list)):
            for word in pair[side]:
                directions.add(word, f"{pair['name']}:{side}")
    months = Lexicon(("",))
    for number, names in enumerate(cfg["dates"]["months"], 1):
        for name in names:
            months.add(name, str(number))
    relative = Lexicon(("",))
    for names in cfg["dates"].get("relative", []):
        for name in names:
            relative.add(name, names[0])
    places, peoples, things = Lexicon(suffixes), Lexicon(suffixes), Lexicon(suffixes)
    agents = Lexicon(suffixes, suffixed_from=4)
    known_latin: set[str] = set()
    gazetteer = config.load("places")
    city_country: dict[str, str] = {}
    for entry in gazetteer.get("country", []) + gazetteer.get("city", []):
        for alias in entry["aliases"]:
            places.add(alias, entry["name"])
        for alias in entry.get("demonyms", []):
            peoples.add(alias, entry["name"])
        for alias in entry["aliases"] + entry.get("demonyms", []):
            known_latin.update(t.casefold() for t in WORD.findall(alias) if t.isascii())
        if "country" in entry:
            city_country[entry["name"]] = entry["country"]
    for entry in cfg.get("thing", []):
        for alias in entry["aliases"]:
            things.add(alias, entry["name"])
    for registry in config.load_folder("entities"):
        for entry in registry.get("entity", []):
            target = places if entry.get("kind") == "government" else agents
            for alias in entry.get("aliases", []) + entry.get("titles", []):
                target.add(alias, entry["name"])
                known_latin.update(t.casefold() for t in WORD.findall(alias) if t.isascii())
    numbers = cfg["numbers"]
    percent = Lexicon(("",))
    for phrase in numbers.get("percent", {}).get("words", []):
        percent.add(phrase, "percent")
    known_latin.update(w.casefold() for w in cfg["dates"].get("weekdays", []))
    measures = Lexicon(suffixes)
    for entry in cfg.get("measure", []):
        for alias in entry["aliases"]:
            measures.add(alias, entry["name"])
    qualifying = numbers.get("qualifiers", {})
    qualifiers = Lexicon(("",))
    for kind in ("at_least", "at_most", "about"):
        for phrase in qualifying.get(kind, []):
            qualifiers.add(phrase, kind)
    periods = Lexicon(("",))
    for names in cfg["dates"].get("periods", []):
        for name in names:
            periods.add(name, names[0])
    return Lexicons(
        clitics=tuple(normalize(c) for c in cfg["tokens"]["clitics"]),
        min_stem=int(cfg["tokens"]["min_stem"]),
        stopwords=frozenset(normalize(w) for w in cfg["tokens"]["stopwords"]),
        polarity=polarity,
        directions=directions,
        months=months,
        relative=relative,
        places=places,
        peoples=peoples,
        agents=agents,
        things=things,
        known_latin=frozenset(known_latin),
        ambiguous_latin=frozenset(cfg["dates"]["ambiguous_latin"]),
        weekdays=frozenset(normalize(w) for w in cfg["dates"].get("weekdays", [])),
        converse=frozenset(pair["name"] for pair in cfg.get("antonym", []) if pair.get("converse")),
        number_words={normalize(k): float(v) for k, v in numbers["words"].items()},
        ordinal_units={normalize(k): float(v) for k, v in numbers.get("ordinal_units", {}).items()},
        percent=percent,
        percent_words=frozenset(normalize(t) for phrase in numbers.get("percent", {}).get("words", [])
                                for t in WORD.findall(phrase)),
        share_of=frozenset(normalize(w) for w in numbers.get("percent", {}).get("share_of", [])),
        scales={normalize(k): float(v) for k, v in numbers["scales"].items()},
        year_range=(int(numbers["year_range"][0]), int(numbers["year_range"][1])),
        day_joiners=frozenset(normalize(w) for w in cfg["dates"]["day_joiners"]),
        city_country=city_country,
        place_nouns=frozenset(normalize(w) for w in gazetteer["cues"]["arabic_nouns"]),
        place_stops=frozenset(normalize(w) for w in gazetteer["cues"].get("arabic_stops", [])),
        place_prepositions=frozenset(w.casefold() for w in gazetteer["cues"]["latin_prepositions"]),
        not_places=frozenset(w.casefold() for w in gazetteer["cues"]["not_places"]),
        place_joiners=frozenset(w.casefold() for w in gazetteer["cues"]["latin_joiners"]),
        negation_scope=int(cfg["polarity"]["negation_scope"]),
        negation_echo_min_words=int(cfg["polarity"]["negation_echo_min_words"]),
        measures=measures,
        time_measures=frozenset(e["name"] for e in cfg.get("measure", []) if e.get("time")),
        exact_measures=frozenset(e["name"] for e in cfg.get("measure", []) if e.get("exact")),
        measure_reach=int(numbers.get("measure_reach", 3)),
        place_reach=int(numbers.get("place_reach", 4)),
        ordinals={normalize(k): float(v) for k, v in numbers.get("ordinals", {}).get("words", {}).items()},
        ordinal_nouns=frozenset(normalize(w) for w in numbers.get("ordinals", {}).get("nouns", [])),
        matter_heads=frozenset(normalize(w) for w in cfg.get("matters", {}).get("heads", [])),
        matter_reach=int(cfg.get("matters", {}).get("reach", 2)),
        clock_nouns=frozenset(normalize(w) for w in cfg["dates"].get("clock", {}).get("nouns", [])),
        clock_parts=tuple(sorted(((tuple(normalize(t) for t in WORD.findall(phrase)), int(offset))
                                  for offset, phrases in ((0, cfg["dates"].get("clock", {}).get("morning", [])),
                                                          (12, cfg["dates"].get("clock", {}).get("evening", [])))
                                  for phrase in phrases), key=lambda p: -len(p[0]))),
        clock_minutes={normalize(k): int(v) for k, v in cfg["dates"].get("clock", {}).get("minutes", {}).items()},
        qualifiers=qualifiers,
        qualifier_reach=int(qualifying.get("reach", 3)),
        about_tolerance=float(qualifying.get("about_tolerance", 0.1)),
        people_measures=frozenset(e["name"] for e in cfg.get("measure", []) if e.get("people")),
        vowel_letters=frozenset(normalize(v) for v in cfg.get("vowel_letters", [])),
        periods=periods,
    )


def words_of(text: str, lex: Lexicons) -> list[Word]:
    out = []
    for raw in WORD.findall(text):
        norm = normalize(raw).replace("’", "'")
        readings = [norm]
        if "'" in norm:  # "didn't" -> "didnt"; "Kim's" -> "kim"
            readings.append(norm.replace("'", ""))
            if norm.endswith("'s"):
                readings.append(norm[:-2])
        for clitic in lex.clitics:
            if norm.startswith(clitic) and len(norm) - len(clitic) >= lex.min_stem:
                stripped = norm[len(clitic) :]
                if stripped not in readings:
                    readings.append(stripped)
        readings.sort(key=len, reverse=True)
        out.append(Word(raw, tuple(readings)))
    return out


def _weekday(word: Word, lex: Lexicons) -> bool:
    return not lex.weekdays.isdisjoint(word.readings)


FLOAT_WORDS = frozenset(("inf", "infinity", "nan"))  # the only words float() reads


def _number(word: Word) -> float | None:
    """Digits as a value: "5,300" and "1,234,567" group thousands; a comma before fewer or more
    than three digits is a decimal comma ("2,7 مليون", "1,8")."""
    text = word.readings[0]
    if text[:1].isalpha() and text.casefold() not in FLOAT_WORDS:
        return None  # a word: float() would refuse it (raising costs more than this test)
    groups = text.split(",")
    if len(groups) == 2 and len(groups[1]) != 3:
        text = ".".join(groups)
    text = text.replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def _scale(word: Word, lex: Lexicons) -> float | None:
    return next((lex.scales[r] for r in word.readings if r in lex.scales), None)


def _spoken(word: Word, lex: Lexicons) -> float | None:
    return next((lex.number_words[r] for r in word.readings if r in lex.number_words), None)


def _tens_after(words: list[Word], j: int, lex: Lexicons) -> float | None:
    """The tens (20-90) of an Arabic compound number: "و" + tens after the unit ("والثلاثين")."""
    if j >= len(words) or not words[j].readings[0].startswith("و"):
        return None
    value = next((lex.number_words[r] for r in words[j].readings[1:] if r in lex.number_words), None)
    return value if value is not None and value in TENS else None


TENS = frozenset(float(t) for t in range(20, 100, 10))


def _compound(words: list[Word], i: int, value: float | None, lex: Lexicons) -> tuple[float | None, int]:
    """A unit with its tens ("ثلاثة وعشرون" = 23, "الحادية والثلاثين" = 31, "twenty one" = 21)
    and the index after it; an ordinal unit alone is no number."""
    unit = value if value is not None else next((lex.ordinal_units[r] for r in words[i].readings
                                                  if r in lex.ordinal_units), None)
    if unit is not None and unit.is_integer() and 1 <= unit <= 9:
        tens = _tens_after(words, i + 1, lex)
        if tens is not None:
            return unit + tens, i + 2
    if value in TENS and i + 1 < len(words) and words[i + 1].raw.isascii():
        nxt = _spoken(words[i + 1], lex)
        if nxt is not None and nxt.is_integer() and 1 <= nxt <= 9:
            return value + nxt, i + 2
    return value, i + 1


def month_positions(words: list[Word], lex: Lexicons) -> list[tuple[int, int, int]]:
    """(start, end, month number) of each month name; a Latin name that is also a common word
    ("may", "march") counts only capitalised."""
    out = []
    for start, end, label in lex.months.spans(words):
        written = " ".join(w.raw for w in words[start:end])
        if written.isascii() and written.casefold() in lex.ambiguous_latin and not written[0].isupper():
            continue
        out.append((start, end, int(label)))
    return out


def day_positions(words: list[Word], lex: Lexicons, months: list[tuple[int, int, int]]) -> set[int]:
    """Numbers 1-31 that are days of a month: before a month name over other days and joiners
    ("18 و19 يونيو", "18-19 June", "الـ 19 والـ 20 من يونيو"), or right after one ("June 18")."""
    starts, ends = {m[0] for m in months}, {m[1] for m in months}

    def day_like(word: Word) -> bool:
        value = _number(word)
        return value is not None and value.is_integer() and 1 <= value <= 31 and len(word.raw) <= 2

    days: set[int] = set()
    for i, word in enumerate(words):
        if not day_like(word):
            continue
        if i in ends and words[i - 1].raw[:1].isupper():  # "June 18" (Latin month names are capitalised)
            days.add(i)
            continue
        j = i + 1
        while j < len(words) and j not in starts and (day_like(words[j]) or words[j].readings[0] in lex.day_joiners):
            j += 1
        if j in starts:
            days.add(i)
    return days


def read_numbers(words: list[Word], lex: Lexicons, reading: Reading) -> None:
    """Digits and number words ("ألفي", "two"), each times the scale words after it ("20 ألف",
    "two thousand", "10 ملايين"), a scale word alone ("ألف", "a million"), years, months and
    the days of a month (a date, not an amount)."""
    months = month_positions(words, lex)
    for start, end, number in months:
        reading.months[number] = " ".join(w.raw for w in words[start:end])
    for label, written in lex.relative.find(words):
        reading.relative.setdefault(label, written)
    for label, written in lex.periods.find(words):
        reading.periods.setdefault(label, written)
    days = day_positions(words, lex, months)
    percent = {k for start, end, _ in lex.percent.spans(words) for k in range(start, end)}
    low, high = lex.year_range
    spans: list[tuple[int, int, float, float]] = []  # (start, end, value, rounding step)
    i = 0
    while i < len(words):
        word = words[i]
        value = _number(word)
        if i in percent:
            i += 1
            continue
        clock = read_clock(words, i, lex)
        if clock is not None:
            time, j = clock
            reading.clock.setdefault(time, " ".join(w.raw for w in words[i:j]))
            i = j
            continue
        if ":" in word.raw:  # "2:1" and the like: neither an amount nor a time
            i += 1
            continue
        if i in days:
            reading.days[int(value or 0)] = word.raw
            i += 1
            continue
        if value is not None and value.is_integer() and low <= value <= high and len(word.raw) == 4:
            reading.years[int(value)] = word.raw
            i += 1
            continue
        if value is None and not _weekday(word, lex):  # "الاثنين" is Monday, not "two"
            value, j = _compound(words, i, _spoken(word, lex), lex)
            if value is None:
                value, j = _ordinal_count(words, i, lex), i + 1
        else:
            j = i + 1
        if value is None:
            i += 1
            continue
        base = value
        while j < len(words) and j not in percent and (scale := _scale(words[j], lex)) is not None:
            value *= scale
            j += 1
        reading.numbers[value] = " ".join(w.raw for w in words[i:j])
        spans.append((i, j, value, _step(word) * (value / base if base else 1.0)))
        i = j
    reading.quantities = read_quantities(words, lex, spans)


CLOCK_DIGITS = re.compile(r"\d{1,2}[:.]\d{2}")  # "9:07", "9.30"


def read_clock(words: list[Word], i: int, lex: Lexicons) -> tuple[str, int] | None:
    """A time of day starting at word i, as "H:MM" (24 hours when the part of the day is given),
    and the index after it: "9:07", "9.30 p.m.", "3 pm", "الساعة 9:07 صباحا", "التاسعة والنصف
    مساء", "الساعة السابعة صباحا"; None when word i starts none."""
    word = words[i]
    hour, minute = None, 0
    if CLOCK_DIGITS.fullmatch(word.readings[0]):
        hour, minute = (int(x) for x in re.split(r"[:.]", word.readings[0]))
        told = ":" in word.readings[0]
    else:
        value = _number(word)
        if value is None:
            value = next((lex.ordinals[r] for r in word.readings if r in lex.ordinals), None)
        if value is None or not value.is_integer():
            return None
        hour, told = int(value), False
    j = i + 1
    if j < len(words) and lex.clock_minutes.keys() & set(words[j].readings):  # "والنصف"
        minute = next(lex.clock_minutes[r] for r in words[j].readings if r in lex.clock_minutes)
        j += 1
    part = None
    for phrase, offset in lex.clock_parts:
        if tuple(w.readings[0] for w in words[j : j + len(phrase)]) == phrase:
            part, j = offset, j + len(phrase)
            break
    after_noun = i > 0 and bool(lex.clock_nouns & set(words[i - 1].readings))
    if not 0 <= hour <= 24 or not 0 <= minute < 60 or not (told or part is not None or after_noun):
        return None
    if part and hour < 12:
        hour += part
    return f"{hour}:{minute:02d}", j


def _ordinal_count(words: list[Word], i: int, lex: Lexicons) -> float | None:
    """An ordinal beside a noun of occasions counts them: "للمرة السابعة", "for the sixth time"
    (7, 6); elsewhere an ordinal is an ordinary word ("الجولة الأولى")."""
    value = next((lex.ordinals[r] for r in words[i].readings if r in lex.ordinals), None)
    if value is None:
        return None
    beside = [words[k] for k in (i - 1, i + 1) if 0 <= k < len(words)]
    return value if any(lex.ordinal_nouns & set(w.readings) for w in beside) else None


def _step(word: Word) -> float:
    """The rounding a figure's writing allows: 0.01 for "44.33" (or "44,33"), 1 for "44" and for words."""
    text = word.readings[0]
    groups = text.split(",")
    decimals = text.split(".")[1] if "." in text else groups[1] if len(groups) == 2 and len(groups[1]) != 3 else ""
    return 10.0 ** -len(decimals) if decimals.isdigit() else 1.0


def read_quantities(words: list[Word], lex: Lexicons, spans: list[tuple[int, int, float, float]]) -> list[Quantity]:
    """Each number with its unit (a listed measure or people right after it, else a measure
    among the few words before it, else a little after), its counted noun and its qualifier."""
    units: dict[int, str] = {}
    for lexicon, prefix in ((lex.measures, ""), (lex.peoples, "people:")):
        for start, end, label in lexicon.spans(words):
            for k in range(start, end):  # "death toll": either word says it
                units.setdefault(k, prefix + label)
    for k in list(units):
        if units[k] in lex.time_measures and k + 1 < len(words) and _weekday(words[k + 1], lex):
            del units[k]  # "33 يوم الأحد": the day names a date, not a span of 33 days
    numeric = {k for i, j, _, _ in spans for k in range(i, j)}
    bounds: dict[int, str] = {}
    starts = [i for i, _, _, _ in spans]
    for start, end, kind in lex.qualifiers.spans(words):
        after = [i for i in starts if end <= i <= end + lex.qualifier_reach - 1]
        before = [j - 1 for i, j, _, _ in spans if start - lex.qualifier_reach <= j - 1 < start]
        target = min(after) if after else next((i for i, j, _, _ in spans if j - 1 == max(before)), None) if before else None
        if target is not None:
            bounds.setdefault(target, kind)
    qualifying = {k for start, end, _ in lex.qualifiers.spans(words) for k in range(start, end)}
    located = {k: lex.city_country.get(label, label) for start, end, label in lex.places.spans(words)
               for k in range(start, end)}
    out = []
    for i, j, value, step in spans:
        ahead = []
        k = j
        while k < len(words) and k not in numeric and len(ahead) < 3:
            ahead.append(k)
            k += 1
        behind, far = [], []
        k = i - 1
        while k >= 0 and k not in numeric and len(far) < lex.measure_reach:
            # the words of a bound do not count ("مقتل ما لا يقل عن 154 شخصا": مقتل is close)
            if k not in qualifying:
                (behind if len(behind) < 3 else far).append(k)
            k -= 1
        # a people or a span of time is what a number counts only after it ("57 Canadians",
        # "20 سنة"); a measure may come before it ("مقتل 19 شخصا"), or further before when
        # nothing nearer says what the figure counts ("the death toll ... has touched 564")
        # after a stopword the words ahead belong to another phrase ("مليوني طفل خلال شهر مارس",
        # "children in March"): what comes there is no people or span the number counts
        opened = next((n for n, k in enumerate(ahead) if words[k].readings[0] in lex.stopwords), len(ahead))
        own = ahead[:max(opened, 1)]
        unit = next((units[k] for k in ahead[:1] + behind + ahead[1:] + far if k in units
                     and (k in own or not (units[k].startswith("people:") or units[k] in lex.time_measures))), "")
        near = frozenset(words[k].stem for k in ahead if words[k].readings[0] not in lex.stopwords)
        if unit == "percent":
            # a share's noun is what it is a share of ("84% من المستشفيات", "14 per cent of voters"),
            # not whatever follows ("30,89% في ديسمبر" / "56,14% على أساس سنوي" are one rate)
            k = j
            while k < len(words) and lex.percent_words & set(words[k].readings):
                k += 1
            near = frozenset()
            if k < len(words) and lex.share_of & set(words[k].readings):
                noun = []
                for w in words[k + 1 : k + 3]:  # the noun phrase after "of", up to a stopword
                    if w.readings[0] in lex.stopwords or _number(w) is not None:
                        break
                    noun.append(w.stem)
                near = frozenset(noun)
        out.append(Quantity(value, " ".join(w.raw for w in words[i:j]), unit, near, bounds.get(i, ""), step,
                            unit in lex.time_measures, _place_beside(i, j, words, located, numeric, lex)))
    return out


def _place_beside(i: int, j: int, words: list[Word], located: dict[int, str], numeric: set[int],
                  lex: Lexicons) -> str:
    """The country of the nearest listed place within `place_reach` words of the figure at
    words[i:j] ("قتل 284 شخصا على الأقل في تركيا", "وفي سوريا قتل 237 شخصا"), never past
    another figure; "" when none."""
    for distance in range(1, lex.place_reach + 1):
        for k in (j - 1 + distance, i - distance):
            if 0 <= k < len(words) and k in located and not any(
                    n in numeric for n in range(min(k, i), max(k, j)) if not i <= n < j):
                return located[k]
    return ""


BOUND_REACH = 1.5  # "at least N" reports figures up to 1.5 N ("at least 284" is no report of 17,000)


def consistent(x: Quantity, y: Quantity, tolerance: float, exact: bool = False) -> bool:
    """Whether two figures can be one figure told twice: equal, one a rounding of the other
    ("44%" / "44.33%"; not for an `exact` measure: a magnitude 7 is no rounding of 6.8),
    within `tolerance` when one is approximate, or inside a bound ("more than 100" / "102";
    "at least 63" / "57" is not)."""
    if x.value == y.value:
        return True
    if abs(x.value - y.value) <= (min if exact else max)(x.step, y.step) / 2 + 1e-9:
        return True
    for p, q in ((x, y), (y, x)):
        if p.bound == "about" and p.step >= 1:  # "about 69.42" is no rounder than 69.42
            return abs(p.value - q.value) <= tolerance * max(abs(p.value), abs(q.value))
        # a bound holds near its figure: "at least 284" is no report of 17,000
        if p.bound == "at_least" and not q.bound and p.value <= q.value <= p.value * BOUND_REACH:
            return True
        if p.bound == "at_most" and not q.bound and p.value / BOUND_REACH <= q.value <= p.value:
            return True
    return False


@dataclass(frozen=True)
class FigureConflict:
    """Figures of one side without a consistent counterpart on the other (as written)."""

    only_a: tuple[str, ...]
    only_b: tuple[str, ...]
    aligned: bool  # a pair of them measures one thing
    disjoint: bool  # every pair of them measures two named, different things
    anchored: bool  # another figure of a named kind agrees
    several: bool  # two or more replaced on each side


def compare_figures(a: Reading, b: Reading, lex: Lexicons) -> FigureConflict | None:
    """Figures compared by what they measure: a figure of one side agrees with one of the other
    that measures nothing different and is consistent with it; the rest conflict (None when
    one side has none left)."""
    if not a.quantities or not b.quantities:
        return None
    one_script = a.arabic == b.arabic
    named = {id(r): set(r.peoples) | {lex.city_country.get(k, k) for k in r.places} for r in (a, b)}

    def one_count(x: Quantity, y: Quantity) -> bool:
        """x (of a) and y (of b): one counts a people, the other a measure of people told where that
        people is named ("53 Tunisians" / "35 Tunisian pilgrims dead"): who and what of one count,
        not two named kinds ("82 Iranians" / "57 Canadians", "490 killed" / "56 missing")."""
        for p, q, side in ((x, y, b), (y, x, a)):
            if p.unit.startswith("people:") and q.unit in lex.people_measures and p.unit[7:] in named[id(side)]:
                return True
        return False

    def unit_fits(x: Quantity, y: Quantity) -> bool:
        if x.unit and y.unit and x.unit != y.unit and not one_count(x, y):
            return False
        if _places_clash(x, y):
            return False  # "284 in Turkey" / "237 in Syria": counts of two places
        # a share says little by its unit: "84% of the hospitals" / "70% of the roads" differ
        nouns_differ = one_script and x.near and y.near and not x.near & y.near
        return not (nouns_differ and "percent" in (x.unit, y.unit))

    def same_thing(x: Quantity, y: Quantity) -> bool:
        named = bool(x.unit and x.unit == y.unit) or one_count(x, y)
        return unit_fits(x, y) and (named or (one_script and bool(x.near & y.near)))

    def agree(x: Quantity, y: Quantity) -> bool:
        if x.time != y.time:  # "3 طلاب" does not answer "three years": a span of time is no count
            return False
        exact = bool(lex.exact_measures & {x.unit, y.unit})
        return x.value == y.value or (unit_fits(x, y) and consistent(x, y, lex.about_tolerance, exact))

    left = list(b.quantities)
    only_a, matched = [], []
    for x in a.quantities:
        y = next((y for y in left if agree(x, y)), None)
        if y is None:
            only_a.append(x)
        else:
            left.remove(y)
            matched.append((x, y))
    if not only_a or not left:
        return None
    pairs = [(x, y) for x in only_a for y in left]
    return FigureConflict(
        tuple(x.written for x in only_a), tuple(y.written for y in left),
        aligned=any(same_thing(x, y) for x, y in pairs),
        disjoint=all(x.unit and y.unit and x.unit != y.unit and not one_count(x, y)
                     or _places_clash(x, y) for x, y in pairs),
        anchored=any(x.unit and x.unit == y.unit for x, y in matched),
        several=min(len({x.value for x in only_a}), len({y.value for y in left})) >= 2 and not _revised(only_a, left),
    )


def _places_clash(x: Quantity, y: Quantity) -> bool:
    """Two figures told for two places, unless one counts the people of the other's place ("41
    died in Jordan" / "60 Jordanians died", a source in Riyadh said)."""
    if not (x.place and y.place) or x.place == y.place:
        return False
    return not any(p.unit == "people:" + q.place for p, q in ((x, y), (y, x)))


def _revised(only_a: list[Quantity], only_b: list[Quantity]) -> bool:
    """Each replaced figure has one counterpart of its own named kind on the other side ("73
    dead, 3000 injured" / "154 dead, 5000 injured"): one count revised, not another event."""
    units_a, units_b = [x.unit for x in only_a], [y.unit for y in only_b]
    return all(units_a) and sorted(units_a) == sorted(units_b) and len(set(units_a)) == len(units_a)


def read_names(words: list[Word], lex: Lexicons, taken: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Latin capitalised words after the first word that no list knows: unlisted names, and
    (after "in", "at", ...) unlisted places keyed "~" + the word."""
    names, places = {}, {}
    for k in range(1, len(words)):
        before, raw = words[k - 1], words[k].raw
        if raw.isascii() and raw[:1].isupper() and raw.casefold() not in lex.known_latin and raw.casefold() not in taken:
            if raw.casefold() in lex.stopwords:
                continue
            joined = k >= 2 and before.raw.casefold() in lex.place_joiners and "~" + words[k - 2].raw.casefold() in places
            if before.raw.casefold() in lex.place_prepositions or "~" + before.raw.casefold() in places or joined:
                if raw.casefold() not in lex.not_places:
                    places["~" + raw.casefold()] = raw
                continue
            names[raw.casefold()] = raw
    return names, places


def read_place_cues(words: list[Word], lex: Lexicons, covered: set[int]) -> dict[str, str]:
    """Unlisted places named after an Arabic place noun: "مدينة كامسومولسك آمور الروسية" ->
    "كامسومولسك آمور" (up to 3 words without the article that no list knows)."""
    out = {}
    for i, word in enumerate(words):
        if i in covered or not lex.place_nouns & set(word.readings):
            continue
        j = i + 1
        while j < len(words) and j - i <= 3 and j in covered:
            j += 1
        if j > i + 1:
            # a country's name or capital after a place noun names a site there ("مرفأ بيروت"), to
            # set beside another site ("ميناء الشهيد رجائي"); a listed city is compared as a city
            name = words[i + 1 : j]
            if not any(label in lex.city_country for _, _, label in lex.places.spans(name)):
                out["~" + " ".join(w.readings[0] for w in name)] = " ".join(w.raw for w in name)
            continue
        while (j < len(words) and j - i <= 3 and j not in covered and is_arabic(words[j].raw)
               # the name's first word may carry the article ("ميناء الشهيد رجائي", "مدينة الموصل"),
               # later words not ("غريان بالكامل"); numbers and ordinals are no names ("ولاية ثانية")
               and (j == i + 1 or not any(r.startswith("ال") for r in words[j].readings))
               and _spoken(words[j], lex) is None and not lex.ordinals.keys() & set(words[j].readings)
               and not lex.ordinal_units.keys() & set(words[j].readings)
               and words[j].readings[0] not in lex.stopwords and not lex.place_stops & set(words[j].readings)):
            j += 1
        if j > i + 1:
            name = words[i + 1 : j]
            out["~" + " ".join(w.readings[0] for w in name)] = " ".join(w.raw for w in name)
    return out


def read(text: str, lex: Lexicons | None = None) -> Reading:
    lex = lex or lexicons()
    words = words_of(text, lex)
    reading = Reading(words, arabic=is_arabic(text))
    for start, end, kind in lex.polarity.spans(words):
        found = {"negators": reading.negations, "denials": reading.denials, "hedges": reading.hedges}.get(kind)
        if found is not None:
            found.append(" ".join(w.raw for w in words[start:end]))
        if kind == "negators":
            reading.negated.update(w.stem for w in words[end : end + lex.negation_scope])
    bounds = {k for start, end, _ in lex.qualifiers.spans(words) for k in range(start, end)}
    for start, end, label in lex.directions.spans(words):
        if bounds & set(range(start, end)):
            continue  # "على الأقل", "more than": a figure's bound, not a direction
        written = " ".join(w.raw for w in words[start:end])
        name, side = label.rsplit(":", 1)
        reading.directions.setdefault(name, set()).add(side)
        reading.direction_words.setdefault(label, written)
    read_numbers(words, lex, reading)
    covered: set[int] = set()
    named: list[tuple[int, str]] = []
    lexicons_read = ((lex.places, reading.places), (lex.peoples, reading.peoples), (lex.agents, reading.agents),
                     (lex.things, reading.things))
    for lexicon, target in lexicons_read:
        for start, end, label in lexicon.spans(words):
            if lexicon is lex.peoples and covered & set(range(start, end)):
                continue  # "كوريا الشمالية" is the country, not the adjective "كوري شمالي"
            target.setdefault(label, " ".join(w.raw for w in words[start:end]))
            covered.update(range(start, end))
            if lexicon is not lex.things:
                named.append((start, label))
    found = {
        t.casefold()
        for w in (*reading.places.values(), *reading.peoples.values(), *reading.agents.values(),
                  *reading.things.values(), *reading.months.values())
        for t in w.split()
    }
    reading.names, unlisted = read_names(words, lex, found)
    numeric = {i for i, w in enumerate(words)
               if _number(w) is not None or (_spoken(w, lex) is not None and not _weekday(w, lex))}
    for key, written in {**unlisted, **read_place_cues(words, lex, covered | numeric)}.items():
        reading.places.setdefault(key, written)
    latin = {w.raw.casefold(): k for k, w in reversed(list(enumerate(words)))}
    named += [(latin[key], key) for key in reading.names if key in latin]
    named += [(latin[key[1:]], key) for key in reading.places if key.startswith("~") and key[1:] in latin]
    reading.order = list(dict.fromkeys(key for _, key in sorted(named)))
    reading.content = {
        w.stem for w in words if w.readings[0] not in lex.stopwords and w.stem not in lex.stopwords and _number(w) is None
    }
    reading.negated &= reading.content
    reading.folded = frozenset(w.readings[0] for w in words)
    reading.matters = read_matters(words, lex)
    return reading


def read_matters(words: list[Word], lex: Lexicons) -> list[frozenset[str]]:
    """The content words right after a case or charge noun ("في قضية التآمر على أمن الدولة",
    "بتهمة تمجيد الإرهاب", "on charges of espionage"): what that case is about."""
    out = []
    for i, word in enumerate(words):
        if not lex.matter_heads & set(word.readings):
            continue
        after = [r for w in words[i + 1 : i + 1 + lex.matter_reach] if w.readings[0] not in lex.stopwords
                 and w.stem not in lex.stopwords and _number(w) is None for r in w.readings]
        if after:
            out.append(frozenset(after))  # every reading: "فساد" and "الفساد" share one
    return out


def _matters_differ(a: Reading, b: Reading) -> bool:
    """Both name a case or charge and no case of one shares a word (or a spelling of one) with
    a case of the other: "قضية التخابر" / "قضية التآمر على أمن الدولة" are two cases."""
    if not a.matters or not b.matters or a.arabic != b.arabic:
        return False
    return not any(x & y or any(spelling_variant(p, q) for p in x for q in y) for x in a.matters for y in b.matters)


def negation_echoed(a: Reading, b: Reading) -> float:
    """How much of what one side negates the other side states without a negation: the share of
    the negated words' content found in the other text ("لم يعلنا رسميا التوصل إلى اتفاق" against
    "أعلن ... رسميا التوصل إلى اتفاق": 3 of 4). 0 when both or neither negate."""
    if bool(a.negations) == bool(b.negations):
        return 0.0
    negating, other = (a, b) if a.negations else (b, a)
    if len(negating.negated) < lexicons().negation_echo_min_words:
        return 0.0
    return len(negating.negated & other.content) / len(negating.negated)


def _substituted(a: dict, b: dict, canonical: bool = False) -> tuple[str, str] | None:
    """Both sides name something of this kind and each names one the other does not
    (shown as written, or by canonical name: one spelling across languages)."""
    if not a or not b:
        return None
    only_a = [k if canonical else a[k] for k in a if k not in b]
    only_b = [k if canonical else b[k] for k in b if k not in a]
    if only_a and only_b:
        return ", ".join(str(x) for x in only_a), ", ".join(str(x) for x in only_b)
    return None


def _trigrams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def spelling_variant(x: str, y: str) -> bool:
    """Two spellings of one name: character 3-gram Jaccard >= 0.5 (كامسومولسك / كومسومولسك), or
    the same consonant skeleton of at least `MIN_SKELETON` letters once vowel letters are
    dropped (هيرات / هرات, Kherson / Khersun)."""
    tx, ty = _trigrams(x), _trigrams(y)
    if len(tx & ty) / len(tx | ty) >= 0.5:
        return True
    sx, sy = _skeleton(x), _skeleton(y)
    return sx == sy and len(sx) >= MIN_SKELETON


MIN_SKELETON = 3  # shorter skeletons ("عمان" / "oman") say too little to be one name


def _skeleton(word: str) -> str:
    vowels = lexicons().vowel_letters
    return "".join(c for c in word.lstrip("~") if c not in vowels and c.isalnum())


def _places_differ(a: Reading, b: Reading, lex: Lexicons) -> tuple[str, str] | None:
    """Each side names a place the other does not, by country (a city counts as its country, so
    "Vladivostok" and "Russia" agree) or else by city (listed cities, and unlisted places where
    both texts share a script: "مدينة كامسومولسك" vs "مدينة فلاديفوستوك")."""
    if not (a.places or a.peoples) or not (b.places or b.peoples):
        return None  # a side naming no place and no people has none the other lacks

    def shown(r: Reading, keys: list[str]) -> str:
        return ", ".join(r.places[k] if k.startswith("~") else k for k in keys)

    def countries(r: Reading, demonyms: bool) -> set[str]:
        return {lex.city_country.get(k, k) for k in r.places if not k.startswith("~")} | (set(r.peoples) if demonyms else set())

    def listed(r: Reading, demonyms: bool) -> list[str]:
        return [k for k in r.places if not k.startswith("~")] + ([k for k in r.peoples if k not in r.places] if demonyms else [])

    for demonyms in (False, True):
        # demonyms name a country only beside a party both share: "Qatar beat the UAE" / "Qatar
        # beat its Egyptian counterpart" changed the opponent; "a Russian president ... to North
        # Korea" names no second place
        ca, cb = countries(a, demonyms), countries(b, demonyms)
        if demonyms and not ca & cb:
            continue
        # a country whose people one side counts is no second place ("323 Egyptian pilgrims died in
        # Mecca" / "the Egyptian pilgrims who died"; "41 died in Jordan" / "60 Jordanians died")
        only_a = [k for k in listed(a, demonyms) if lex.city_country.get(k, k) not in cb | _counted_peoples(b)]
        only_b = [k for k in listed(b, demonyms) if lex.city_country.get(k, k) not in ca | _counted_peoples(a)]
        if only_a and only_b:
            return shown(a, only_a), shown(b, only_b)
    unlisted = a.arabic == b.arabic

    def cities(r: Reading) -> list[str]:
        return [k for k in r.places if k in lex.city_country or (unlisted and k.startswith("~"))]

    xa, xb = cities(a), cities(b)
    only_a = [k for k in xa if k not in xb and not any(spelling_variant(k, o) for o in xb)
              and not (k.startswith("~") and _mentioned(k, b))]
    only_b = [k for k in xb if k not in xa and not any(spelling_variant(k, o) for o in xa)
              and not (k.startswith("~") and _mentioned(k, a))]
    if only_a and only_b:
        return shown(a, only_a), shown(b, only_b)
    return None


def _counted_peoples(r: Reading) -> set[str]:
    """The countries whose people a figure counts ("60 أردنيا", "323 حاجا مصريا")."""
    return {q.unit.removeprefix("people:") for q in r.quantities if q.unit.startswith("people:")}


def _mentioned(key: str, other: Reading) -> bool:
    """Whether an unlisted name ("~odisha", "fani") is written in the other text too, in any
    role: "in Odisha" against "said Odisha officials" names no second place."""
    words = key.lstrip("~").split()
    return bool(words) and all(w in other.folded for w in words)


def _names_differ(a: Reading, b: Reading) -> tuple[str, str] | None:
    """Unlisted Latin names each side has and the other text never writes."""
    if not a.names or not b.names:
        return None
    return _substituted({k: v for k, v in a.names.items() if not _mentioned(k, b)},
                        {k: v for k, v in b.names.items() if not _mentioned(k, a)})


def every_party_replaced(a: Reading, b: Reading, lex: Lexicons) -> bool:
    """Each side names two or more countries (places or demonyms) and they share none: the
    parties themselves changed, so the texts tell of two events, not one place told two ways."""

    def countries(r: Reading) -> set[str]:
        return {lex.city_country.get(k, k) for k in r.places if not k.startswith("~")} | set(r.peoples)

    ca, cb = countries(a), countries(b)
    return len(ca) >= 2 and len(cb) >= 2 and not ca & cb


def _one_side(a: dict, b: dict) -> bool:
    return bool(a) != bool(b)


def _opposites(a: Reading, b: Reading) -> tuple[list[tuple[str, str]], int, bool]:
    """Antonym pairs used one way on one side and only the other way on the other side
    (written words, for the reason), how many more pairs differ partly (one side uses both),
    and whether a converse group tells one event from its two sides ("X lost to Y" / "Y beat
    X"). In a converse group (win / lose) only the third outcome (draw) opposes the other two."""
    full, partial, retold = [], 0, False
    converse = lexicons().converse
    for name in sorted(set(a.directions) & set(b.directions)):
        sa, sb = a.directions[name], b.directions[name]
        if len(sa) == 1 and len(sb) == 1 and name in converse and sa | sb <= {"a", "b"}:
            # "X beat Y" / "Y lost to X" agree, "X beat Y" / "Y beat X" do not: the order of the
            # two parties decides; unknown parties, no conflict
            swapped = roles_swapped(a, b)
            if swapped is not None and swapped == (sa == sb):
                side_a, side_b = next(iter(sa)), next(iter(sb))
                note = " (parties swapped)" if swapped else ""
                full.append((a.direction_words[f"{name}:{side_a}"], b.direction_words[f"{name}:{side_b}"] + note))
            elif swapped is not None and sa != sb:
                retold = True
            continue
        if sa == sb:
            continue
        if len(sa) == 1 and len(sb) == 1:
            side_a, side_b = next(iter(sa)), next(iter(sb))
            full.append((a.direction_words[f"{name}:{side_a}"], b.direction_words[f"{name}:{side_b}"]))
        else:
            partial += 1
    return full, partial, retold


def roles_swapped(a: Reading, b: Reading) -> bool | None:
    """Whether the first two parties both texts name come in the other order ("England ...
    Ireland" / "Ireland ... England"); None when they do not share two. Parties no list knows
    are read, within one script, as the first two content words both texts share, outcome
    words aside ("خسر معيذر أمام الجيش" / "فاز الجيش على معيذر")."""
    shared = [k for k in a.order if k in b.order]
    if len(shared) < 2 and a.arabic == b.arabic:
        shared, order_b = _shared_words(a, b), _shared_words(b, a)
        if len(shared) < 2:
            return None
        return order_b.index(shared[0]) > order_b.index(shared[1])
    if len(shared) < 2:
        return None
    first, second = shared[0], shared[1]
    return b.order.index(first) > b.order.index(second)


def _shared_words(a: Reading, b: Reading) -> list[str]:
    """Content stems written once in each text, in `a`'s order, outcome words aside ("فريق",
    written before both parties, names neither)."""
    outcome = {k for start, end, _ in lexicons().directions.spans(a.words) for k in range(start, end)}
    once_a = Counter(w.stem for w in a.words)
    once_b = Counter(w.stem for w in b.words)
    return [w.stem for k, w in enumerate(a.words) if k not in outcome and w.stem in a.content
            and w.stem in b.content and once_a[w.stem] == 1 and once_b[w.stem] == 1]


def _polarity(flags: list[str], declared: str | None, kind: str) -> bool:
    return bool(flags) or declared == kind


def same_script(a: str, b: str) -> bool:
    """Both Arabic or both not: only then can their words be compared one by one."""
    return is_arabic(a) == is_arabic(b)


def compare(
    a: Reading, b: Reading, *, polarity_a: str | None = None, polarity_b: str | None = None,
    surface: bool = True, with_vector: bool = True,
) -> Comparison:
    """The text feature vector of a pair (order as FEATURE_NAMES) and its evidence.

    `surface=False` (texts in different scripts) blanks the shared-word features.
    `with_vector=False`: the evidence and slots only (an empty vector), for readers of nothing else."""
    evidence: dict[str, str] = {}
    neg_a, neg_b = bool(a.negations), bool(b.negations)
    deny_a, deny_b = _polarity(a.denials, polarity_a, "denied"), _polarity(b.denials, polarity_b, "denied")
    if neg_a and neg_b and not a.denials and not b.denials:
        deny_a = deny_b = False  # both state a negative ("لن يغير" / "لن يعدل"), however each was tagged
    hedge_a, hedge_b = _polarity(a.hedges, polarity_a, "hedged"), _polarity(b.hedges, polarity_b, "hedged")
    if deny_a != deny_b:
        evidence["denial"] = "denial vs assertion" if deny_a else "assertion vs denial"
    if neg_a != neg_b:
        word = (a.negations or b.negations)[0]
        evidence["negation"] = f"negated ({word}) vs not" if neg_a else f"not negated vs negated ({word})"
    if hedge_a != hedge_b:
        evidence["hedge"] = "hedged vs asserted" if hedge_a else "asserted vs hedged"
    opposites, partly_opposite, retold = _opposites(a, b)
    if opposites:
        evidence["direction"] = "opposite direction: " + "; ".join(f"{x} / {y}" for x, y in opposites)
    slots: list[str] = []
    figures = compare_figures(a, b, lexicons())
    numbers = (", ".join(figures.only_a), ", ".join(figures.only_b)) if figures else None
    if figures:
        if figures.disjoint:
            evidence["numbers"] = f"figures count different things: {numbers[0]} vs {numbers[1]}"
            slots += ["how many", "what is counted"]
        else:
            evidence["numbers"] = f"numbers differ: {numbers[0]} vs {numbers[1]}"
            slots.append("how many")
        if figures.several:
            slots.append("how many, twice")  # several amounts replaced (score and round): another event
    years, months, days = (_substituted(a.years, b.years), _substituted(a.months, b.months),
                           _substituted(a.days, b.days))
    relative = _substituted(a.relative, b.relative)
    clock = _substituted(a.clock, b.clock)
    if clock:
        slots.append("time of day")  # "9:07" / "9:03 a.m.": one moment told two ways, or two moments
    if years or months or days or relative or clock:
        evidence["dates"] = "dates differ: " + "; ".join(f"{d[0]} vs {d[1]}" for d in (years, months, days, relative, clock) if d)
    if years or months or days or relative:
        slots.append("when")
        if any(_one_side(x, y) for x, y in ((a.years, b.years), (a.months, b.months), (a.days, b.days))):
            slots.append("when, to another precision")  # "in 2019" / "in March 2017": not one date told twice
        elif years and months and days:
            slots.append("when, every part")  # "17 November 2019" / "16 February 2020": another day, not a misdating
    elif numbers and _one_side({**a.years, **a.months}, {**b.years, **b.months}):
        slots.append("when, one side")  # a dated figure against an undated one: counts at two times
    elif numbers and (_one_side(a.periods, b.periods) or _spans_one_side(a, b)):
        # "in the fourth quarter of 2022" / "in 2022"; "within two months" / no span: two figures
        slots.append("when, to another precision")
    places = _places_differ(a, b, lexicons())
    if places:
        evidence["places"] = f"places differ: {places[0]} vs {places[1]}"
        slots.append("where")
        if every_party_replaced(a, b, lexicons()):
            slots.append("where, every party")  # "Egypt lost to Tunisia" / "Qatar lost to Algeria": another match
    agents = _substituted(a.agents, b.agents, canonical=True) or _names_differ(a, b)
    if agents:
        evidence["agents"] = f"names differ: {agents[0]} vs {agents[1]}"
        slots.append("who")
    things = _substituted(a.things, b.things, canonical=True)
    if things:
        evidence["things"] = f"subject differs: {things[0]} vs {things[1]}"
        slots.append("what")
    elif _matters_differ(a, b):
        slots.append("what, another case")
    if not with_vector:
        return Comparison((), evidence, tuple(slots), aligned=bool(figures and figures.aligned),
                          anchored=bool(figures and figures.anchored), retold=retold)
    only_a, only_b = a.content - b.content, b.content - a.content
    union = a.content | b.content
    overlap = len(a.content & b.content)
    vector = (
        float(neg_a != neg_b),
        float(neg_a or neg_b),
        negation_echoed(a, b),
        float(deny_a != deny_b),
        float(hedge_a != hedge_b),
        len(opposites) + 0.5 * partly_opposite,
        float(numbers is not None),
        float(_one_side(a.numbers, b.numbers)),
        float(years is not None),
        float(months is not None or days is not None),
        float(places is not None),
        float(_one_side(a.places, b.places)),
        float(_substituted(a.agents, b.agents) is not None),
        float(things is not None),
        float(_substituted(a.names, b.names) is not None),
        overlap / len(union) if union else 1.0,
        overlap / max(1, min(len(a.content), len(b.content))),
        overlap / max(1, max(len(a.content), len(b.content))),
        math.log1p(min(len(only_a), len(only_b))),
        math.log1p(max(len(only_a), len(only_b))),
        float(bool(only_a) and bool(only_b)),
        min(len(a.words), len(b.words)) / max(1, len(a.words), len(b.words)),
        0.0,
    )
    if not surface:
        vector = blank_surface(vector)
    return Comparison(vector, evidence, tuple(slots), aligned=bool(figures and figures.aligned),
                      anchored=bool(figures and figures.anchored), retold=retold)


def _spans_one_side(a: Reading, b: Reading) -> bool:
    """One side gives a span of time ("within two months", "20 سنة") and the other none."""
    return any(q.time for q in a.quantities) != any(q.time for q in b.quantities)


def blank_surface(vector: tuple[float, ...]) -> tuple[float, ...]:
    """The vector with its shared-word features zeroed and `surface_unknown` set."""
    out = list(vector)
    for name in SURFACE:
        out[FEATURE_NAMES.index(name)] = 0.0
    out[FEATURE_NAMES.index("surface_unknown")] = 1.0
    return tuple(out)


def new_words(a: Reading, b: Reading) -> str:
    """The content words of `a` that `b` lacks, as written, in order (what `a` changed)."""
    return " ".join(w.raw for w in a.words if w.stem in a.content and w.stem not in b.content)
