"""Reporting cues: find them in a sentence's tokens, from the lexicon in `configs/cues.toml`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from typing import Literal

from claimtrack import config
from claimtrack.arabic import NORM, Token, normalize, normalize_words

CueKind = Literal["speech", "object", "carry", "participle", "according", "relay"]


@dataclass(frozen=True, slots=True)
class CueForm:
    words: tuple[str, ...]
    kind: CueKind
    polarity: str
    objects: tuple[str, ...]
    lang: str


@dataclass(frozen=True, slots=True)
class Cue:
    first: int  # index of the first token of the cue
    last: int  # index just after the cue's last token
    form: CueForm

    @property
    def kind(self) -> CueKind:
        return self.form.kind


@dataclass(frozen=True)
class Lexicon:
    forms: dict[tuple[str, ...], CueForm]
    max_len: int
    complementizers: frozenset[str]
    complementizer_leads: frozenset[str]
    carried_speakers: tuple[tuple[str, ...], ...]
    relay_from: frozenset[str]
    relay_saying: frozenset[str]
    words: dict[str, frozenset[str]]  # attribution.toml word lists, normalised
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # multi-word entries of those lists
    negator_window: int
    negated_verb_window: int
    min_words: int
    first_words: frozenset[str] = frozenset()
    cue_starts: frozenset[str] = frozenset()  # first words, also with a leading و or ف
    carried_starts: frozenset[str] = frozenset()  # first words of the carried speakers
    cue_pairs: frozenset[tuple[str, str]] = frozenset()  # first two words of the forms of two words or more
    # word sets derived from the lists, made on first use (hot loops ask for them per sentence)
    _starts: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _unions: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _conjoined: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    derived: dict[object, object] = field(default_factory=dict, init=False, compare=False, repr=False)  # other stages' memos

    def has(self, list_name: str, word: str) -> bool:
        return word in self.words.get(list_name, frozenset())

    def starts(self, list_name: str) -> frozenset[str]:
        """Words where an entry of the list can begin: its words and its phrases' first words."""
        found = self._starts.get(list_name)
        if found is None:
            phrase_firsts = (phrase[0] for phrase in self.phrases.get(list_name, ()))
            found = self._starts[list_name] = self.words.get(list_name, frozenset()).union(phrase_firsts)
        return found

    def any_of(self, *list_names: str) -> frozenset[str]:
        """The words of several lists together."""
        found = self._unions.get(list_names)
        if found is None:
            found = self._unions[list_names] = frozenset().union(*(self.words.get(name, ()) for name in list_names))
        return found


    def is_future_verb(self, norm: str) -> bool:
        """'سيكون', 'فستكون', 'وسنعمل': the future prefix س on a present verb."""
        if norm[:1] in "وف" and norm[1:2] == "س":
            norm = norm[1:]
        return len(norm) >= 5 and norm[0] == "س" and norm[1] in "يتنا" and norm not in self.words["ar_not_future"]

    def conjoined(self, list_name: str) -> frozenset[str]:
        """The list's words behind a leading و or ف ('وقد', 'فربما')."""
        found = self._conjoined.get(list_name)
        if found is None:
            found = self._conjoined[list_name] = frozenset(c + w for w in self.words.get(list_name, ()) for c in "وف")
        return found


