"""Find the article body in scraped page text; everything else is boilerplate or a title.

The page is judged line by line (marker patterns, then the line's shape), then page-level
rules run: a story-end marker ("المصدر: ...", "أخبار ذات صلة", "Reporting by") closes the
story, a teaser marker ("اقرأ أيضاً") swallows the headlines after it, tight blocks of
headline-like lines are lists, repeated lines are captions. The patterns and thresholds
are in `configs/boilerplate.toml`; the outlet is looked up in `configs/entities/`.

Speed: a pattern that can match anywhere in a line is tried only in the lines holding one of
its "needles", literal strings every match contains, read off the parsed pattern and found
with str.find over the whole page at once (`_needles`, `_lines_holding`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from re import _constants as sre, _parser as sre_parse  # the parser behind re.compile (3.11+)

from claimtrack.arabic import normalize, normalize_words
from claimtrack.config import load, load_folder
from claimtrack.cues import lexicon
from claimtrack.models import Entity, Span

BODY, TITLE, BOILERPLATE = "body", "title", "boilerplate"
NAME_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")
NON_ASCII = re.compile(r"[^\x00-\x7f]+")
LATIN_LETTER = re.compile("[A-Za-z]")
ASCII_NON_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
LETTER_VARIANTS = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه"), ("ؤ", "و"), ("ئ", "ي"))
ARABIC_LETTERS = re.compile("[\u0621-\u064a\u0671-\u06d3]+")


def fold(text: str) -> str:
    """The line form markers are matched against: NFKC, no diacritics or tatweel, one alef,
    ي for ى, ه for ة, و for ؤ, ي for ئ, case-folded (as claimtrack.arabic.normalize, digits
    left as they are; str.replace, several times faster than translate tables here)."""
    return _fold_nfkc(unicodedata.normalize("NFKC", text))


def _fold_nfkc(text: str) -> str:
    """fold() of text in NFKC already."""
    text = DIACRITICS.sub("", text)
    for variant, plain in LETTER_VARIANTS:
        text = text.replace(variant, plain)
    return text.casefold()


def _normalize_pattern(pattern: str) -> str:
    """Fold the Arabic of a pattern like the lines it meets; ASCII regex syntax is untouched."""
    return NON_ASCII.sub(lambda m: fold(m.group()), pattern)


def _needles(items: sre_parse.SubPattern | list) -> frozenset[str] | None:
    """Strings one of which every match of a parsed pattern contains, or None: a literal run,
    or one from each branch of an alternation; the longest shortest one, then the fewest."""
    best: frozenset[str] | None = None

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or (-min(map(len, found)), len(found)) < (-min(map(len, best)), len(best))):
            best = found

    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            consider(frozenset(["".join(run)]))
            run = []
        if op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
            consider(_needles(av[3]))
        elif op is sre.BRANCH:
            branches = [_needles(branch) for branch in av[1]]
            if all(branches):
                consider(_without_longer(frozenset().union(*branches)))  # type: ignore[arg-type]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_needles(av[2]))
        elif op is sre.IN and all(o is sre.LITERAL for o, _ in av):
            consider(frozenset(chr(v) for _, v in av))
    return best


def _first_chars(items: sre_parse.SubPattern | list) -> frozenset[str] | None:
    """The characters every match of a parsed pattern starts with (DIGIT, SPACE: any digit or
    space character), or None when unknown or when it may match nothing."""
    out: set[str] = set()
    for op, av in items:
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            found, optional = _first_chars(av[2]), av[0] == 0
        else:
            found, optional = _first_chars_of(op, av), False
        if found is None:
            return None
        out |= found
        if not optional:
            return frozenset(out)
    return None  # every item is optional: the match may be empty


def _first_chars_of(op: object, av: object) -> frozenset[str] | None:
    """_first_chars of one parsed item that is not a repeat."""
    if op is sre.LITERAL:
        return frozenset(chr(av))  # type: ignore[arg-type]
    if op is sre.IN:
        chars: set[str] = set()
        for o, v in av:  # type: ignore[attr-defined]
            if o is sre.LITERAL:
                chars.add(chr(v))
            elif o is sre.RANGE and v[1] - v[0] < 256:
                chars.update(map(chr, range(v[0], v[1] + 1)))
            elif o is sre.CATEGORY and v in _CATEGORY_MARKS:
                chars.add(_CATEGORY_MARKS[v])
            else:
                return None
        return frozenset(chars)
    if op is sre.SUBPATTERN and not av[1] and not av[2]:  # type: ignore[index]  # a group without inline flags
        return _first_chars(av[3])  # type: ignore[index]
    if op is sre.BRANCH:
        found = [_first_chars(branch) for branch in av[1]]  # type: ignore[index]
        return frozenset().union(*found) if all(found) else None  # type: ignore[arg-type]
    return None


DIGIT, SPACE = "\\d", "\\s"  # markers in _first_chars' sets (two characters: never a line's first one)
_CATEGORY_MARKS = {sre.CATEGORY_DIGIT: DIGIT, sre.CATEGORY_SPACE: SPACE}


def _may_open(first: str, openers: frozenset[str] | None) -> bool:
    """Whether a line opening with `first` may match a pattern whose matches open with `openers`."""
    return (openers is None or first in openers or (DIGIT in openers and first.isdecimal())
            or (SPACE in openers and first.isspace()))


def _without_longer(needles: frozenset[str]) -> frozenset[str]:
    """The needles that hold no other one (a line holding "photo credit" holds "photo")."""
    return frozenset(n for n in needles if not any(other in n for other in needles if other != n))


# Letters that match a Latin letter case-insensitively (re.IGNORECASE) but lower-case to
# something else: İ (i), ı (i), ſ (s).
ODD_CASE = ("\u0130", "\u0131", "\u017f")


class _OutletPatterns:
    """Patterns on the raw line (case ignored), tried in order. A line is tried only when its
    lower case holds one of their needles (each written in ASCII or uncased letters)."""

    def __init__(self, patterns: list[str]) -> None:
        self.patterns = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
        found = [_needles(sre_parse.parse(p, re.IGNORECASE)) for p in patterns]
        needles = frozenset().union(*found) if all(found) else frozenset()  # type: ignore[arg-type]
        plain = needles and all(c.isascii() or c.lower() == c == c.upper() for needle in needles for c in needle)
        self.needles = _without_longer(frozenset(n.lower() for n in needles)) if plain else None

    def lines_to_try(self, lines: list[_Line]) -> list[_Line]:
        text = "\n".join(line.text for line in lines)
        if self.needles is None or any(odd in text for odd in ODD_CASE):
            return lines
        holding = _lines_holding(text.lower(), self.needles)
        return [line for i, line in enumerate(lines) if i in holding]


class _AnyOf:
    """Patterns searched together: those anchored with ^ are tried at the line start only.
    The floating ones are tried only in lines holding one of their `needles`."""

    def __init__(self, patterns: list[str]) -> None:
        anchored = [_normalize_pattern(p[1:]) for p in patterns if p.startswith("^")]
        floating = [_normalize_pattern(p) for p in patterns if not p.startswith("^")]
        # lines are case-folded already: no IGNORECASE
        self.anchored = re.compile("|".join(f"(?:{p})" for p in anchored)) if anchored else None
        self.floating = re.compile("|".join(f"(?:{p})" for p in floating)) if floating else None
        self.needles = _needles(sre_parse.parse(self.floating.pattern)) if self.floating else None
        # the anchored patterns are tried only on lines opening with a character they may start with
        self.openers = _first_chars(sre_parse.parse(self.anchored.pattern)) if self.anchored else frozenset()

    def search(self, line: str, floating: bool = True) -> re.Match | None:
        """A match at the line start, else (when `floating`) anywhere in the line."""
        anchored = self.anchored and _may_open(line[:1], self.openers) and self.anchored.match(line)
        return anchored or (floating and self.floating and self.floating.search(line)) or None

    def may_float(self, page: _Page) -> Container[int]:
        """Indices of the page's lines the floating patterns may match."""
        if self.floating is None:
            return ()
        return range(len(page.lines)) if self.needles is None else page.holding(self.needles)


