"""Matching, wired: ingest -> extract -> store -> embed (cached) -> index -> cluster -> contradictions.

    report = ingest(["seeds/"], db="claimtrack.db")     # the CLI's `claimtrack ingest`
    compare("c_0123456789ab", "Moscow denied it")        # claim ids (in the store) or raw texts
    similar("c_0123456789ab", db="claimtrack.db")

What is compared is the proposition, not its speaker: a stored claim's `text`, or for a raw
text the one attributed claim the extractor finds in it ("The Pentagon says X" -> X).
Candidate pairs are FAISS neighbours above a topic floor (`related`); each gets its facts
(cosine, scripts, the slots its words name differently, polarity evidence, word overlap, the
contradiction scorer's verdict) and one relation:
  contradicts  the scorer says so and the conflict is about one thing told two ways (see
               `contradicts`); such pairs are never put in one cluster;
  same         cosine at the encoder's floor (a lower one across scripts: Arabic-English
               cosines run lower) and no slot or denial conflict;
  related      above the topic floor; otherwise unrelated.
Clusters join same-claim links, strongest first, with average linkage (`linkage`).
Thresholds per encoder are calibrated on `data/gold/pairs/pairs.tsv`
(`python -m claimtrack.match calibrate`; `... eval` prints the gold figures).

Nothing here imports torch: the encoder loads only when a text has no cached embedding.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from claimtrack import config
from claimtrack.arabic import is_arabic
from claimtrack.cluster import build_clusters, corroboration
from claimtrack.errors import UserError
from claimtrack.models import Entity

NEIGHBOURS = 16
PROPOSITION_SHARE = 0.5
EMBED_CHUNK = 256
GOLD_PAIRS = config.PACKAGE_ROOT / "data" / "gold" / "pairs" / "pairs.tsv"
# The files thresholds are calibrated on: our story's pairs, pairs about other stories, and real
# disagreements between outlets (tolls, turnout, growth).
GOLD_PAIR_FILES = (GOLD_PAIRS, config.PACKAGE_ROOT / "data" / "gold" / "pairs_blind" / "pairs.tsv",
                   config.PACKAGE_ROOT / "data" / "gold" / "pairs_blind2" / "pairs.tsv",
                   config.PACKAGE_ROOT / "data" / "gold" / "pairs_blind3" / "pairs.tsv",
                   config.PACKAGE_ROOT / "data" / "gold" / "pairs_blind4" / "pairs.tsv")
UNKNOWN_SPEAKER = Entity(text="", name="unknown", kind="anonymous")

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass(frozen=True)
class Thresholds:
    """Cosine floors of one encoder, and the contradiction score that links two claims."""

    same: float
    same_cross: float
    related: float
    contradiction: float = 0.5
    contradiction_high: float = 0.7
    minimal_overlap: float = 0.5
    minimal_overlap_high: float = 0.6
    minimal_overlap_low: float = 0.3  # the shared frame that suffices at the same-claim cosine
    linkage: float = 0.25  # share of member pairs that must be same-claim links for two groups to join
    negation_echo: float = 0.75  # a negated clause this much restated by the other side is a minimal pair
    figure_frame: float = 0.2  # shared frame one figure told two ways needs at the same-claim cosine (one script)


# Calibrated on data/gold/pairs/pairs.tsv by `python -m claimtrack.match calibrate --model NAME
# --pairs data/gold/pairs/pairs.tsv`. Calibrating on both files (the default) gives e5+use
# same=0.82, same_cross=0.70, linkage=0.5: no trap linked in either file, but 85.4% of our
# same pairs together (gate 90%), so these are kept (BENCHMARKS.md, Matching).
THRESHOLDS: dict[str, Thresholds] = {
    "e5": Thresholds(same=0.915, same_cross=0.88, related=0.87),
    "use": Thresholds(same=0.56, same_cross=0.56, related=0.3),
    "e5+use": Thresholds(same=0.787, same_cross=0.717, related=0.70, linkage=0.3),
}


def thresholds(model: str) -> Thresholds:
    base = THRESHOLDS.get(model)
    if base is None:
        raise UserError(f"no matching thresholds for encoder {model!r}; calibrate it first")
    try:
        override = config.load("match").get(model, {})
    except FileNotFoundError:
        override = {}
    return Thresholds(**{**asdict(base), **override})


# ----- what is matched ----------------------------------------------------------------------------


@dataclass
class Item:
    """A claim to match: a stored claim, or a raw text (polarity then read from its words)."""

    id: str
    text: str
    polarity: str | None = None
    article: str = ""
    speaker: Entity = UNKNOWN_SPEAKER
    via: list[Entity] = field(default_factory=list)
    outlet: Entity | None = None
    span: tuple[int, int] = (0, 0)
    raw: str | None = None  # the full text a proposition was read from (raw-text inputs only)

    @property
    def wording(self) -> str:
        return self.raw or self.text

    @classmethod
    def of_claim(cls, claim) -> Item:
        return cls(claim.id, claim.text, claim.polarity, claim.article, claim.speaker, list(claim.via),
                   getattr(claim, "outlet", None), tuple(claim.span))

    def as_json(self) -> dict:
        return {
            "id": self.id, "article": self.article, "span": list(self.span), "text": self.text,
            "speaker": self.speaker.model_dump(), "via": [v.model_dump() for v in self.via],
            "outlet": self.outlet.name if self.outlet else None, "polarity": self.polarity,
        }


# ----- embeddings, cached by text hash ------------------------------------------------------------


def model_name(model: str | None) -> str:
    """The encoder matching uses: the one named, else `match` in configs/models.toml, else its
    `default` (every backend in THRESHOLDS has floors calibrated on the gold pairs)."""
    from claimtrack.encoder import BACKENDS, settings

    name = model or str(settings().get("match") or settings()["default"])
    if name not in BACKENDS:
        raise UserError(f"unknown encoder {name!r}; choose one of: {', '.join(BACKENDS)}")
    return name


def cache_key(model: str) -> str:
    """The embeddings-cache key of an encoder: its model id (read from config, nothing loaded)."""
    from claimtrack.encoder import settings

    return str(settings()[model]["hub_id"])


_MEMORY: dict[str, dict[str, np.ndarray]] = {}  # model -> text hash -> vector, this process only
MEMORY_LIMIT = 50_000


def embed_texts(texts: Sequence[str], model: str, store=None, progress: Progress | None = None) -> np.ndarray:
    """Unit rows for `texts`. Each distinct text is encoded once: vectors are reused from this
    process's memory and, with a store, from its cache (where new vectors are kept). A combined
    encoder ("e5+use") is built from its members' vectors, each cached under its own model."""
    from claimtrack.encoder import join_rows, members
    from claimtrack.store import text_hash

    parts = members(model)
    if parts:
        return join_rows([(embed_texts(texts, m, store, progress), w) for m, w in parts])

    hashes = [text_hash(t) for t in texts]
    memo = _MEMORY.setdefault(model, {})
    found: dict[str, np.ndarray] = {h: memo[h] for h in hashes if h in memo}
    if store is not None:
        wanted = sorted(set(hashes) - set(found))
        for h, blob in store.cached_embeddings(cache_key(model), wanted).items():
            found[h] = np.frombuffer(blob, dtype=np.float32)
    todo = list(dict.fromkeys(t for t, h in zip(texts, hashes) if h not in found))
    if todo:
        from claimtrack.encoder import get_encoder

        encoder = get_encoder(model)
        done = 0
        for start in range(0, len(todo), EMBED_CHUNK):
            chunk = todo[start : start + EMBED_CHUNK]
            rows = encoder.encode(chunk)
            fresh = {text_hash(t): np.asarray(r, dtype=np.float32) for t, r in zip(chunk, rows)}
            if store is not None:
                store.put_embeddings(cache_key(model), {h: v.tobytes() for h, v in fresh.items()})
            found.update(fresh)
            if len(memo) + len(fresh) <= MEMORY_LIMIT:
                memo.update(fresh)
            done += len(chunk)
            if progress:
                progress("embed", done, len(todo))
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    return np.vstack([found[h] for h in hashes]).astype(np.float32)


