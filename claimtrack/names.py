"""Latin canonical names for people the registry does not know.

A person written in Arabic script ("وزير الطاقة الإماراتي سهيل المزروعي") is named in Latin
letters ("Suhail Al-Mazrouei") from the name parts in `configs/entities/name_parts.tsv`, so the
same person in an Arabic and an English article gets one name. Titles and descriptions around
the name are never part of it. When a word of the name is not a known part, there is usually no
Latin name (a wrong Latin name is worse than the Arabic one): an unknown word right before or
after a run of known parts may be a part of the same name. One exception: a family name with
Arabic morphology (the article ال or a final ة) that closes the clause right after the run is
romanised from the letter table in `configs/romanise.toml` ("الدكتور محمد كنانة" -> "Mohammed
Kananah"); a title word there is a family name too ("كامل الوزير" -> "Kamel al-Wazir"), since
a title is a title only before the name. Inside a name the article is "al-" (Saif al-Badr).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimtrack import config
from claimtrack.arabic import is_arabic, normalize, normalize_words
from claimtrack.cues import lexicon

_CLAUSE = re.compile(r"[،,؛;:()]")
_MAX_KEY = 3


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


def _part(words: list[str], i: int, table: NameParts) -> tuple[int, str] | None:
    """(words used, English) for the name part that starts at words[i]."""
    w = words[i]
    for n in range(min(_MAX_KEY, len(words) - i), 1 if w in table.particles else 0, -1):
        english = table.parts.get(tuple(words[i : i + n]))
        if english is not None:
            return _compound(words, i + n, n, english, table)
    if w in table.particles:
        nxt = _part(words, i + 1, table) if i + 1 < len(words) else None
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


def _open_edge(word: str, closed: frozenset[str]) -> bool:
    """True when `word` next to a run of known parts may be an unknown part of the same name."""
    bare = word[1:] if word[:1] in "وف" and word[1:] in closed else word
    return bare not in closed


def _name_in(words: list[str], table: NameParts, closed: frozenset[str], titles: frozenset[str]) -> tuple[str, str] | None:
    i = 0
    while i < len(words):
        if words[i] in titles or _part(words, i, table) is None:
            i += 1
            continue
        start, latin = i, []
        while i < len(words) and (found := _part(words, i, table)) is not None:
            latin.append(found[1])
            i += found[0]
        if start > 0 and i == start + 1 and (words[start],) not in table.parts:
            return None  # "الرئيس التركي": a lone ال-word after other words describes, it does not name
        before_ok = start == 0 or words[start - 1].startswith("ال") or not _open_edge(words[start - 1], closed)
        # a part that is also a closing word ("على" reads as علي) does not vouch for a family name
        family = None if closed.intersection(words[start:i]) else _family_name(words, i, closed, titles)
        if family is not None:
            latin.append(family)
            i += 1
        after_ok = i == len(words) or not _open_edge(words[i], closed)
        if before_ok and after_ok:
            return _article_style(" ".join(latin)), words[i - 1]
        return None  # the first run of parts is the name; an open edge leaves it unsure
    return None


def _family_name(words: list[str], i: int, closed: frozenset[str], titles: frozenset[str]) -> str | None:
    """The romanised family name words[i] right after a run of name parts, or None: only a word
    with Arabic morphology that closes the clause (or comes before a closing word), and a title
    word only as the clause's last word ("كامل الوزير")."""
    if i >= len(words):
        return None
    w = words[i]
    last = i + 1 == len(words)
    if not (w.startswith("ال") and len(w) > 3) and not (w.endswith("ه") and len(w) > 2):
        return None
    if w in closed:
        return romanise(w) if last and w in titles else None
    if last or not _open_edge(words[i + 1], closed):
        return romanise(w)
    return None


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


@lru_cache(maxsize=16384)
def latin_name(text: str) -> tuple[str, str] | None:
    """(Latin name, its last Arabic word) of the person an Arabic speaker phrase names, or None."""
    if not is_arabic(text):
        return None
    lex = lexicon()
    titles = lex.words.get("ar_titles", frozenset())
    table = name_parts()
    closed = titles | table.stops | lex.words.get("ar_stop", frozenset()) | lex.words.get("ar_title_of", frozenset())
    for clause in _CLAUSE.split(text):
        found = _name_in(normalize_words(clause), table, closed, titles)
        if found is not None:
            return found
    return None


__all__ = ["latin_name", "name_parts", "NameParts", "romanise"]