@dataclass(frozen=True, slots=True)
class BodyInfo:
    """Spans into the raw text, disjoint and in order. `body`: runs of story paragraphs (the
    blank lines between them included); `boilerplate`: runs of page furniture; `titles`: one
    per headline, subheading or label line (neither body nor claims); the outlet shown."""

    body: list[Span]
    boilerplate: list[Span]
    titles: list[Span] = field(default_factory=list)
    outlet: Entity | None = None


@dataclass(slots=True)
class _Line:
    start: int
    end: int
    text: str
    norm: str
    words: int
    tight: bool  # no blank line between this line and the one before
    kind: str = ""


def _lines_holding(text: str, needles: Iterable[str]) -> set[int]:
    """Indices of the lines of `text` (joined by "\n") that hold one of `needles`."""
    found: set[int] = set()
    for needle in needles:
        at = text.find(needle)
        while at >= 0:
            found.add(text.count("\n", 0, at))
            line_end = text.find("\n", at)
            at = text.find(needle, line_end + 1) if line_end >= 0 else -1
    return found


@dataclass(frozen=True, slots=True)
class _Page:
    lines: list[_Line]
    folded: str  # the lines' `norm`, joined by "\n"

    def holding(self, needles: Iterable[str]) -> set[int]:
        """Indices of the lines whose `norm` contains one of `needles`."""
        return _lines_holding(self.folded, needles)