# ----- how two claims relate ----------------------------------------------------------------------


@dataclass(frozen=True)
class PairFacts:
    """What the thresholds are applied to, for one candidate pair.

    `slots`: what the two texts name differently (who, where, when, how many, what);
    `clash`: polarity evidence (denial, negation, direction); `overlap`: shared content words
    (Jaccard). `contradiction`/`reason`: claimtrack.contradict's score and reason.
    """

    similarity: float
    cross_script: bool
    slots: tuple[str, ...]
    clash: tuple[str, ...]
    overlap: float
    contradiction: float
    reason: str
    substitution: bool = False
    frame_overlap: float = 0.0
    negation_echo: float = 0.0  # share of what one side negates that the other states (features.negation_echoed)
    figures_aligned: bool = False  # the differing figures measure one thing (features.compare_figures)
    figures_anchored: bool = False  # ... and another figure of a named kind agrees
    retold: bool = False  # one event told from its two sides ("X lost to Y" / "Y beat X"): no conflict

    @property
    def conflicts(self) -> tuple[str, ...]:
        """What keeps two similar texts from being one claim."""
        return self.slots + tuple(c for c in self.clash if c == "denial")


@dataclass(frozen=True)
class Relation:
    similarity: float
    relation: str
    contradiction: float
    reason: str
    conflicts: tuple[str, ...] = ()


POLARITY_EVIDENCE = ("denial", "negation", "direction")
NOT_SCORED = "no conflict to score"
SUBSTITUTION_OVERLAP = 0.5  # below this overlap no substitution is looked for (the rule needs 0.6)


@lru_cache(maxsize=65536)
def _reading(text: str):
    """features.read, once per text: through contradict's own memo, so the pairs scored after
    their facts are read here are not read again there."""
    from claimtrack import contradict

    return contradict._reading(text)


@dataclass(frozen=True)
class TextFacts:
    slots: tuple[str, ...]
    clash: tuple[str, ...]
    overlap: float
    substitution: bool
    frame_overlap: float
    negation_echo: float
    figures_aligned: bool
    figures_anchored: bool
    retold: bool = False


