"""Canonical names for people the registry does not know: the name words of a speaker phrase,
in Latin letters where they can be spelled, never its titles or descriptions.

A speaker phrase mixes a title, a description and a name ("مدير إدارة الأرصاد الجوية رائد رافد
آل خطاب"). The name is the first run of name units in a clause of the phrase: units the
hand-made table `configs/entities/name_parts.tsv` knows, or units attested as people's names in
the index of the `arabic-name-romanizer` package (claimtrack/name_index.py; `[names]` of
`configs/romanise.toml`). Titles, the lexicon's stop words, organisation and group words,
places and peoples (`configs/places.toml`) and `[names] not_names` are never units, and an
attested word with the article does not open a name ("الصليب الأحمر طارق رمضان": Tarek Ramadan).
Around the run:
- a lone word after other words names nobody ("الرئيس التركي", "مدرب معيذر"): no name;
- a word with Arabic morphology (ال, a final ة) closing the clause right after the run is its
  family name ("محمد كنانة", and "كامل الوزير": a title is a title only before the name);
- any other unknown word at an edge leaves the name unsure.
A sure name is spelled in Latin by the first of `[names] steps` that can (the table's spellings
when it knows every unit; else the package's: the whole name as attested, else unit by unit).
An unsure name is its Arabic words, normalised: the run and the unknown word at its edge.
Inside a Latin name the article is "al-" (Saif al-Badr), "Al-" when the name opens with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

from claimtrack import config, name_index
from claimtrack.arabic import WORD, is_arabic, normalize, normalize_words
from claimtrack.cues import lexicon

_CLAUSE = re.compile(r"[،,؛;:()]")
_COMMA_END = re.compile(r"[،,:؛]\s*$")
_MAX_KEY = 3
_SPACED_ARTICLE = re.compile(r"\b([AaEe]l) (?=[A-Z])")  # "Al Khattab" -> "Al-Khattab"
_SUN_ARTICLE = re.compile(r"\b([Aa])(?:sh|dh|th|[dnrstz])-(?=[A-Z])")  # "as-Sanad" -> "al-Sanad"
_SUFFIX_UNITS = ("الله", "الدين")  # "نصر الله", "سيف الدين": one unit with the word before


@dataclass(frozen=True)
class NameParts:
    parts: dict[tuple[str, ...], str]  # normalised words -> English spelling
    particles: frozenset[str]  # بن، أبو، آل ...: a part only before another part
    stops: frozenset[str]  # words that close a name (باسم)


@lru_cache(maxsize=1)
def name_parts() -> NameParts:
    parts: dict[tuple[str, ...], str] = {}
    particles, stops = set(), set()
    path = config.configs_dir() / "entities" / "name_parts.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        arabic, english, *flags = line.split("\t")
        key = tuple(normalize(w) for w in arabic.split())
        if "stop" in flags:
            stops.add(key[0])
            continue
        parts.setdefault(key, english)
        if "particle" in flags:
            particles.add(key[0])
    return NameParts(parts, frozenset(particles), frozenset(stops))


@dataclass(frozen=True)
class Policy:
    """How names are found and spelled (`[names]` of configs/romanise.toml)."""

    steps: tuple[str, ...]  # "index", "table", "units", "romanizer": tried in turn for a sure name
    index_units: bool  # a unit the index attests is a name unit even when the table lacks it
    min_count: int  # ... when attested at least this often
    min_full_count: int  # the index's spelling of a whole name attested at least this often wins
    open_edges: bool  # an unknown word closing the clause after the run is its family name (else: unsure)
    model: bool  # a unit nobody attested is spelled by the package's neural model (else: letter table)
    country: str = ""  # the index's spellings of this country (then its region) first; "": all


def _policy_from_config() -> Policy:
    doc = config.load("romanise").get("names", {})
    return Policy(
        steps=tuple(doc.get("steps", ("table",))),
        index_units=bool(doc.get("index_units", False)),
        min_count=int(doc.get("min_count", name_index.TRUSTED)),
        min_full_count=int(doc.get("min_full_count", name_index.TRUSTED)),
        open_edges=bool(doc.get("open_edges", False)),
        model=bool(doc.get("model", False)),
        country=str(doc.get("country", "")),
    )


_POLICY: list[Policy] = []


def policy() -> Policy:
    if not _POLICY:
        _POLICY.append(_policy_from_config())
    return _POLICY[0]


@contextmanager
def using(p: Policy) -> Iterator[None]:
    """Name people under another policy (benchmarks/bench_names.py compares them)."""
    before = policy()
    _POLICY[0] = p
    _clear_caches()
    try:
        yield
    finally:
        _POLICY[0] = before
        _clear_caches()


def _clear_caches() -> None:
    named.cache_clear()
    _context.cache_clear()


_DEFINITE = ("ال", "وال", "فال", "بال")  # a word with the article, bare or behind a conjunction or preposition


@dataclass(frozen=True)
class Unit:
    raw: tuple[str, ...]  # the words as written
    norm: tuple[str, ...]
    spelling: str | None  # the table's Latin, or a family name's (attested, or by the letter table)
    source: str  # "table", "family" (the word closing the run), "index" (attested), "open" (unknown)


@dataclass(frozen=True)
class Named:
    name: str  # canonical: Latin, else the Arabic name words, normalised
    family: str  # the name's last word, normalised: a later mention of it alone is this person
    latin: bool


@dataclass(frozen=True)
class Context:
    table: NameParts
    policy: Policy
    titles: frozenset[str]
    closed: frozenset[str]  # words that are never a unit and close a name
    places: frozenset[str]  # places and peoples, without the article: never a unit


@lru_cache(maxsize=1)
def _context() -> Context:
    lex = lexicon()
    table = name_parts()
    titles = lex.words.get("ar_titles", frozenset())
    closed = titles | table.stops | lex.any_of("ar_stop", "ar_title_of")
    p = policy()
    if p.index_units:
        not_names = frozenset(normalize(w) for w in config.load("romanise").get("names", {}).get("not_names", []))
        closed |= not_names | lex.any_of("ar_organization", "ar_agency", "ar_outlet", "ar_documents", "ar_group", "ar_anonymous")
    return Context(table, p, titles, closed, _place_words())


def _place_words() -> frozenset[str]:
    """Country, capital and city names and peoples' adjectives, normalised, article off. A name
    particle inside a place ("أبو" of "أبو ظبي") is not a place word: "رائد أبو سعود" is a name."""
    out: set[str] = set()
    particles = name_parts().particles
    doc = config.load("places")
    for entry in doc.get("country", []) + doc.get("city", []):
        for alias in entry.get("aliases", []) + entry.get("demonyms", []):
            if is_arabic(alias):
                out.update(_bare(normalize(w)) for w in alias.split() if normalize(w) not in particles)
    return frozenset(out)


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _is_place(word: str, ctx: Context) -> bool:
    """'التركي', 'التركية', 'الأردن', 'مصر': a place or a people, never a name unit."""
    bare = _bare(word)
    return bare in ctx.places or (bare.endswith("ه") and bare[:-1] in ctx.places)


def _closes(word: str, ctx: Context) -> bool:
    """A word that is never a name unit: a title, a stop word, a place or a people, ..."""
    return word in ctx.closed or _is_place(word, ctx)


# ---------------------------------------------------------------------------- units


def _table_part(words: list[str], i: int, table: NameParts) -> tuple[int, str] | None:
    """(words used, English) for the table's name part that starts at words[i]."""
    w = words[i]
    for n in range(min(_MAX_KEY, len(words) - i), 1 if w in table.particles else 0, -1):
        english = table.parts.get(tuple(words[i : i + n]))
        if english is not None:
            return _compound(words, i + n, n, english, table)
    if w in table.particles:
        nxt = _table_part(words, i + 1, table) if i + 1 < len(words) else None
        return (1 + nxt[0], f"{table.parts[(w,)]} {nxt[1]}") if nxt else None
    if w.startswith("ال") and len(w) > 3 and (w[2:],) in table.parts and w[2:] not in table.particles:
        return 1, "al-" + table.parts[(w[2:],)]
    return None