@dataclass(frozen=True, slots=True)
class _Rules:
    end: _AnyOf
    signoff: _AnyOf
    teaser: _AnyOf
    summary: _AnyOf
    line: _AnyOf
    anywhere: _AnyOf
    caption_tail: re.Pattern
    caption_credits: frozenset[str]
    terminal: str
    bullets: str
    body_min_words: int
    title_max_words: int
    comma_body_min_words: int
    question_max_words: int
    glued_letters: int
    list_min_lines: int
    story_min_chars: int
    end_max_words: int
    marker_max_words: int
    arabic_page_share: float
    crumb_separators: tuple[str, ...]
    crumb_split: re.Pattern
    crumb_quoted: re.Pattern
    end_resumes_after: int
    reported_openers: frozenset[str]
    headline_max_words: int
    echo_min_words: int
    echo_share: float
    echo_share_above_story: float
    echo_top_lines: int
    logo: _OutletPatterns
    own: _OutletPatterns
    masthead: _OutletPatterns
    source: _OutletPatterns
    site: _OutletPatterns
    dateline: _OutletPatterns
    dateline_own: _OutletPatterns
    body_own: _OutletPatterns
    dateline_paragraphs: int
    masthead_lines: int
    unknown_outlet_max_words: int
    generic: frozenset[str]