def text_facts(a: Item, b: Item, decided_only: bool = False) -> TextFacts:
    """Differing slots, polarity evidence, overlap, substitution, frame overlap, negation echo
    and how the figures compare, of two texts.

    Overlap: Jaccard of content words. Frame overlap: the same once the slot values (names,
    places, dates, numbers) are set aside, so "travelled to Kyrgyzstan in October 2023" and
    "... in May 2024" share their whole frame. A substitution (looked for only in near-identical
    wording): each side has a content word the other lacks, other than spelling variants
    (character 3-gram Jaccard >= 0.5: بالستية / باليستية), so one wording replaced another
    rather than adding to it. Figures that differ in near-identical wording where one frame word
    was replaced ("إنتاج الكهرباء ... 28600" / "استهلاك الكهرباء ... 25700") measure two things:
    another claim ("what is measured"), not a conflict.

    `decided_only`: leave at their defaults the facts no decision of `contradiction_rule` or
    `decide` reads, whatever the thresholds: with two differing slots nothing past the slots
    (never a contradiction, never one claim); with one, the overlaps of words (`overlap`,
    `substitution`) and `negation_echo` (read only where no slot differs).
    """
    from claimtrack import features

    ra, rb = _reading(a.text), _reading(b.text)
    found = features.compare(ra, rb, polarity_a=a.polarity, polarity_b=b.polarity, with_vector=False)
    clash = tuple(k for k in POLARITY_EVIDENCE if k in found.evidence)
    slots = tuple(found.slots_differ)
    if "when" not in slots and (a.raw or b.raw):
        # a date in the attribution ("في ديسمبر 2025 أعلنت الوزارة أن ...") dates the event too
        said = features.compare(_reading(a.wording), _reading(b.wording), with_vector=False)
        slots += tuple(s for s in said.slots_differ if s.startswith("when") and s not in slots)
    if decided_only and len(slots) >= 2:
        return TextFacts(slots, clash, 0.0, False, 0.0, 0.0, found.aligned, found.anchored, found.retold)
    fa, fb = _frame(a.text), _frame(b.text)
    frame = len(fa & fb) / len(fa | fb) if fa | fb else 1.0
    if slots == ("how many",) and not clash and frame >= MEASURED_SWAP_FRAME:
        ma, mb = _measured_frame(a.text), _measured_frame(b.text)
        if len(ma & mb) >= MEASURED_SWAP_FRAME * len(ma | mb) and _swapped(
                (ma - mb) & _named_before_figures(a.text), (mb - ma) & _named_before_figures(b.text)):
            slots += ("what is measured",)
    if decided_only and slots:
        return TextFacts(slots, clash, 0.0, False, frame, 0.0, found.aligned, found.anchored, found.retold)
    only_a, only_b = ra.content - rb.content, rb.content - ra.content
    respelled_a = _respelled(only_a, only_b)  # "ستوقع" / "توقع"
    union = len(ra.content | rb.content) - len(respelled_a)
    overlap = (len(ra.content & rb.content) + len(respelled_a)) / union if union else 1.0
    substitution = False
    if overlap >= SUBSTITUTION_OVERLAP:
        substitution = bool(only_a - respelled_a and only_b - _respelled(only_b, only_a))
    echo = 0.0
    if not cross_script(a.text, b.text):
        # the negated words may be the other side's reporting verb ("لم يعلنا ... اتفاق" against
        # "أعلن X ... اتفاق", whose proposition leaves "أعلن" out): read the whole wordings too
        echo = max(features.negation_echoed(ra, rb),
                   features.negation_echoed(_reading(a.wording), _reading(b.wording)))
    return TextFacts(slots, clash, overlap, substitution, frame, echo, found.aligned, found.anchored, found.retold)


MEASURED_SWAP_FRAME = 0.5  # frame overlap at which a replaced frame word beside a new figure is what changed


def _swapped(only_a: frozenset[str], only_b: frozenset[str]) -> bool:
    """Each side has a word the other lacks (of three letters or more) that is no spelling
    variant of one of the other's."""
    new_a = {w for w in only_a if len(w) >= 3 and not any(_variant(w, v) for v in only_b)}
    new_b = {w for w in only_b if len(w) >= 3 and not any(_variant(w, v) for v in only_a)}
    return bool(new_a and new_b)


@lru_cache(maxsize=65536)
def _frame(text: str) -> frozenset[str]:
    """Content words of a text that are not slot values (names, places, months, number words)."""
    from claimtrack import features

    lex = features.lexicons()
    reading = _reading(text)
    words = reading.words
    written = [w for lexicon in (lex.places, lex.agents, lex.things, lex.months) for _, w in lexicon.find(words)]
    slot_words = {part for w in written for part in w.split()} | set(reading.names.values())
    numeric = set(lex.scales) | set(lex.number_words) | set(lex.ordinal_units)
    # a measure is one frame word however it is written ("قتيلا" / "مقتل", "death toll" / "killed")
    measured = {k: "#" + label for start, end, label in lex.measures.spans(words) for k in range(start, end)}
    return frozenset(
        measured.get(k, w.stem) for k, w in enumerate(words)
        if w.stem in reading.content and w.raw not in slot_words and not numeric & set(w.readings)
    )


@lru_cache(maxsize=65536)
def _named_before_figures(text: str) -> frozenset[str]:
    """Stems written before the text's last figure: where a sentence names what it measures
    ("بلغ إنتاج المصنع ... 5200 طن"); words after the figures add detail ("في الدقيقة 42 من
    الشوط الأول" / "... 43 بكرة رأسية"), they do not change what is counted."""
    from claimtrack import features

    words = _reading(text).words
    last = max((k for k, w in enumerate(words) if features._number(w) is not None), default=-1)
    return frozenset(w.stem for w in words[:last])


@lru_cache(maxsize=65536)
def _measured_frame(text: str) -> frozenset[str]:
    """The frame without the words that belong to a figure (its unit, "about", "at least") or
    name a people ("المصرية")."""
    from claimtrack import features

    lex = features.lexicons()
    words = _reading(text).words
    figure = {words[k].stem for lexicon in (lex.measures, lex.qualifiers, lex.peoples)
              for start, end, _ in lexicon.spans(words) for k in range(start, end)}
    return frozenset(w for w in _frame(text) - figure if not w.startswith("#"))


@lru_cache(maxsize=65536)
def _trigrams(word: str) -> frozenset[str]:
    from claimtrack.cluster import shingles

    return shingles(word, 3)


def _respelled(words: set[str], others: set[str]) -> set[str]:
    """The words that have a spelling variant (`_variant`) among `others`; the same test,
    unrolled: this runs for every candidate pair of a store."""
    if not words or not others:
        return set()
    grams = [(len(t), t) for t in map(_trigrams, others) if t]
    pooled = frozenset().union(*(t for _, t in grams))
    found = set()
    for word in words:
        mine = _trigrams(word)
        n = len(mine)
        if 2 * len(mine & pooled) < n:
            # a variant shares at least half of this word's 3-grams (3|A & B| >= n + m, m >= n/2):
            # most words of a pair have no such share among all the other side's 3-grams together
            continue
        for m, theirs in grams:
            # Jaccard >= 0.5  <=>  3 * |A & B| >= |A| + |B|; sizes further apart than 2:1 never get there
            if 2 * min(n, m) >= max(n, m) and 3 * len(mine & theirs) >= n + m:
                found.add(word)
                break
    return found