def _compound(words: list[str], j: int, n: int, english: str, table: NameParts) -> tuple[int, str]:
    """'نصر الله' -> Nasrallah, 'نور الدين' -> Nour al-Din when the table has no row for the pair."""
    if j < len(words) and words[j] == "الله" and n == 1:
        return n + 1, english + "allah"
    if j < len(words) and words[j] == "الدين" and n == 1:
        return n + 1, english + " al-Din"
    return n, english


def _index_unit(raw: list[str], norm: list[str], i: int, ctx: Context) -> int:
    """Words used by the unit the index attests at raw[i] (a particle takes the next word, and
    الله / الدين join the word before); 0 when none is attested often enough."""
    w = norm[i]
    if _closes(w, ctx):
        return 0
    particle = (w in ctx.table.particles or w == "عبد") and i + 1 < len(raw)
    n = 2 if particle else 1
    if i + n < len(raw) and norm[i + n] in _SUFFIX_UNITS:
        n += 1
    if n > 1 and _closes(norm[i + 1], ctx):
        return 0
    count = name_index.unit_count(" ".join(raw[i : i + n]), ctx.policy.country)
    if particle and w != "عبد":  # "آل خطاب": the particle before an attested name
        count = max(count, name_index.unit_count(" ".join(raw[i + 1 : i + n]), ctx.policy.country))
    return n if count >= ctx.policy.min_count else 0