def _name_key(text: str) -> str:
    """Lookup key of a name: normalised words joined by single spaces, punctuation dropped."""
    return " ".join(normalize(t) for t in NAME_TOKEN.findall(text))


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    cfg = load("boilerplate")
    shape, markers, outlet = cfg["shape"], cfg["markers"], cfg["outlet"]

    return _Rules(
        end=_AnyOf(markers["end"]),
        signoff=_AnyOf(markers["signoff"]),
        teaser=_AnyOf(markers["teaser"]),
        summary=_AnyOf(markers["summary"]),
        line=_AnyOf(markers["line"]),
        anywhere=_AnyOf(markers["anywhere"]),
        caption_tail=re.compile(r"(?:[-–—/|]|[(\[])\s*([^-–—/|()\[\]]{1,40}?)\s*[)\]]?\s*$"),
        caption_credits=frozenset(_name_key(c) for c in markers["caption_credits"]),
        terminal=shape["terminal"],
        bullets=shape["bullets"],
        body_min_words=shape["body_min_words"],
        title_max_words=shape["title_max_words"],
        comma_body_min_words=shape["comma_body_min_words"],
        question_max_words=shape["question_max_words"],
        glued_letters=shape["glued_letters"],
        list_min_lines=shape["list_min_lines"],
        story_min_chars=shape["story_min_chars"],
        end_max_words=shape["end_max_words"],
        marker_max_words=shape["marker_max_words"],
        arabic_page_share=shape["arabic_page_share"],
        crumb_separators=tuple(shape["crumb_separators"]),
        crumb_split=re.compile("|".join(re.escape(sep) for sep in shape["crumb_separators"])),
        crumb_quoted=re.compile(shape["crumb_quoted"]),
        end_resumes_after=shape["end_resumes_after"],
        reported_openers=frozenset(normalize(w) for w in shape["reported_openers"]),
        headline_max_words=shape["headline_max_words"],
        echo_min_words=shape["echo_min_words"],
        echo_share=shape["echo_share"],
        echo_share_above_story=shape["echo_share_above_story"],
        echo_top_lines=shape["echo_top_lines"],
        logo=_OutletPatterns(outlet["logo"]),
        own=_OutletPatterns(outlet["own"]),
        masthead=_OutletPatterns(outlet["masthead"]),
        source=_OutletPatterns(outlet["source"]),
        site=_OutletPatterns(outlet["site"]),
        dateline=_OutletPatterns(outlet["dateline"]),
        dateline_own=_OutletPatterns(outlet["dateline_own"]),
        body_own=_OutletPatterns(outlet["body_own"]),
        dateline_paragraphs=outlet["dateline_paragraphs"],
        masthead_lines=outlet["masthead_lines"],
        unknown_outlet_max_words=outlet["unknown_outlet_max_words"],
        generic=frozenset(_name_key(g) for g in outlet["generic"]),
    )


@lru_cache(maxsize=1)
def _registry() -> dict[str, tuple[str, str]]:
    """Normalised alias -> (canonical name, kind) for every outlet and agency in the registry."""
    out: dict[str, tuple[str, str]] = {}
    for doc in load_folder("entities"):
        for entity in doc.get("entity", []):
            if entity.get("kind") not in ("outlet", "agency"):
                continue
            for alias in [entity["name"], *entity.get("aliases", [])]:
                key = _name_key(alias)
                if key:
                    out.setdefault(key, (entity["name"], entity["kind"]))
                if key.startswith("وكاله "):
                    out.setdefault(key[len("وكاله ") :], (entity["name"], entity["kind"]))
    return out


@lru_cache(maxsize=1)
def _registry_first_words() -> frozenset[str]:
    return frozenset(key.split(" ")[0] for key in _registry())


def find_registered(text: str) -> Entity | None:
    """The first (longest at its place) registry outlet or agency named in `text`, as written."""
    registry, first_words = _registry(), _registry_first_words()
    tokens = list(NAME_TOKEN.finditer(text))
    keys = [normalize(t.group()) for t in tokens]
    for i in range(len(tokens)):
        if keys[i].split(" ")[0] not in first_words:
            continue
        for n in range(min(5, len(tokens) - i), 0, -1):
            hit = registry.get(" ".join(keys[i : i + n]))
            if hit:
                shown = text[tokens[i].start() : tokens[i + n - 1].end()]
                return Entity(text=shown, name=hit[0], kind=hit[1])  # type: ignore[arg-type]
    return None


# --- lines -------------------------------------------------------------------------------