def _variant(x: str, y: str) -> bool:
    """Two spellings of one word: character 3-gram Jaccard >= 0.5. Sets whose sizes differ by
    more than half cannot get there, so most pairs are settled by their lengths."""
    tx, ty = _trigrams(x), _trigrams(y)
    if not tx or not ty or 2 * min(len(tx), len(ty)) < max(len(tx), len(ty)):
        return False
    return 2 * len(tx & ty) >= len(tx | ty)


def cross_script(a: str, b: str) -> bool:
    return _arabic(a) != _arabic(b)


@lru_cache(maxsize=65536)
def _arabic(text: str) -> bool:
    """`is_arabic`, once per text: every candidate pair asks it of both sides."""
    return is_arabic(text)


def contradiction_scores(pairs: Sequence[tuple[Item, Item]], store=None) -> list[tuple[float, str]]:
    """(score, reason) per pair from claimtrack.contradict, its embeddings drawn from (and kept in)
    the store's cache, so a claim embedded for the index is not embedded again."""
    from claimtrack import contradict

    items = [contradict.PairInput(a.text, b.text, a.polarity, b.polarity) for a, b in pairs]
    if not items:
        return []
    if contradict.settings().get("nli_model"):
        return contradict.score_items(items)
    network = contradict.load_network()
    cache = _store_cache(contradict.EmbeddingCache, str(network.meta["encoder"]), store)
    changed = _store_cache(contradict.EmbeddingCache, contradict.changed_encoder(network)[0], store)
    return contradict.score_items(items, cache=cache, changed_cache=changed)


def _store_cache(base: type, encoder: str, store):
    """contradict's EmbeddingCache, filled through `embed_texts` (the store's hash cache)."""

    class StoreCache(base):  # type: ignore[misc, valid-type]
        def fill(self, texts: Iterable[str]) -> None:
            missing = sorted({t for t in texts if t and self.key(t) not in self.rows})
            if missing:
                for text, row in zip(missing, embed_texts(missing, encoder, store)):
                    self.rows[self.key(text)] = row

    return StoreCache(encoder)


def pair_facts(pairs: Sequence[tuple[Item, Item, float]], store=None, th: Thresholds | None = None) -> list[PairFacts]:
    """Facts of each (a, b, cosine). With `th`, the contradiction scorer only sees the pairs
    `contradicts` could accept (the others get score 0 and say so): clustering a store scores
    a few pairs per claim, not every neighbour; and facts no decision reads are not computed
    (`text_facts(decided_only=True)`): such facts serve `decide`, not calibration."""
    rows = []  # per pair: the facts before the score, and those after it (PairFacts' field order)
    for a, b, cos in pairs:
        t = text_facts(a, b, decided_only=th is not None)
        rows.append(((float(cos), cross_script(a.text, b.text), t.slots, t.clash, t.overlap),
                     (t.substitution, t.frame_overlap, t.negation_echo, t.figures_aligned, t.figures_anchored, t.retold)))
    wanted = [i for i, (head, tail) in enumerate(rows) if th is None or contradicts(PairFacts(*head, 1.0, "", *tail), th)]
    scored = dict(zip(wanted, contradiction_scores([pairs[i][:2] for i in wanted], store)))
    return [PairFacts(*head, *((float(scored[i][0]), scored[i][1]) if i in scored else (0.0, NOT_SCORED)), *tail)
            for i, (head, tail) in enumerate(rows)]


def same_floor(facts: PairFacts, th: Thresholds) -> float:
    return th.same_cross if facts.cross_script else th.same


def contradicts(facts: PairFacts, th: Thresholds) -> bool:
    """Whether `contradiction_rule` links the pair."""
    return contradiction_rule(facts, th) is not None


def contradiction_rule(facts: PairFacts, th: Thresholds) -> str | None:
    """The rule that links a pair as contradicting (None: not linked). The scorer's verdict, kept only where the conflict is about one thing told two ways.

    - a denial against an assertion of the same proposition (a minimal pair, or a cosine at the
      same-claim floor; their places may differ, their actors may not);
    - one differing slot (number, date, place, actor) in a minimal pair: the same frame of
      content words once slot values are set aside (across scripts: cosine at the same-claim
      floor; never an actor across scripts);
    - a negation or opposite direction in one sentence told twice (wording overlap at
      `minimal_overlap_high`, nothing else differing): "Russia vetoed X" / "Russia voted for X",
      "غاب بوتين عن القمة" / "حضر بوتين القمة", whatever the scorer says;
    - a negated clause that the other side states (`negation_echo`: "لم يعلنا رسميا التوصل إلى
      اتفاق" / "أعلن بوتين وكيم رسميا التوصل إلى اتفاق"), whatever the scorer says;
    - a negation or opposite direction in near-identical wording, with a confident score;
    - no evidence the word lists see, but a substitution in near-identical wording that the
      scorer is confident about.
    - one figure told two ways (`figures_aligned`: "19 قتيلا" / "17 killed", "at least 63
      Canadians" / "57 Canadians", no rounding of each other) as the only differing slot, where
      the claims read as one, share a frame, or agree on another figure of the same kind
      ("117 injured" on both sides), whatever the scorer says;
    - a denial or opposite outcome (win / draw, rise / hold, convict / acquit) where the cosine
      is at the same-claim floor and no slot differs, across scripts or with a shared frame,
      whatever the scorer says; a slot conflict needs less shared frame (`minimal_overlap_low`)
      at that cosine.
    Two or more differing slots are two events (the scorer caps those), never a contradiction.
    """
    if facts.similarity < th.related or len(facts.slots) >= 2:
        return None
    if not facts.slots and not facts.cross_script:
        told_twice = {"negation", "direction"} & set(facts.clash) and facts.overlap >= th.minimal_overlap_high
        negated_restated = "negation" in facts.clash and facts.negation_echo >= th.negation_echo
        if told_twice or negated_restated:
            return "told twice" if told_twice else "negated restated"
    one_claim = facts.similarity >= same_floor(facts, th)  # the same claim but for the conflict
    opposed = {"denial", "direction"} & set(facts.clash)
    if facts.figures_aligned and facts.slots == ("how many",) and not opposed:
        # one figure told two ways: the differing figures measure one thing and are no rounding
        # of each other; enough if the claims read as one, or another figure of the same kind agrees
        # evidence of one event: within one script the cosine must come with some shared frame
        # ("83 artefacts returned" / "557 artefacts sent" read alike but are two shipments)
        read_as_one = one_claim and (facts.cross_script or facts.frame_overlap >= th.figure_frame)
        shared = not facts.cross_script and facts.frame_overlap >= th.minimal_overlap_low
        if read_as_one or facts.figures_anchored or shared:
            return "one figure"
    if facts.slots == ("time of day",) and not opposed and (
            one_claim and (facts.cross_script or facts.frame_overlap >= th.figure_frame)):
        # one moment told two ways ("9:07 صباحا" / "9:03 a.m."), as one figure is
        return "one time"
    if one_claim and opposed and not facts.slots:
        # one claim but for a denial or an opposite outcome: the word lists tell, whatever the scorer says
        if opposed and (facts.cross_script or facts.frame_overlap >= th.minimal_overlap):
            return "opposed one claim"
    if facts.contradiction < th.contradiction or (facts.retold and not facts.slots and not facts.clash):
        return None  # "X lost to Y" / "Y beat X": one result told from both sides, whatever the scorer says
    if facts.cross_script:
        minimal = facts.similarity >= th.same_cross and "who" not in facts.slots
        near_identical = minimal
    else:
        shared_frame = th.minimal_overlap_low if one_claim else th.minimal_overlap
        minimal = facts.frame_overlap >= shared_frame
        near_identical = facts.overlap >= th.minimal_overlap
    confident = facts.contradiction >= th.contradiction_high
    if "denial" in facts.clash and set(facts.slots) <= {"where"}:
        return "scored denial" if minimal or one_claim else None
    if facts.slots:
        return "scored slot" if minimal else None
    if opposed and one_claim and (facts.cross_script or facts.frame_overlap >= th.minimal_overlap_low or confident):
        return "scored opposed"  # with little shared frame ("resumed after maintenance" / "stopped for it"), a confident score
    if facts.clash:
        return "scored clash" if near_identical and confident else None
    return "scored substitution" if facts.substitution and facts.overlap >= th.minimal_overlap_high and confident else None