def _unit_at(raw: list[str], norm: list[str], i: int, ctx: Context) -> Unit | None:
    if _is_place(norm[i], ctx):
        return None
    found = _table_part(norm, i, ctx.table)
    if found is not None:
        n, english = found
        return Unit(tuple(raw[i : i + n]), tuple(norm[i : i + n]), english, "table")
    if ctx.policy.index_units:
        n = _index_unit(raw, norm, i, ctx)
        if n:
            return Unit(tuple(raw[i : i + n]), tuple(norm[i : i + n]), None, "index")
    return None


def _open_edge(word: str, ctx: Context) -> bool:
    """True when `word` next to a run of units may be an unknown unit of the same name."""
    bare = word[1:] if word[:1] in "وف" and _closes(word[1:], ctx) else word
    return not _closes(bare, ctx)


# ---------------------------------------------------------------------------- the run


@dataclass(frozen=True)
class Run:
    units: list[Unit]
    sure: bool
    words: tuple[str, ...]  # the name's words, normalised: the units, and an unsure edge word


def _name_in(raw: list[str], norm: list[str], ctx: Context) -> Run | None:
    """The first name in a clause: its units, whether it is sure, its words; or None."""
    i = 0
    while i < len(norm):
        unit = None if norm[i] in ctx.titles else _unit_at(raw, norm, i, ctx)
        if unit is None or (norm[i].startswith("ال") and (norm[i],) not in ctx.table.parts):
            i += 1  # a name opens with a given name, never with the article ("الصليب الأحمر")
            continue
        start, units = i, []
        while unit is not None:
            units.append(unit)
            i += len(unit.raw)
            unit = _unit_at(raw, norm, i, ctx) if i < len(norm) else None
        # a definite word before the name ("الإسعاف", "والطوارئ": a body and its conjoined noun) is no name part
        before_ok = start == 0 or norm[start - 1].startswith(_DEFINITE) or not _open_edge(norm[start - 1], ctx)
        # a unit that is also a closing word ("على" reads as علي) does not vouch for a family name
        family = None if ctx.closed.intersection(norm[start:i]) else _family_name(raw, norm, i, ctx)
        if family is None and not ctx.closed.intersection(norm[start:i]):
            family = _family_after_unknown(raw, norm, i, ctx)  # "رزاق محيبس السعداوي"
            if family is not None:
                units.append(Unit((raw[i],), (norm[i],), None, "open"))
                i += 1
        if family is not None:
            units.append(family)
            i += 1
        after_ok = i == len(norm) or not _open_edge(norm[i], ctx)
        if i == start + 1 and i < len(norm) and _is_place(norm[i], ctx):
            continue  # "سلطان عمان، قابوس بن سعيد": a lone unit before a place is a title of it ("Sultan of Oman")
        if i == start + 1 and norm[start] in ctx.closed:
            return None  # "على الكوكب": a lone unit that is also a closing word reads as that word
        lone = start > 0 and i == start + 1 and (norm[start],) not in ctx.table.parts
        if lone and (norm[start].startswith("ال") or after_ok):
            return None  # "الرئيس التركي", "مدرب معيذر": a lone word after other words describes
        # the first run of units is the name; an unknown word at an open edge may be part of it
        first = start if before_ok else start - 1
        end = i if after_ok else i + 1
        return Run(units, before_ok and after_ok, tuple(norm[first:end]))
    return None