def _read_page(raw: str) -> _Page:
    r"""The non-blank lines, stripped; `tight` when no blank line separates a line from the last.
    Lines end where str.splitlines ends them (\n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028,
    \u2029). They are folded together after NFKC: a line break never folds into or out of
    anything, so this is the same as folding each line on its own."""
    found: list[tuple[int, str, bool]] = []
    offset, blank_before = 0, False
    for piece in raw.splitlines(keepends=True):
        stripped = piece.strip()
        if stripped:
            found.append((offset + len(piece) - len(piece.lstrip()), stripped, not found or not blank_before))
            blank_before = False
        else:
            blank_before = True
        offset += len(piece)
    folded = _fold_nfkc("\n".join(unicodedata.normalize("NFKC", text) for _, text, _ in found))
    norms = folded.split("\n") if found else []
    lines = [_Line(start, start + len(text), text, norm, len(text.split()), tight) for (start, text, tight), norm in zip(found, norms)]
    return _Page(lines, folded)


def _reads_as_body(line: _Line, rules: _Rules) -> bool:
    """Sentence-like: ends in sentence punctuation and is not tiny, or is long (or has commas)."""
    last = line.text[-1]
    if not any(map(str.isalpha, line.text)):
        return False
    if last in "?؟":
        return line.words > rules.question_max_words
    if last in rules.terminal:
        return line.words >= rules.body_min_words
    if line.words >= rules.comma_body_min_words and ("،" in line.text or "," in line.text):
        return True
    return line.words > rules.title_max_words


def _story_resumes(lines: list[_Line], i: int, rules: _Rules) -> bool:
    """A bare list label ("Related News") whose list was stripped, with the story's paragraphs
    right after it: the next lines all read as body, where an appended list starts with headlines."""
    label = rules.end.search(lines[i].norm, False)
    if label is None or any(c.isalnum() for c in lines[i].norm[label.end() :]):
        return False
    after = lines[i + 1 : i + 1 + rules.end_resumes_after]
    return len(after) == rules.end_resumes_after and all(_reads_as_body(line, rules) for line in after)


def _is_glued(line: _Line, rules: _Rules) -> bool:
    """Menu or share-bar words run together ("FacebookTwitterLinkedInEmail")."""
    tokens = line.text.split()
    return len(tokens) <= 3 and any(sum(c.isalpha() for c in t) >= rules.glued_letters for t in tokens)


def _is_caption(line: _Line, rules: _Rules) -> bool:
    """A photo caption: not a full sentence, ends with a credit ("- جيتي", "(رويترز)")."""
    m = rules.caption_tail.search(line.norm)
    if not m:
        return False
    credit = _name_key(m.group(1))
    return credit in rules.caption_credits or credit in _registry()


def _is_bullet(line: _Line, rules: _Rules) -> bool:
    first = line.text[0]
    return first in rules.bullets and (first not in "-–—*" or line.text[1:2].isspace())


def _is_latin(line: _Line) -> bool:
    """Most of the line's letters are Latin (ASCII) ones."""
    latin = len(line.text.encode("ascii", "ignore").translate(None, ASCII_NON_LETTERS))
    if not latin or line.text.isascii():
        return latin > 0
    return latin / sum(map(str.isalpha, line.text)) > 0.5


def _teaser_is_inline(line: _Line, match: re.Match) -> bool:
    rest = line.norm[match.end() :]
    return any(c.isalnum() for c in rest)


def _arabic_page(raw: str, share: float) -> bool:
    """Arabic letters outnumber Latin ones enough (judged on the first 2000 characters)."""
    sample = raw[:2000]
    arabic, latin = sum(map(len, ARABIC_LETTERS.findall(sample))), len(LATIN_LETTER.findall(sample))
    return arabic > 0 and arabic / (arabic + latin) >= share