def _norm_words(text: str) -> tuple[str, ...]:
    return tuple(normalize_words(text))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    cues = config.load("cues")
    attr = config.load("attribution")
    forms: dict[tuple[str, ...], CueForm] = {}
    for row in cues["cue"]:
        for form in row["forms"]:
            words = _norm_words(form)
            if words:
                forms.setdefault(
                    words,
                    CueForm(words, row["kind"], row.get("polarity", "asserted"),
                            tuple(normalize(o) for o in row.get("objects", ())), row["lang"]),
                )
    comp = cues["complementizers"]
    words: dict[str, frozenset[str]] = {}
    phrases: dict[str, tuple[tuple[str, ...], ...]] = {}
    for section in attr.values():
        if not isinstance(section, dict):
            continue
        for key, values in section.items():
            if isinstance(values, list):
                normed = [_norm_words(v) for v in values]
                words[key] = frozenset(w[0] for w in normed if len(w) == 1)
                phrases[key] = tuple(sorted((w for w in normed if len(w) > 1), key=len, reverse=True))
    carried = tuple(_norm_words(v) for v in cues["carried_speakers"]["ar"] + cues["carried_speakers"]["en"])
    return Lexicon(
        forms=forms,
        max_len=max(len(k) for k in forms),
        complementizers=frozenset(normalize(w) for w in comp["ar"] + comp["en"]),
        complementizer_leads=frozenset(normalize(w) for w in comp["ar_lead"]),
        carried_speakers=carried,
        relay_from=frozenset(normalize(w) for w in cues["relay"]["ar_from"]),
        relay_saying=frozenset(normalize(w).rstrip(":") for w in cues["relay"]["ar_saying"]),
        words=words,
        phrases=phrases,
        negator_window=int(attr["polarity"]["negator_window"]),
        negated_verb_window=int(attr["polarity"]["negated_verb_window"]),
        min_words=int(attr["unattributed"]["min_words"]),
        first_words=frozenset(k[0] for k in forms),
        cue_starts=frozenset(p + k[0] for k in forms for p in ("", "و", "ف", "وو", "فو")),
        carried_starts=frozenset(phrase[0] for phrase in carried if phrase),
        cue_pairs=frozenset(k[:2] for k in forms if len(k) > 1),
    )


def _readings(norm: str) -> tuple[str, ...]:
    """A word as written, and without a leading و or ف (Arabic conjunctions); a doubled
    conjunction ('ووأوضح', a typing slip) is read without both."""
    if len(norm) > 2 and norm[0] in "وف" and "\u0600" <= norm[1] <= "\u06ff":
        if len(norm) > 3 and norm[1] == "و":
            return (norm, norm[1:], norm[2:])
        return (norm, norm[1:])
    return (norm,)


def find_cues(tokens: list[Token], lex: Lexicon | None = None) -> list[Cue]:
    """Every cue in the tokens, longest form first at each position, left to right."""
    lex = lex or lexicon()
    norms = list(map(NORM, tokens))
    cue_starts = lex.cue_starts
    if cue_starts.isdisjoint(norms):
        return []
    out: list[Cue] = []
    free = 0  # the first token not inside a cue already found
    for i in compress(range(len(norms)), map(cue_starts.__contains__, norms)):
        if i < free:
            continue
        if lex.has("ar_not_cue", norms[i]):
            continue  # 'فحسب' (only) is not 'ف' + 'حسب' (according to)
        cue = _longest_cue(norms, i, [r for r in _readings(norms[i]) if r in lex.first_words], lex)
        if cue is not None:
            out.append(cue)
            free = cue.last
    return out


def _longest_cue(norms: list[str], i: int, readings: list[str], lex: Lexicon) -> Cue | None:
    """The longest cue form starting at token i, trying each reading of its first word."""
    longest = min(lex.max_len, len(norms) - i)
    if longest > 1 and not any((first, norms[i + 1]) in lex.cue_pairs for first in readings):
        longest = 1  # no form of two words or more starts here
    for n in range(longest, 0, -1):
        rest = norms[i + 1 : i + n]
        for first in readings:
            form = lex.forms.get((first, *rest))
            if form is not None:
                return Cue(i, i + n, form)
    return None


def starts_phrase(tokens: list[Token], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length of the listed phrase starting at token i (0 when none)."""
    if i >= len(tokens) or not phrases:
        return 0
    first = tokens[i].norm
    second = tokens[i + 1].norm if i + 1 < len(tokens) else None
    for phrase in phrases:
        if phrase[0] != first:
            continue
        n = len(phrase)
        if n > 1 and phrase[1] != second:
            continue  # the second word tells most phrases apart without building a tuple
        if tuple(map(NORM, tokens[i : i + n])) == phrase:
            return n
    return 0