def _family_after_unknown(raw: list[str], norm: list[str], i: int, ctx: Context) -> Unit | None:
    """'رزاق محيبس السعداوي': one unknown word after the given names, then a family name with the
    article (a nisba like السعداوي) that closes the clause: the unknown word is a middle name."""
    if i + 1 >= len(norm) or not _open_edge(norm[i], ctx) or norm[i].startswith(_DEFINITE) or len(norm[i]) < 3:
        return None
    if not norm[i + 1].startswith("ال") or _is_place(norm[i + 1], ctx):
        return None
    family = _family_name(raw, norm, i + 1, ctx)
    return family if family is not None and family.source == "family" else None


def _family_name(raw: list[str], norm: list[str], i: int, ctx: Context) -> Unit | None:
    """The family name raw[i] right after a run of units, or None: a word that closes the clause
    (or comes before a closing word), with Arabic morphology (the article ال or a final ة) unless
    unknown words may join the name; a title word only as the clause's last word ("كامل الوزير")."""
    if i >= len(norm):
        return None
    w = norm[i]
    last = i + 1 == len(norm)
    arabic_morphology = (w.startswith("ال") and len(w) > 3) or (w.endswith("ه") and len(w) > 2)
    if not arabic_morphology and not (ctx.policy.open_edges and len(w) > 2):
        return None
    if w in ctx.closed:
        closing_title = last and w in ctx.titles
        return Unit((raw[i],), (w,), romanise(w), "family") if closing_title else None
    if _is_place(w, ctx) and not last:
        return None  # "محمد شياع السوداني": a people closing the name is its family name
    if last or not _open_edge(norm[i + 1], ctx):
        attested = name_index.unit_spellings(raw[i], ctx.policy.country) if ctx.policy.index_units else ()
        if attested:  # an attested spelling beats a generated one ("السند": al-Sanad, not al-Sand)
            return Unit((raw[i],), (w,), _hyphenated(attested[0][0]), "family")
        letters = romanise(w) if arabic_morphology else None
        return Unit((raw[i],), (w,), letters, "family" if letters else "open")
    return None


# ---------------------------------------------------------------------------- spelling


def _spelled(units: list[Unit], ctx: Context) -> str | None:
    for step in ctx.policy.steps:
        latin = _STEPS[step](units, ctx)
        if latin is not None:
            return _article_style(_press_style(latin, units))
    return None


def _by_index(units: list[Unit], ctx: Context) -> str | None:
    """The whole name as the index attests it ("جمال سلامي" -> Jamal Sellami)."""
    if len(units) < 2:
        return None
    words = tuple(w for u in units for w in u.raw)
    found = name_index.full_spelling(words, ctx.policy.min_full_count, ctx.policy.country)
    # "هالة زايد" is filed under "Hala Mustafa Zaid": a name with a word the phrase lacks is another's
    return _hyphenated(found) if found and len(found.split()) <= len(words) else None