def _classify(page: _Page, arabic_page: Callable[[], bool], rules: _Rules) -> None:
    """One pass top to bottom: markers first, then the line's shape (the script of the page
    is judged only when a Latin line asks)."""
    story_chars = 0
    ended = in_teaser = False
    summary = ""  # "label": the line after a summary label; "box": lines tight with it
    signoff_at, line_at, anywhere_at = (group.may_float(page) for group in (rules.signoff, rules.line, rules.anywhere))
    for i, line in enumerate(page.lines):
        body_like = _reads_as_body(line, rules)
        if summary == "label" or (summary == "box" and line.tight):
            line.kind = BOILERPLATE
            summary = "box"
            continue
        summary = ""
        if ended:
            line.kind = BOILERPLATE
            continue
        if rules.summary.search(line.norm):
            line.kind = BOILERPLATE
            summary = "label"
            continue
        is_end = line.words <= rules.end_max_words and rules.end.search(line.norm)
        if is_end or rules.signoff.search(line.norm, i in signoff_at):
            line.kind = BOILERPLATE
            ended = story_chars >= rules.story_min_chars and not (is_end and _story_resumes(page.lines, i, rules))
            continue
        short = line.words <= rules.marker_max_words
        if (short and rules.line.search(line.norm, i in line_at)) or rules.anywhere.search(line.norm, i in anywhere_at):
            line.kind = BOILERPLATE
            continue
        teaser = rules.teaser.search(line.norm)
        if teaser:
            line.kind = BOILERPLATE
            in_teaser = in_teaser or not _teaser_is_inline(line, teaser)
            continue
        if not body_like and (
            not any(c.isalnum() for c in line.text)
            or _is_glued(line, rules)
            or _is_caption(line, rules)
            or _is_bullet(line, rules)
            or (_is_latin(line) and arabic_page())
        ):
            line.kind = BOILERPLATE
            continue
        if body_like:
            line.kind = BODY
            story_chars += len(line.text)
            in_teaser = False
        else:
            line.kind = BOILERPLATE if in_teaser else TITLE


def _mark_repeats(lines: list[_Line]) -> None:
    """A line printed twice is a caption or a teaser; a repeated sentence keeps its first copy.

    Copies printed one after the other (image alt text, then caption) are all boilerplate.
    """
    seen: dict[str, int] = {}
    for line in lines:
        seen[line.norm] = seen.get(line.norm, 0) + 1
    for before, after in zip(lines, lines[1:]):
        if before.norm == after.norm:
            before.kind = after.kind = BOILERPLATE
    first_kept: set[str] = set()
    for line in lines:
        if seen[line.norm] < 2 or line.kind == BOILERPLATE:
            continue
        if line.kind == BODY and line.norm not in first_kept:
            first_kept.add(line.norm)
            continue
        line.kind = BOILERPLATE


def _crumbs(line: _Line, rules: _Rules) -> list[str] | None:
    """The items of a breadcrumb trail ("Home » Cricket » Headline"), or None."""
    parts = [p.strip() for p in rules.crumb_split.split(rules.crumb_quoted.sub(" ", line.norm))]
    if len(parts) < 3 or not all(parts):
        return None
    return parts if all(len(p.split()) <= rules.title_max_words for p in parts) else None


def _mark_crumbs(page: _Page, rules: _Rules) -> None:
    """A breadcrumb trail is page furniture; the line repeating its last item is the headline."""
    headlines: set[str] = set()
    for index in page.holding(rules.crumb_separators):
        parts = _crumbs(page.lines[index], rules)
        if parts:
            page.lines[index].kind = BOILERPLATE
            headlines.add(parts[-1])
    for line in page.lines:
        if line.kind == BODY and line.norm in headlines:
            line.kind = TITLE


def _mark_headline(lines: list[_Line], rules: _Rules) -> None:
    """The first line of the page that is not furniture, when short and followed by body,
    is the headline even if it ends like a sentence ("Ad sales boost Time Warner profit.",
    a headline closing on a quoted name)."""
    kept = [line for line in lines if line.kind != BOILERPLATE]
    if len(kept) >= 2 and kept[0].kind == BODY and kept[1].kind == BODY:
        if kept[0].words <= rules.headline_max_words < kept[1].words:
            kept[0].kind = TITLE


def _bigrams(line: _Line) -> set[tuple[str, str]]:
    """Pairs of adjacent words, punctuation dropped (a pull quote loses or adds commas)."""
    words = NAME_TOKEN.findall(line.norm)
    return set(zip(words, words[1:]))