def decide(facts: PairFacts, th: Thresholds) -> str:
    """contradicts, same, related or unrelated."""
    if contradicts(facts, th):
        return "contradicts"
    if facts.similarity >= same_floor(facts, th) and not facts.conflicts:
        return "same"
    return "related" if facts.similarity >= th.related else "unrelated"


def relate(pairs: Sequence[tuple[Item, Item, float]], th: Thresholds, store=None) -> list[Relation]:
    """The relation of each (a, b, cosine)."""
    return [
        Relation(f.similarity, decide(f, th), f.contradiction, f.reason, f.conflicts)
        for f in pair_facts(pairs, store)
    ]


# ----- clusters -----------------------------------------------------------------------------------


@dataclass
class Matching:
    """Clusters (lists of item numbers) and contradiction links (a, b, score, reason)."""

    clusters: list[list[int]]
    contradictions: list[tuple[int, int, float, str]]
    candidate_pairs: int = 0


@dataclass
class Candidates:
    """Neighbour pairs above the topic floor, as item numbers, with their facts."""

    size: int
    pairs: list[tuple[int, int]]
    facts: list[PairFacts]


def neighbour_pairs(index, floor: float, k: int = NEIGHBOURS) -> tuple[np.ndarray, list[tuple[int, int, float]]]:
    """Neighbour pairs (FAISS ids, once each) at or above `floor`, and the FAISS ids queried."""
    nb = index.neighbours(k)
    rows = np.repeat(nb.queries, nb.ids.shape[1])
    cols, sims = nb.ids.ravel(), nb.scores.ravel()
    keep = (cols >= 0) & (sims >= floor)
    a, b, s = np.minimum(rows[keep], cols[keep]), np.maximum(rows[keep], cols[keep]), sims[keep]
    if not a.size:
        return nb.queries, []
    # each pair once (found from both ends), with its best score, in the order first found
    _, first, slot = np.unique(a.astype(np.int64) * (int(b.max()) + 1) + b, return_index=True, return_inverse=True)
    best = np.full(first.size, -np.inf, dtype=s.dtype)
    np.maximum.at(best, slot.ravel(), s)
    order = np.argsort(first)
    return nb.queries, list(zip(a[first[order]].tolist(), b[first[order]].tolist(), best[order].tolist()))


def candidates(items_by_pos: dict[int, Item], index, th: Thresholds, k: int = NEIGHBOURS, store=None) -> Candidates:
    """Item numbers follow the index's live FAISS ids in order."""
    positions, pairs = neighbour_pairs(index, th.related, k)
    number = {int(p): n for n, p in enumerate(positions)}
    facts = pair_facts([(items_by_pos[x], items_by_pos[y], s) for x, y, s in pairs], store, th)
    return Candidates(len(positions), [(number[x], number[y]) for x, y, _ in pairs], facts)


def cluster_candidates(cands: Candidates, th: Thresholds) -> Matching:
    same, apart, contra = [], [], []
    for (a, b), facts in zip(cands.pairs, cands.facts):
        relation = decide(facts, th)
        if relation == "same":
            same.append((a, b, facts.similarity))
        elif relation == "contradicts":
            apart.append((a, b))
            contra.append((a, b, facts.contradiction, facts.reason))
        elif len(facts.slots) >= 2:
            apart.append((a, b))  # two events (2019 / 2020, Aceh / Sumatra): no chain of links joins them
    links = np.asarray(contested_links_dropped(same, apart), dtype=np.float64).reshape(-1, 3)
    groups = build_clusters(cands.size, links[:, 0].astype(np.int64), links[:, 1].astype(np.int64), links[:, 2], apart,
                            linkage=th.linkage)
    return Matching(groups, contra, len(cands.pairs))


