"""Attribution: for each reporting cue, the content it governs and the source that asserts it.

The order of work follows BBC Citron: find cues (`cues.py`), then for each cue the content
(complement clause, quotation, object phrase, or the clause a nominal source covers) and the
source (speaker phrase, relays), then resolve carried speakers and titles (`speakers.py`).
All language knowledge comes from `configs/cues.toml` and `configs/attribution.toml`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, takewhile
from operator import or_
from typing import NamedTuple

from claimtrack import config
from claimtrack.arabic import NORM, START, Token, is_arabic, tokenize, tokens_within
from claimtrack.cues import Cue, CueForm, Lexicon, find_cues, lexicon, starts_phrase
from claimtrack.names import name_parts
from claimtrack.entities import clean_mention, name_key
from claimtrack.models import Entity, Span
from claimtrack.segment import Quote
from claimtrack.speakers import SpeakerResolver

CLAUSE_PUNCT = "،,؛;:"
TRIM = " \t\n،,؛;:.!?؟-–—)("


_ADVERBIAL_TAIL = r"(?:(?:on|in|at|during|late|early|last) [^,]{0,40}?(?:,\s*|\s+))?"
_LISTENER_SKIP = (r"\s*(?:(?:to |told )?(?:reporters|journalists|the [a-z]+(?= (?:he|she|they|it|we|I|there) )|the [A-Z]\w+|"
                  r"[A-Z]\w+(?: [A-Z]\w+)*)\s*)?" + _ADVERBIAL_TAIL)
_NAME_SUBJECT_SKIP = (r"\s*(?:(?:to |told )?(?:reporters|journalists|the [a-z]+(?= (?:he|she|they|it|we|I|there) )|"
                      r"(?:the )?[A-Z]\w+(?: [A-Z]\w+)*(?=\s*,|\s+(?:on|in|at|during|late|early|last|that)\b))\s*)?" + _ADVERBIAL_TAIL)


@dataclass
class Draft:
    """A claim before ids: offsets into the raw text and its attribution."""

    span: Span
    sentence: Span
    speaker: Entity
    via: list[Entity]
    cue: str | None
    mode: str
    polarity: str
    cue_polarity: str = "asserted"


@dataclass
class Sentence:
    raw: str
    span: Span
    tokens: list[Token]
    quotes: list[Quote]
    lang: str
    lex: Lexicon
    claims: list[Draft] = field(default_factory=list)
    cue_at: dict[int, Cue] = field(default_factory=dict)  # first token index -> cue

    # ---- small views -----------------------------------------------------------------
    def between(self, a: int, b: int) -> str:
        return self.raw[a:b]

    def gap_is_punct(self, a: int, b: int, allowed: str = " \t،,:-–—") -> bool:
        return not self.raw[a:b].strip(allowed)  # every character is an allowed one

    def quote_at(self, pos: int, slack: int = 3) -> Quote | None:
        """A quotation opening at `pos` (after up to `slack` spaces or punctuation)."""
        for q in self.quotes:
            if pos <= q.start <= pos + slack and self.gap_is_punct(pos, q.start, " \t:،,"):
                return q
        return None

    def in_quote(self, pos: int) -> bool:
        for q in self.quotes:
            if q.balanced and q.start < pos < q.end - 1:
                return True
        return False

    def token_index_at(self, pos: int) -> int:
        return bisect_left(self.tokens, pos, key=START)


@lru_cache(maxsize=1)
def _kasra_complements() -> tuple[str, ...]:
    """'وإن' as written (the hamza below is what tells it from 'وأن', so these are not normalised)."""
    return tuple(config.load("attribution")["content"]["ar_coordinated_kasra"])


def trim_span(raw: str, start: int, end: int) -> Span:
    while start < end and raw[start] in TRIM:
        start += 1
    while end > start and raw[end - 1] in TRIM:
        end -= 1
    # keep a closing quotation mark whose opening mark is inside the span
    return start, end


def balance_quotes(raw: str, start: int, end: int) -> Span:
    """Drop a dangling opening or closing quotation mark at either edge of a span."""
    text = raw[start:end]
    for mark_open, mark_close in (("«", "»"), ("“", "”"), ('"', '"'), ("”", "”")):
        if mark_open == mark_close:
            if text.count(mark_open) % 2 == 1:
                if text.startswith(mark_open):
                    start += 1
                elif text.endswith(mark_open):
                    end -= 1
        else:
            if text.endswith(mark_close) and mark_open not in text:
                end -= 1
            if text.startswith(mark_open) and mark_close not in text:
                start += 1
        text = raw[start:end]
    return trim_span(raw, start, end)


def _contrasted(toks: list[Token], i: int, lang: str, lex: Lexicon) -> bool:
    """'لم يكن مرتفعا صباحا، لكن في المساء كان أكبر': not A but B asserts B."""
    return not lex.words.get(f"{lang}_contrast", frozenset()).isdisjoint(map(NORM, toks[i + 2 :]))


def _negated_verb(toks: list[Token], lex: Lexicon) -> int:
    """Index of a negator right after the main clause's auxiliary ('there would be no flights',
    'conversion was not limited'), before any subordinate clause opens; -1 when none."""
    negators, aux, openers = lex.words["en_negators"], lex.words["en_negated_aux"], lex.words["en_clause_openers"]
    negative_aux = lex.words["en_negative_aux"]
    window = toks[: lex.negated_verb_window + 1]
    for i in range(len(window)):
        norm = window[i].norm
        if norm in openers:
            return -1
        if norm in negative_aux or (i and norm in negators and window[i - 1].norm in aux):
            return i
    return -1


def _outside_names(words: list[str]) -> list[str]:
    """The words, lower-cased, less those inside a run of capitalised words: 'Chief Will Johnson',
    'May Lee' are names, not the modals 'will' and 'may'."""
    caps = [w[:1].isupper() for w in words]
    return [w.lower() for i, w in enumerate(words)
            if not (caps[i] and ((i and caps[i - 1]) or (i + 1 < len(words) and caps[i + 1])))]


def _conditional_forecast(toks: list[Token], lang: str, lex: Lexicon, conditionals: frozenset[str] | None = None) -> bool:
    """A condition then what follows from it: 'إذا تم التوقيع عليها، ستكون ...', 'if X, it would ...'."""
    conditionals = lex.words.get(f"{lang}_conditionals", frozenset()) if conditionals is None else conditionals
    norms = list(map(NORM, toks))
    if conditionals.isdisjoint(norms):
        return False
    at = next(i for i, n in enumerate(norms) if n in conditionals)
    after = norms[at + 1 :]
    if lang == "en":
        opening = lex.words.get("en_conditional_results_opening", frozenset()) if at <= 2 else frozenset()
        return not lex.words["en_conditional_results"].isdisjoint(after) or not opening.isdisjoint(after)
    return any(map(lex.is_future_verb, after))


class _PolarityWords(NamedTuple):
    """The lists polarity_of reads for one language, looked up once per lexicon (it runs per claim)."""

    not_negation: tuple[tuple[str, ...], ...]
    not_negation_starts: frozenset[str]
    negators: frozenset[str]
    conditionals: frozenset[str]
    hedges: frozenset[str]
    hedge_phrases: tuple[tuple[str, ...], ...]
    may_hedge: frozenset[str]
    conjoined: frozenset[str]


def _polarity_words(lex: Lexicon, lang: str) -> _PolarityWords:
    found = lex.derived.get(("polarity", lang))
    if found is None:
        found = lex.derived[("polarity", lang)] = _PolarityWords(
            lex.phrases.get(f"{lang}_not_negation", ()),
            lex.starts(f"{lang}_not_negation"),
            lex.words.get(f"{lang}_negators", frozenset()),
            lex.words.get(f"{lang}_conditionals", frozenset()),
            lex.words.get(f"{lang}_hedges", frozenset()),
            lex.phrases.get(f"{lang}_hedges", ()),
            lex.starts(f"{lang}_hedges"),
            lex.conjoined("ar_hedge_particles") if lang == "ar" else frozenset(),
        )
    return found  # type: ignore[return-value]


def _falsity_predicate(toks: list[Token], lex: Lexicon, lang: str = "ar") -> bool:
    """'مثل هذه الأخبار عارية عن الصحة', 'it is “a pack of lies”': a falsity predicate near the head of the claim
    denies it."""
    window = lex.derived.get("falsity_window")
    if window is None:
        window = lex.derived["falsity_window"] = int(config.load("attribution")["polarity"]["falsity_window"])
    falsity, phrases = lex.words.get(f"{lang}_falsity", frozenset()), lex.phrases.get(f"{lang}_falsity", ())
    heads = lex.derived.get(f"{lang}_falsity_heads")
    if heads is None:
        heads = lex.derived[f"{lang}_falsity_heads"] = frozenset(p[0] for p in phrases)
    return any(toks[i].norm in falsity or (toks[i].norm in heads and starts_phrase(toks, i, phrases))
               for i in range(min(window, len(toks))))


def polarity_of(toks: list[Token], lang: str, cue_polarity: str, lex: Lexicon) -> str:
    """denied when the cue denies or a negator heads the claim; hedged when a hedge is in it."""
    if cue_polarity in ("denied", "hedged"):
        return cue_polarity
    words = _polarity_words(lex, lang)
    not_negation, not_negation_starts, negators = words.not_negation, words.not_negation_starts, words.negators
    for i, t in enumerate(toks[: lex.negator_window + 1]):
        if t.norm in not_negation_starts and starts_phrase(toks, i, not_negation):
            break
        if t.norm in negators or (lang == "en" and t.norm.endswith(("n't", "n’t"))):
            return "asserted" if _contrasted(toks, i, lang, lex) else "denied"
    else:
        if lang == "en" and (i := _negated_verb(toks, lex)) >= 0:
            return "asserted" if _contrasted(toks, i, lang, lex) else "denied"
    if _falsity_predicate(toks, lex, lang):
        return "denied"
    if _conditional_forecast(toks, lang, lex, words.conditionals):
        return "hedged"
    hedges, hedge_phrases, may_hedge, conjoined = words.hedges, words.hedge_phrases, words.may_hedge, words.conjoined
    norms = list(map(NORM, toks))
    if may_hedge.isdisjoint(norms) and conjoined.isdisjoint(norms):
        return "asserted"  # no word where a hedge may start
    for i in compress(range(len(norms)), map(or_, map(may_hedge.__contains__, norms), map(conjoined.__contains__, norms))):
        norm = norms[i]
        if norm not in may_hedge:
            norm = norm[1:]  # "وقد تصل", "وربما يتضاعف": a hedge behind a conjunction
        if norm in hedges or starts_phrase(toks, i, hedge_phrases):
            # "قد" before a past verb means "already", before a present verb "may"
            if norm == "قد" and (i + 1 >= len(toks) or toks[i + 1].norm[:1] not in "يتنا"):
                continue
            if i and starts_phrase(toks, i - 1, lex.phrases.get(f"{lang}_not_hedge", ())):
                continue
            return "hedged"
    return "asserted"


class Attributor:
    """Attributes the claims of one article, sentence by sentence, keeping discourse state."""

    def __init__(self, raw: str, resolver: SpeakerResolver, lex: Lexicon | None = None):
        self.raw = raw
        self.lex = lex or lexicon()
        self.speakers = resolver
        self.last_speaker: Entity | None = None
        self.last_via: list[Entity] = []
        self.prev_free: Span | None = None  # the previous sentence when it held no attributed claim
        self.relay_of: dict[str, list[Entity]] = {}  # speaker name -> the relays that carried them
        self.dateline_via: list[Entity] = []  # the agency of the story's dateline, once one was seen
        self.kasra_complements = _kasra_complements()
        self.appeals: set[Span] = set()  # sentences whose reported words were an appeal or a wish: no outlet claim either

    # ================================================================ sentence entry point
    def sentence(self, span: Span, quotes: list[Quote], tokens: list[Token] | None = None, lang: str | None = None) -> list[Draft]:
        """Claims of one sentence; `tokens` (its words) and `lang` when the caller has them already."""
        s, e = span
        tokens = tokens if tokens is not None else tokenize(self.raw[s:e], s)
        lang = lang or ("ar" if is_arabic(self.raw[s:e]) else "en")
        sent = Sentence(self.raw, span, tokens, [q for q in quotes if s <= q.start < e], lang, self.lex)
        cues = [c for c in find_cues(tokens, self.lex) if c.form.lang == lang or c.kind == "according"]
        sent.cue_at = {c.first: c for c in cues}
        for cue in cues:
            start = tokens[cue.first].start
            if sent.in_quote(start):
                continue
            if cue.kind in ("speech", "object") and self._verb_of_other_phrase(sent, cues, cue):
                continue
            if lang == "en" and self._english_modifier_cue(sent, cue):
                continue
            if lang == "ar" and not self._clause_start_cue_holds(sent, cue):
                continue
            if cue.kind == "participle" and not self._is_participle_cue(sent, cue):
                if self._progressive(sent, cue):
                    self._english(sent, cue)  # 'Authorities are warning the emergency is not over'
                continue
            if cue.kind == "speech" and self._impersonal(sent, cue):
                continue
            if cue.kind == "according" and (self._accordance(sent, cue) or self._adjunct_of_speaker(sent, start)
                                            or self._own_words(sent, cue)):
                continue
            if cue.first > 0 and self.lex.has(f"{lang}_not_report_before", tokens[cue.first - 1].norm):
                continue  # 'فسوف تكشف عن', 'لم يعلن': a future or negated verb reports nothing yet
            if cue.first > 0 and lang == "ar" and self.lex.has("ar_subjunctive_before", tokens[cue.first - 1].norm) and cue.form.words[0][:1] in "يت":
                continue  # 'تريد أن يعتقد الغرب': a present verb after أن is wished for, not reported
            inside = next((d for d in sent.claims if d.span[0] <= start < d.span[1]), None)
            if inside is not None and cue.kind in ("speech", "object", "carry", "relay"):
                # a cue inside reported content ("قال X إن Y أعلن أن ...") belongs to the content
                if not self._clause_break_before(sent, cue):
                    self._reported_report(sent, inside, cue)
                    continue
            if inside is not None:
                self._cut_claim_at_cue(sent, inside, cue)
            handler = getattr(self, f"_{cue.kind}")
            handler(sent, cue)
        if not sent.claims and lang == "ar" and not cues:
            self._quoted_complement(sent)
        if lang == "en":
            self._english_owned_report(sent)
        self.prev_free = None if sent.claims else span
        return sent.claims

    def _quoted_complement(self, sent: Sentence) -> None:
        """'وبهذا الصدد تعلم وزارة الصحة “أنه لا وجود ...”', 'تنهي الوزارة إلى علم المواطنين أنّ “...”': a verb
        the lexicon lacks, a named body as its subject, then أن and a quotation: the body's direct words."""
        toks = sent.tokens
        for q in sent.quotes:
            if not q.balanced or len(self.raw[q.inner[0] : q.inner[1]].split()) < 4:
                continue
            at = sent.token_index_at(q.start)
            comp = next((j for j in (at - 1, at) if 0 <= j < len(toks) and self._is_complementizer(toks[j].norm)
                         and toks[j].start <= q.inner[0] + 4), None)
            if comp is None or comp == 0:
                continue
            before = sent.between(sent.span[0], toks[comp].start)
            heads = self.lex.any_of("ar_organization", "ar_titles")
            btoks = tokenize(before)
            k = next((j for j in range(1, min(len(btoks), 6)) if btoks[j].norm in heads or btoks[j].norm.removeprefix("ال") in heads), None)
            if k is None:
                continue
            rest = btoks[k:]
            n = self.speakers.registry_prefix([t.raw for t in rest]) or (2 if len(rest) > 1 and rest[1].norm.startswith("ال") else 1)
            subject = before[rest[0].start : rest[min(n, len(rest)) - 1].end]  # the body: 'وزارة الصحة', not its object after
            speaker = self.speakers.resolve(subject, self.last_speaker) if subject else None
            if speaker is None:
                continue
            verb = sent.token_index_at(sent.span[0] + btoks[k - 1].start)
            cue = Cue(verb, verb + 1, CueForm((toks[verb].norm,), "speech", "asserted", (), "ar"))
            inner = q.inner[0] + len(toks[comp].raw) + 1 if toks[comp].start >= q.inner[0] else q.inner[0]
            self._add(sent, (inner, q.inner[1]), cue, speaker, [], direct=True)
            return

    def _backward(self, sent: Sentence, cue: Cue) -> bool:
        """'وأكدت لجنة الانتخابات هذا العدد، ...': a demonstrative object after the speaker points back;
        the previous sentence (which had no attributed claim) is the speaker's claim."""
        toks, prev = sent.tokens, self.prev_free
        if prev is None or sent.lang != "ar":
            return False
        at = next((j for j in range(cue.last, min(len(toks), cue.last + 7)) if self.lex.has("ar_backward_objects", toks[j].norm)
                   or self._comma_before(sent, j, cue.last) or self._is_complementizer(toks[j].norm)), None)
        if at is None or not self.lex.has("ar_backward_objects", toks[at].norm):
            return False
        if at == cue.last:
            speaker = self._speaker_after_object(sent, at + 1)  # 'أوضح ذلك مدير البرنامج، مشيراً إلى أن ...'
        else:
            speaker = self.speakers.resolve(sent.between(toks[cue.last].start, toks[at - 1].end), self.last_speaker)
        if speaker is None:
            return False
        s, e = trim_span(self.raw, *prev)
        p_toks = tokenize(self.raw[s:e], s)
        cue_text = self.raw[toks[cue.first].start : toks[cue.last - 1].end]
        sent.claims.append(Draft((s, e), (prev[0], sent.span[1]), speaker, [], cue_text, "indirect", polarity_of(p_toks, "ar", cue.form.polarity, self.lex), cue.form.polarity))
        self.last_speaker = speaker
        self.speakers.remember(speaker)
        return True

    def _speaker_after_object(self, sent: Sentence, first: int) -> Entity | None:
        """The subject after a fronted pronoun object (verb, ذلك, subject): up to a comma or the sentence end."""
        toks = sent.tokens
        if first >= len(toks) or self._comma_before(sent, first, 0):
            return None
        end = next((j for j in range(first + 1, len(toks)) if self._comma_before(sent, j, first) or j in sent.cue_at), len(toks))
        phrase, _ = self.speakers.split_speaker_phrase(sent.between(toks[first].start, toks[end - 1].end))
        return self.speakers.resolve(phrase, self.last_speaker) if phrase else None

    def _reported_report(self, sent: Sentence, outer: Draft, cue: Cue) -> None:
        """'KATU-TV reported that the Oregon Health Authority announced X': the outlet relays the inner speaker.
        'وأضاف المتحدث الرسمي أن الدكتور شاكر المرقبي، ذكر أن X': the spokesman relays the minister."""
        if cue.kind != "speech" or (sent.lang == "en" and outer.speaker.kind not in ("agency", "outlet")):
            return
        subject = sent.between(outer.span[0], sent.tokens[cue.first].start)
        if sent.lang == "ar":
            subject = subject.rstrip(" ،,")
            if not subject.strip() or len(subject.split()) > 6 or any(c in subject for c in CLAUSE_PUNCT + "\"“«") or any(ch.isdigit() for ch in subject):
                return
            marker = self._find_marker(sent, cue.last, window=2)
            if marker is None or marker[0] != "comp" or find_cues(tokenize(subject), self.lex):
                return  # only 'أن X، ذكر أن ...': the inner verb opens its own complement; X holds no verb of its own
            if self._points_back(subject):
                return  # 'قال الوزير إن بلاده تتوقع أن ...': his country's view is the minister's own claim
        elif not subject.strip() or len(subject.split()) > 8 or any(c in subject for c in CLAUSE_PUNCT + "\"“«"):
            return
        span = outer.span
        outer.span = (span[0], span[0])  # the inner cue's subject starts where the outer content does
        known = {id(d) for d in sent.claims}
        getattr(self, f"_{cue.kind}")(sent, cue)
        new = [d for d in sent.claims if id(d) not in known]
        if not new or any(not d.speaker.text or d.speaker.text not in subject for d in new):
            sent.claims = [d for d in sent.claims if id(d) in known]
            outer.span = span
            return
        sent.claims = [d for d in sent.claims if d is not outer]
        for d in new:
            d.via = [*d.via, outer.speaker]
            self.relay_of[d.speaker.name] = list(d.via)

    @staticmethod
    def _points_back(subject: str) -> bool:
        """'بلاده', 'حكومته', 'وزارتها': one indefinite word with a possessive pronoun (ـه، ـها، ـهم) names the
        speaker's own side (the ه as written, not a normalised ة)."""
        words = subject.split()
        return len(words) == 1 and not words[0].startswith("ال") and len(words[0]) >= 4 and words[0].endswith(("ه", "ها", "هم", "هما"))

    def _is_participle_cue(self, sent: Sentence, cue: Cue) -> bool:
        """', adding that ...' / '، مؤكدة أن': not 'was adding seats' or 'حالات مؤكدة' (a verb, an adjective)."""
        if cue.first > 0 and sent.tokens[cue.first - 1].norm[:1].isdigit():
            return False  # '22 متهما': a noun counted, not a participle
        if sent.lang == "ar" and len(cue.form.words) > 1:
            return self._find_marker(sent, cue.last, window=2) is not None  # 'مع التأكيد على أن'; not 'مع التأكيد على السلامة'
        if self._comma_before(sent, cue.first, 0):
            return True
        if sent.lang == "en":
            return False
        norm = sent.tokens[cue.first].norm
        adjective = self.lex.has("ar_participle_adjectives", norm) or (norm[:1] in "وف" and self.lex.has("ar_participle_adjectives", norm[1:]))
        return not adjective or self._find_marker(sent, cue.last, window=2) is not None

    def _progressive(self, sent: Sentence, cue: Cue) -> bool:
        """'are warning', 'was saying': an English -ing cue after a form of 'be' is the finite verb."""
        i = cue.first - 1
        while i >= 0 and self.lex.has("en_adverbs", sent.tokens[i].norm):
            i -= 1
        return sent.lang == "en" and i > 0 and self.lex.has("en_progressive_aux", sent.tokens[i].norm)

    def _impersonal(self, sent: Sentence, cue: Cue) -> bool:
        """'يُتوقع أن', 'يُشار إلى أن', 'يعتقد أنها': a passive verb with no speaker, the outlet's own voice."""
        toks, i = sent.tokens, cue.last
        norm = toks[cue.first].norm
        if sent.lang != "ar" or cue.last - cue.first != 1 or not (self.lex.has("ar_impersonal", norm) or self.lex.has("ar_impersonal", norm[1:])):
            return False
        if i < len(toks) and toks[i].norm in self.lex.complementizer_leads:
            i += 1
        return i < len(toks) and self._is_complementizer(toks[i].norm)

    def _own_words(self, sent: Sentence, cue: Cue) -> bool:
        """'حسب قولهم', 'على حد تعبيره': "in their own words" points back to the sentence's speaker,
        it names no new source."""
        toks = sent.tokens
        return cue.last < len(toks) and self.lex.has(f"{sent.lang}_own_words", toks[cue.last].norm)

    def _accordance(self, sent: Sentence, cue: Cue) -> bool:
        """'مصر تعمل وفق إجراءات احترازية', 'جاء وفق المواصفات': وفق/طبقا before a phrase that names no source
        means 'in accordance with', not 'according to' ('وفقا لوزارة الصحة', 'وفق ما أعلن' report); English
        'per' is a rate ('per hour') unless a name or a determiner follows ('per Reuters', 'per the report')."""
        toks = sent.tokens
        if sent.lang == "en" and cue.form.words[0] in self.lex.words.get("en_according_loose", ()):
            # "7.6cm per hour", "150 kilograms per ardeb": 'per' reports only before a name or a determiner
            nxt = toks[cue.last] if cue.last < len(toks) else None
            return nxt is None or not (nxt.raw[:1].isupper() or self.lex.has("en_source_determiners", nxt.norm))
        if sent.lang == "ar" and cue.last < len(toks) and self._rule_noun(toks[cue.last].norm):
            return True  # 'حسب قانون وتعليمات دائرة الجمارك': in accordance with a rule, whatever the cue word
        if sent.lang != "ar" or cue.form.words not in self.lex.phrases.get("ar_according_loose", ()) and (
                len(cue.form.words) != 1 or not self.lex.has("ar_according_loose", cue.form.words[0])):
            return False
        if cue.last >= len(toks) or toks[cue.last].norm in ("ما", "لما"):
            return False
        end = self._source_phrase_end(sent, cue.last)
        if end <= cue.last:
            return False
        src = sent.between(toks[cue.last].start, toks[end - 1].end)
        glued = toks[cue.last].norm
        unglued = "ال" + src[2:] if glued[:2] == "لل" else src[1:] if glued[:1] == "ل" else src
        words = name_key(unglued).split()
        if self.speakers.registry_entities(unglued) or (words and words[-1] in self.speakers.seen):
            return False  # 'وفقاً لبوتين': a known or already quoted name
        first = cue.last + 1 if cue.last + 1 < end and self.lex.has("ar_source_modifiers", glued) else cue.last
        head = toks[first].norm  # 'وفق آخر إحصائية': the noun after a modifier
        readings = {head, head[1:], "ال" + head[2:]} if head[:2] == "لل" else {head, head[1:]} if head[:1] == "ل" else {head}
        readings |= {r[2:] for r in readings if r.startswith("ال")} | {"ال" + r for r in readings if not r.startswith("ال")}
        heads = self.lex.any_of("ar_titles", "ar_group", "ar_anonymous", "ar_agency", "ar_outlet", "ar_organization", "ar_documents", "ar_source_nouns")
        return heads.isdisjoint(readings)

    def _rule_noun(self, norm: str) -> bool:
        """A law, rule or procedure ('قانون', 'للتعليمات'), with a glued لـ / لل read off."""
        readings = {norm, norm[1:], "ال" + norm[2:]} if norm[:2] == "لل" else {norm, norm[1:]} if norm[:1] == "ل" else {norm}
        return any(self.lex.has("ar_rule_nouns", r) for r in readings)

    @staticmethod
    def _adjunct_of_speaker(sent: Sentence, start: int) -> bool:
        """'أوضح المتحدث ... وفقاً لبيان صادر عن الوزارة أن ...': an according phrase between an
        earlier cue and its content says where the speaker spoke; it reports nothing of its own."""
        return any(d.span[0] > start for d in sent.claims)

    def _clause_start_cue_holds(self, sent: Sentence, cue: Cue) -> bool:
        """'وبيّن المدير أن', 'فيما بين أن': a cue that is also a common other word ('بين الطرفين') reports only
        at a clause start and before a complementiser."""
        toks, i = sent.tokens, cue.first
        if not self.lex.has("ar_clause_start_cues", toks[i].norm.removeprefix("و")):
            return True
        at_start = i == 0 or self._comma_before(sent, i, 0) or toks[i - 1].norm in self.lex.any_of("ar_lead_drop")
        marker = self._find_marker(sent, cue.last, window=8)
        return at_start and marker is not None and marker[0] == "comp"

    def _verb_of_other_phrase(self, sent: Sentence, cues: list[Cue], cue: Cue) -> bool:
        """'وفق ما أعلن الكرملين': the nominal cue's verb; 'التفشي الذي أعلن عنه': a relative clause."""
        toks = sent.tokens
        if any(c.kind == "according" and c.last == cue.first for c in cues):
            return True
        after = toks[cue.last].norm if cue.last < len(toks) else ""
        return cue.first > 0 and self.lex.has("ar_relatives", toks[cue.first - 1].norm) and self.lex.has("ar_pronoun_objects", after)

    # ================================================================ cue kinds
    def _speech(self, sent: Sentence, cue: Cue) -> None:
        if sent.lang == "en":
            self._english(sent, cue)
            return
        if self.lex.has("ar_statement_verbs", sent.tokens[cue.first].norm.removeprefix("و")):
            # 'وجاء في بيان الوزارة أن ...': the document speaks; 'جاء في المرتبة ...' says nothing
            if cue.last < len(sent.tokens) and self.lex.has("ar_documents", sent.tokens[cue.last].norm):
                self._relayed_statement(sent, cue, cue.last - 1, None)
            return
        marker = self._find_marker(sent, cue.last)
        if marker is None:
            quote = self._quote_before(sent, cue)
            if quote is None and self._backward(sent, cue):
                return
            if quote is None:
                if cue.kind == "object" or cue.form.objects or self._nominal_object_follows(sent, cue) or self._estimate_follows(sent, cue):
                    self._object(sent, cue, redirect=False)
                else:
                    self._content_after_comma(sent, cue)
                return
            speaker_region = (sent.tokens[cue.last].start if cue.last < len(sent.tokens) else sent.span[1], self._clause_end(sent, sent.tokens[cue.last - 1].end))
            speaker, via = self._speaker_after(sent, cue, speaker_region)
            self._add(sent, quote.inner, cue, speaker, via, direct=True)
            return
        kind, region_end, content_start = marker
        if kind == "quote" and self._object_word_before(sent, cue, region_end):
            self._object(sent, cue, redirect=False)  # 'أعلنت السلطات عن إلقاء القبض على ... جماعة "الإخوان"': a quoted name in the object
            return
        region = (sent.tokens[cue.last - 1].end, region_end)
        speaker, via = self._speaker_after(sent, cue, region)
        if speaker is False:
            return
        if speaker is None:
            speaker = self._speaker_before(sent, cue)
        if kind == "quote":
            q = sent.quote_at(content_start, 0)
            if q is not None:
                for part, part_cue in self._quote_clauses(sent, q, cue):
                    self._add(sent, part, part_cue, speaker, via, direct=True)
                self._following_quotes(sent, q, cue, speaker, via)
                return
        end = self._clause_end(sent, content_start)
        for part, direct in self._arabic_coordinated(sent, (content_start, end)):
            # 'وأضاف: في عام 2023 وصل ...': words a colon opens are the speaker's own, marks or not
            self._add(sent, part, cue, speaker, via, direct=direct or kind == "colon")

    def _arabic_coordinated(self, sent: Sentence, span: Span) -> list[tuple[Span, bool]]:
        """'أوضح أن “A وأن B”': a quotation holding coordinated complement clauses gives one direct
        claim per clause (unquoted 'أن A وأن B' stays one claim: B may belong to a clause inside A)."""
        s, e = span
        whole = next((q for q in sent.quotes if q.balanced and s <= q.start <= s + 1 and q.end >= e - 1), None)
        if whole is None:
            return [(part, False) for part in self._continued_inside(sent, span)]
        s, e = whole.inner[0], min(e, whole.inner[1])
        parts, start = [], s
        for t in sent.tokens:
            if s < t.start < e and self._is_complementizer(t.norm) and t.norm[:1] != "و":
                break  # '... يبرهن على أن A، وأنه B': B coordinates with the inner clause
            if s < t.start < e and t.norm[:1] == "و" and self._is_complementizer(t.norm) and not self._concessive(sent, t):
                if len(sent.between(start, t.start).split()) >= 3:
                    parts.append((start, t.start))
                    start = t.end
        parts.append((start, e))
        if len(parts) == 1:
            return [(span, False)]
        return [(p, True) for p in parts]

    def _quote_clauses(self, sent: Sentence, q: Quote, cue: Cue) -> list[tuple[Span, Cue]]:
        """'قال "إن A، وإن B، مشيرا إلى أن C"': a quotation opened by a complementiser drops it and gives
        one claim per coordinated complement (وإن / وأن) and per participle cue (', مشيرا إلى أن') inside it."""
        s, e = q.inner
        inner = [(i, t) for i, t in enumerate(sent.tokens) if s <= t.start < e]
        if len(inner) < 4 or not self._is_complementizer(inner[0][1].norm) or inner[0][1].norm[:1] == "و":
            return [(q.inner, cue)]
        parts: list[tuple[Span, Cue]] = []
        start, part_cue, nested = inner[1][1].start, cue, False
        for i, t in inner[2:]:
            inside = self._participle_inside(sent, i)
            if inside is not None and self._comma_before(sent, i, 0):
                opens, nxt_cue, nested = self._find_marker(sent, inside.last, window=3), inside, False
                if opens is None or opens[0] != "comp":
                    continue
                parts.append(((start, t.start), part_cue))
                start, part_cue = opens[2], nxt_cue
                continue
            if not self._is_complementizer(t.norm) or t.start < start or self._concessive(sent, t):
                continue
            if t.norm[:1] != "و":
                nested = True  # '... أن A، وأنه B': B coordinates with the inner clause
            elif not nested and len(sent.between(start, t.start).split()) >= 3:
                parts.append(((start, t.start), part_cue))
                start = t.end
        parts.append(((start, e), part_cue))
        return parts

    def _concessive(self, sent: Sentence, t: Token) -> bool:
        """'نمو في الصناعة، وإن كان على نطاق صغير': وإن before كان (even if) concedes; it coordinates no claim."""
        i = sent.token_index_at(t.start)
        return t.norm[:1] == "و" and i + 1 < len(sent.tokens) and self.lex.has("ar_concessive_after", sent.tokens[i + 1].norm)

    def _participle_inside(self, sent: Sentence, i: int) -> Cue | None:
        c = sent.cue_at.get(i)
        return c if c is not None and c.kind == "participle" and c.form.lang == "ar" else None

    def _continued_inside(self, sent: Sentence, span: Span) -> list[Span]:
        """'أن A وشملت ... كما أن B': a continuation marker ('كما أن') inside unquoted content opens a second claim."""
        phrases = self.lex.phrases.get("ar_continuation", ())
        firsts = self.lex.starts("ar_continuation")
        parts, start = [], span[0]
        for i, t in enumerate(sent.tokens):
            if span[0] < t.start < span[1] and t.norm in firsts:
                n = starts_phrase(sent.tokens, i, phrases)
                if not n and self.lex.has("ar_continuation_verbal", t.norm) and self._comma_before(sent, i, 0):
                    n = 1  # 'أن A أبلغت عن 8 حالات، كما أبلغت B عن حالة': a second report of the same speaker
            elif span[0] < t.start < span[1] and t.raw.startswith(self.kasra_complements) and self._is_complementizer(t.norm) and not self._concessive(sent, t):
                n = 1  # 'قال إن A وإن B': إن (not أن) repeats the top-level complement
            elif (span[0] < t.start < span[1] and t.norm[:1] == "و" and self._is_complementizer(t.norm) and self._comma_before(sent, i, 0)
                  and not self._concessive(sent, t)):
                n = 1  # 'مشيراً إلى أن A، وأن B': after a comma, وأن repeats the top-level complement
            else:
                continue
            if not sent.in_quote(t.start):
                if n and i + n < len(sent.tokens) and len(sent.between(start, t.start).split()) >= 3:
                    parts.append((start, t.start))
                    start = sent.tokens[i + n].start
        return [*parts, (start, span[1])]

    def _object(self, sent: Sentence, cue: Cue, redirect: bool = True) -> None:
        if sent.lang == "en":
            self._english(sent, cue)
            return
        if cue.last >= len(sent.tokens):
            return
        fronted = self._fronted_subject(sent, cue)
        if fronted is not None:
            # 'وكان سعد السهلي قد وصف الحكم ... ب "القاسي"': the whole object is the content
            start = sent.tokens[self._after_adverbial(sent, cue)].start
            end = self._object_end(sent, start) if cue.kind == "object" else self._clause_end(sent, start)
            self._add(sent, (start, end), cue, fronted, [])
            return
        head_end = self._entity_phrase_end(sent, cue.last)
        if head_end is None:
            head_end = self._seen_speaker_end(sent, cue.last)
        # 'وأعلن المستشار لاشين إبراهيم عن فوز ...': the speaker runs to the object word
        opener = next((j for j in range(cue.last + 1, min(len(sent.tokens), cue.last + 7)) if sent.tokens[j].norm in cue.form.objects
                       or self._glued_object(sent.tokens[j], cue) or self._comma_before(sent, j, cue.last)), None)
        if opener is not None and (sent.tokens[opener].norm in cue.form.objects or self._glued_object(sent.tokens[opener], cue)) and (
                head_end is None or head_end < opener):
            head_end = opener  # 'أفاد مصدر أمني بمقتل ...': the speaker runs to the glued بـ of the object
        apposed = self._object_after_apposition(sent, cue)
        if apposed is not None and (head_end is None or head_end < apposed):
            head_end = apposed  # 'كشف X، المدير الفني ...، تفاصيل ...': the speaker runs to the object
        marker = self._find_marker(sent, cue.last, window=12) if redirect else None
        if marker is not None:
            marker_at = sent.token_index_at(marker[1])
            if marker_at <= (head_end or cue.last) + 3:
                self._speech(sent, cue)
                return
        if head_end is None and cue.kind != "object" and not self._object_word_follows(sent, cue):
            return  # no speaker phrase and no object word: the words after the cue are its subject, not a claim
        if head_end is None:
            speaker = None
            content_first = cue.last
        else:
            last = head_end - 1
            while last > cue.last and self.lex.has("ar_time_words", sent.tokens[last].norm):
                last -= 1  # 'أعلن علماء صينيون مؤخراً عن': the adverb is not the speaker's
            region = (sent.tokens[cue.last].start, sent.tokens[last].end)
            speaker = self.speakers.resolve(sent.between(*region), self.last_speaker)
            content_first = head_end
        if speaker is None:
            speaker = self._speaker_before(sent, cue)
        while content_first < len(sent.tokens) and (
            self.lex.has("ar_time_words", sent.tokens[content_first].norm) and sent.tokens[content_first].norm not in cue.form.objects
        ):
            content_first += 1
        if content_first < len(sent.tokens) and sent.tokens[content_first].norm in cue.form.objects:
            content_first += 1
        if content_first >= len(sent.tokens) or self._bare_demonstrative(sent, content_first):
            return
        start = sent.tokens[content_first].start
        if self._glued_object(sent.tokens[content_first], cue):
            start += 1  # the claim starts after the glued بـ: 'أفاد X بـ|ارتفاع ...'
        elif start > 0 and self.raw[start - 1] in "\"“«”":
            start -= 1
        # a speech verb's object ("شدد البيان على عزل ...، اضافة الى ...") runs to the clause end
        end = self._object_end(sent, start) if cue.kind == "object" else self._clause_end(sent, start)
        if self._topic_before_participle(sent, start, end):
            return
        then = self._complement_after_object(sent, cue, start, end)
        self._add(sent, (start, then[0] if then else end), cue, speaker, [])
        if then:
            self._add(sent, (then[1], self._clause_end(sent, then[1])), cue, speaker, [])

    def _topic_before_participle(self, sent: Sentence, start: int, end: int, most: int = 3) -> bool:
        """'وتحدث العشري عن لقاء العودة قائلاً: "..."': a short object that a participle cue follows names the
        topic; the participle's words are the claim."""
        if sent.lang != "ar":
            return False
        first = sent.token_index_at(start)
        for k in range(first + 1, min(first + most + 1, len(sent.tokens))):
            if sent.tokens[k].start >= end or self._comma_before(sent, k, first):
                return False
            found = sent.cue_at.get(k)
            if found is not None and found.kind == "participle":
                return True
        return False

    def _object_word_before(self, sent: Sentence, cue: Cue, pos: int) -> bool:
        """One of the cue's object words (عن of أعلن، إلى of أشار) between the cue and `pos`, words of the object
        after it ('حذر من "الاقتراب ..."' quotes the object itself)."""
        if sent.lang != "ar":
            return False
        words = [t for t in sent.tokens[cue.last :] if t.start < pos]
        return any(t.norm in cue.form.objects for t in words[:-1])

    def _object_word_follows(self, sent: Sentence, cue: Cue) -> bool:
        """Whether one of the cue's object words follows within reach: 'تشير البيانات الأولية للربع
        الرابع.' (its إلى cut off by a stray stop) has none."""
        reach = sent.tokens[cue.last : cue.last + 12]
        return any(t.norm in cue.form.objects or ("ب" in cue.form.objects and t.norm[:1] == "ب") for t in reach)

    def _bare_demonstrative(self, sent: Sentence, i: int) -> bool:
        """'وأشار التقرير إلى ذلك': a demonstrative standing alone points back and states nothing
        ('نفى البنك هذه الأنباء' names what is denied: a noun follows it)."""
        toks = sent.tokens
        if not self.lex.has("ar_backward_objects", toks[i].norm):
            return False
        return i + 1 >= len(toks) or not toks[i + 1].norm.startswith("ال")

    def _after_adverbial(self, sent: Sentence, cue: Cue, reach: int = 6) -> int:
        """Where a fronted subject's object starts: after the cue, or past a time or place phrase and the cue's
        object word ('وكانت السلطات قد أعلنت في نيسان الماضي عن إلقاء ...' starts at إلقاء)."""
        toks, first = sent.tokens, cue.last
        if not cue.form.objects or not (self.lex.has("ar_stop", toks[first].norm) or self.lex.has("ar_time_words", toks[first].norm)):
            return first
        for j in range(first + 1, min(len(toks) - 1, first + reach)):
            if self._comma_before(sent, j, first) or sent.in_quote(toks[j].start):
                return first
            if toks[j].norm in cue.form.objects:
                return j + 1
        return first

    def _glued_object(self, tok, cue: Cue) -> bool:
        """'بارتفاع', 'بمقتل': the cue's بـ glued to a listed object noun (ar_nominal_objects)."""
        return "ب" in cue.form.objects and tok.norm[:1] == "ب" and self.lex.has("ar_nominal_objects", tok.norm[1:])

    def _fronted_subject(self, sent: Sentence, cue: Cue) -> Entity | None:
        """'وكان سعد السهلي قد وصف ...': a speaker between a form of كان and قد before the cue; None when none."""
        toks, i = sent.tokens, cue.first
        if i < 2 or not self.lex.has("ar_fronting_particles", toks[i - 1].norm):
            return None
        k = next((k for k in range(i - 2, max(-1, i - 8), -1) if self.lex.has("ar_fronting_verbs", toks[k].norm)), None)
        if k is None or k == i - 2 or toks[k].start < self._clause_start(sent, cue.first):
            return None
        phrase = sent.between(toks[k + 1].start, toks[i - 2].end)
        if any(c in phrase for c in CLAUSE_PUNCT) or any(ch.isdigit() for ch in phrase):
            return None
        return self.speakers.resolve(phrase, self.last_speaker)

    def _complement_after_object(self, sent: Sentence, cue: Cue, start: int, end: int) -> tuple[int, int] | None:
        """'أرجع X Y إلى أن Z': (end of the object Y, start of the complement Z), or None."""
        if not self.lex.has("ar_object_then", sent.tokens[cue.first].norm.lstrip("وف")) and not self.lex.has("ar_object_then", sent.tokens[cue.first].norm):
            return None
        toks = sent.tokens
        for i in range(sent.token_index_at(start) + 1, len(toks) - 1):
            if toks[i].start >= end:
                break
            if toks[i].norm in self.lex.complementizer_leads and self._is_complementizer(toks[i + 1].norm) and not sent.in_quote(toks[i].start):
                return toks[i].start, toks[i + 1].end
        return None

    def _object_end(self, sent: Sentence, start: int) -> int:
        """An object phrase ends at the first comma outside quotes, or where the clause ends."""
        end = self._clause_end(sent, start)
        for i in range(start, end):
            if self.raw[i] in "،," and not sent.in_quote(i):
                return i
        return end

    def _object_after_apposition(self, sent: Sentence, cue: Cue) -> int | None:
        """'كشف الإيطالي روبرتو مانشيني، المدير الفني للمنتخب، تفاصيل ...': the listed object noun
        right after the comma that closes the speaker's apposition (three commas at most), or None."""
        toks, commas, titled = sent.tokens, 0, False
        for j in range(cue.last + 1, min(len(toks), cue.last + 16)):
            if self._comma_before(sent, j, cue.last):
                commas += 1
                if commas > 3:
                    return None
                title = self.lex.has("ar_titles", toks[j].norm) or self.lex.has("ar_titles", toks[j].norm.removeprefix("ال"))
                if self.lex.has("ar_nominal_objects", toks[j].norm) or (titled and not title and not self._is_complementizer(toks[j].norm)):
                    return j  # 'ووصف محمد الكسار، عضو نقابة المحامين، الحكم بـ': after apposed titles, the object
                titled = title
        return None

    def _nominal_object_follows(self, sent: Sentence, cue: Cue) -> bool:
        if self._object_after_apposition(sent, cue) is not None:
            return True
        head_end = self._entity_phrase_end(sent, cue.last)
        j = head_end if head_end is not None else cue.last
        while j < len(sent.tokens) and sent.tokens[j].norm in ("امس", "اليوم", "الجمعه", "الخميس", "الاربعاء", "الثلاثاء", "الاثنين", "الاحد", "السبت", "ايضا", "مجددا", "رسميا"):
            j += 1
        return j < len(sent.tokens) and self.lex.has("ar_nominal_objects", sent.tokens[j].norm)

    def _estimate_follows(self, sent: Sentence, cue: Cue, reach: int = 10) -> bool:
        """'ويقدر ناشطون العدد بـ 50 قتيلاً', 'قدرت المنظمة عدد النازحين بنحو مليون': an estimate verb whose object
        is valued with بـ and a number (or نحو / حوالي): the object is the claim."""
        toks = sent.tokens
        if sent.lang != "ar" or not self.lex.has("ar_estimate_verbs", toks[cue.first].norm.removeprefix("و")):
            return False
        for j in range(cue.last, min(len(toks), cue.last + reach)):
            norm = toks[j].norm
            nxt = toks[j + 1].norm if j + 1 < len(toks) else ""
            if (norm == "ب" and (nxt[:1].isdigit() or self.lex.has("ar_approximately", nxt))) or (
                    norm[:1] == "ب" and (norm[1:2].isdigit() or self.lex.has("ar_approximately", norm[1:]))):
                return True
        return False

    def _content_after_comma(self, sent: Sentence, cue: Cue) -> None:
        """Loose Arabic: 'قال السفير، فلان، ومن الممكن ...' with no إن: content after the speaker's comma."""
        if cue.kind not in ("speech", "carry") or sent.lang != "ar":
            return
        text_from = sent.tokens[cue.last - 1].end
        phrase, rest = self.speakers.split_speaker_phrase(sent.between(text_from, sent.span[1]))
        if not phrase or not rest.lstrip().startswith(("،", ",")):
            return
        start = text_from + len(sent.between(text_from, sent.span[1])) - len(rest)
        start = start + (len(rest) - len(rest.lstrip())) + 1
        end = self._clause_end(sent, start)
        if len(self.raw[start:end].split()) < 5:
            return
        speaker = self.speakers.resolve(phrase, self.last_speaker)
        if speaker:
            self._add(sent, (start, end), cue, speaker, [])

    def _following_quotes(self, sent: Sentence, q: Quote, cue: Cue, speaker: Entity, via: list[Entity]) -> None:
        """'قال X: "..." "..."': quotes that follow the first with nothing but punctuation between."""
        prev = q
        for nxt in sent.quotes:
            if nxt.start >= prev.end and sent.gap_is_punct(prev.end, nxt.start, " \t.،,:"):
                self._add(sent, nxt.inner, cue, speaker, via, direct=True)
                prev = nxt

    def _carry(self, sent: Sentence, cue: Cue) -> None:
        self._speech(sent, cue)

    def _participle(self, sent: Sentence, cue: Cue) -> None:
        previous = sent.claims[-1] if sent.claims else None
        speaker = previous.speaker if previous else (sent.lang == "en" and self._english_main_subject(sent, cue)) or self._speaker_before(sent, cue)
        via = list(previous.via) if previous else []
        marker = self._find_marker(sent, cue.last, window=3)
        if marker is not None:
            kind, _, content_start = marker
            q = sent.quote_at(content_start, 0) if kind == "quote" else None
            if q is not None and sent.lang == "en" and sent.between(sent.tokens[cue.last - 1].end, q.start).strip(" ,:").lower() not in ("", "that"):
                content_start = sent.tokens[cue.last].start  # ', saying it is “a pack of lies”': the clause holds the quote
            elif q is not None:
                self._add(sent, q.inner, cue, speaker, via, direct=True)
                return
        elif sent.lang == "en" and not self.lex.has("en_bare_participles", cue.form.words[0]):
            return  # ', alleging that ...' reports; ', confirming the deal' may be a plain participle clause
        else:
            first = cue.last
            if first < len(sent.tokens) and sent.tokens[first].norm in cue.form.objects:
                first += 1
            if first >= len(sent.tokens):
                return
            content_start = sent.tokens[first].start
        for part in self._continued_inside(sent, (content_start, self._clause_end(sent, content_start))):
            self._add(sent, part, cue, speaker, via)

    def _according(self, sent: Sentence, cue: Cue) -> None:
        toks = sent.tokens
        if self._possessive_source(sent, cue) or self._cited_reason(sent, cue):
            return
        i = cue.last
        # "بحسب ما نقلت/ذكرت/أعلن X": the verb belongs to the cue
        relayed = False
        if i < len(toks) and toks[i].norm in ("ما", "لما"):
            i += 1
        if i < len(toks) and (toks[i - 1].norm in ("ما", "لما") or cue.form.words[-1] in ("ما", "حسبما", "لما")):
            relayed = True
            if i < len(toks) and self._is_verb_like(toks[i].norm):
                i += 1
        if i >= len(toks):
            return
        source_end = self._source_phrase_end(sent, i)
        if source_end <= i:
            return
        if source_end + 1 < len(toks) and toks[source_end].norm in sent.lex.relay_from and self.lex.has("ar_issued_by", toks[source_end - 1].norm):
            # "وفق آخر إحصائية صدرت عن وزارة الداخلية": the issuer is the source
            i = source_end + 1
            source_end = self._source_phrase_end(sent, i)
        src_text = sent.between(toks[i].start, toks[source_end - 1].end)
        source = self.speakers.resolve(src_text, self.last_speaker, strip_prefix=True)
        if source is None:
            return
        cue_start = toks[cue.first].start
        clause_start = self._clause_start(sent, cue.first)
        before = trim_span(self.raw, clause_start, cue_start)
        covering = next((d for d in reversed(sent.claims) if d.span[1] <= cue_start + 2 and (
            d.span[1] >= before[0] or (source.kind in ("agency", "outlet") and all(c in TRIM + "\"”»" for c in self.raw[d.span[1] : cue_start]))
            or self._own_attribution_between(d, cue_start))), None)
        if covering is not None and covering.speaker.name != source.name:
            cites = sent.lang == "en" and self.lex.has("en_citing", toks[cue.first].norm) and self._names_a_source(toks[i:source_end])
            if cites or (covering.speaker.kind in ("outlet", "agency") and source.kind in ("person", "anonymous", "group")):
                # 'A, the Chosun Ilbo said, citing an unnamed source', 'A, Yonhap said, citing a military official': the
                # cited source speaks, the reporter relays it
                covering.speaker, covering.via = source, [covering.speaker, *covering.via]
                self.last_speaker = source
                return
            covering.via.append(source)
            if source_end >= len(toks):
                # a relay closing the sentence covers all of it: "..., وذكر متحدث أن ...، وفقاً لوكالة فرانس برس."
                for d in sent.claims:
                    if d is not covering and d.span[1] <= cue_start and d.speaker.name != source.name and not d.via:
                        d.via.append(source)
            return
        opens_clause = (
            self._comma_before(sent, cue.first, 0) and toks[cue.first].norm[:1] == "و"
            and (toks[cue.first].norm[1:],) in self.lex.forms
        ) or (source_end < len(toks) and (toks[source_end].norm in ("فقد", "فان", "فانه", "فانها") or self._comma_before(sent, source_end, i)) and self._only_lead_words(sent, clause_start, cue_start))
        if not opens_clause and before[1] - before[0] >= 12 and not self._only_lead_words(sent, clause_start, cue_start):
            source, via = self._outlet_relays_subject(sent, before, source)
            start = before[0]
            while start < before[1]:
                end = min(self._clause_end(sent, start), before[1])
                if end <= start:
                    break
                self._add(sent, (start, end), cue, source, list(via), nominal=True)
                nxt = sent.token_index_at(end + 1)
                if nxt >= len(toks) or toks[nxt].start >= before[1]:
                    break
                start = toks[nxt].start
            return
        # the source opens the sentence: "بحسب وكالة X، ..." / "ووفقاً للغرب فقد ..."
        j = source_end
        while j < len(toks) and toks[j].norm in ("فقد", "فان", "ف", "قد", "فانه", "فانها"):
            j += 1
        if j >= len(toks):
            return
        if source.kind in ("agency", "outlet") and self._relayed_statement(sent, cue, j, source):
            return
        if source.kind in ("agency", "outlet") and self._relayed_speech(sent, j, source):
            return
        start = toks[j].start
        del relayed
        for part in self._continued_inside(sent, (start, self._clause_end(sent, start))):
            self._add(sent, part, cue, source, [], nominal=True)

    def _outlet_relays_subject(self, sent: Sentence, before: Span, source: Entity) -> tuple[Entity, list[Entity]]:
        """'واستنكر مصدر بالخارجية البيان ...، وفق ما نقلته سكاي نيوز': a speech verb and its subject open the clause
        an outlet or agency relays after it; the subject speaks (an anonymous source stays the speaker), the outlet
        is the via. (source, []) when no verb with a subject opens the clause."""
        if source.kind not in ("agency", "outlet") or sent.lang != "ar":
            return source, []
        toks = [t for t in sent.tokens if before[0] <= t.start < before[1]]
        lead = self.lex.words.get("ar_lead_drop", frozenset())
        k = 0
        while k < len(toks) and toks[k].norm in lead:
            k += 1
        if k + 1 >= len(toks):
            return source, []
        verb = toks[k].norm
        verb = verb[1:] if verb[:1] in "وف" and (verb[1:],) in self.lex.forms or verb[:2] in ("وا", "فا") else verb
        if verb.startswith("ال") or not self._is_verb_like(verb):
            return source, []  # 'واستنكر': a verb the lexicon may lack, not a noun ('البيان')
        phrase, _ = self.speakers.split_speaker_phrase(sent.between(toks[k + 1].start, before[1]))
        speaker = self.speakers.resolve(phrase, self.last_speaker) if phrase else None
        if speaker is None or speaker.kind not in ("person", "anonymous", "group", "organization", "government"):
            return source, []
        if (verb,) not in self.lex.forms and speaker.kind not in ("anonymous", "group") and self.speakers.reg.lookup(phrase) is None:
            return source, []  # 'ارتفع عدد الضحايا': a verb the lexicon lacks reports only for a source or a known name
        self.last_speaker = speaker
        self.relay_of.setdefault(speaker.name, [source])
        return speaker, [source]

    def _relayed_speech(self, sent: Sentence, j: int, outlet: Entity) -> bool:
        """'ووفق صحيفة أثير؛ فقد أعرب وزير الخارجية عن ...': a speech verb and its subject open the words an outlet
        relays; the subject speaks them, the outlet is their via. Only the relay is recorded here: the verb's own cue
        makes the claim, and the words carried after it ('وكشف أن') keep both."""
        toks = sent.tokens
        if j + 1 >= len(toks) or (toks[j].norm,) not in self.lex.forms:
            return False
        phrase, _ = self.speakers.split_speaker_phrase(sent.between(toks[j + 1].start, sent.span[1]))
        speaker = self.speakers.resolve(phrase, self.last_speaker) if phrase else None
        if speaker is None or speaker.kind not in ("person", "organization", "government"):
            return False
        self.relay_of.setdefault(speaker.name, [outlet])
        return True

    def _names_a_source(self, toks: list[Token]) -> bool:
        """'citing an unnamed source', 'citing leaked documents', 'citing Pentagon officials': a capitalised name, a
        group or a source noun (not only a determiner: 'citing the cuts to overtime' gives a reason)."""
        return any(t.raw[:1].isupper() or self.lex.has("en_group", t.norm)
                   or (self.lex.has("en_cited_sources", t.norm) and not self.lex.has("en_object_determiners", t.norm)) for t in toks)

    def _own_attribution_between(self, d: Draft, cue_start: int) -> bool:
        """'“...,” Dr. Amy Thompson said, per the AP': only the claim's own speaker and cue stand between it and
        the according cue, which then relays that claim."""
        gap = self.raw[d.span[1] : cue_start]
        return bool(d.cue and d.speaker.text) and d.cue in gap and d.speaker.text in gap and len(gap.split()) <= 12

    def _cited_reason(self, sent: Sentence, cue: Cue) -> bool:
        """'X called the polls a “farce”, citing widespread polling frauds': a lowercase phrase after 'citing' that
        names no one (no capital, group or source noun) is X's own claim, the reason X gives."""
        toks = sent.tokens
        if sent.lang != "en" or not sent.claims or not self.lex.has("en_citing", toks[cue.first].norm) or cue.last >= len(toks):
            return False
        start = toks[cue.last].start
        end = self._clause_end(sent, start)
        phrase = [t for t in toks[cue.last :] if t.start < end]
        if not phrase or any(t.raw[:1].isupper() or self.lex.has("en_group", t.norm) or self.lex.has("en_cited_sources", t.norm) for t in phrase):
            return False
        previous = sent.claims[-1]
        self._add(sent, (start, end), cue, previous.speaker, list(previous.via))
        return True

    def _possessive_source(self, sent: Sentence, cue: Cue) -> bool:
        """'In his words, “...”' / 'In her own words, the plan failed': the possessive of the cue is the source
        (a pronoun: the last speaker of its kind); the quote or clause after the cue is the claim."""
        pronoun = next((w for w in cue.form.words if self.lex.has("en_possessive_sources", w)), None)
        if pronoun is None or cue.last >= len(sent.tokens):
            return False
        speaker = self.speakers.resolve(pronoun, self.last_speaker)
        start = sent.tokens[cue.last].start
        q = sent.quote_at(sent.tokens[cue.last - 1].end, 4)
        if q is not None:
            self._add(sent, q.inner, cue, speaker, [], direct=True)
        else:
            self._add(sent, (start, self._clause_end(sent, start)), cue, speaker, [], nominal=True)
        return True

    def _relayed_statement(self, sent: Sentence, cue: Cue, j: int, outlet: Entity | None) -> bool:
        """'وبحسب فضائية روسيا اليوم، جاء في بيان صادر عن الشركة: "..."': an outlet relays a statement;
        the statement (its issuer's name) speaks, the outlet is the via."""
        toks = sent.tokens
        k = j + 1 if j < len(toks) and self.lex.has("ar_statement_verbs", toks[j].norm) else j
        if not (k + 1 < len(toks) and toks[k].norm == "في" and self.lex.has("ar_documents", toks[k + 1].norm)):
            return False
        marker = self._find_marker(sent, k + 2, window=12)
        if marker is None:
            return False
        kind, region_end, content_start = marker
        phrase = clean_mention(sent.between(toks[k + 1].start, region_end))
        issued = next((m for m in range(k + 2, min(len(toks) - 1, k + 5)) if self.lex.has("ar_issued_by", toks[m].norm)
                       and toks[m + 1].norm in sent.lex.relay_from and toks[m + 1].end <= region_end), None)
        issuer = None
        if issued is not None:
            issuer_phrase, _ = self.speakers.split_speaker_phrase(sent.between(toks[issued + 1].end, region_end))
            issuer = self.speakers.resolve(issuer_phrase, self.last_speaker) if issuer_phrase else None
            if issuer is not None:  # 'بيان صادر عن الشركة حول الموضوع': the statement's phrase ends with its issuer
                after = toks[issued + 1].end
                issuer_end = after + sent.between(after, region_end).find(issuer_phrase) + len(issuer_phrase)
                phrase = clean_mention(sent.between(toks[k + 1].start, issuer_end))
        statement = self.speakers.resolve(phrase, self.last_speaker)
        if statement is None:
            return False
        speaker = Entity(text=phrase, name=issuer.name, kind=issuer.kind) if issuer is not None else statement
        via = [outlet] if outlet is not None else []
        q = sent.quote_at(content_start, 0) if kind == "quote" else None
        if q is not None:
            self._add(sent, q.inner, cue, speaker, via, direct=True)
        else:
            self._add(sent, (content_start, self._clause_end(sent, content_start)), cue, speaker, via)
        return True

    def _relay(self, sent: Sentence, cue: Cue) -> None:
        """نقلت X عن Y قوله ... / X quoted Y as saying ..."""
        toks = sent.tokens
        if sent.lang == "en":
            self._english(sent, cue)
            return
        from_at = next((k for k in range(cue.last, min(len(toks), cue.last + 10)) if toks[k].norm in sent.lex.relay_from), None)
        if from_at is None:
            return
        relay = None
        if from_at > cue.last:
            named = self.speakers.registry_entities(sent.between(toks[cue.last].start, toks[from_at - 1].end))
            relay = named[0] if named else None
        if relay is None:
            relay = self._speaker_before(sent, cue)
        k = from_at + 1
        speaker_end = k
        while speaker_end < len(toks) and toks[speaker_end].norm not in sent.lex.relay_saying and not self._is_complementizer(toks[speaker_end].norm) and not sent.lex.has("ar_stop", toks[speaker_end].norm) and not self._comma_before(sent, speaker_end, k):
            speaker_end += 1
        if speaker_end == k:
            return
        speaker = self.speakers.resolve(sent.between(toks[k].start, toks[speaker_end - 1].end), self.last_speaker)
        if speaker is None:
            return
        rest = speaker_end
        if rest < len(toks) and toks[rest].norm in sent.lex.relay_saying:
            rest += 1
        marker = self._find_marker(sent, rest, window=14)
        if marker is not None:
            kind, _, content_start = marker
            q = sent.quote_at(content_start, 0) if kind == "quote" else None
            if q is not None:
                self._add(sent, q.inner, cue, speaker, [relay] if relay else [], direct=True)
                return
        elif rest < len(toks):
            content_start = toks[rest].start
        else:
            return
        self._add(sent, (content_start, self._clause_end(sent, content_start)), cue, speaker, [relay] if relay else [])

    # ================================================================ English
    def _english(self, sent: Sentence, cue: Cue) -> None:
        toks = sent.tokens
        aux = cue.first - 1
        while aux >= 0 and self.lex.has("en_adverbs", toks[aux].norm):
            aux -= 1
        if aux >= 0 and self.lex.has("passive_aux", toks[aux].norm) and not (cue.kind == "participle" and self.lex.has("en_progressive_aux", toks[aux].norm)):
            return
        if cue.kind == "object" and not self._english_object_opens(sent, cue):
            return
        cue_start, cue_end = toks[cue.first].start, toks[cue.last - 1].end
        clause_start = self._clause_start(sent, cue.first)
        before_text = sent.between(clause_start, cue_start)
        # content first: '"...," said X.' / 'Prices will rise, X said.' / '"...," X said.'
        comma = max(before_text.rfind(","), before_text.rfind("”,"), before_text.rfind(',"'))
        quote_before = self._quote_before(sent, cue, slack_words=14)
        after_region_end = self._clause_end(sent, cue_end)
        tail = sent.between(cue_end, after_region_end).strip()
        between_words = before_text[comma + 1 :].split() if comma > 0 else []
        object_follows = sent.quote_at(cue_end, 4) is not None or self._english_reported_object(sent, cue) is not None
        infinitive = cue.first > 0 and toks[cue.first - 1].norm == "to"  # 'appeared at court to deny eight counts'
        content_first = not object_follows and not infinitive and cue.kind != "object" and not self._english_participle_clause(before_text[:comma]) and ((
            comma > 0 and cue.kind in ("speech", "carry") and "that" not in tail.split()
            and (len(tail.split()) <= 5 or self._english_clause_then_comma(before_text[:comma], cue_end))
            and 0 < len(between_words) <= 6 and len(before_text[:comma].split()) >= 4
        ) or (comma > 0 and not between_words and 0 < len(tail.split()) <= 6 and len(before_text[:comma].split()) >= 4
              and (tail[:1].isupper() or not any(self.lex.has("en_not_in_subject", w.lower()) for w in tail.split()))
              and not self._english_clause_in_tail(tail)))
        if quote_before is not None or content_first:
            if quote_before is not None:
                content = quote_before.inner
                direct = True
                if len(self.raw[content[0]:content[1]].split()) <= 2:
                    # '"Incidentally," Kennedy said, "there have been four outbreaks"': a lone word opens the
                    # quote; the quote after the cue carries the claim
                    after = next((q for q in sent.quotes if cue_end <= q.start < after_region_end + 3), None)
                    if after is None:
                        return
                    content = after.inner
                speaker_text = sent.between(quote_before.end, cue_start).strip(TRIM + "\"”'")
            else:
                content = trim_span(self.raw, sent.span[0], clause_start + comma)
                direct = False
                speaker_text = sent.between(clause_start + comma + 1, cue_start).strip(TRIM)
            if not speaker_text:
                speaker_text = sent.between(cue_end, after_region_end).strip(TRIM)
                speaker_text = self._english_np(speaker_text)
            speaker = self.speakers.resolve(speaker_text, self.last_speaker) if speaker_text else self.last_speaker
            via = self._english_relays(cue, sent.between(cue_end, after_region_end))
            quoted = self._english_quoted_speaker(sent, cue) if cue.kind == "relay" else None
            if quoted is not None:
                # '"...," the agency cited Hari Pathak, a local man, as saying': the quoted man speaks, relayed
                speaker, via = quoted, [speaker] if speaker is not None else []
            self._add(sent, content, cue, speaker, via, direct=direct)
            return
        # speaker first: 'X said (that) ...', 'X told Reuters on Monday that ...'
        before_text, negated = self._english_strip_aux(before_text)
        polarity = "denied" if negated else None
        speaker_text = self._strip_dateline(self._english_subject(before_text))
        subject_words = [w.lower() for w in speaker_text.split()]
        if any(self.lex.has("en_not_in_subject", w) for w in _outside_names(speaker_text.split())) or (subject_words and self.lex.has("en_noun_before", subject_words[-1])):
            # the cue word is a noun: "investigate reports by ...", "commenting on reports that ..."
            speaker_text = self._english_nominal_source(sent, cue)
        if not speaker_text and not self._english_shared_subject(before_text):
            return
        speaker = self.speakers.resolve(speaker_text, self.last_speaker) if speaker_text else self.last_speaker
        if toks[cue.first].norm.endswith("ing") and self._comma_before(sent, cue.first, 0):
            # '..., demanded an inquiry, describing the price as “a giveaway”': the participle's subject is the clause's
            speaker = (sent.claims[-1].speaker if sent.claims else self._english_main_subject(sent, cue)) or speaker
        earlier = self._english_conjoined_verb(sent, before_text)
        if earlier is not None:
            speaker, polarity = earlier.speaker, None  # 'Kamat refuted the allegation and said ...': Kamat speaks on
        relayed = self._english_as_saying(sent, cue_end)
        if relayed is not None:
            cue_end = relayed[1]
            quoted = self._english_quoted_speaker(sent, cue)
            if quoted is None or speaker is None:
                return
            speaker, relays = quoted, [speaker]
        elif cue.kind == "relay":
            return
        else:
            relays = []
        rest_start = cue_end
        rest = sent.between(cue_end, sent.span[1])
        lower = rest.lower()
        that = self._find_word(lower, "that")
        if that >= 0 and self.lex.has("en_clause_only", cue.form.words[0]) and self._cue_between(sent, cue.last, cue_end + that):
            that = -1  # 'said A, adding that B': the "that" opens the participle's clause, not this cue's
        colon = rest.find(":")
        q = sent.quote_at(cue_end, 4)
        via = []
        if q is not None:
            content, direct = q.inner, True
        elif colon >= 0 and (colon < 40 or (colon < 120 and sent.quote_at(cue_end + colon + 1, 2))) and (that < 0 or colon < that):
            start = cue_end + colon + 1
            qq = sent.quote_at(start, 2)
            content, direct = ((qq.inner, True) if qq else ((start, self._clause_end(sent, start)), False))
        elif that >= 0 and that < 80 and cue.form.polarity == "denied" and self._owned_report(rest[:that]):
            # 'rubbished an Australian media report that A': the report is what is denied; A stays the report's own
            content, direct = trim_span(self.raw, cue_end, cue_end + that), False
        elif that >= 0 and that < 80 and (cue.kind != "object" or not rest[:that].strip()):
            via = self._english_relays(cue, rest[:that])
            start = cue_end + that + 4
            bridge = tokenize(rest[:that])
            if bridge and self.lex.has("en_extraposed", bridge[0].norm) and any(self.lex.has("en_hedges", t.norm.strip("“”\"")) for t in bridge):
                start, polarity = cue_end, polarity or "hedged"  # 'said it was “likely” that ...': the whole is a hedged claim
            content, direct = (start, self._clause_end(sent, start)), False
        elif (obj := self._english_reported_object(sent, cue)) is not None:
            content, direct = obj, False  # 'denied the allegation', 'dismissed accusations of ballot stuffing'
        else:
            if not self.lex.has("bare_complement", cue.form.words[0]) and cue.kind != "object" and relayed is None:
                return  # ('cited Y as saying the bridge is safe': "saying" takes the bare clause)
            if cue.kind == "object":
                start = cue_end
            else:
                skip = self._english_skip_adverbials(rest, self.lex.has("en_listener_cues", cue.form.words[0]))
                via = self._english_relays(cue, rest[:skip])
                start = rest_start + skip
            end = self._clause_end(sent, start)
            if len(sent.between(start, end).split()) < (2 if cue.form.polarity == "denied" or cue.kind == "object" else 3):
                return
            if cue.kind != "object" and self.lex.has("en_topic_prepositions", sent.between(start, end).split()[0].lower()):
                return  # 'who wrote of it on his site', 'spoke about the plan': a topic, no proposition
            content, direct = (start, end), False
        via = via + relays + self._english_lead_relays(before_text)
        if direct:
            self._add(sent, content, cue, speaker, via, direct=True, polarity=polarity)
            return
        for part in self._english_coordinated(sent, content):
            self._add(sent, part, cue, speaker, via, polarity=polarity)

    def _cue_between(self, sent: Sentence, first: int, end: int) -> bool:
        """A participle cue after a comma (', adding', ', asserting') starts at token `first` or later and
        before character `end`."""
        return any(first <= k and sent.tokens[k].start < end and c.kind == "participle" and self._comma_before(sent, k, first)
                   for k, c in sent.cue_at.items())

    def _english_owned_report(self, sent: Sentence) -> None:
        """'rubbished an Australian media report that A', 'responding to a local newspaper's report that A': a report
        noun with an owner between its determiner and it, then 'that': A is the owner's claim ('a local newspaper'),
        or the report's ('an Australian media report'). Only where no claim of the sentence covers A already."""
        toks = sent.tokens
        for k in range(2, len(toks) - 2):
            if not self.lex.has("en_report_nouns", toks[k].norm) or toks[k + 1].norm != "that" or sent.in_quote(toks[k].start):
                continue
            det = next((j for j in range(k - 1, max(-1, k - 5), -1) if self.lex.has("en_report_determiners", toks[j].norm)), None)
            if det is None or det >= k - 1 or any(self._comma_before(sent, j, det) for j in range(det + 1, k + 1)):
                continue
            owner = toks[k - 1].raw
            possessive = owner.endswith(("'s", "’s"))
            end = toks[k - 1].end - 2 if possessive else toks[k].end
            speaker = self.speakers.resolve(sent.between(toks[det].start, end), self.last_speaker)
            start = toks[k + 1].end
            cue = Cue(k, k + 1, CueForm((toks[k].norm,), "speech", "asserted", (), "en"))
            self._add(sent, (start, self._clause_end(sent, start)), cue, speaker, [])

    def _owned_report(self, phrase: str) -> bool:
        """'an Australian media report', 'a local newspaper's report': a determiner, an owner, a report noun."""
        words = phrase.split()
        return (2 < len(words) <= 6 and "," not in phrase and self.lex.has("en_report_determiners", words[0].lower())
                and self.lex.has("en_report_nouns", words[-1].lower()))

    def _english_modifier_cue(self, sent: Sentence, cue: Cue) -> bool:
        """'The other confirmed case was ...', 'issued a stern warning against ...', 'news reports of a purge': a
        determiner (or 'a' and an adjective before an -ing word, or a noun of `en_noun_compound_before`) right
        before the cue word makes it an adjective or a noun, not a reporting verb ('amid reports that X' aside:
        a nominal source)."""
        toks, i = sent.tokens, cue.first
        if i == 0 or (self.lex.has("en_nominal_sources", toks[i].norm) and cue.last < len(toks) and toks[cue.last].norm == "that"):
            return False
        prev = toks[i - 1]
        if sent.between(prev.end, toks[i].start).strip():
            return False  # 'a “farce”, citing ...': punctuation between them
        if self.lex.has("en_cue_determiners", prev.norm) or (prev.raw.islower() and self.lex.has("en_noun_compound_before", prev.norm)):
            return True
        return (i >= 2 and toks[i].norm.endswith("ing") and toks[i - 2].norm in ("a", "an") and prev.raw.isalpha()
                and prev.raw.islower() and not self.lex.has("en_adverbs", prev.norm))

    def _english_main_subject(self, sent: Sentence, cue: Cue) -> Entity | None:
        """'Muthoni also issued a stern warning against open defecation, noting that A': the subject of the clause's
        first verb speaks the participle's claim (None when no verb shows or the subject resolves to no one)."""
        parts = sent.between(sent.span[0], sent.tokens[cue.first].start).strip(TRIM).split(", ")
        while len(parts) > 1 and parts[0].split() and (self.lex.has("en_lead_prepositions", parts[0].split()[0].lower()) or self._english_participle_lead(parts[0])):
            parts = parts[1:]  # 'Blasting the company, Deputy Michael Collins ... demanded ...': a lead participle clause
        words = self._drop_lead_words(", ".join(parts).split())
        verb = next((i for i, w in enumerate(words[1:], 1) if w[:1].islower() and self._english_verb_word(w.lower().strip(","))), None)
        subject = words[:verb] if verb is not None and verb <= 10 else []
        if len(subject) > 6 and "," in " ".join(subject):
            subject = " ".join(subject).split(",")[0].split()  # 'Deputy Michael Collins (Ind), from the Mizen peninsula,'
        while subject and self.lex.has("en_adverbs", subject[-1].lower()):
            subject.pop()
        return self.speakers.resolve(" ".join(subject), self.last_speaker) if subject else None

    def _english_object_opens(self, sent: Sentence, cue: Cue) -> bool:
        """An English object cue has its object right after it: not 'accused of X' (a passive participle: the
        subject is accused, it accuses no one), not 'the so-called results'; 'called X a “farce”' and the
        other naming verbs of `en_quoted_object_cues` only with a quote within the object ('called for talks',
        'a man called John' report nothing)."""
        toks = sent.tokens
        if cue.last >= len(toks) or toks[cue.last].norm in cue.form.objects:
            return False
        if self.raw[max(0, toks[cue.first].start - 1)] in "-‑":
            return False
        if not self.lex.has("en_quoted_object_cues", cue.form.words[0]):
            return True
        if self.lex.has("en_quoted_object_not", toks[cue.last].norm):
            return False
        end = self._clause_end(sent, toks[cue.last].start)
        return any(q.start >= toks[cue.last].start and q.start < end for q in sent.quotes)

    def _english_clause_in_tail(self, tail: str) -> bool:
        """'The ministry’s spokesman, Ali Hassan, told AFP that 40 people had died': after the cue comes a reported
        clause ("that", or a finite auxiliary), so the words before the cue are its subject, not content quoted first
        ('At least 40 people died, said the spokesman')."""
        words = [w.lower().strip(",.") for w in tail.split()]
        return "that" in words or any(self.lex.has("en_finite_aux", w) for w in words)

    def _english_clause_then_comma(self, before: str, cue_end: int) -> bool:
        """'A, the company said, in order to ...': a comma right after the cue closes an inserted attribution of the
        clause before it (not 'Under the new policy, she said, A': a prepositional lead is no clause)."""
        words = before.split()
        return self.raw[cue_end : cue_end + 1] in ",،" and bool(words) and not self.lex.has("en_lead_prepositions", words[0].lower())

    def _english_reported_object(self, sent: Sentence, cue: Cue) -> Span | None:
        """'denied the allegation', 'is denying claims of a ransomware attack': a denial verb whose object is an
        accusation noun; the object phrase (to the next comma or clause end) is the denied claim. None otherwise."""
        toks = sent.tokens
        if cue.form.polarity != "denied" or cue.last >= len(toks):
            return None
        i = cue.last
        while i < len(toks) - 1 and self.lex.has("en_object_determiners", toks[i].norm):
            i += 1
        if i + 1 < len(toks) and toks[i + 1].norm == "that":
            return None  # 'denied reports that X': X is the claim (the complement reading)
        start = toks[cue.last].start
        end = self._clause_end(sent, start)
        if not self.lex.has("en_object_nouns", toks[i].norm) and not self._as_quote_within(sent, cue.last, end):
            return None  # 'rejected the offer' reports nothing; 'dismissed the plan as “a fantasy”' does
        # '... the allegation and said ...': the object ends before a coordinated reporting verb
        nxt = next((k for k in range(cue.last + 1, len(toks)) if k in sent.cue_at and toks[k].start < end), None)
        if nxt is not None:
            end = toks[nxt - 1].start if self.lex.has("en_coordinators", toks[nxt - 1].norm) else toks[nxt].start
        comma = next((k for k in range(start, end) if self.raw[k] in ",;" and not sent.in_quote(k)), end)
        return trim_span(self.raw, start, comma)

    def _as_quote_within(self, sent: Sentence, first: int, end: int) -> bool:
        """'as' followed by a quote before `end`: 'dismissed the plan as “a fantasy”'."""
        toks = sent.tokens
        return any(toks[k].norm == "as" and toks[k].start < end and sent.quote_at(toks[k].end, 4) is not None
                   for k in range(first, len(toks)))

    def _english_conjoined_verb(self, sent: Sentence, before: str) -> Draft | None:
        """'X refuted the allegation and said ...': the claim of the earlier verb whose subject this cue shares."""
        words = before.split()
        if not sent.claims or not words or not self.lex.has("en_coordinators", words[-1].lower()):
            return None
        last = sent.claims[-1]
        return last if last.speaker is not None and last.speaker.text and last.speaker.text in before else None

    def _english_relays(self, cue: Cue, text: str) -> list[Entity]:
        """Known agencies in the words after a cue, or the outlet a speaker 'told' ("told 2M state television")."""
        via = self.speakers.relays_in(text)
        if via or not self.lex.has("en_relay_lead", cue.form.words[0]):
            return via
        words = []
        for w in text.split():
            if self.lex.has("en_stop", w.lower().strip(",.")) and not w[:1].isupper() and words:
                break
            words.append(w)
            if w.endswith(","):
                break
        phrase = " ".join(words).strip(TRIM)
        ent = self.speakers.named_outlet(phrase) if phrase[:1].isupper() or phrase[:1].isdigit() else None
        return [ent] if ent is not None else []

    def _english_lead_relays(self, before: str) -> list[Entity]:
        """'In an interview with US broadcaster National Public Radio, X said': the outlet is a relay."""
        parts = before.split(", ")[:-1]
        for part in parts:
            words = part.split()
            lower = [w.lower() for w in words]
            at = next((k for k, w in enumerate(lower) if self.lex.has("en_interview", w)), None)
            if at is None:
                continue
            k = next((k for k in range(at + 1, len(lower)) if self.lex.has("en_interview_with", lower[k])), None)
            if k is None:
                continue
            ent = self.speakers.named_outlet(" ".join(words[k + 1 :]))
            if ent is not None:
                return [ent]
        return []

    def _english_strip_aux(self, before: str) -> tuple[str, bool]:
        """'Obama has vowed', 'scientists do not expect', 'was quick to downplay': the subject
        without its auxiliaries, and whether they negate the verb."""
        words = before.rstrip().split()
        tails = self.lex.phrases.get("en_subject_aux", ())
        negated, changed, count = False, True, len(words)
        while words and changed:
            changed = False
            while words and self.lex.has("en_adverbs", words[-1].lower()):
                negated = negated or self.lex.has("en_negators", words[-1].lower())
                words.pop()
                changed = True
            last = words[-1].lower() if words else ""
            if self.lex.has("en_subject_aux", last):
                negated = negated or last.endswith(("n't", "n’t"))
                words.pop()
                changed = True
                continue
            for tail in tails:
                if len(words) > len(tail) and tuple(w.lower() for w in words[-len(tail):]) == tail:
                    del words[-len(tail):]
                    changed = True
                    break
        if len(words) == count:
            return before, False
        return before[: len(before) - len(before.lstrip())] + " ".join(words), negated

    def _english_quoted_speaker(self, sent: Sentence, cue: Cue) -> Entity | None:
        """The Y of 'quoted Y as saying', 'cited Y, a local man, as saying' (an appositive after the name kept out)."""
        relayed = self._english_as_saying(sent, sent.tokens[cue.last - 1].end)
        if relayed is None:
            return None
        phrase = sent.between(sent.tokens[cue.last].start, relayed[0]).strip(TRIM)
        if "," in phrase and phrase.split(",")[0].strip()[:1].isupper():
            phrase = phrase.split(",")[0].strip()
        return self.speakers.resolve(phrase, self.last_speaker) if phrase else None

    def _english_as_saying(self, sent: Sentence, cue_end: int) -> tuple[int, int] | None:
        """'X quoted Y as saying ...', 'recalled Y, a local man, as saying': (start, end) of 'as saying'."""
        toks = sent.tokens
        first = sent.token_index_at(cue_end)
        phrases = self.lex.phrases.get("en_as_saying", ())
        commas = 0
        for i in range(first + 1, min(len(toks), first + 14)):
            commas += self._comma_before(sent, i, first)
            if commas > 2 or toks[i].norm == "that" or i in sent.cue_at:
                return None
            n = starts_phrase(toks, i, phrases)
            if n:
                return toks[i].start, toks[i + n - 1].end
        return None

    def _english_coordinated(self, sent: Sentence, span: Span) -> list[Span]:
        """'said that A, that B and that C': one span per coordinated complement clause."""
        toks = sent.tokens
        parts, start = [], span[0]
        for i, t in enumerate(toks):
            if not (span[0] < t.start < span[1]) or not self._is_complementizer(t.norm) or sent.in_quote(t.start):
                continue
            prev = toks[i - 1] if i > 0 else None
            if prev is None or prev.start < start:
                continue
            if self.lex.has("en_coordinators", prev.norm):
                cut = prev.start

            elif self._comma_before(sent, i, 0):
                cut = t.start
            else:
                continue
            parts.append((start, cut))
            start = t.end
        parts.append((start, span[1]))
        return [piece for part in parts for piece in self._english_new_subject(sent, part)]

    def _english_new_subject(self, sent: Sentence, span: Span) -> list[Span]:
        """'the emergency is not over yet and sweltering conditions are expected to return', 'conversion was not
        limited to the coast, it had spread across the nation': a second clause with its own subject and verb."""
        toks = [t for t in sent.tokens if span[0] <= t.start < span[1] and not sent.in_quote(t.start)]
        aux = lambda k: self.lex.has("en_finite_aux", toks[k].norm)  # noqa: E731
        if toks and self.lex.has("en_lead_prepositions", toks[0].norm):
            return [span]  # 'if the petrol were brought under GST, it would benefit people': one clause
        for k in range(3, len(toks) - 2):
            if not any(aux(m) for m in range(k)):
                continue
            after_and = toks[k - 1].norm == "and" and not aux(k) and any(aux(m) for m in range(k + 1, min(k + 4, len(toks))))
            after_and = after_and and not (toks[k - 2].raw[:1].isupper() and toks[k].raw[:1].isupper())  # 'Trinidad and Tobago’s data is'

            after_and = after_and or (self.lex.has("en_clause_coordinators", toks[k - 1].norm) and self._english_clause_at(toks, k))
            splice = self.lex.has("en_subject_pronouns", toks[k].norm) and (aux(k + 1) or toks[k + 1].norm.endswith("ed")) and (
                any(c in sent.between(toks[k - 1].end, toks[k].start) for c in ",،"))
            if after_and or splice:
                cut = toks[k - 1].start if after_and else toks[k].start
                left = trim_span(self.raw, span[0], cut)
                return [left, *self._english_new_subject(sent, (toks[k].start, span[1]))]
        return [span]

    def _english_clause_at(self, toks: list[Token], k: int) -> bool:
        """A clause with its own subject starts at token k: a pronoun or determiner, then a finite
        auxiliary or an -ed verb within three words ('the bridges remained closed', 'it was late')."""
        if k >= len(toks) - 1 or not (self.lex.has("en_subject_pronouns", toks[k].norm) or self.lex.has("en_object_determiners", toks[k].norm)):
            return False
        return any(self.lex.has("en_finite_aux", toks[m].norm) or (toks[m].norm.endswith("ed") and len(toks[m].norm) > 4)
                   for m in range(k + 1, min(k + 4, len(toks))))

    @staticmethod
    def _find_word(lower: str, word: str) -> int:
        import re

        m = re.search(rf"\b{word}\b", lower)
        return m.start() if m else -1

    def _english_subject(self, before: str) -> str:
        words = before.strip(TRIM).split()
        if words and self.lex.has("en_coordinators", words[-1].lower()):
            # 'Kamat refuted the allegation and said', 'X is projecting growth, and also expects': a second verb
            return self._english_coordinated_subject(words[:-1])
        text = self._english_subject_phrase(words)
        # "..., though a spokesperson later told": a subordinator opening the last part is no subject
        return " ".join(self._drop_lead_words(text.split()))

    def _drop_lead_words(self, words: list[str]) -> list[str]:
        drop = self.lex.words.get("en_lead_drop", frozenset())
        while words and words[0].lower().strip(",") in drop:
            words = words[1:]
        return words

    def _english_verb_word(self, low: str) -> bool:
        """A lowercase word that reads as a finite verb or an auxiliary ('issued', 'has', 'demanded', 'warned')."""
        return (self.lex.has("en_subject_aux", low) or self.lex.has("en_finite_aux", low) or self.lex.has("en_not_in_subject", low)
                or low.endswith("ed") or (low,) in self.lex.forms)

    def _english_coordinated_subject(self, words: list[str]) -> str:
        """The subject of the first verb of 'X VERBED ... and said': the words before that verb in the
        clause it opens (lead adverbials off), or '' when no verb shows."""
        clause = self._english_subject_phrase(words, keep_long=True)
        if not clause:
            return ""
        subject = self._drop_lead_words(clause.split())
        for i, w in enumerate(subject[1:], 1):
            low = w.lower().strip(",")
            if w[:1].islower() and (self.lex.has("en_subject_aux", low) or self.lex.has("en_finite_aux", low)
                                    or self.lex.has("en_not_in_subject", low) or low.endswith("ed") or (low,) in self.lex.forms):
                return " ".join(subject[:i]) if i <= 6 else ""
        return ""

    def _english_subject_phrase(self, words: list[str], keep_long: bool = False) -> str:
        words = self._drop_lead_words(words)
        # keep the last noun phrase: after the last relative/comma boundary
        import re

        text = re.sub(r",(?=(?:who|which)\b)", ", ", " ".join(words))  # 'Lofty Uchenna,who guided ...'
        inner = re.search(r"\b(?:in|during|at|on|to|with|for|from|by|after|through) (?:which|whom) (\S+(?: \S+){0,3})$", text)
        if inner and inner.group(1).split()[0].lower() not in ("it", "there"):
            return inner.group(1)  # 'a video interview ... in which she said': the relative clause's own subject
        for sep in (" who ", " which "):
            if sep in text:
                head, _, tail = text.partition(sep)
                if ", " in tail and self._english_lead(head):
                    # 'Addressing the shootings, which have ..., Blake': the relative clause ends a lead; the subject follows
                    text = tail.rsplit(", ", 1)[-1]
                else:
                    text = head
        if ", " in text:
            # "The head of the farmers' union, however,": a sentence adverb between commas is not the subject
            parts = [part for part in text.split(", ") if not self._only_adverbs(part)] or [text]
            # "In the interview with Bloomberg, Veselnitskaya": a leading adverbial is not the subject
            while len(parts) > 1 and self._english_lead(parts[0]):
                parts = parts[1:]
            while len(parts) > 1 and self._english_predicate(parts[-1]):
                parts = parts[:-1]  # 'X, demanded intervention, describing ...': the subject before its verb
            # 'Assoumani, in power since 2016,': a prepositional appositive after the name is not part of it
            if len(parts[0].split()) <= 4:
                parts = [parts[0], *(p for p in parts[1:] if not (p[:1].islower() and self.lex.has("en_lead_prepositions", p.split()[0])))]
            # "Dmitry Peskov, the Kremlin spokesman," keeps both; a long lead clause is dropped
            # 'His Excellency Engineer Saeed bin Hamoud Al Maawali, Minister of ...': a long name is no lead clause
            text = (parts[0] if self._capitalised_run(parts[0]) else parts[-1]) if len(parts[0].split()) > 6 else ", ".join(parts)
            # "Residents, some digging with their bare hands ..., said": a long appositive after a short subject
            if len(text.split()) > 12 and len(parts) == 2 and len(parts[0].split()) <= 4 and parts[1][:1].islower() and not self.lex.has("en_lead_prepositions", parts[0].split()[0].lower()):
                text = parts[0]
        return text if 0 < len(text.split()) <= 12 or (keep_long and text) else self._long_subject_name(text)

    def _capitalised_run(self, part: str) -> bool:
        """Every word capitalised or a name particle ('bin', 'al'): a name with its courtesy titles."""
        return all(w[:1].isupper() or self.lex.has("en_name_particles", w.lower()) for w in part.split())

    def _english_lead(self, part: str) -> bool:
        """'In the interview with Bloomberg', 'Brushing the criticism aside': an adverbial leading the clause, no subject."""
        words = part.split()
        return bool(words) and (self.lex.has("en_lead_prepositions", words[0].lower()) or self._english_participle_lead(part))

    @staticmethod
    def _long_subject_name(text: str) -> str:
        """'Jailed ex-prime minister X's party (BNP) secretary general Mirza Fakhrul Islam Alamgir': a subject too
        long to be a plain speaker phrase that still ends in a capitalised name keeps its last twelve words."""
        text = text.strip(" ,").rsplit(",", 1)[-1]  # 'The coach of the club, Oyo, Lekan Akinpelu and ...': the last part
        words = text.split()
        if not words or any(c in text for c in ";:"):
            return ""
        if words[-1][:1].isupper():
            return " ".join(words[-12:])
        # 'Lekan Akinpelu and gaffer of the winner of the 7th ... competition': a name, then its long description
        name = list(takewhile(lambda w: w[:1].isupper(), words))
        return " ".join(name) if len(name) >= 2 and words[len(name)][:1].islower() else ""

    def _only_adverbs(self, part: str) -> bool:
        words = [w.lower().strip(",") for w in part.split()]
        return bool(words) and all(self.lex.has("en_adverbs", w) or self.lex.has("en_lead_drop", w) for w in words)

    @staticmethod
    def _strip_dateline(text: str) -> str:
        """'Lord's, June 4 (SocialNews.XYZ) England Test captain Ben Stokes', 'MOSCOW (Reuters) - A Russian lawyer':
        a dateline (a place in capitals or a date, then the outlet in brackets) glued to the subject."""
        close = text.find(")")
        opened = text.find("(")
        if opened <= 0 or close < opened or not text[close + 1 :].strip(" -–—"):
            return text
        place = text[:opened].strip()
        if not (any(c.isdigit() for c in place) or place.replace(",", "").replace(" ", "").isupper()):
            return text
        return text[close + 1 :].strip(" -–—")

    def _english_participle_clause(self, part: str) -> bool:
        """'Addressing a press conference after the meeting', 'Commenting on the report': one participle clause with
        its complement (no comma inside), which leads the sentence; not content said before the cue."""
        words = part.split()
        return (len(words) >= 2 and "," not in part and len(words[0]) >= 5 and words[0].lower().endswith("ing")
                and self.lex.has("en_participle_complement_heads", words[1].lower()))

    def _english_participle_lead(self, part: str) -> bool:
        """'Brushing the criticism aside, Kohli', 'aired Tuesday, X': a participle clause, not a name."""
        words = part.split()
        first = words[0]
        if len(first) < 5 or not any(first.lower().endswith(x) for x in self.lex.words.get("en_lead_participle_endings", ())):
            return False
        return first[:1].islower() or (len(words) > 1 and not words[1][:1].isupper())

    def _english_nominal_source(self, sent: Sentence, cue: Cue) -> str:
        """'reports that X': the noun names an anonymous source when 'that' follows it."""
        toks = sent.tokens
        if not self.lex.has("en_nominal_sources", toks[cue.first].norm) or cue.last >= len(toks):
            return ""
        if toks[cue.last].norm != "that" and not (self.lex.has("en_nominal_bare_before", toks[cue.first - 1].norm)
                                                  and self._english_clause_follows(sent, cue.last)):
            return ""  # 'amid claims the vote lacked transparency': 'that' left out after 'amid'/'despite'
        return toks[cue.first].raw

    def _english_clause_follows(self, sent: Sentence, k: int) -> bool:
        """A bare clause opens at token k: no preposition first ('claims of fraud'), and a finite verb or auxiliary
        within ten words ('the two-round vote to elect 33 lawmakers lacked transparency')."""
        toks = sent.tokens
        if k >= len(toks) or self.lex.has("en_lead_prepositions", toks[k].norm) or toks[k].norm in ("of", "about", "that"):
            return False
        return any(self.lex.has("en_finite_aux", toks[m].norm) or (toks[m].norm.endswith("ed") and len(toks[m].norm) > 4)
                   for m in range(k + 1, min(k + 10, len(toks))))

    def _english_shared_subject(self, before: str) -> bool:
        """'... and also expects', '... data that suggested': the verb shares an earlier subject."""
        words = [w.lower() for w in before.split()]
        while words and self.lex.has("en_adverbs", words[-1]):
            words.pop()
        return bool(words) and self.lex.has("en_shared_subject", words[-1])

    def _english_np(self, text: str) -> str:
        words = text.split()
        stop = self.lex.words.get("en_stop", frozenset())
        out = []
        for w in words:
            if w.lower().strip(",.") in stop and out:
                break
            out.append(w)
            if w.endswith(","):
                break
        return " ".join(out).strip(TRIM)

    def _english_skip_adverbials(self, rest: str, listener: bool = True) -> int:
        """Offset after 'told reporters on Monday', 'told Reuters', 'in a statement', etc. before the content. After a
        cue that takes no listener ('said Iran will respond'), a capitalised name is the content's subject unless a
        comma or a time or place phrase follows it."""
        import re

        m = re.match(_LISTENER_SKIP if listener else _NAME_SUBJECT_SKIP, rest)
        return m.end() if m else 0

    # ================================================================ content and source helpers
    def _is_complementizer(self, norm: str) -> bool:
        return norm in self.lex.complementizers

    def _is_verb_like(self, norm: str) -> bool:
        return (norm[:1] in "اينت" or norm in self.lex.forms or (norm, ) in self.lex.forms) and len(norm) >= 3

    def _comma_before(self, sent: Sentence, i: int, floor: int) -> bool:
        if i <= floor:
            return False
        gap = sent.between(sent.tokens[i - 1].end, sent.tokens[i].start)
        return "،" in gap or "," in gap

    def _find_marker(self, sent: Sentence, first: int, window: int = 45) -> tuple[str, int, int] | None:
        """What opens the content after a cue: a complementiser, a colon or a quotation.

        Returns (kind, end of the speaker region, content start).
        """
        toks = sent.tokens
        limit = min(len(toks), first + window)
        prev_end = toks[first - 1].end if first > 0 else sent.span[0]
        for i in range(first, limit + 1):
            gap_end = toks[i].start if i < len(toks) else sent.span[1]
            gap = self.raw[prev_end:gap_end]
            colon = gap.find(":")
            if colon >= 0 and i >= first:
                q = sent.quote_at(prev_end + colon + 1, 3)
                if q is not None:
                    return "quote", prev_end + colon, q.start
                if i < len(toks):
                    return "colon", prev_end + colon, toks[i].start
            q = sent.quote_at(prev_end, len(gap)) if sent.quotes else None
            if q is not None and q.start < gap_end and (q.inner[1] - q.inner[0]) > 12 and not self._name_quote(sent, q, first):
                return "quote", q.start, q.start
            if i >= len(toks):
                break
            t = toks[i]
            if self._is_complementizer(t.norm):
                if i > first and (toks[i - 1].norm, t.norm) in self.lex.phrases.get("ar_clause_end", ()):
                    return None  # 'أشار إلى A، غير أنه أكد أن B': 'غير أنه' (however) opens a clause, not A
                region_end = t.start
                if i > first and toks[i - 1].norm in self.lex.complementizer_leads and not t.raw.startswith("إن"):
                    region_end = toks[i - 1].start  # 'شدد على أن'; not 'أسامة علي إن' (إنّ follows no preposition)
                if i + 1 < len(toks):
                    return "comp", region_end, t.end
                return None
            if i > first and i in sent.cue_at and sent.cue_at[i].kind in ("speech", "object", "participle", "carry"):
                return None  # another cue opens its own clause: '... وتعهد بـY، مذكرا أنه ...'
            if t.norm in (".",):
                return None
            prev_end = t.end
        return None

    def _name_quote(self, sent: Sentence, q: Quote, first: int) -> bool:
        """A short quoted name inside a speaker phrase: مجلس "جيرمان كاونسل"، صحيفة "موسكوفسكي"."""
        words = sent.between(*q.inner).split()
        if len(words) <= 3 and sent.between(q.end, q.end + 3).strip()[:1] == ":" and sent.between(q.end, q.end + 3).strip()[1:2] != "\"":
            return True  # 'عبر فضائية "الأولي المصرية" : قدراتنا جاهزة': a short name closing the speaker phrase before a colon
        if len(words) > 6 or q.start - sent.tokens[first - 1].end > 60:
            return False
        later = [o for o in sent.quotes if o.start > q.end]
        before = sent.between(sent.tokens[first - 1].end, q.start)
        # 'أعلن عن فوز «القائمة الوطنية من أجل مصر» في الدوائر': the clause goes on after the name
        goes_on = sent.between(q.end, q.end + 2).strip()[:1].isalpha()
        return (bool(later) or goes_on) and bool(before.strip()) and not any(c in before for c in ":")

    def _quote_before(self, sent: Sentence, cue: Cue, slack_words: int = 1) -> Quote | None:
        """Quote-first order: '"..."، سخر فلان' / '"...," said X'."""
        cue_start = sent.tokens[cue.first].start
        for q in reversed(sent.quotes):
            if q.end <= cue_start:
                gap = sent.between(q.end, cue_start)
                if len(gap.split()) <= slack_words and (q.inner[1] - q.inner[0]) > 8:
                    return q
                return None
        return None

    def _clause_start(self, sent: Sentence, first: int) -> int:
        """Start of the clause holding token `first`: after the last claim or sentence start."""
        start = sent.span[0]
        for d in sent.claims:
            if d.span[1] <= sent.tokens[first].start:
                start = max(start, d.span[1])
        return start

    def _clause_end(self, sent: Sentence, start: int) -> int:
        """End of reported content starting at `start`: sentence end, or a new clause."""
        toks = sent.tokens
        end = sent.span[1]
        i = first = sent.token_index_at(start)
        lex = self.lex
        clause_end = lex.words.get(f"{sent.lang}_clause_end", frozenset())
        clause_phr = lex.phrases.get(f"{sent.lang}_clause_end", ())
        clause_phr_starts = lex.starts(f"{sent.lang}_clause_end")
        for q in sent.quotes:
            # '... 10 آلاف شخص”ويوم الأحد': a closing mark glued to the next word ends the reported words
            if q.balanced and start - 2 <= q.start and q.end < end and self.raw[q.end].isalpha():
                end = q.end
                break
        while i < len(toks):
            t = toks[i]
            if sent.quotes and sent.in_quote(t.start):
                i += 1
                continue
            gap = self.raw[toks[i - 1].end if i > 0 else sent.span[0] : t.start]
            if i > 0 and t.start > start and ("؛" in gap or ";" in gap):
                end = toks[i - 1].end
                break
            may_end = t.norm in clause_phr_starts  # a clause-ending word or phrase may start here
            if i > 0 and t.start > start and ("،" in gap or "," in gap):
                first_cue = sent.cue_at.get(i)
                if (may_end and self._ends_clause(toks, i, first, clause_end, clause_phr, clause_phr_starts)) or (
                    first_cue is not None and first_cue.kind in ("participle", "according", "carry", "relay")
                    and not (first_cue.kind == "according" and self._accordance(sent, first_cue))
                ) or (first_cue is not None and first_cue.kind == "speech" and t.norm[:1] in "وف"):
                    end = toks[i - 1].end
                    break
            if may_end and i > 0 and t.start > start + 1 and self._ends_clause(toks, i, first, clause_end, clause_phr, clause_phr_starts):
                end = toks[i - 1].end
                break
            if i > 0 and t.start > start and sent.lang == "ar" and i in sent.cue_at:
                cue_here = sent.cue_at[i]
                if cue_here is not None and cue_here.kind == "according" and t.norm in ("بحسب", "حسب", "حسبما", "وفق", "وفقا") and not self._accordance(sent, cue_here):
                    end = toks[i - 1].end
                    break
            i += 1
        return end

    def _ends_clause(self, toks: list[Token], i: int, first: int, words: frozenset[str], phrases, phrase_starts: frozenset[str]) -> bool:
        """A clause-ending word or phrase at token i of content starting at token `first`. Not so: 'في وقت الذروة',
        'في وقت متأخر' (a noun phrase: a definite word or an adjective after it), nor 'بلغ A، فيما بلغ B' (a
        'while' clause repeating the content's verb belongs to the same statement)."""
        norm = toks[i].norm
        n = 1 if norm in words else starts_phrase(toks, i, phrases) if norm in phrase_starts else 0
        if not n or i + n >= len(toks):
            return bool(n)
        after = toks[i + n].norm
        if self.lex.has("en_coordinators", norm) and after in self.lex.complementizers:
            return False  # 'said that A but that B': B is a second complement of the same cue
        if self.lex.has("en_clause_coordinators", norm) and self._english_clause_at(toks, i + 1):
            return False  # 'said A but the bridges remained closed': split later as a new subject
        if self.lex.has("en_reduced_clause_end", norm) and self._reduced_clause(toks, i + 1, self.raw[toks[i - 1].end : toks[i].start].strip() == ""):
            return False  # 'said he wore a mask while outdoors / while visiting the clinics': no clause of its own
        if tuple(map(NORM, toks[i : i + n])) in self.lex.phrases.get("ar_clause_end_nominal", ()):
            return after[:2] != "ال" and after[:1] != "م"
        if self.lex.has("ar_clause_end_parallel", norm) or tuple(map(NORM, toks[i : i + n])) in self.lex.phrases.get("ar_clause_end_parallel", ()):
            return not any(t.norm == after for t in toks[first:i])
        return True

    def _reduced_clause(self, toks: list[Token], k: int, unpunctuated: bool) -> bool:
        """The words from token k on hold no subject-and-verb clause: an -ing word first ('visiting the clinics'), or
        no finite verb, auxiliary, pronoun or -ed word in the next four words ('outdoors', 'in hospital'); after a
        comma or a dash ('..., while 620 others sustained injuries') only a tail of three words or fewer counts."""
        if toks[k].norm.endswith("ing") and len(toks[k].norm) > 4:
            return True
        return (unpunctuated or len(toks) - k <= 3) and not any(
            self.lex.has("en_finite_aux", t.norm) or self.lex.has("en_subject_pronouns", t.norm) or (t.norm.endswith("ed") and len(t.norm) > 4)
            for t in toks[k : k + 4])

    def _source_phrase_end(self, sent: Sentence, first: int) -> int:
        """End token (exclusive) of a source phrase after بحسب/وفق/نقلت: up to a stop or comma."""
        toks = sent.tokens
        reg_end = self._entity_phrase_end(sent, first)
        j = first
        while j < len(toks) and j < first + 8:
            t = toks[j]
            if j > first and (self._comma_before(sent, j, first) or sent.lex.has("ar_stop", t.norm) or sent.lex.has("en_stop", t.norm) or t.norm in sent.lex.relay_from):
                break
            if self._is_complementizer(t.norm) or t.norm in ("فقد", "فان"):
                break
            j += 1
        if reg_end is not None:
            return max(reg_end, min(j, reg_end + 3)) if j > reg_end else reg_end
        return j

    def _entity_phrase_end(self, sent: Sentence, first: int) -> int | None:
        """End token of a registry entity (or coordinated entities) starting at `first`."""
        toks = sent.tokens
        words = [t.raw for t in toks[first : first + 12]]
        found = self.speakers.registry_prefix(words)
        if found:
            return first + found
        if len(words) > 1 and (self.lex.has("ar_outlet", toks[first].norm) or self.lex.has("ar_agency", toks[first].norm)):
            found = self.speakers.registry_prefix(words[1:])  # 'فضائية روسيا اليوم': a head word, then the outlet's name
            if found:
                return first + 1 + found
        if first < len(toks) and toks[first].norm in self.lex.carried_starts:
            for phrase in self.lex.carried_speakers:  # "واكد البيان تنسيق ...", "وأضاف المصدر نفسه"
                if tuple(map(NORM, toks[first : first + len(phrase)])) == phrase:
                    return first + len(phrase)
        # a title/definite chain: "وزير الخارجية الأمريكي"
        j = first
        if j < len(toks) and (self.lex.has("ar_titles", toks[j].norm) or self.lex.has("ar_group", toks[j].norm) or self.lex.has("ar_organization", toks[j].norm)):
            j += 1
            while j < len(toks) and toks[j].norm.startswith("ال") and not self._comma_before(sent, j, first) and not sent.lex.has("ar_stop", toks[j].norm):
                j += 1
            return j
        return None

    def _seen_speaker_end(self, sent: Sentence, first: int) -> int | None:
        """'وأشار نبيه استبعاد أي لاعب ...' (إلى left out): a speaker named earlier in the article, by the last word
        of the name, right after the cue and before more words, ends there; None otherwise."""
        toks = sent.tokens
        if sent.lang != "ar" or first + 1 >= len(toks) or self._comma_before(sent, first + 1, first):
            return None
        key = name_key(toks[first].raw)
        known = self.speakers.seen.get(key)
        return first + 1 if known is not None and known.kind == "person" and len(key) >= 3 else None

    def _only_lead_words(self, sent: Sentence, a: int, b: int) -> bool:
        lead = self.lex.any_of("ar_lead_drop", "en_lead_drop")
        return all(t.norm in lead for t in sent.tokens if a <= t.start < b)

    def _speaker_after(self, sent: Sentence, cue: Cue, region: Span) -> tuple[Entity | None, list[Entity]]:
        text = sent.between(*region)
        relayed = self._relayed_speaker(text)
        if relayed is not None:
            return relayed
        phrase, rest = self.speakers.split_speaker_phrase(text)
        via = self.speakers.relays_in(rest)
        if not phrase:
            return None, via
        resolved = self.speakers.document_speaker(phrase, self.last_speaker) if sent.lang == "ar" else None
        if resolved is None:
            resolved = self.speakers.resolve(phrase, self.last_speaker)
        return (resolved if resolved is not None else False), via

    def _relayed_speaker(self, text: str) -> tuple[Entity, list[Entity]] | None:
        """'موقع "سبوتنيك" الإخباري، نقلاً عن "abc7"': the phrase after نقلاً عن speaks, relayed by the one before."""
        toks = tokenize(text)
        at = next((k for k in range(1, len(toks) - 2) if self.lex.has("ar_relayed_from", toks[k].norm) and toks[k + 1].norm in self.lex.relay_from), None)
        if at is None:
            return None
        relay_phrase, _ = self.speakers.split_speaker_phrase(text[: toks[at].start])
        phrase, rest = self.speakers.split_speaker_phrase(text[toks[at + 1].end :])
        relay = self.speakers.resolve(relay_phrase, self.last_speaker) if relay_phrase else None
        speaker = self.speakers.resolve(phrase, self.last_speaker) if phrase else None
        if relay is None or speaker is None:
            return None
        return speaker, [relay, *self.speakers.relays_in(rest)]

    def _speaker_before(self, sent: Sentence, cue: Cue) -> Entity | None:
        """Subject-first order ('لكن بوتين شدد على أن') or a carried speaker."""
        start = self._clause_start(sent, cue.first)
        cue_start = sent.tokens[cue.first].start
        if sent.claims and sent.tokens[cue.first].norm[:1] in "وف" and self._comma_before(sent, cue.first, 0):
            return sent.claims[-1].speaker  # "أشار X إلى أن A، ولفت إلى أن B": a coordinated verb
        if any(not q.balanced and start <= q.start < cue_start for q in sent.quotes):
            return self.last_speaker  # '... وأضاف X: "يتعين ...، مشيرا إلى أن': quoted words never name the speaker
        text = sent.between(start, cue_start)
        # the last comma-separated part, minus leading particles
        for sep in ("،", ","):
            if sep in text:
                head, tail = text.rsplit(sep, 1)
                if tail.strip():
                    text = tail
                else:
                    named = [e for e in self.speakers.registry_entities(head) if e.kind in ("person", "organization", "government")]
                    if named:
                        return self.speakers.resolve(head.rsplit(sep, 1)[-1], self.last_speaker) or named[-1]
        if text.strip()[:1] in "\"“«„":
            return self.last_speaker  # '"لقد حققنا ..."، وأوضح أن': a quotation is no subject
        # "... حاليًا لكنه أوضح": the subject starts at the last clause-ending word ("لكنه": but he)
        toks = tokenize(text)
        ends = [t for t in toks if self.lex.has(f"{sent.lang}_clause_end", t.norm) or self.lex.has("pronoun_person", t.norm)]
        if ends and ends[-1] is not toks[0]:
            text = text[ends[-1].start :]
        phrase = self.speakers.strip_lead(text)
        if sent.lang == "ar":
            phrase = self._subject_after_verb(phrase) or phrase  # 'وأكمل المدرب حديثه وقال': the subject only
        # 'لقي 13 شخصا مصرعهم وأُعلن ...': a clause with a count is the content, not a subject
        if phrase and len(phrase.split()) <= 8 and not any(c.isdigit() for c in phrase) and not find_cues(tokenize(phrase), self.lex):
            ent = self.speakers.resolve(phrase, self.last_speaker)
            if ent is not None:
                return ent
        shared = self._subject_of_first_verb(sent, cue, phrase)
        return shared if shared is not None else self.last_speaker

    def _english_predicate(self, part: str) -> bool:
        """'demanded government intervention': a comma part opening with a lower-case past verb is a predicate,
        no subject."""
        words = part.split()
        first = words[0] if words else ""
        return first.isalpha() and first.islower() and len(first) >= 5 and first.endswith("ed")

    def _subject_after_verb(self, phrase: str) -> str | None:
        """'وأكمل المدرب حديثه', 'واستقبل وزير الصحة الوفد': words before a cue that open with a verb (a word no
        list knows as a noun, name or title, before a title or a definite noun) hold its subject: the title or
        definite noun and the definite words and name parts after it. None when the words open otherwise."""
        toks = tokenize(phrase)
        if len(toks) < 3:
            return None
        first = toks[0].norm[1:] if toks[0].norm[:1] in "وف" and len(toks[0].norm) > 3 else toks[0].norm
        nouns = self.lex.any_of("ar_titles", "ar_group", "ar_anonymous", "ar_agency", "ar_outlet", "ar_organization", "ar_documents",
                                "ar_source_nouns", "ar_lead_drop", "ar_stop", "ar_not_speaker", "pronoun_person")
        parts = name_parts()
        if len(first) < 3 or first.startswith("ال") or first in nouns or toks[0].norm in nouns or (first,) in parts.parts \
                or self.speakers.registry_prefix([t.raw for t in toks]):
            return None
        second = toks[1].norm
        title = self.lex.has("ar_titles", second) or self.lex.has("ar_organization", second)  # 'خرجت وزارة التربية'
        if not (second.startswith("ال") or title):
            return None
        j = 3 if title and not second.startswith("ال") and not toks[2].norm.startswith("ال") and not self.lex.has("ar_stop", toks[2].norm) else 2  # 'مدير عام'
        while j < len(toks) and (toks[j].norm.startswith("ال") or (toks[j].norm,) in parts.parts) and not self.lex.has("ar_stop", toks[j].norm):
            j += 1
        return phrase[toks[1].start : toks[min(j, len(toks)) - 1].end]

    def _subject_of_first_verb(self, sent: Sentence, cue: Cue, clause: str) -> Entity | None:
        """'وردّت الشركة على الاتهامات وأكدت أن ...': a cue verb joined by و to an earlier verb of its
        clause shares that verb's subject, the phrase right after the earlier verb."""
        if sent.lang != "ar" or not sent.tokens[cue.first].norm.startswith("و"):
            return None
        toks = tokenize(clause)
        if len(toks) < 2 or not self._is_verb_like(toks[0].norm.removeprefix("و")) or toks[0].raw[-1:] in "،,":
            return None
        phrase, _ = self.speakers.split_speaker_phrase(clause[toks[0].end :])
        if not phrase or len(phrase.split()) > 6 or any(c.isdigit() for c in phrase) or find_cues(tokenize(phrase), self.lex):
            return None
        return self.speakers.resolve(phrase, self.last_speaker)

    def _turn_opener_at(self, sent: Sentence, i: int) -> int | None:
        """'... من جهته قال وزير', '... وفي وقت سابق من يوم أمس قال X': where a new speaker's turn opens
        (in run-on text with no full stop), as the first token of the opener; None when none."""
        toks = sent.tokens
        j = i
        while j > 0 and i - j < 6 and (self.lex.has("ar_time_words", toks[j - 1].norm) or self.lex.has("ar_turn_fillers", toks[j - 1].norm)):
            j -= 1
        for phrase in self.lex.phrases.get("ar_turn_openers", ()):
            n = len(phrase)
            if j >= n and tuple(map(NORM, toks[j - n : j])) == phrase:
                return j - n
        return j - 1 if j > 0 and self.lex.has("ar_turn_openers", toks[j - 1].norm) else None

    def _clause_break_before(self, sent: Sentence, cue: Cue) -> bool:
        i = cue.first
        if i == 0:
            return True
        if sent.lang == "ar" and cue.kind in ("speech", "object") and self._turn_opener_at(sent, i) is not None:
            return True
        gap = sent.between(sent.tokens[i - 1].end, sent.tokens[i].start)
        if any(c in gap for c in "،,؛;"):
            return sent.tokens[i].norm[:1] in "وف" or cue.kind in ("carry",)
        return False

    def _cut_claim_at_cue(self, sent: Sentence, draft: Draft, cue: Cue) -> None:
        opener = self._turn_opener_at(sent, cue.first) if sent.lang == "ar" else None
        cut = sent.tokens[cue.first if opener is None else opener].start
        s, e = balance_quotes(self.raw, *trim_span(self.raw, draft.span[0], cut))
        if e > s:
            draft.span = (s, e)
            draft.mode = self._mode(sent, draft.span, draft.mode == "direct")
            draft.polarity = self._polarity(sent, draft.span, draft.cue_polarity)

    # ================================================================ building drafts
    def _add(self, sent: Sentence, span: Span, cue: Cue, speaker: Entity | None, via: list[Entity], *, direct: bool = False, nominal: bool = False, polarity: str | None = None) -> None:
        if speaker is None:
            return
        s, e = trim_span(self.raw, *span)
        if not direct:
            s, e = balance_quotes(self.raw, s, e)
        if e - s < 3:
            return
        if any(not (e <= d.span[0] or s >= d.span[1]) for d in sent.claims):
            return
        if self._not_checkworthy(sent, cue, s, direct):
            self.last_speaker = speaker  # the speaker still spoke: 'adding that ...' is theirs
            self.appeals.add(sent.span)
            return
        if not via and speaker.kind not in ("agency", "outlet"):
            dateline = self._dateline_relay(sent, cue)
            self.dateline_via = self.dateline_via or dateline  # '(شينخوا)' opening the story relays all of it
            via = dateline or self.relay_of.get(speaker.name, []) or list(self.dateline_via)
        elif via and speaker.kind not in ("agency", "outlet"):
            self.relay_of[speaker.name] = list(via)
        cue_text = self.raw[sent.tokens[cue.first].start : sent.tokens[cue.last - 1].end]
        mode = "direct" if direct else self._mode(sent, (s, e), False)
        cue_polarity = polarity or cue.form.polarity
        draft = Draft((s, e), sent.span, speaker, list(via), cue_text, mode, self._polarity(sent, (s, e), cue_polarity), cue_polarity)
        sent.claims.append(draft)
        sent.claims.sort(key=lambda d: d.span[0])
        if not nominal or speaker.kind != "agency":
            self.last_speaker = speaker
        self.speakers.remember(speaker)

    def _dateline_relay(self, sent: Sentence, cue: Cue) -> list[Entity]:
        """'جينان 4 فبراير 2022 (شينخوا) أعلن علماء ...': the agency of a dateline right before the cue relays it."""
        cue_start = sent.tokens[cue.first].start
        close = self.raw.rfind(")", sent.span[0], cue_start)
        if close < 0 or self.raw[close + 1 : cue_start].strip(" -–—"):
            return []
        opened = self.raw.rfind("(", sent.span[0], close)
        return self.speakers.relays_in(self.raw[opened : close + 1]) if opened >= 0 else []

    def _not_checkworthy(self, sent: Sentence, cue: Cue, start: int, direct: bool) -> bool:
        """A wish, a feeling or a prescription, not a checkable claim: 'قال إنه كان يتمنى أن',
        'said she felt that', 'I would like to believe', '(reported) X should also be strengthened', a quote opening
        'على جميع اللاعبين ...' (an obligation)."""
        toks = sent.tokens
        first = sent.token_index_at(start)
        lo = cue.last if cue.last <= first else first
        if self._phrase_within(toks, lo, first + 4, f"{sent.lang}_opinion"):
            return True
        if sent.lang == "ar" and first < len(toks) and self.lex.has("ar_courtesy_objects", toks[first].norm):
            return True  # 'أعرب المصدر عن شكره وعرفانه لـ ...': thanks and greetings state nothing checkable
        if direct:  # an obligation opening the quote, or a prescription in its first words ('He should not use ...')
            return self._appeal_head(toks, first, sent.lang) or self._phrase_within(toks, first, first + 3, f"{sent.lang}_prescriptive")
        if sent.lang == "en" and self._appeal_head(toks, first, "en"):
            return True  # '“I want to appeal to ...,’’ he stated' (a quote its marks do not close) is an appeal too
        return self._phrase_within(toks, first, first + 8, f"{sent.lang}_prescriptive")

    def _appeal_head(self, toks: list[Token], i: int, lang: str) -> bool:
        """Words at token i open an obligation, an appeal or an imperative ('we must', 'I remind the public',
        'Beware of ...'): a phrase or a single word of `<lang>_prescriptive_head`."""
        name = f"{lang}_prescriptive_head"
        if (i < len(toks) - 2 and lang == "en" and self.lex.has("en_subject_pronouns", toks[i].norm)
                and self.lex.has("en_adverbs", toks[i + 1].norm) and not self.lex.has("en_negators", toks[i + 1].norm)):
            toks = [toks[i], *toks[i + 2 :]]  # 'We certainly want to offer ...': an adverb after the pronoun
            i = 0
        return i < len(toks) and (self.lex.has(name, toks[i].norm) or bool(starts_phrase(toks, i, self.lex.phrases.get(name, ()))))

    def _phrase_within(self, toks: list[Token], lo: int, hi: int, list_name: str) -> bool:
        """A phrase of the list starts at one of the tokens lo..hi-1."""
        phrases = self.lex.phrases.get(list_name, ())
        firsts = self.lex.starts(list_name)
        return any(toks[i].norm in firsts and starts_phrase(toks, i, phrases) for i in range(lo, min(len(toks), hi)))

    def _mode(self, sent: Sentence, span: Span, direct: bool) -> str:
        if direct:
            return "direct"
        s, e = span
        inner = [q for q in sent.quotes if q.balanced and s <= q.start and q.end <= e + 1]
        if len(inner) == 1 and inner[0].start <= s + 1 and inner[0].end >= e - 1:
            return "direct"
        if any(not q.balanced and s - 2 <= q.start <= s and q.end >= e for q in sent.quotes):
            return "direct"  # 'أن " A. وقال': the words open a quotation that is never closed
        if any(not self._quoted_name(q) for q in inner) or (not inner and any(c in self.raw[s:e].strip().strip("«»“”\"") for c in "«»“”\"")):
            return "mixed"
        return "indirect"

    def _quoted_name(self, q: Quote) -> bool:
        """'من "حساب المواطن"': a short Arabic quotation that opens a line elsewhere without quotation marks
        (a headline: 'حساب المواطن يودع ...') or follows an organisation's head noun ('جماعة "الإخوان"') names
        something; it quotes no one's words."""
        words = self.raw[q.inner[0] : q.inner[1]].split()
        if not 1 <= len(words) <= 3 or not is_arabic(" ".join(words)):
            return False
        before = tokenize(self.raw[max(0, q.start - 30) : q.start])
        if before and self.lex.has("ar_organization", before[-1].norm):
            return True  # 'جماعة "الإخوان المسلمين"', 'حركة "حماس"': an organisation's name after its head noun
        if len(words) < 2:
            return False
        found = re.finditer(re.escape(" ".join(words)), self.raw)
        return any(m.start() != q.inner[0] and (m.start() == 0 or self.raw[m.start() - 1] == "\n") for m in found)

    def _polarity(self, sent: Sentence, span: Span, cue_polarity: str) -> str:
        return polarity_of(tokens_within(sent.tokens, *span), sent.lang, cue_polarity, self.lex)

    def carried_quote(self, para: Span, quote: Quote, sentence: Span, tokens: list[Token], lang: str) -> Draft | None:
        """A paragraph that is one quotation with no cue continues the last speaker."""
        if self.last_speaker is None:
            return None
        inner = tokens_within(tokens, *quote.inner)
        if self._appeal_head(inner, 0, lang) or self._phrase_within(inner, 0, 3, f"{lang}_prescriptive"):
            self.appeals.add(sentence)
            return None  # '"He should not use ..."': a prescription, not a claim
        polarity = polarity_of(inner, lang, "asserted", self.lex)
        return Draft(quote.inner, sentence, self.last_speaker, list(self.last_via), None, "direct", polarity)

    def continued(self, sentence: Span, tokens: list[Token], lang: str) -> Draft | None:
        """'... وأضاف أن A. كما أن B': a sentence with no cue that opens with a continuation marker, right
        after an attributed sentence, goes on with the last speaker's words (the caller checks the order)."""
        if self.last_speaker is None or lang != "ar" or len(tokens) < 3:
            return None
        n = starts_phrase(tokens, 0, self.lex.phrases.get("ar_continuation", ()))
        if not n and self.lex.has("ar_continuation_future", tokens[0].norm) and tokens[1].norm[:1] == "س":
            n = 1  # 'كما ستعمل الوزارة على ...': a future, still the speaker's
        if not n or n >= len(tokens):
            return None
        s, e = trim_span(self.raw, tokens[n].start, sentence[1])
        if len(tokens) - n < 3 or e <= s:
            return None
        speaker = self.last_speaker
        polarity = polarity_of(tokens[n:], lang, "asserted", self.lex)
        mode = "mixed" if any(c in self.raw[s:e] for c in "«»“”\"") else "indirect"
        return Draft((s, e), sentence, speaker, list(self.relay_of.get(speaker.name, [])), None, mode, polarity)