def _mark_echoes(lines: list[_Line], rules: _Rules) -> None:
    """A line whose word pairs nearly all recur in one longer body line is a copy of it:
    a pull quote, a standfirst or dek, a caption repeating the story. The longer line stays.
    A standfirst sits at the top, over the story it sums up, and may be looser; inside the
    story a copy must be closer: a denial restating an accusation ("Moscow denied that
    Russia had used ...") is news, not a pull quote."""
    shown = [line for line in lines if line.kind != BOILERPLATE]
    top = {id(line) for line in shown[: rules.echo_top_lines]}
    candidates = [line for line in shown if line.words >= rules.echo_min_words]
    pairs = [_bigrams(line) for line in candidates]
    seen: set[tuple[str, str]] = set()
    repeated: set[tuple[str, str]] = set()
    for own in pairs:
        repeated |= own & seen
        seen |= own
    for i, (line, own) in enumerate(zip(candidates, pairs)):
        loose = rules.echo_share_above_story * len(own) if id(line) in top else None
        strict = rules.echo_share * len(own)
        if not own or len(own & repeated) < min(strict, loose or strict):
            continue
        for j, (other, theirs) in enumerate(zip(candidates, pairs)):
            longer = len(theirs) > len(own) or (len(theirs) == len(own) and j < i)
            needed = loose if loose is not None and j > i else strict
            if j != i and other.kind == BODY and longer and len(own & theirs) >= needed:
                line.kind = BOILERPLATE
                break


def _mark_lists(lines: list[_Line], rules: _Rules) -> None:
    """Tight blocks of several non-body lines are headline lists or menus."""
    run: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and line.kind != BODY and (line.tight or not run):
            run.append(line)
            continue
        if len(run) >= rules.list_min_lines:
            for item in run:
                item.kind = BOILERPLATE
        run = [line] if line is not None and line.kind != BODY else []


def _opens_with_cue(line: _Line, rules: _Rules) -> bool:
    """The line opens with a reporting verb ('وأضاف', 'قال'), perhaps after 'كما'."""
    words = normalize_words(" ".join(line.text.split()[:2]))
    if words and words[0] in rules.reported_openers:
        words = words[1:]
    return bool(words) and words[0] in lexicon().cue_starts


def _mark_reported(lines: list[_Line], rules: _Rules) -> None:
    """Inside the story, a title-like line that opens with a reporting verb is a paragraph
    ('كما حذر المصدر من مخاطر ...', a hard-wrapped 'قال X، ..., إن هناك'), and so is a short
    line printed tight between two story lines, the first cut mid-sentence (a hard wrap)."""
    started = False
    for i, line in enumerate(lines):
        if line.kind == TITLE and started:
            before, after = lines[i - 1], lines[i + 1] if i + 1 < len(lines) else None
            if line.words >= rules.body_min_words and _opens_with_cue(line, rules):
                line.kind = BODY
            elif (line.tight and before.kind == BODY and before.text[-1] not in rules.terminal
                  and after is not None and after.tight and after.kind == BODY):
                line.kind = BODY
        started = started or line.kind == BODY


def _merged_spans(lines: list[_Line], kind: str) -> list[Span]:
    """Runs of lines of one kind, merged across the blank space between them."""
    spans: list[Span] = []
    open_run = False
    for line in lines:
        if line.kind != kind:
            open_run = False
        elif open_run:
            spans[-1] = (spans[-1][0], line.end)
        else:
            spans.append((line.start, line.end))
            open_run = True
    return spans


# --- outlet ------------------------------------------------------------------------------


def _shown_name(text: str) -> str:
    """A canonical name for an outlet the registry lacks: the text without diacritics."""
    bare = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join(bare.split())


def _entity_from_name(name: str, rules: _Rules, allow_unknown: bool) -> Entity | None:
    name = name.strip(" \t.:،,-–—|()[]")
    if not name:
        return None
    known = find_registered(name)
    if known:
        return known
    first_part = _name_key(re.split(r"[+،,/&|]", name)[0])
    if not allow_unknown or not first_part or first_part in rules.generic or _name_key(name) in rules.generic:
        return None
    if len(name.split()) > rules.unknown_outlet_max_words:
        return None
    return Entity(text=name, name=_shown_name(name), kind="outlet")


