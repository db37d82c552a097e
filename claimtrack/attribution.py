"""Attribution: for each reporting cue, the content it governs and the source that asserts it.

The order of work follows BBC Citron: find cues (`cues.py`), then for each cue the content
(complement clause, quotation, object phrase, or the clause a nominal source covers) and the
source (speaker phrase, relays), then resolve carried speakers and titles (`speakers.py`).
All language knowledge comes from `configs/cues.toml` and `configs/attribution.toml`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from claimtrack.arabic import NORM, START, Token, is_arabic, tokenize, tokens_within
from claimtrack.cues import Cue, Lexicon, find_cues, lexicon, starts_phrase
from claimtrack.models import Entity, Span
from claimtrack.segment import Quote
from claimtrack.speakers import SpeakerResolver

CLAUSE_PUNCT = "،,؛;:"
TRIM = " \t\n،,؛;:.!?؟-–—)("


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


def polarity_of(toks: list[Token], lang: str, cue_polarity: str, lex: Lexicon) -> str:
    """denied when the cue denies or a negator heads the claim; hedged when a hedge is in it."""
    if cue_polarity in ("denied", "hedged"):
        return cue_polarity
    not_negation = lex.phrases.get(f"{lang}_not_negation", ())
    not_negation_starts = lex.starts(f"{lang}_not_negation")
    negators = lex.words.get(f"{lang}_negators", frozenset())
    for i, t in enumerate(toks[: lex.negator_window + 1]):
        if t.norm in not_negation_starts and starts_phrase(toks, i, not_negation):
            break
        if t.norm in negators or (lang == "en" and t.norm.endswith("n't")):
            return "denied"
    hedges = lex.words.get(f"{lang}_hedges", frozenset())
    hedge_phrases = lex.phrases.get(f"{lang}_hedges", ())
    may_hedge = lex.starts(f"{lang}_hedges")
    if may_hedge.isdisjoint(map(NORM, toks)):
        return "asserted"
    for i in [i for i, t in enumerate(toks) if t.norm in may_hedge]:
        t = toks[i]
        if t.norm in hedges or starts_phrase(toks, i, hedge_phrases):
            # "قد" before a past verb means "already", before a present verb "may"
            if t.norm == "قد" and (i + 1 >= len(toks) or toks[i + 1].norm[:1] not in "يتنا"):
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
            inside = next((d for d in sent.claims if d.span[0] <= start < d.span[1]), None)
            if inside is not None and cue.kind in ("speech", "object", "carry", "relay"):
                # a cue inside reported content ("قال X إن Y أعلن أن ...") belongs to the content
                if not self._clause_break_before(sent, cue):
                    continue
            if inside is not None:
                self._cut_claim_at_cue(sent, inside, cue)
            handler = getattr(self, f"_{cue.kind}")
            handler(sent, cue)
        return sent.claims

    # ================================================================ cue kinds
    def _speech(self, sent: Sentence, cue: Cue) -> None:
        if sent.lang == "en":
            self._english(sent, cue)
            return
        marker = self._find_marker(sent, cue.last)
        if marker is None:
            quote = self._quote_before(sent, cue)
            if quote is None:
                if cue.kind == "object" or cue.form.objects or self._nominal_object_follows(sent, cue):
                    self._object(sent, cue, redirect=False)
                else:
                    self._content_after_comma(sent, cue)
                return
            speaker_region = (sent.tokens[cue.last].start if cue.last < len(sent.tokens) else sent.span[1], self._clause_end(sent, sent.tokens[cue.last - 1].end))
            speaker, via = self._speaker_after(sent, cue, speaker_region)
            self._add(sent, quote.inner, cue, speaker, via, direct=True)
            return
        kind, region_end, content_start = marker
        region = (sent.tokens[cue.last - 1].end, region_end)
        speaker, via = self._speaker_after(sent, cue, region)
        if speaker is False:
            return
        if speaker is None:
            speaker = self._speaker_before(sent, cue)
        if kind == "quote":
            q = sent.quote_at(content_start, 0)
            if q is not None:
                self._add(sent, q.inner, cue, speaker, via, direct=True)
                self._following_quotes(sent, q, cue, speaker, via)
                return
        end = self._clause_end(sent, content_start)
        self._add(sent, (content_start, end), cue, speaker, via)

    def _object(self, sent: Sentence, cue: Cue, redirect: bool = True) -> None:
        if sent.lang == "en":
            self._english(sent, cue)
            return
        if cue.last >= len(sent.tokens):
            return
        head_end = self._entity_phrase_end(sent, cue.last)
        marker = self._find_marker(sent, cue.last, window=12) if redirect else None
        if marker is not None:
            marker_at = sent.token_index_at(marker[1])
            if marker_at <= (head_end or cue.last) + 3:
                self._speech(sent, cue)
                return
        if head_end is None:
            speaker = None
            content_first = cue.last
        else:
            region = (sent.tokens[cue.last].start, sent.tokens[head_end - 1].end)
            speaker = self.speakers.resolve(sent.between(*region), self.last_speaker)
            content_first = head_end
        if speaker is None:
            speaker = self._speaker_before(sent, cue)
        while content_first < len(sent.tokens) and (
            sent.lex.has("ar_stop", sent.tokens[content_first].norm) and sent.tokens[content_first].norm not in cue.form.objects
            and sent.tokens[content_first].norm in {"امس", "اليوم", "ايضا", "كذلك", "مجددا", "مرارا", "رسميا"}
        ):
            content_first += 1
        if content_first < len(sent.tokens) and sent.tokens[content_first].norm in cue.form.objects:
            content_first += 1
        if content_first >= len(sent.tokens):
            return
        start = sent.tokens[content_first].start
        if start > 0 and self.raw[start - 1] in "\"“«”":
            start -= 1
        self._add(sent, (start, self._object_end(sent, start)), cue, speaker, [])

    def _object_end(self, sent: Sentence, start: int) -> int:
        """An object phrase ends at the first comma outside quotes, or where the clause ends."""
        end = self._clause_end(sent, start)
        for i in range(start, end):
            if self.raw[i] in "،," and not sent.in_quote(i):
                return i
        return end

    def _nominal_object_follows(self, sent: Sentence, cue: Cue) -> bool:
        head_end = self._entity_phrase_end(sent, cue.last)
        j = head_end if head_end is not None else cue.last
        while j < len(sent.tokens) and sent.tokens[j].norm in ("امس", "اليوم", "الجمعه", "الخميس", "الاربعاء", "الثلاثاء", "الاثنين", "الاحد", "السبت", "ايضا", "مجددا", "رسميا"):
            j += 1
        return j < len(sent.tokens) and self.lex.has("ar_nominal_objects", sent.tokens[j].norm)

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
        speaker = previous.speaker if previous else self._speaker_before(sent, cue)
        via = list(previous.via) if previous else []
        marker = self._find_marker(sent, cue.last, window=3)
        if marker is not None:
            kind, _, content_start = marker
            q = sent.quote_at(content_start, 0) if kind == "quote" else None
            if q is not None:
                self._add(sent, q.inner, cue, speaker, via, direct=True)
                return
        else:
            first = cue.last
            if first < len(sent.tokens) and sent.tokens[first].norm in cue.form.objects:
                first += 1
            if first >= len(sent.tokens):
                return
            content_start = sent.tokens[first].start
        self._add(sent, (content_start, self._clause_end(sent, content_start)), cue, speaker, via)

    def _according(self, sent: Sentence, cue: Cue) -> None:
        toks = sent.tokens
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
        src_text = sent.between(toks[i].start, toks[source_end - 1].end)
        source = self.speakers.resolve(src_text, self.last_speaker, strip_prefix=True)
        if source is None:
            return
        cue_start = toks[cue.first].start
        clause_start = self._clause_start(sent, cue.first)
        before = trim_span(self.raw, clause_start, cue_start)
        covering = next((d for d in reversed(sent.claims) if d.span[1] <= cue_start + 2 and d.span[1] >= before[0]), None)
        if covering is not None and covering.speaker.name != source.name:
            covering.via.append(source)
            return
        opens_clause = (
            self._comma_before(sent, cue.first, 0) and toks[cue.first].norm[:1] == "و"
            and (toks[cue.first].norm[1:],) in self.lex.forms
        ) or (source_end < len(toks) and (toks[source_end].norm in ("فقد", "فان", "فانه", "فانها") or self._comma_before(sent, source_end, i)) and self._only_lead_words(sent, clause_start, cue_start))
        if not opens_clause and before[1] - before[0] >= 12 and not self._only_lead_words(sent, clause_start, cue_start):
            start = before[0]
            while start < before[1]:
                end = min(self._clause_end(sent, start), before[1])
                if end <= start:
                    break
                self._add(sent, (start, end), cue, source, [], nominal=True)
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
        start = toks[j].start
        del relayed
        self._add(sent, (start, self._clause_end(sent, start)), cue, source, [], nominal=True)

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
        if cue.first > 0 and self.lex.has("passive_aux", toks[cue.first - 1].norm):
            return
        cue_start, cue_end = toks[cue.first].start, toks[cue.last - 1].end
        clause_start = self._clause_start(sent, cue.first)
        before_text = sent.between(clause_start, cue_start)
        # content first: '"...," said X.' / 'Prices will rise, X said.' / '"...," X said.'
        comma = max(before_text.rfind(","), before_text.rfind("”,"), before_text.rfind(',"'))
        quote_before = self._quote_before(sent, cue, slack_words=6)
        after_region_end = self._clause_end(sent, cue_end)
        tail = sent.between(cue_end, after_region_end).strip()
        between_words = before_text[comma + 1 :].split() if comma > 0 else []
        content_first = (
            comma > 0 and cue.kind in ("speech", "carry") and len(tail.split()) <= 5 and "that" not in tail.split()
            and 0 < len(between_words) <= 6 and len(before_text[:comma].split()) >= 4
        ) or (comma > 0 and not between_words and 0 < len(tail.split()) <= 6 and tail[:1].isupper())
        if quote_before is not None or content_first:
            if quote_before is not None:
                content = quote_before.inner
                direct = True
                speaker_text = sent.between(quote_before.end, cue_start).strip(TRIM + "\"”'")
            else:
                content = trim_span(self.raw, sent.span[0], clause_start + comma)
                direct = False
                speaker_text = sent.between(clause_start + comma + 1, cue_start).strip(TRIM)
            if not speaker_text or speaker_text.lower() in ("he", "she", "they", "it"):
                speaker_text = sent.between(cue_end, after_region_end).strip(TRIM)
                speaker_text = self._english_np(speaker_text)
            speaker = self.speakers.resolve(speaker_text, self.last_speaker) if speaker_text else self.last_speaker
            via = self.speakers.relays_in(sent.between(cue_end, after_region_end))
            self._add(sent, content, cue, speaker, via, direct=direct)
            return
        # speaker first: 'X said (that) ...', 'X told Reuters on Monday that ...'
        speaker_text = self._english_subject(before_text)
        speaker = self.speakers.resolve(speaker_text, self.last_speaker) if speaker_text else self.last_speaker
        rest_start = cue_end
        rest = sent.between(cue_end, sent.span[1])
        lower = rest.lower()
        that = self._find_word(lower, "that")
        colon = rest.find(":")
        q = sent.quote_at(cue_end, 4)
        via = []
        if cue.kind == "relay":
            return
        if q is not None:
            content, direct = q.inner, True
        elif colon >= 0 and colon < 40 and (that < 0 or colon < that):
            start = cue_end + colon + 1
            qq = sent.quote_at(start, 2)
            content, direct = ((qq.inner, True) if qq else ((start, self._clause_end(sent, start)), False))
        elif that >= 0 and that < 80:
            via = self.speakers.relays_in(rest[:that])
            start = cue_end + that + 4
            content, direct = (start, self._clause_end(sent, start)), False
        else:
            if not self.lex.has("bare_complement", cue.form.words[0]) and cue.kind != "object":
                return
            if cue.kind == "object":
                start = cue_end
            else:
                skip = self._english_skip_adverbials(rest)
                via = self.speakers.relays_in(rest[:skip])
                start = rest_start + skip
            end = self._clause_end(sent, start)
            if len(sent.between(start, end).split()) < 3:
                return
            content, direct = (start, end), False
        self._add(sent, content, cue, speaker, via, direct=direct)

    @staticmethod
    def _find_word(lower: str, word: str) -> int:
        import re

        m = re.search(rf"\b{word}\b", lower)
        return m.start() if m else -1

    def _english_subject(self, before: str) -> str:
        words = before.strip(TRIM).split()
        drop = self.lex.words.get("en_lead_drop", frozenset())
        while words and words[0].lower().strip(",") in drop:
            words = words[1:]
        # keep the last noun phrase: after the last relative/comma boundary
        text = " ".join(words)
        for sep in (", ", " who ", " which "):
            if sep in text and sep != ", ":
                text = text.split(sep)[0]
        if ", " in text:
            parts = text.split(", ")
            # "Dmitry Peskov, the Kremlin spokesman," keeps both; a long lead clause is dropped
            text = parts[-1] if len(parts[0].split()) > 6 else ", ".join(parts)
        return text if 0 < len(text.split()) <= 12 else ""

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

    def _english_skip_adverbials(self, rest: str) -> int:
        """Offset after 'told reporters on Monday', 'in a statement', etc. before the content."""
        import re

        m = re.match(r"\s*(?:(?:to |told )?(?:reporters|journalists|the [A-Z]\w+|[A-Z]\w+(?: [A-Z]\w+)*)\s*)?(?:(?:on|in|at|during|late|early|last) [^,]{0,40}?(?:,\s*|\s+))?", rest)
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

    def _find_marker(self, sent: Sentence, first: int, window: int = 30) -> tuple[str, int, int] | None:
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
            if colon >= 0 and i > first - 0:
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
                region_end = t.start
                if i > first and toks[i - 1].norm in self.lex.complementizer_leads:
                    region_end = toks[i - 1].start
                if i + 1 < len(toks):
                    return "comp", region_end, t.end
                return None
            if i > first and i in sent.cue_at and sent.cue_at[i].kind in ("speech", "object"):
                return None
            if t.norm in (".",):
                return None
            prev_end = t.end
        return None

    def _name_quote(self, sent: Sentence, q: Quote, first: int) -> bool:
        """A short quoted name inside a speaker phrase: مجلس "جيرمان كاونسل"، صحيفة "موسكوفسكي"."""
        words = sent.between(*q.inner).split()
        if len(words) > 6 or q.start - sent.tokens[first - 1].end > 60:
            return False
        later = [o for o in sent.quotes if o.start > q.end]
        before = sent.between(sent.tokens[first - 1].end, q.start)
        return bool(later) and bool(before.strip()) and not any(c in before for c in ":")

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
        i = sent.token_index_at(start)
        lex = self.lex
        clause_end = lex.words.get(f"{sent.lang}_clause_end", frozenset())
        clause_phr = lex.phrases.get(f"{sent.lang}_clause_end", ())
        clause_phr_starts = lex.starts(f"{sent.lang}_clause_end")
        while i < len(toks):
            t = toks[i]
            if sent.quotes and sent.in_quote(t.start):
                i += 1
                continue
            gap = self.raw[toks[i - 1].end if i > 0 else sent.span[0] : t.start]
            if i > 0 and t.start > start and ("؛" in gap or ";" in gap):
                end = toks[i - 1].end
                break
            if i > 0 and t.start > start and ("،" in gap or "," in gap):
                first_cue = sent.cue_at.get(i)
                if (t.norm in clause_end or (t.norm in clause_phr_starts and starts_phrase(toks, i, clause_phr))) or (
                    first_cue is not None and first_cue.kind in ("participle", "according", "carry", "relay")
                ) or (first_cue is not None and first_cue.kind == "speech" and t.norm[:1] in "وف"):
                    end = toks[i - 1].end
                    break
            if i > 0 and t.start > start + 1 and (t.norm in clause_end or (t.norm in clause_phr_starts and starts_phrase(toks, i, clause_phr))):
                end = toks[i - 1].end
                break
            if i > 0 and t.start > start and sent.lang == "ar":
                cue_here = sent.cue_at.get(i)
                if cue_here is not None and cue_here.kind == "according" and t.norm in ("بحسب", "حسب", "حسبما", "وفق", "وفقا"):
                    end = toks[i - 1].end
                    break
            i += 1
        return end

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
        # a title/definite chain: "وزير الخارجية الأمريكي"
        j = first
        if j < len(toks) and (self.lex.has("ar_titles", toks[j].norm) or self.lex.has("ar_group", toks[j].norm) or self.lex.has("ar_organization", toks[j].norm)):
            j += 1
            while j < len(toks) and toks[j].norm.startswith("ال") and not self._comma_before(sent, j, first) and not sent.lex.has("ar_stop", toks[j].norm):
                j += 1
            return j
        return None

    def _only_lead_words(self, sent: Sentence, a: int, b: int) -> bool:
        lead = self.lex.any_of("ar_lead_drop", "en_lead_drop")
        return all(t.norm in lead for t in sent.tokens if a <= t.start < b)

    def _speaker_after(self, sent: Sentence, cue: Cue, region: Span) -> tuple[Entity | None, list[Entity]]:
        text = sent.between(*region)
        phrase, rest = self.speakers.split_speaker_phrase(text)
        via = self.speakers.relays_in(rest)
        if not phrase:
            return None, via
        resolved = self.speakers.resolve(phrase, self.last_speaker)
        return (resolved if resolved is not None else False), via

    def _speaker_before(self, sent: Sentence, cue: Cue) -> Entity | None:
        """Subject-first order ('لكن بوتين شدد على أن') or a carried speaker."""
        start = self._clause_start(sent, cue.first)
        cue_start = sent.tokens[cue.first].start
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
                        return self.speakers.resolve(named[-1].text if False else head.rsplit(sep, 1)[-1], self.last_speaker) or named[-1]
        phrase = self.speakers.strip_lead(text)
        if phrase and len(phrase.split()) <= 8 and not find_cues(tokenize(phrase), self.lex):
            ent = self.speakers.resolve(phrase, self.last_speaker)
            if ent is not None:
                return ent
        return self.last_speaker

    def _clause_break_before(self, sent: Sentence, cue: Cue) -> bool:
        i = cue.first
        if i == 0:
            return True
        gap = sent.between(sent.tokens[i - 1].end, sent.tokens[i].start)
        if any(c in gap for c in "،,؛;"):
            return sent.tokens[i].norm[:1] in "وف" or cue.kind in ("carry",)
        return False

    def _cut_claim_at_cue(self, sent: Sentence, draft: Draft, cue: Cue) -> None:
        cut = sent.tokens[cue.first].start
        s, e = balance_quotes(self.raw, *trim_span(self.raw, draft.span[0], cut))
        if e > s:
            draft.span = (s, e)
            draft.mode = self._mode(sent, draft.span, draft.mode == "direct")
            draft.polarity = self._polarity(sent, draft.span, draft.cue_polarity)

    # ================================================================ building drafts
    def _add(self, sent: Sentence, span: Span, cue: Cue, speaker: Entity | None, via: list[Entity], *, direct: bool = False, nominal: bool = False) -> None:
        if speaker is None:
            return
        s, e = trim_span(self.raw, *span)
        if not direct:
            s, e = balance_quotes(self.raw, s, e)
        if e - s < 3:
            return
        if any(not (e <= d.span[0] or s >= d.span[1]) for d in sent.claims):
            return
        cue_text = self.raw[sent.tokens[cue.first].start : sent.tokens[cue.last - 1].end]
        mode = "direct" if direct else self._mode(sent, (s, e), False)
        polarity = self._polarity(sent, (s, e), cue.form.polarity)
        draft = Draft((s, e), sent.span, speaker, list(via), cue_text, mode, polarity, cue.form.polarity)
        sent.claims.append(draft)
        sent.claims.sort(key=lambda d: d.span[0])
        if not nominal or speaker.kind != "agency":
            self.last_speaker = speaker
        self.speakers.remember(speaker)

    def _mode(self, sent: Sentence, span: Span, direct: bool) -> str:
        if direct:
            return "direct"
        s, e = span
        inner = [q for q in sent.quotes if q.balanced and s <= q.start and q.end <= e + 1]
        if len(inner) == 1 and inner[0].start <= s + 1 and inner[0].end >= e - 1:
            return "direct"
        if inner or any(c in self.raw[s:e] for c in "«»“”\""):
            return "mixed"
        return "indirect"

    def _polarity(self, sent: Sentence, span: Span, cue_polarity: str) -> str:
        return polarity_of(tokens_within(sent.tokens, *span), sent.lang, cue_polarity, self.lex)

    def carried_quote(self, para: Span, quote: Quote, sentence: Span) -> Draft | None:
        """A paragraph that is one quotation with no cue continues the last speaker."""
        if self.last_speaker is None:
            return None
        return Draft(quote.inner, sentence, self.last_speaker, list(self.last_via), None, "direct", "asserted")
