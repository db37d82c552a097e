"""The splitter: from an article to its claims. This module only wires the stages.

body (boilerplate.py) -> paragraphs, quotes, sentences (segment.py) -> cues (cues.py)
-> content and sources (attribution.py, speakers.py) -> the outlet's own statements.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate

from claimtrack.arabic import Token, is_arabic, scan_tokens, tokens_within
from claimtrack.attribution import Attributor, Draft, polarity_of, trim_span
from claimtrack.cues import find_cues, lexicon
from claimtrack.models import Article, Claim, Entity, Span, claim_id
from claimtrack.segment import Quote, paragraphs, quotes, sentences
from claimtrack.speakers import SpeakerResolver

UNKNOWN_OUTLET = Entity(text="", name="unknown outlet", kind="outlet")


def extract(text: str, article_id: str = "article", outlet: Entity | None = None) -> list[Claim]:
    """Claims of one article given as text (boilerplate found and skipped)."""
    from claimtrack.boilerplate import find_body

    info = find_body(text)
    article = Article(id=article_id, raw=text, body=info.body, boilerplate=info.boilerplate, outlet=outlet or info.outlet)
    return extract_article(article)


def extract_article(article: Article) -> list[Claim]:
    """Claims of an ingested article: attributed claims and the outlet's own statements."""
    raw = article.raw
    lex = lexicon()
    attributor = Attributor(raw, SpeakerResolver(raw), lex)
    outlet = article.outlet or UNKNOWN_OUTLET
    drafts: list[Draft] = []
    body = article.body if article.body else None
    paras = list(paragraphs(raw, body))
    open_quote: Draft | None = None  # the claim taken from a quotation still open at the end of the previous paragraph
    for n, para in enumerate(paras):
        if n == 0 and len(paras) > 1 and _is_headline(raw, para):
            continue  # the headline over a story: "وزارة الصحة تؤكد أن المغرب لم يسجل أي حالة" is not a claim
        para_quotes = quotes(raw, para)
        para_drafts: list[Draft] = []
        if open_quote is not None and (closed := _closing_only(raw, para)) is not None:
            # '... noted: “In fact ...⏎The terminals are open ... opened.”': the quotation goes on, no mark reopens
            # it; the claim taken from it runs on to the closing mark
            para_quotes = [*para_quotes, Quote(para[0], closed[1] + 1, closed, False)]
            open_quote.span = (open_quote.span[0], closed[1])
        else:
            open_quote = None
        sents = _glued_stops(raw, sentences(raw, para, para_quotes), para_quotes)
        para_tokens = scan_tokens(raw[para[0] : para[1]], para[0])
        words = [tokens_within(para_tokens, *sent) for sent in sents]
        langs = [_language(raw, sent) for sent in sents]
        after_attributed = False  # the previous sentence of this paragraph held an attributed claim
        for sent, toks, lang in zip(sents, words, langs):
            found = attributor.sentence(sent, para_quotes, toks, lang)
            if not found:
                quote = _whole_quote(raw, sent, para_quotes) or (_opening_quote(raw, sent, para_quotes) if after_attributed else None)
                carried = attributor.carried_quote(para, quote, sent, toks, lang) if quote else None
                if carried is None and after_attributed:
                    carried = attributor.continued(sent, toks, lang)
                found = [carried] if carried else []
                attributor.prev_free = None if carried else attributor.prev_free
            para_drafts.extend(found)
            after_attributed = bool(found)
        if not _is_title(raw, para):
            for sent, toks, lang in zip(sents, words, langs):
                if sent in attributor.appeals:
                    continue  # '“I remind the public to ...,” she said': someone's appeal, not the outlet's claim
                para_drafts.extend(_outlet_statements(raw, sent, toks, lang, para_drafts, outlet, lex))
        if open_quote is not None:  # the paragraph's words belong to the claim it continues
            para_drafts = [d for d in para_drafts if not open_quote.span[0] <= d.span[0] < open_quote.span[1]]
        drafts.extend(para_drafts)
        last = para_quotes[-1] if para_quotes else None
        open_quote = next((d for d in reversed(para_drafts) if d.mode == "direct" and last.inner[0] <= d.span[0] < last.inner[1]), None) if (
            last is not None and not last.balanced and last.end >= para[1]) else None
    drafts.sort(key=lambda d: d.span)
    # a later sentence may attribute an earlier one ('وأكدت اللجنة هذا العدد'): its outlet reading goes
    overlaps_attributed = _overlap_test([d.span for d in drafts if d.mode != "unattributed"])
    drafts = [d for d in drafts if d.mode != "unattributed" or not overlaps_attributed(d.span)]
    # a quote running over several sentences is found from each of them: one claim per span (the first found)
    drafts = [d for k, d in enumerate(drafts) if k == 0 or d.span != drafts[k - 1].span]
    drafts = [d for d in drafts if not _inside_cued_claim(raw, d, drafts)]
    return [_to_claim(article.id, raw, d) for d in drafts]


def _inside_cued_claim(raw: str, d: Draft, drafts: list[Draft]) -> bool:
    """'أعلن X بأن A، حيث "B. "': a quote taken with no cue (a carried quotation) that lies inside a claim a cue
    gave already (its closing stop aside) is part of it, not a second claim."""
    return d.cue is None and d.mode == "direct" and any(
        o is not d and o.cue is not None and o.mode != "unattributed" and o.span[0] <= d.span[0]
        and not any(c.isalnum() for c in raw[o.span[1] : d.span[1]]) for o in drafts)