def _matches(patterns: _OutletPatterns, lines: list[_Line], rules: _Rules, allow_unknown: bool) -> Iterator[Entity]:
    """Every name the patterns find in `lines`, in line order, as registry entities where known."""
    for line in patterns.lines_to_try(lines):
        for pattern in patterns.patterns:
            m = pattern.search(line.text)
            if m and m.group("name"):
                entity = _entity_from_name(m.group("name"), rules, allow_unknown)
                if entity:
                    yield entity


def _first_match(patterns: _OutletPatterns, lines: list[_Line], rules: _Rules, allow_unknown: bool) -> Entity | None:
    return next(_matches(patterns, lines, rules, allow_unknown), None)


def _masthead(lines: list[_Line], rules: _Rules) -> Entity | None:
    """A line near the top that is nothing but a registered outlet's name ("الجزيرة نت",
    "KOOORA" under the headline)."""
    for line in lines[: rules.masthead_lines]:
        if line.kind == BODY:
            continue
        found = find_registered(line.text)
        if found and len(_name_key(found.text)) >= 0.8 * len(_name_key(line.text)):
            return found
    return None


def _find_outlet(lines: list[_Line], rules: _Rules) -> Entity | None:
    """The site that published the page, not the wire it credits.

    The page naming itself (logo, masthead, "Get X in your inbox", "appeared first on X",
    "© X"), then a source credit naming an outlet, then a site mention in page chrome; only
    when none of these is found, the agency a credit line or dateline names ("Source: PTI",
    "(AFP) -", "© AFP" under a photo): a wire story carried by an unnamed site reads in the
    wire's voice. The story naming itself ("..., X Magazine has learned.") comes before the wire;
    a bracketed dateline naming an outlet the registry lacks ("أربيل (كوردستان24)-") comes last.
    """
    chrome = [line for line in lines if line.kind != BODY]
    top = [line for line in lines[: rules.masthead_lines] if line.kind != BODY]
    wires: list[Entity] = []
    for found in (
        _matches(rules.logo, chrome, rules, allow_unknown=True),
        iter([m for m in [_masthead(lines, rules)] if m]),
        _matches(rules.own, chrome, rules, allow_unknown=True),
        _matches(rules.masthead, top, rules, allow_unknown=True),
        _matches(rules.source, chrome, rules, allow_unknown=True),
        _matches(rules.site, chrome, rules, allow_unknown=False),
    ):
        for entity in found:
            if entity.kind != "agency":
                return entity
            wires.append(entity)
    body = [line for line in lines if line.kind == BODY]
    own = _first_match(rules.body_own, body, rules, allow_unknown=True)
    if own is not None and own.kind != "agency":
        return own
    top = body[: rules.dateline_paragraphs]
    return (next(iter(wires), None) or _first_match(rules.dateline, top, rules, allow_unknown=False)
            or _first_match(rules.dateline_own, top, rules, allow_unknown=True))


def find_body(raw: str) -> BodyInfo:
    """Body, boilerplate and title spans of `raw` (disjoint, in order) and the outlet shown."""
    rules = _rules()
    page = _read_page(raw)
    lines = page.lines
    _classify(page, cache(lambda: _arabic_page(raw, rules.arabic_page_share)), rules)
    _mark_repeats(lines)
    _mark_crumbs(page, rules)
    _mark_headline(lines, rules)
    _mark_echoes(lines, rules)
    _mark_lists(lines, rules)
    _mark_reported(lines, rules)
    return BodyInfo(
        body=_merged_spans(lines, BODY),
        boilerplate=_merged_spans(lines, BOILERPLATE),
        titles=[(line.start, line.end) for line in lines if line.kind == TITLE],
        outlet=_find_outlet(lines, rules),
    )