def _by_table(units: list[Unit], ctx: Context) -> str | None:
    """The table's spellings, when it knows every unit but a family name closing the run."""
    if any(u.source not in ("table", "family") or u.spelling is None for u in units):
        return None
    return " ".join(u.spelling for u in units if u.spelling)


def _by_units(units: list[Unit], ctx: Context) -> str | None:
    """Unit by unit: the table's spelling, the index's most attested one, else the model's or
    the letter table's."""
    out = []
    for u in units:
        spelling = u.spelling if u.source == "table" else _unit_spelling(u, ctx)
        if spelling is None:
            return None
        out.append(spelling)
    return " ".join(out)


def _unit_spelling(u: Unit, ctx: Context) -> str | None:
    attested = name_index.unit_spellings(" ".join(u.raw), ctx.policy.country)
    if attested:
        return _hyphenated(attested[0][0])
    if len(u.raw) == 2 and (u.norm[0],) in ctx.table.parts:  # "آل خطاب": Al + Khattab
        rest = _unit_spelling(Unit(u.raw[1:], u.norm[1:], None, u.source), ctx)
        return _hyphenated(f"{ctx.table.parts[(u.norm[0],)]} {rest}") if rest else None
    if ctx.policy.model:
        found = name_index.model_spelling(" ".join(u.raw))
        return _hyphenated(found) if found else None
    return u.spelling or (romanise(u.norm[0]) if len(u.norm) == 1 else None)


def _by_romanizer(units: list[Unit], ctx: Context) -> str | None:
    """The package's own answer for the whole name."""
    found = name_index.transliterate(tuple(w for u in units for w in u.raw), ctx.policy.model, ctx.policy.country)
    return _hyphenated(found) if found else None


_STEPS = {"index": _by_index, "table": _by_table, "units": _by_units, "romanizer": _by_romanizer}


def _press_style(latin: str, units: list[Unit]) -> str:
    """Word by word where the spelling has one Latin word per Arabic word: a family name written
    with the article keeps it ("محمد الصيادي": Mohammed al-Sayadi, not Sayadi), and بن is 'bin'
    (modern press style; ابن stays Ibn)."""
    arabic = [w for u in units for w in u.norm]
    words = latin.split(" ")
    if len(words) != len(arabic):
        return latin
    style = letters()
    for k, (ar, la) in enumerate(zip(arabic, words)):
        if ar == "بن" and la.lower() in ("ibn", "ben", "bn"):
            words[k] = "bin"
        elif 0 < k == len(words) - 1 and _keeps_article(ar, la, words[k - 1]):
            words[k] = style.article + la
    return " ".join(words)


def _keeps_article(arabic: str, latin: str, before: str) -> bool:
    """A closing family name with the article whose spelling lost it (not the second half of a
    compound like عبد السميع, Abdel Samie)."""
    if not arabic.startswith("ال") or len(arabic) <= 3 or latin.lower().startswith(("al", "el")):
        return False
    return not before.lower().startswith("abd")


def _hyphenated(latin: str) -> str:
    """The index's article in the table's style: "Al Khattab" -> "Al-Khattab", "as-Sanad" -> "al-Sanad"."""
    return _SUN_ARTICLE.sub(r"\1l-", _SPACED_ARTICLE.sub(r"\1-", latin))


def _article_style(name: str) -> str:
    """The article is 'al-' inside a name (Saif al-Badr), 'Al-' when the name opens with it."""
    head, _, rest = name.partition(" ")
    head = head[:1].upper() + head[1:]
    return f"{head} {rest.replace('Al-', 'al-')}" if rest else head


@dataclass(frozen=True)
class Letters:
    consonants: dict[str, str]
    long_a: str
    glide_consonant: dict[str, str]
    glide_vowel: dict[str, str]
    inserted: str
    final_h: str
    article: str


