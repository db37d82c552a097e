"""What two claims differ in, read from their words: polarity, direction, numbers, dates, names.

Every word list comes from `configs/contradiction.toml` (and the entity registry in
`configs/entities/`); this module only matches them. Features are language-neutral
("one side denies, the other asserts"), so a model trained on Arabic pairs reads English ones.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimtrack import config
from claimtrack.arabic import is_arabic, normalize

WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

# Names of the text features, in vector order (the model file stores them and checks them).
FEATURE_NAMES = (
    "negation_mismatch",
    "negation_any",
    "denial_mismatch",
    "hedge_mismatch",
    "opposite_direction",
    "numbers_differ",
    "numbers_one_side",
    "years_differ",
    "months_differ",
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
SURFACE = ("word_overlap", "containment_min", "containment_max", "fewer_new_words", "more_new_words",
           "both_sides_new_words", "length_ratio")


@dataclass(frozen=True, slots=True)
class Word:
    raw: str
    readings: tuple[str, ...]  # normalised word, then without leading clitics, shortest last

    @property
    def stem(self) -> str:
        return self.readings[-1]


@dataclass
class Reading:
    """One text as the features see it: its words and what the word lists found in it."""

    words: list[Word]
    negations: list[str] = field(default_factory=list)
    denials: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    directions: dict[str, set[str]] = field(default_factory=dict)  # antonym name -> {"a", "b"} sides used
    direction_words: dict[str, str] = field(default_factory=dict)  # "name:side" -> word as written
    numbers: dict[float, str] = field(default_factory=dict)  # value -> as written
    years: dict[int, str] = field(default_factory=dict)
    months: dict[int, str] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)  # canonical -> as written
    agents: dict[str, str] = field(default_factory=dict)
    things: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # Latin capitalised words not in any list
    content: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Comparison:
    """The text features of a pair and the evidence a reason is written from."""

    vector: tuple[float, ...]
    evidence: dict[str, str]
    slots_differ: tuple[str, ...]


class Lexicon:
    """Phrases (normalised token tuples) -> label; matches words by any reading plus a listed suffix."""

    def __init__(self, suffixes: tuple[str, ...]) -> None:
        self._suffixes = tuple(sorted(set(suffixes), key=len, reverse=True))
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}

    def add(self, phrase: str, label: str) -> None:
        raw_tokens = WORD.findall(phrase)
        if not raw_tokens:
            return
        exact_case = all(t.isascii() and t.isupper() for t in raw_tokens)  # "US", "EU": not "us"
        tokens = tuple(raw_tokens if exact_case else (normalize(t) for t in raw_tokens))
        self._by_first.setdefault(tokens[0], []).append((tokens, label, exact_case))

    def _forms(self, word: Word, exact_case: bool) -> set[str]:
        if exact_case:
            return {word.raw}
        out = set()
        for reading in word.readings:
            for suffix in self._suffixes:
                if reading.endswith(suffix) and len(reading) - len(suffix) >= 2:
                    out.add(reading[: len(reading) - len(suffix)] if suffix else reading)
        return out

    def find(self, words: list[Word]) -> list[tuple[str, str]]:
        """(label, text as written) for each match, longest phrase first at each position."""
        found: list[tuple[str, str]] = []
        i = 0
        while i < len(words):
            best: tuple[int, str] | None = None
            for exact_case in (True, False):
                for form in self._forms(words[i], exact_case):
                    for tokens, label, case in self._by_first.get(form, ()):
                        if case != exact_case or i + len(tokens) > len(words):
                            continue
                        if all(tokens[k] in self._forms(words[i + k], case) for k in range(1, len(tokens))):
                            if best is None or len(tokens) > best[0]:
                                best = (len(tokens), label)
            if best is None:
                i += 1
                continue
            found.append((best[1], " ".join(w.raw for w in words[i : i + best[0]])))
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
    places: Lexicon
    agents: Lexicon
    things: Lexicon
    known_latin: frozenset[str]
    ambiguous_latin: frozenset[str]
    number_words: dict[str, float]
    scales: dict[str, float]
    year_range: tuple[int, int]


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    cfg = config.load("contradiction")
    suffixes = tuple(cfg["tokens"]["suffixes"])
    polarity = Lexicon(("",))
    for kind in ("negators", "denials", "hedges", "not_negations"):
        for word in cfg["polarity"].get(kind, []):
            polarity.add(word, kind)
    directions = Lexicon(suffixes)
    for pair in cfg.get("antonym", []):
        for side in ("a", "b"):
            for word in pair[side]:
                directions.add(word, f"{pair['name']}:{side}")
    months = Lexicon(("",))
    for number, names in enumerate(cfg["dates"]["months"], 1):
        for name in names:
            months.add(name, str(number))
    places, agents, things = Lexicon(suffixes), Lexicon(suffixes), Lexicon(suffixes)
    known_latin: set[str] = set()
    for entry in cfg.get("place", []):
        for alias in entry["aliases"]:
            places.add(alias, entry["name"])
            known_latin.update(t.casefold() for t in WORD.findall(alias) if t.isascii())
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
    return Lexicons(
        clitics=tuple(normalize(c) for c in cfg["tokens"]["clitics"]),
        min_stem=int(cfg["tokens"]["min_stem"]),
        stopwords=frozenset(normalize(w) for w in cfg["tokens"]["stopwords"]),
        polarity=polarity,
        directions=directions,
        months=months,
        places=places,
        agents=agents,
        things=things,
        known_latin=frozenset(known_latin),
        ambiguous_latin=frozenset(cfg["dates"]["ambiguous_latin"]),
        number_words={normalize(k): float(v) for k, v in numbers["words"].items()},
        scales={normalize(k): float(v) for k, v in numbers["scales"].items()},
        year_range=(int(numbers["year_range"][0]), int(numbers["year_range"][1])),
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


def _number(word: Word) -> float | None:
    text = word.readings[0].replace(",", "")
    try:
        return float(text)
    except ValueError:
        return None


def read_numbers(words: list[Word], lex: Lexicons, reading: Reading) -> None:
    """Digits (scaled by a following "million"), number words, years and months."""
    for i, word in enumerate(words):
        value = _number(word)
        if value is not None:
            low, high = lex.year_range
            if value.is_integer() and low <= value <= high and len(word.raw) == 4:
                reading.years[int(value)] = word.raw
                continue
            written = word.raw
            if i + 1 < len(words):
                scale = next((lex.scales[r] for r in words[i + 1].readings if r in lex.scales), None)
                if scale is not None:
                    value *= scale
                    written = f"{word.raw} {words[i + 1].raw}"
            reading.numbers[value] = written
            continue
        spoken = next((lex.number_words[r] for r in word.readings if r in lex.number_words), None)
        if spoken is not None:
            reading.numbers[spoken] = word.raw
    for label, written in lex.months.find(words):
        if written.isascii() and written.casefold() in lex.ambiguous_latin and not written[0].isupper():
            continue
        reading.months[int(label)] = written


def read_names(words: list[Word], lex: Lexicons, taken: set[str]) -> dict[str, str]:
    """Latin capitalised words after the first word that no list knows: unlisted names."""
    out = {}
    for word in words[1:]:
        raw = word.raw
        if raw.isascii() and raw[:1].isupper() and raw.casefold() not in lex.known_latin and raw.casefold() not in taken:
            if raw.casefold() not in lex.stopwords:
                out[raw.casefold()] = raw
    return out


def read(text: str, lex: Lexicons | None = None) -> Reading:
    lex = lex or lexicons()
    words = words_of(text, lex)
    reading = Reading(words)
    for kind, written in lex.polarity.find(words):
        found = {"negators": reading.negations, "denials": reading.denials, "hedges": reading.hedges}.get(kind)
        if found is not None:
            found.append(written)
    for label, written in lex.directions.find(words):
        name, side = label.rsplit(":", 1)
        reading.directions.setdefault(name, set()).add(side)
        reading.direction_words.setdefault(label, written)
    read_numbers(words, lex, reading)
    for lexicon, target in ((lex.places, reading.places), (lex.agents, reading.agents), (lex.things, reading.things)):
        for label, written in lexicon.find(words):
            target.setdefault(label, written)
    found = {
        t.casefold()
        for w in (*reading.places.values(), *reading.agents.values(), *reading.things.values(), *reading.months.values())
        for t in w.split()
    }
    reading.names = read_names(words, lex, found)
    reading.content = {
        w.stem for w in words if w.readings[0] not in lex.stopwords and w.stem not in lex.stopwords and _number(w) is None
    }
    return reading


def _substituted(a: dict, b: dict, canonical: bool = False) -> tuple[str, str] | None:
    """Both sides name something of this kind and each names one the other does not
    (shown as written, or by canonical name: one spelling across languages)."""
    only_a = [k if canonical else a[k] for k in a if k not in b]
    only_b = [k if canonical else b[k] for k in b if k not in a]
    if only_a and only_b:
        return ", ".join(str(x) for x in only_a), ", ".join(str(x) for x in only_b)
    return None


def _one_side(a: dict, b: dict) -> bool:
    return bool(a) != bool(b)


def _opposites(a: Reading, b: Reading) -> tuple[list[tuple[str, str]], int]:
    """Antonym pairs used one way on one side and only the other way on the other side
    (written words, for the reason), and how many more pairs differ partly (one side uses both)."""
    full, partial = [], 0
    for name in sorted(set(a.directions) & set(b.directions)):
        sa, sb = a.directions[name], b.directions[name]
        if sa == sb:
            continue
        if len(sa) == 1 and len(sb) == 1:
            side_a, side_b = next(iter(sa)), next(iter(sb))
            full.append((a.direction_words[f"{name}:{side_a}"], b.direction_words[f"{name}:{side_b}"]))
        else:
            partial += 1
    return full, partial


def _polarity(flags: list[str], declared: str | None, kind: str) -> bool:
    return bool(flags) or declared == kind


def same_script(a: str, b: str) -> bool:
    """Both Arabic or both not: only then can their words be compared one by one."""
    return is_arabic(a) == is_arabic(b)


def compare(
    a: Reading, b: Reading, *, polarity_a: str | None = None, polarity_b: str | None = None,
    surface: bool = True,
) -> Comparison:
    """The text feature vector of a pair (order as FEATURE_NAMES) and its evidence.

    `surface=False` (texts in different scripts) blanks the shared-word features."""
    evidence: dict[str, str] = {}
    neg_a, neg_b = bool(a.negations), bool(b.negations)
    deny_a, deny_b = _polarity(a.denials, polarity_a, "denied"), _polarity(b.denials, polarity_b, "denied")
    hedge_a, hedge_b = _polarity(a.hedges, polarity_a, "hedged"), _polarity(b.hedges, polarity_b, "hedged")
    if deny_a != deny_b:
        evidence["denial"] = "denial vs assertion" if deny_a else "assertion vs denial"
    if neg_a != neg_b:
        word = (a.negations or b.negations)[0]
        evidence["negation"] = f"negated ({word}) vs not" if neg_a else f"not negated vs negated ({word})"
    if hedge_a != hedge_b:
        evidence["hedge"] = "hedged vs asserted" if hedge_a else "asserted vs hedged"
    opposites, partly_opposite = _opposites(a, b)
    if opposites:
        evidence["direction"] = "opposite direction: " + "; ".join(f"{x} / {y}" for x, y in opposites)
    slots: list[str] = []
    numbers = _substituted(a.numbers, b.numbers)
    if numbers:
        evidence["numbers"] = f"numbers differ: {numbers[0]} vs {numbers[1]}"
        slots.append("how many")
    years, months = _substituted(a.years, b.years), _substituted(a.months, b.months)
    if years or months:
        evidence["dates"] = "dates differ: " + "; ".join(f"{d[0]} vs {d[1]}" for d in (years, months) if d)
        slots.append("when")
    places = _substituted(a.places, b.places, canonical=True)
    if places:
        evidence["places"] = f"places differ: {places[0]} vs {places[1]}"
        slots.append("where")
    agents = _substituted(a.agents, b.agents, canonical=True) or _substituted(a.names, b.names)
    if agents:
        evidence["agents"] = f"names differ: {agents[0]} vs {agents[1]}"
        slots.append("who")
    things = _substituted(a.things, b.things, canonical=True)
    if things:
        evidence["things"] = f"subject differs: {things[0]} vs {things[1]}"
        slots.append("what")
    only_a, only_b = a.content - b.content, b.content - a.content
    union = a.content | b.content
    overlap = len(a.content & b.content)
    vector = (
        float(neg_a != neg_b),
        float(neg_a or neg_b),
        float(deny_a != deny_b),
        float(hedge_a != hedge_b),
        len(opposites) + 0.5 * partly_opposite,
        float(numbers is not None),
        float(_one_side(a.numbers, b.numbers)),
        float(years is not None),
        float(months is not None),
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
    return Comparison(vector, evidence, tuple(slots))


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
