"""Attested Latin spellings of Arabic personal names, from the `arabic-name-romanizer` package.

The package ships an SQLite index of people's names (Wikidata, CC0; Algerian name corpora,
CC0/MIT: see models/README.md) with how often each Latin spelling is attested, for whole
names and for name units (a word, or a particle with its word: "عبد الرحمن", "آل خطاب"). It
is opened on the first name that needs it, never at import: `claimtrack extract` starts
without it, and an article whose speakers the name-part table already knows never opens it.
Its neural fallback (onnxruntime) loads only through `model_spelling`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

TRUSTED = 3  # the package's own trust threshold: a whole name attested this often is that name's spelling


@lru_cache(maxsize=1)
def _index() -> Any:
    from arabic_name_romanizer.api import default_resources_dir
    from arabic_name_romanizer.lookup import NameIndex

    return NameIndex(default_resources_dir() / "names.sqlite3")


@lru_cache(maxsize=65536)
def unit_key(unit: str) -> str:
    """The index key of a name unit as written (hamza forms folded, ئ and ؤ kept, عبدال split)."""
    from arabic_name_romanizer.normalize import full_key

    return full_key(unit)


@lru_cache(maxsize=65536)
def unit_spellings(unit: str, country: str = "") -> tuple[tuple[str, int], ...]:
    """(Latin spelling, times attested) of one name unit as written, most attested first; with a
    country, that country's spellings (else its region's, else all)."""
    return tuple((v.latin, v.count) for v in _index().lookup_unit(unit_key(unit), country or None))


def unit_count(unit: str, country: str = "") -> int:
    """How often a name unit as written is attested as part of a person's name (0: never), when
    one of its spellings is attested twice or more: a word seen once each as Elala, Laala and
    Lalla ("لعلي", to Ali) or Charik, Cherik and Shareek ("شريك", partner) is no name."""
    found = unit_spellings(unit, country)
    return sum(count for _, count in found) if found and found[0][1] >= 2 else 0


@lru_cache(maxsize=16384)
def full_spelling(words: tuple[str, ...], min_count: int = TRUSTED, country: str = "") -> str | None:
    """The most attested Latin spelling of a whole name as written, when attested min_count times."""
    from arabic_name_romanizer.normalize import full_key

    found = _index().lookup_full(full_key(" ".join(words)), country or None)
    return found[0].latin if found and found[0].count >= min_count else None


@lru_cache(maxsize=2)
def _transliterator(model: bool) -> Any:
    from arabic_name_romanizer import Transliterator

    return Transliterator(auto_load_model=model)


@lru_cache(maxsize=4096)
def transliterate(words: tuple[str, ...], model: bool = False, country: str = "") -> str:
    """The package's own answer for a whole name: index, then units (then its model, or rules)."""
    return _transliterator(model).transliterate(" ".join(words), country=country or None)


@lru_cache(maxsize=4096)
def model_spelling(unit: str) -> str | None:
    """The neural model's spelling of a unit nobody attested (loads onnxruntime on first use)."""
    found = _transliterator(True).transliterate(unit, top_k=2)
    return found[0].text if found else None


__all__ = ["TRUSTED", "full_spelling", "model_spelling", "transliterate", "unit_count", "unit_key", "unit_spellings"]