def contested_links_dropped(same: list[tuple[int, int, float]], apart: list[tuple[int, int]]) -> list[tuple[int, int, float]]:
    """A claim that matches both sides of a contradiction ("Putin visits on Tuesday" against
    "... on 18-19 June" and "... on 25-26 July") can join only one of them; keep it with the
    better-supported side (its same-claim links, summed by cosine: a claim repeated by other
    outlets outweighs a lone variant), not with whichever cosine is a hair higher. Ties keep
    both links (clustering then decides as before)."""
    neighbours: dict[int, dict[int, float]] = {}
    for a, b, sim in same:
        neighbours.setdefault(a, {})[b] = sim
        neighbours.setdefault(b, {})[a] = sim
    dropped: set[frozenset[int]] = set()
    for x, y in apart:
        nx, ny = neighbours.get(x, {}), neighbours.get(y, {})
        support_x, support_y = sum(nx.values()), sum(ny.values())
        if abs(support_x - support_y) < 1e-9:
            continue
        loser = y if support_x > support_y else x
        dropped.update(frozenset((z, loser)) for z in set(nx) & set(ny))
    return [link for link in same if frozenset(link[:2]) not in dropped]


def match_index(items_by_pos: dict[int, Item], index, th: Thresholds, k: int = NEIGHBOURS, store=None) -> Matching:
    """Cluster the items of `index` (FAISS id -> item) from their neighbours."""
    return cluster_candidates(candidates(items_by_pos, index, th, k, store), th)


def cluster_id(claim_ids: Sequence[str]) -> str:
    return "k_" + min(claim_ids).removeprefix("c_")


def cluster_records(items: Sequence[Item], matching: Matching) -> list[dict]:
    """Clusters as the store keeps them and `clusters --format json` shows them."""
    out = []
    for group in matching.clusters:
        members = [items[i] for i in group]
        ids = [m.id for m in members]
        info = corroboration(members)
        out.append({
            "id": cluster_id(ids), "claim_ids": ids, "speakers": info.speakers, "outlets": info.outlets,
            "independent_sources": info.independent_sources, "syndicated": info.syndicated,
        })
    return out


# ----- the store ----------------------------------------------------------------------------------


def index_file(db_path: Path, model: str) -> Path:
    """The index beside the store: claimtrack.db -> claimtrack.db.e5.faiss (+ .ids)."""
    return Path(f"{db_path}.{model}.faiss")


def open_store(db: Path | str | None):
    from claimtrack.store import Store

    return Store(Path(db) if db else Store.default_path())


@dataclass
class IngestReport:
    articles: int = 0
    new_articles: int = 0
    unchanged: int = 0
    new_claims: int = 0
    claims: int = 0
    embedded: int = 0
    clusters: int = 0
    multi_claim_clusters: int = 0
    contradictions: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def ingest(paths: Iterable[Path | str], db: Path | str | None = None, model: str | None = None,
           progress: Progress | None = None) -> IngestReport:
    """Read, extract and store articles, then embed, index and cluster what is new."""
    from claimtrack import extract_article
    from claimtrack.errors import IngestError
    from claimtrack.ingest import read_paths

    started = time.perf_counter()
    report = IngestReport()
    articles, errors = read_paths([Path(p) for p in paths])
    report.errors = [str(e) for e in errors]
    report.articles = len(articles)
    with open_store(db) as store:
        for n, article in enumerate(articles, 1):
            if store.has_article(article.content_hash):
                report.unchanged += 1
            else:
                claims = extract_article(article)
                try:
                    if store.add_article(article, claims):
                        report.new_articles += 1
                        report.new_claims += len(claims)
                except IngestError as exc:
                    report.errors.append(str(exc))
            if progress:
                progress("extract", n, len(articles))
        refresh(store, model, progress, report, force=False)
    report.seconds = time.perf_counter() - started
    return report


def refresh(store, model: str | None = None, progress: Progress | None = None,
            report: IngestReport | None = None, force: bool = True) -> IngestReport:
    """Bring the index and the clusters in line with the store's claims (no-op when they are)."""
    from claimtrack.encoder import thread_count
    from claimtrack.index import VectorIndex, set_threads

    set_threads(thread_count())
    report = report or IngestReport()
    name = model_name(model)
    path = index_file(store.path, name)
    claims = [Item.of_claim(c) for c in store.iter_claims()]
    report.claims = len(claims)
    index = _load_index(path)
    stale = index.keep_only({c.id for c in claims}) if index is not None else 0
    todo = [c for c in claims if index is None or c.id not in index]
    if not todo and not stale and not force:
        return report
    if todo:
        vectors = embed_texts([c.text for c in todo], name, store, progress)
        if index is None or index.dim != vectors.shape[1]:
            index = VectorIndex(vectors.shape[1])
            todo, vectors = claims, embed_texts([c.text for c in claims], name, store)
        index.add([c.id for c in todo], vectors)
        report.embedded = len(todo)
    if index is None:
        return report
    if progress:
        progress("cluster", 0, 1)
    by_id = {c.id: c for c in claims}
    items_by_pos = {pos: by_id[key] for key, pos in index.position.items()}
    matching = match_index(items_by_pos, index, thresholds(name), store=store)
    ordered = [items_by_pos[int(p)] for p in index.live_ids()]
    records = cluster_records(ordered, matching)
    store.set_clusters(records)
    store.set_contradictions([
        {"a": ordered[a].id, "b": ordered[b].id, "score": s, "reason": r} for a, b, s, r in matching.contradictions
    ])
    index.save(path)
    if progress:
        progress("cluster", 1, 1)
    report.clusters = len(records)
    report.multi_claim_clusters = sum(1 for r in records if len(r["claim_ids"]) > 1)
    report.contradictions = len(matching.contradictions)
    return report


def _load_index(path: Path):
    """The saved index, or None when there is none (or it is unreadable: it is rebuilt from the cache)."""
    from claimtrack.index import VectorIndex

    if not path.exists():
        return None
    try:
        return VectorIndex.load(path)
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"claimtrack: rebuilding the index ({exc})", file=sys.stderr)
        return None


