"""The entity registry: agencies, outlets, governments, organisations and people.

Each entity has one canonical `name` and its spellings (`aliases`, Arabic and Latin) in
`configs/entities/*.toml`. Lookup is on normalised words, so spelling variants that differ
only in hamza, alef, yaa, taa marbuta, diacritics or tatweel need no extra alias. A speaker
the registry does not know still gets one normalised canonical name (`fallback_name`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from claimtrack import config
from claimtrack.arabic import WORD, WordCache, is_arabic, normalize, normalize_words
from claimtrack.models import Entity, EntityKind
from claimtrack.names import named

# Transliteration variants of the same foreign name: جونغ / جونج / جونق, بنتاغون / بنتاجون.
_FOLD_FOREIGN = str.maketrans({"غ": "ج", "ق": "ج", "گ": "ج", "ڤ": "ف", "پ": "ب", "ء": ""})


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A spelling-insensitive key: normalised words, definite article off, foreign letters folded."""
    words = []
    for w in normalize_words(text):
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        words.append(w.translate(_FOLD_FOREIGN))
    return " ".join(words)


@dataclass(frozen=True)
class RegistryEntry:
    name: str
    kind: EntityKind
    aliases: tuple[str, ...]
    titles: tuple[str, ...] = ()


@dataclass
class Registry:
    entries: list[RegistryEntry]
    by_alias: dict[tuple[str, ...], RegistryEntry] = field(default_factory=dict)
    by_title: dict[tuple[str, ...], RegistryEntry] = field(default_factory=dict)
    max_len: int = 1
    first_words: set[str] = field(default_factory=set)
    person_first_words: set[str] = field(default_factory=set)  # of the aliases that name a person

    def __post_init__(self) -> None:
        for entry in self.entries:
            for alias in (*entry.aliases, entry.name):
                key = tuple(name_key(alias).split())
                if key:
                    self.by_alias.setdefault(key, entry)
                    self.first_words.add(key[0])
                    self.max_len = max(self.max_len, len(key))
            for title in entry.titles:
                key = tuple(name_key(title).split())
                if key:
                    self.by_title.setdefault(key, entry)
        self.person_first_words = {key[0] for key, entry in self.by_alias.items() if entry.kind == "person"}
        self._person_first_memo = WordCache(lambda word: name_key(word) in self.person_first_words)
        self._alias_start_memo = WordCache(self._may_start_alias)
        self._person_start_memo = WordCache(self._may_start_person)

    def opens_person(self, words: list[str]) -> Iterator[bool]:
        """For each word (as written, one word), whether its key is the first word of a person's alias."""
        return map(self._person_first_memo.__getitem__, words)

    def lookup(self, text: str) -> RegistryEntry | None:
        """The entity whose alias is exactly `text` (normalised)."""
        return self.by_alias.get(tuple(name_key(text).split()))

    def may_start_alias(self, word: str) -> bool:
        """False when no alias starts with `word`, so no phrase opening with it is one."""
        return self._alias_start_memo[word]

    def _may_start_alias(self, word: str) -> bool:
        key = name_key(word).split()
        return not key or key[0] in self.first_words

    def may_start_person(self, word: str) -> bool:
        """False when no person's alias starts with `word`, so no phrase opening with it names one."""
        return self._person_start_memo[word]

    def _may_start_person(self, word: str) -> bool:
        key = name_key(word).split()
        return not key or key[0] in self.person_first_words

    def find_all(self, text: str) -> list[tuple[int, int, RegistryEntry]]:
        """Non-overlapping alias mentions in `text` as (first word, end word, entry), longest first."""
        words = name_key(text).split()
        found: list[tuple[int, int, RegistryEntry]] = []
        i = 0
        while i < len(words):
            if words[i] not in self.first_words:
                i += 1
                continue
            for n in range(min(self.max_len, len(words) - i), 0, -1):
                entry = self.by_alias.get(tuple(words[i : i + n]))
                if entry is not None:
                    found.append((i, i + n, entry))
                    i += n
                    break
            else:
                i += 1
        return found

    def title_holder(self, text: str) -> RegistryEntry | None:
        return self.by_title.get(tuple(name_key(text).split()))


@lru_cache(maxsize=1)
def registry() -> Registry:
    entries = []
    for doc in config.load_folder("entities"):
        for row in doc.get("entity", []):
            entries.append(
                RegistryEntry(row["name"], row["kind"], tuple(row.get("aliases", ())), tuple(row.get("titles", ())))
            )
    return Registry(entries)


# every character str.isspace() (and so a regex `\s`) accepts
_WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_EDGE_CHARS = _WHITESPACE + "\"'«»“”„-–—:،,؛;()[]"


def clean_mention(text: str) -> str:
    """The mention without whitespace, quotation marks, dashes and punctuation at its edges."""
    return text.strip(_EDGE_CHARS)


def fallback_name(text: str) -> str:
    """Canonical name for a speaker the registry does not know: its normalised words."""
    return " ".join(normalize_words(clean_mention(text))) or clean_mention(text)


def person_name(text: str) -> str:
    """Canonical name for a person the registry does not know: the name words of an Arabic
    phrase (in Latin letters where they can be spelled, titles left out), the words as written
    for a Latin-script name, else the normalised words."""
    text = clean_mention(text)
    found = named(text)
    if found is not None:
        return found.name
    if not is_arabic(text):
        written = " ".join(m.group() for m in WORD.finditer(text))
        if written:
            return written
    return fallback_name(text)


def entity(text: str, entry: RegistryEntry | None, kind: EntityKind | None = None) -> Entity:
    text = clean_mention(text)
    if entry is not None:
        return Entity(text=text, name=entry.name, kind=entry.kind)
    kind = kind or "person"
    return Entity(text=text, name=person_name(text) if kind == "person" else fallback_name(text), kind=kind)


def words_of(text: str) -> set[str]:
    return set(name_key(text).split())


def same_name(a: str, b: str) -> bool:
    return name_key(a) == name_key(b)


__all__ = ["Registry", "RegistryEntry", "registry", "entity", "fallback_name", "person_name", "name_key", "clean_mention", "normalize"]