def _overlap_test(spans: list[Span]) -> Callable[[Span], bool]:
    """Whether a span overlaps any of `spans` (sorted by start): two bisections, not a scan of them all."""
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # the furthest end among the first k spans

    def overlaps(span: Span) -> bool:
        k = bisect_left(starts, span[1])  # the spans starting before this one ends
        return k > 0 and reach[k - 1] > span[0]

    return overlaps


def _to_claim(article_id: str, raw: str, d: Draft) -> Claim:
    text = raw[d.span[0] : d.span[1]]
    return Claim(
        id=claim_id(article_id, d.span, text),
        article=article_id,
        text=text,
        span=d.span,
        sentence_span=d.sentence,
        speaker=d.speaker,
        via=d.via,
        cue=d.cue,
        mode=d.mode,
        polarity=d.polarity,
    )


def _glued_stops(raw: str, sents: list[tuple[int, int]], para_quotes) -> list[tuple[int, int]]:
    """'... غرفة العمليات.من جانبه صرح', '...الاستهلاك”.واضاف صالح': a full stop glued to the next Arabic word
    still ends the sentence (not after a one- or two-letter abbreviation: 'د.مصطفى', nor inside a quotation)."""
    out = []
    for s, e in sents:
        i = raw.find(".", s + 3, e - 3)
        while i >= 0:
            k = i - 1 if raw[i - 1] not in "”\"»" else i - 2
            if _is_arabic_letter(raw[i + 1]) and all(map(_is_arabic_letter, raw[k - 2 : k + 1])) \
                    and not any(q.balanced and q.start < i < q.end - 1 for q in para_quotes):
                out.append((s, i + 1))
                s = i + 1
            i = raw.find(".", i + 1, e - 3)
        out.append((s, e))
    return out


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def _whole_quote(raw: str, sent: tuple[int, int], para_quotes):
    """The quotation that makes up a whole sentence with no cue: the last speaker's words."""
    for q in para_quotes:
        if q.start - sent[0] <= 1 and sent[1] - min(q.end, sent[1]) <= 3 and (q.inner[1] - q.inner[0]) > 15:
            return q
    return None


def _opening_quote(raw: str, sent: tuple[int, int], para_quotes):
    """A quotation opening a sentence with no cue ('"..."، وتابع ...' aside): the last speaker's words."""
    for q in para_quotes:
        if q.balanced and 0 <= q.start - sent[0] <= 1 and q.end <= sent[1] and (q.inner[1] - q.inner[0]) > 15:
            return q
    return None


def _closing_only(raw: str, para: tuple[int, int]) -> Span | None:
    """The words of a paragraph that ends with a closing quotation mark and opens none: (start, mark)."""
    text = raw[para[0] : para[1]].rstrip()
    close = para[0] + len(text) - 1
    if close <= para[0] or raw[close] not in "”\"»" and not (raw[close] in ".!?" and raw[close - 1] in "”\"»"):
        return None
    close = close if raw[close] in "”\"»" else close - 1
    if any(ch in "“«„\"" for ch in raw[para[0] : close]):
        return None
    s, e = trim_span(raw, para[0], close)
    return (s, e) if e - s > 15 else None


def _is_title(raw: str, para: tuple[int, int]) -> bool:
    """A short line with no sentence punctuation: a headline or a subheading, not a claim."""
    text = raw[para[0] : para[1]].strip()
    return not text.endswith((".", "؟", "?", "!", "\"", "”", "»", ":")) and len(text.split()) < 14


def _is_headline(raw: str, para: tuple[int, int]) -> bool:
    """The article's first line when short and unpunctuated, a closing quotation mark allowed:
    'وزارة الصحة تؤكد أن المغرب لم يسجل أي حالة لمرض “كورونا”'."""
    text = raw[para[0] : para[1]].strip().rstrip("\"”»'’")
    return len(text.split()) < 14 and "\n" not in text and not text.endswith((".", "؟", "?", "!", ":"))


def _language(raw: str, sent: tuple[int, int]) -> str:
    return "ar" if is_arabic(raw[sent[0] : sent[1]]) else "en"


def _outlet_statements(
    raw: str, sent: tuple[int, int], sent_tokens: list[Token], lang: str, drafts: list[Draft], outlet: Entity, lex
) -> list[Draft]:
    """A sentence in the outlet's own voice with something checkable in it."""
    s, e = trim_span(raw, *sent)
    text = raw[s:e]
    if text.rstrip().endswith(("?", "؟")) or any(not (e <= d.span[0] or s >= d.span[1]) for d in drafts):
        return []
    toks = tokens_within(sent_tokens, s, e)
    if len(toks) < lex.min_words:
        return []
    if any(d.sentence[0] <= sent[0] and sent[1] <= d.sentence[1] for d in drafts) and any(c.form.lang == lang for c in find_cues(toks, lex)):
        return []
    return [Draft((s, e), sent, outlet, [], None, "unattributed", polarity_of(toks, lang, "asserted", lex))]