def clusters(db: Path | str | None = None, min_size: int = 2) -> dict:
    """Clusters of the store as JSON-ready data: {"clusters": [...], "contradictions": [...]}."""
    with open_store(db) as store:
        by_id = {c.id: c for c in store.iter_claims()}
        out = []
        for record in store.iter_clusters():
            if len(record["claim_ids"]) < min_size:
                continue
            members = [Item.of_claim(by_id[i]) for i in record["claim_ids"]]
            info = corroboration(members)
            out.append({
                "id": record["id"], "claims": [m.as_json() for m in members], "speakers": info.speakers,
                "outlets": info.outlets, "independent_sources": record["independent_sources"],
                "syndicated": record["syndicated"],
            })
        return {"clusters": out, "contradictions": store.contradictions()}


def similar(claim_id: str, db: Path | str | None = None, k: int = 10, model: str | None = None) -> list[dict]:
    """The stored claims nearest to one claim, with their relation to it."""
    from claimtrack.index import VectorIndex

    name = model_name(model)
    with open_store(db) as store:
        claim = Item.of_claim(store.get_claim(claim_id))
        path = index_file(store.path, name)
        if not path.exists():
            raise UserError(f"no index beside {store.path} for encoder {name!r}; run `claimtrack ingest` first")
        index = VectorIndex.load(path)
        if claim.id not in index:
            raise UserError(f"claim {claim_id} is not indexed yet; run `claimtrack ingest` again")
        found = [(key, s) for key, s in index.similar(index.vector(claim.id), k + 1) if key != claim.id][:k]
        others = {c.id: Item.of_claim(c) for c in store.iter_claims(ids=[key for key, _ in found])}
        rels = relate([(claim, others[key], s) for key, s in found if key in others], thresholds(name), store)
        return [
            {**others[key].as_json(), "similarity": round(r.similarity, 4), "relation": r.relation,
             "contradiction": round(r.contradiction, 4), "reason": r.reason}
            for (key, _), r in zip([f for f in found if f[0] in others], rels)
        ]


# ----- compare ------------------------------------------------------------------------------------


def item_of_text(text: str, name: str | None = None) -> Item:
    """A raw text as a claim: when the extractor finds one attributed claim covering most of it
    ("The Pentagon says X"), its proposition X, speaker and polarity; otherwise the text itself.
    Raw texts are compared both ways: proposition to proposition and wording to wording, and
    the higher cosine counts (an extraction that drops a word must not hide a match)."""
    from claimtrack import extract

    found = [c for c in extract(text) if c.mode != "unattributed"]
    if len(found) == 1 and len(found[0].text) >= PROPOSITION_SHARE * len(text.strip()):
        claim = found[0]
        return Item(id=name or text, text=claim.text, polarity=claim.polarity, speaker=claim.speaker,
                    via=list(claim.via), span=tuple(claim.span), raw=text)
    return Item(id=name or text, text=text)


def _resolve(text_or_id: str, store) -> Item:
    if store is not None and text_or_id.startswith("c_") and " " not in text_or_id:
        try:
            return Item.of_claim(store.get_claim(text_or_id))
        except UserError:
            pass
    return item_of_text(text_or_id)


def compare_many(pairs: Sequence[tuple[str, str]], db: Path | str | None = None, model: str | None = None) -> list[dict]:
    """{a, b, similarity, relation, contradiction, reason} for each pair of claim ids or texts."""
    name = model_name(model)
    store = open_store(db) if db is not None or _default_store_exists() else None
    try:
        items = [(_resolve(a, store), _resolve(b, store)) for a, b in pairs]
        texts = list(dict.fromkeys(t for a, b in items for t in (a.text, b.text, a.wording, b.wording)))
        vectors = embed_texts(texts, name, store)
        row = {t: i for i, t in enumerate(texts)}

        def cos(x: str, y: str) -> float:
            return float(vectors[row[x]] @ vectors[row[y]])

        triples = [(a, b, max(cos(a.text, b.text), cos(a.wording, b.wording))) for a, b in items]
        rels = relate(triples, thresholds(name), store)
    finally:
        if store is not None:
            store.close()
    return [
        {"a": a, "b": b, "similarity": round(r.similarity, 4), "relation": r.relation,
         "contradiction": round(r.contradiction, 4), "reason": r.reason}
        for (a, b), r in zip(pairs, rels)
    ]


def compare(a: str, b: str, *, db: Path | str | None = None, model: str | None = None) -> dict:
    """How two claims (ids in the store, or raw texts) relate: similarity, relation, contradiction."""
    return compare_many([(a, b)], db=db, model=model)[0]


def _default_store_exists() -> bool:
    from claimtrack.store import Store

    return Store.default_path().exists()


# ----- gold pairs: evaluation and calibration -----------------------------------------------------


def read_pairs(path: Path | str) -> list[dict]:
    """Rows of a pairs TSV with columns a, b and (for evaluation) label, lang."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"no pairs file {path}")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    if not rows or not {"a", "b"} <= set(rows[0]):
        raise UserError(f"{path}: expected a tab-separated header with columns a and b")
    return rows


@dataclass
class GoldResult:
    same_together: float
    contradictions_linked: float
    traps_linked: int
    counts: dict[str, int]
    misses: list[dict]

    def passes(self) -> bool:
        return self.same_together >= 0.9 and self.contradictions_linked >= 0.8 and self.traps_linked == 0


@dataclass
class GoldSetup:
    """The gold texts clustered together: what evaluation needs, computed once per encoder."""

    rows: list[dict]
    texts: list[str]
    vectors: np.ndarray
    candidates: Candidates


def gold_setup(rows: Sequence[dict], model: str | None = None, th: Thresholds | None = None,
               score_all: bool = False) -> GoldSetup:
    """Every gold text as a raw-text item; candidate pairs from neighbours of propositions and of
    wordings, each pair's cosine the higher of the two (as `compare` does)."""
    from claimtrack.index import VectorIndex

    name = model_name(model)
    th = th or thresholds(name)
    texts = list(dict.fromkeys(t for r in rows for t in (r["a"], r["b"])))
    items = [item_of_text(t, f"t{i}") for i, t in enumerate(texts)]
    props = embed_texts([it.text for it in items], name)
    words = embed_texts([it.wording for it in items], name)
    best: dict[tuple[int, int], float] = {}
    for vectors in (props, words):
        index = VectorIndex(vectors.shape[1])
        index.add([it.id for it in items], vectors)
        for x, y, _ in neighbour_pairs(index, th.related)[1]:
            best[(x, y)] = max(float(props[x] @ props[y]), float(words[x] @ words[y]))
    pairs = [(x, y, sim) for (x, y), sim in sorted(best.items()) if sim >= th.related]
    facts = pair_facts([(items[x], items[y], sim) for x, y, sim in pairs], th=None if score_all else th)
    return GoldSetup(list(rows), texts, props, Candidates(len(items), [(x, y) for x, y, _ in pairs], facts))