@lru_cache(maxsize=1)
def letters() -> Letters:
    doc = config.load("romanise")
    v = doc["vowels"]
    return Letters(doc["consonants"], v["long_a"], v["glide_consonant"], v["glide_vowel"], v["inserted"], v["final_h"], v["article"])


@lru_cache(maxsize=4096)
def romanise(word: str) -> str | None:
    """A press-style Latin spelling of one normalised Arabic word ("كنانه" -> "Kananah",
    "البدر" -> "al-Badr"); None when it holds a letter the table does not know."""
    t = letters()
    article, rest = (t.article, word[2:]) if word.startswith("ال") and len(word) > 3 else ("", word)
    out: list[str] = []
    prev = ""  # "c" after a consonant, "v" after a vowel, "" at the start
    inserted = False  # a short vowel was just inserted: no second one in a row ("بدر" -> Badr)
    for k, ch in enumerate(rest):
        nxt = rest[k + 1] if k + 1 < len(rest) else ""
        if ch == t.long_a or (ch in t.glide_vowel and prev == "c" and nxt != t.long_a):
            out.append("a" if ch == t.long_a else t.glide_vowel[ch])
            prev, inserted = "v", False
            continue
        if ch == "ه" and not nxt and prev:
            out.append(t.final_h if prev == "c" else "h")
            break
        latin = t.glide_consonant.get(ch, t.consonants.get(ch))
        if latin is None:
            return None
        if prev == "c" and not inserted:
            out.append(t.inserted)
            inserted = True
        else:
            inserted = False
        out.append(latin)
        prev = "c"
    spelled = "".join(out)
    return article + spelled[:1].upper() + spelled[1:] if spelled else None


# ---------------------------------------------------------------------------- entry points


@lru_cache(maxsize=16384)
def _settle_given_titles(text: str) -> str:
    """Courtesy titles that are also given names, settled: "السيد" before a family name with the
    article is the given name ("السيد القصير", Egypt's El-Sayed), read without its article; before
    a given name or a title it is Mr, a title."""
    lex = lexicon()
    given = lex.words.get("ar_title_given_names", frozenset())
    words = text.split(" ")
    if not given or not given.intersection(normalize_words(text)):
        return text
    closed = lex.any_of("ar_titles", "ar_stop", "ar_title_of", "ar_organization")
    for i, word in enumerate(words[:-1]):
        norm, nxt = normalize_words(word), normalize_words(words[i + 1])
        if len(norm) == 1 and norm[0] in given and not _COMMA_END.search(word) and len(nxt) == 1:
            family = nxt[0]
            if family.startswith("ال") and len(family) > 3 and family not in closed:
                words[i] = word.replace("ال", "", 1)
    return " ".join(words)


@lru_cache(maxsize=16384)
def named(text: str) -> Named | None:
    """The person an Arabic speaker phrase names, without titles; None when it names nobody
    (no name units, or a lone descriptor)."""
    if not is_arabic(text):
        return None
    text = _settle_given_titles(text)
    ctx = _context()
    unsure: Named | None = None
    for clause in _CLAUSE.split(text):
        raw = [m.group() for m in WORD.finditer(clause)]
        norm = [normalize(w) for w in raw]
        run = _name_in(raw, norm, ctx)
        if run is None:
            continue
        latin = _spelled(run.units, ctx) if run.sure else None
        if latin is not None:
            return Named(latin, run.units[-1].norm[-1], True)
        unsure = unsure or Named(" ".join(run.words), run.words[-1], False)
    return unsure  # a sure name in a later clause wins ("الرئيس، سهيل المزروعي")


def latin_name(text: str) -> tuple[str, str] | None:
    """(Latin name, its last Arabic word) of the person an Arabic speaker phrase names, or None
    when it has no Latin name."""
    found = named(text)
    return (found.name, found.family) if found is not None and found.latin else None


__all__ = ["Named", "NameParts", "Policy", "latin_name", "name_parts", "named", "policy", "romanise", "using"]