def evaluate(rows: Sequence[dict], model: str | None = None, th: Thresholds | None = None,
             setup: GoldSetup | None = None) -> GoldResult:
    """Cluster every text of the gold pairs together, then read each pair's fate from the clusters.

    same: both texts in one cluster. contradicts: the two are linked as contradicting.
    different (traps): counted when they share a cluster or are linked as contradicting.
    """
    th = th or thresholds(model_name(model))
    setup = setup or gold_setup(rows, model, th)
    matching = cluster_candidates(setup.candidates, th)
    cluster_of = {i: n for n, group in enumerate(matching.clusters) for i in group}
    linked = {frozenset((a, b)) for a, b, _, _ in matching.contradictions}
    pos = {t: i for i, t in enumerate(setup.texts)}
    fate: dict[str, list[bool]] = {"same": [], "contradicts": [], "different": []}
    misses = []
    for r in rows:
        a, b = pos[r["a"]], pos[r["b"]]
        together, contra = cluster_of[a] == cluster_of[b], frozenset((a, b)) in linked
        label = r.get("label", "")
        if label not in fate:
            continue
        ok = {"same": together, "contradicts": contra, "different": not together and not contra}[label]
        fate[label].append(ok)
        if not ok:
            misses.append({"label": label, "lang": r.get("lang", ""), "a": r["a"], "b": r["b"],
                           "together": together, "contradiction_link": contra})
    return GoldResult(
        same_together=float(np.mean(fate["same"])) if fate["same"] else 1.0,
        contradictions_linked=float(np.mean(fate["contradicts"])) if fate["contradicts"] else 1.0,
        traps_linked=sum(1 for ok in fate["different"] if not ok),
        counts={k: len(v) for k, v in fate.items()},
        misses=misses,
    )


def calibrate(sets: Sequence[Sequence[dict]], model: str | None = None,
              linkages: Sequence[float] = (0.2, 0.25, 0.3, 0.4, 0.5),
              step: float = 0.005) -> tuple[Thresholds, list[GoldResult]]:
    """Grid-search the same-claim floors (one script, across scripts) and the linkage over
    several gold pair files at once (each clustered on its own, as a store of one story would
    be): no trap linked in any file, then the most same pairs together and the most
    contradictions linked, pooled over the files; then the middle of that plateau. Floors step
    by `step` from the topic floor up, so no floor sits on one pair's cosine."""
    name = model_name(model)
    base = thresholds(name)
    setups = [gold_setup(rows, name, base, score_all=True) for rows in sets]
    grid = [round(x, 3) for x in np.arange(base.related, 1.0 + step / 2, step)]
    scored = []
    for linkage in linkages:
        for mono in grid:
            for cross in grid:
                th = replace(base, same=mono, same_cross=cross, linkage=linkage)
                results = [evaluate(rows, name, th, setup) for rows, setup in zip(sets, setups)]
                key = (sum(r.traps_linked for r in results) == 0, _pooled(results, "same"), _pooled(results, "contradicts"))
                scored.append((key, th, results))
    top = max(key for key, _, _ in scored)
    plateau = [(th, res) for key, th, res in scored if key == top]
    return plateau[len(plateau) // 2]


def _pooled(results: Sequence[GoldResult], label: str) -> float:
    """Share of the pairs labelled `label` that came out right, over several files."""
    share = {"same": lambda r: r.same_together, "contradicts": lambda r: r.contradictions_linked}[label]
    return sum(share(r) * r.counts[label] for r in results) / max(1, sum(r.counts[label] for r in results))


def _main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m claimtrack.match")
    parser.add_argument("command", choices=["eval", "calibrate"])
    parser.add_argument("--pairs", action="append", help="a gold pairs file (repeat: calibrate on several)")
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)
    paths = args.pairs or [str(p) for p in GOLD_PAIR_FILES]
    if args.command == "calibrate":
        chosen, results = calibrate([read_pairs(p) for p in paths], args.model)
        print(json.dumps({"model": model_name(args.model), "thresholds": asdict(chosen), "files": [
            {"pairs": p, "same_together": r.same_together, "contradictions_linked": r.contradictions_linked,
             "traps_linked": r.traps_linked} for p, r in zip(paths, results)]}, indent=2))
        return 0
    rows = read_pairs(paths[0])
    res = evaluate(rows, args.model)
    print(format_gold(res))
    return 0 if res.passes() else 1


def format_gold(res: GoldResult) -> str:
    lines = [
        f"same pairs sharing a cluster:    {res.same_together:.1%} of {res.counts['same']} (floor 90%)",
        f"contradiction pairs linked:      {res.contradictions_linked:.1%} of {res.counts['contradicts']} (floor 80%)",
        f"'different' traps linked:        {res.traps_linked} of {res.counts['different']} (must be 0)",
    ]
    for m in res.misses:
        lines.append(f"  miss [{m['label']}/{m['lang']}] {m['a'][:60]!r} | {m['b'][:60]!r}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
