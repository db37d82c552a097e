"""Real `Article`/`Claim` objects for the store tests: hand-written Arabic and English news, and a
generator of many varied synthetic articles for the reliability tests and the benchmark."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from claimtrack.models import Article, Claim, Entity, Mode, Polarity, claim_id

PENTAGON = Entity(text="البنتاغون", name="Pentagon", kind="organization")
PENTAGON_EN = Entity(text="The Pentagon", name="Pentagon", kind="organization")
PESKOV = Entity(text="دميتري بيسكوف", name="Dmitry Peskov", kind="person")
KULEBA = Entity(text="دميترو كوليبا", name="Dmytro Kuleba", kind="person")
WHO = Entity(text="منظمة الصحة العالمية", name="World Health Organization", kind="organization")
ANALYSTS = Entity(text="محللون غربيون", name="Western analysts", kind="group")
AFP = Entity(text="وكالة فرانس برس", name="AFP", kind="agency")
AFP_SHORT = Entity(text="أ ف ب", name="AFP", kind="agency")
REUTERS = Entity(text="رويترز", name="Reuters", kind="agency")
REUTERS_EN = Entity(text="Reuters", name="Reuters", kind="agency")
TASS = Entity(text="تاس", name="TASS", kind="agency")
JAZEERA = Entity(text="الجزيرة نت", name="Al Jazeera", kind="outlet")
ARABIYA = Entity(text="العربية", name="Al Arabiya", kind="outlet")
BBC = Entity(text="بي بي سي عربي", name="BBC Arabic", kind="outlet")
REUTERS_SITE = Entity(text="Reuters", name="Reuters", kind="outlet")


@dataclass
class Sentence:
    """A sentence template holding `{claim}` once, and what the claim in it is."""

    template: str
    claim: str
    speaker: Entity
    via: list[Entity] = field(default_factory=list)
    cue: str | None = None
    mode: Mode = "indirect"
    polarity: Polarity = "asserted"


def build(article_id: str, paragraphs: list[list[Sentence]], **meta: object) -> tuple[Article, list[Claim]]:
    """Join the sentences into raw text; every claim's spans are computed, so raw[span] == text."""
    raw, claims = "", []
    for p, sentences in enumerate(paragraphs):
        if p:
            raw += "\n\n"
        for s_no, s in enumerate(sentences):
            if s_no:
                raw += " "
            before, after = s.template.split("{claim}")
            start = len(raw)
            raw += before
            c0 = len(raw)
            raw += s.claim
            c1 = len(raw)
            raw += after
            span = (c0, c1)
            claims.append(
                Claim(
                    id=claim_id(article_id, span, s.claim), article=article_id, text=s.claim, span=span,
                    sentence_span=(start, len(raw)), speaker=s.speaker, via=s.via, cue=s.cue, mode=s.mode,
                    polarity=s.polarity,
                )
            )
    return Article(id=article_id, raw=raw, **meta), claims


def corpus() -> list[tuple[Article, list[Claim]]]:
    """Four articles: one story across three Arabic outlets and Reuters in English, and one other story."""
    missiles = "موسكو الأسبوع الماضي باستخدام صواريخ بالستية كورية شمالية في أوكرانيا"
    a1 = build(
        "jazeera_missiles",
        [
            [Sentence("واشنطن - اتهم {claim}، بحسب ما نقلت وكالة فرانس برس عن البنتاغون.", missiles, PENTAGON, [AFP], "اتهم")],
            [
                Sentence("وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين إن «{claim}».",
                         "هذه الاتهامات لا أساس لها من الصحة", PESKOV, [], "قال", "direct", "denied"),
                Sentence("ورأى محللون غربيون أن {claim}.",
                         "التعاون العسكري بين موسكو وبيونغ يانغ قد يتوسع خلال العام المقبل", ANALYSTS, [], "رأى",
                         "indirect", "hedged"),
            ],
        ],
        outlet=JAZEERA, url="https://www.aljazeera.net/news/2024/1/8/missiles", published="2024-01-08",
        source="seeds/jazeera_missiles.txt",
    )
    a2 = build(
        "arabiya_missiles",
        [
            [Sentence("(أ ف ب) - قالت وزارة الدفاع الأميركية (البنتاغون) إن {claim}.",
                      "موسكو استخدمت الأسبوع الماضي صواريخ بالستيّة كوريّة شماليّة في أوكرانيا", PENTAGON, [AFP_SHORT],
                      "قالت")],
            [Sentence("وأكد وزير الخارجية الأوكراني دميترو كوليبا لوكالة رويترز أن {claim}.",
                      "بلاده أسقطت ٢٤ صاروخاً منذ مطلع كانون الثاني", KULEBA, [REUTERS], "أكد")],
        ],
        outlet=ARABIYA, url=None, published="2024-01-09", source="seeds/arabiya_missiles.txt", encoding="windows-1256",
    )
    a3 = build(
        "bbc_cholera",
        [
            [Sentence("الخرطوم - أعلنت منظمة الصحة العالمية أن {claim}، وفق ما نقلت وكالة تاس.",
                      "عدد الإصابات بالكوليرا في السودان ارتفع إلى 1200 حالة خلال أسبوعين", WHO, [TASS], "أعلنت")],
            [Sentence("وأضافت المنظمة أن {claim}.", "والكرملين لم يرسل أي مساعدات طبية إلى الخرطوم", WHO, [], "أضافت")],
        ],
        outlet=BBC, url="https://www.bbc.com/arabic/articles/cholera", published="2024-02-01",
    )
    a4 = build(
        "reuters_missiles_en",
        [[Sentence("WASHINGTON (Reuters) - {claim}, the Pentagon said on Thursday.",
                   "Moscow fired North Korean ballistic missiles at Ukraine last week", PENTAGON_EN, [REUTERS_EN],
                   "said")]],
        outlet=REUTERS_SITE, url="https://www.reuters.com/world/missiles", published="2024-01-08",
    )
    return [a1, a2, a3, a4]


# --- many varied articles ---------------------------------------------------------------------

_SPEAKERS = [
    (PENTAGON, "قالت وزارة الدفاع الأميركية"), (PESKOV, "قال المتحدث باسم الكرملين دميتري بيسكوف"),
    (KULEBA, "أكد وزير الخارجية الأوكراني دميترو كوليبا"), (WHO, "أعلنت منظمة الصحة العالمية"),
    (ANALYSTS, "رأى محللون غربيون"),
]
_VIAS = [[], [AFP], [REUTERS], [TASS], [AFP_SHORT], [REUTERS, AFP]]
_SUBJECTS = ["الجيش", "الحكومة", "الوزارة", "البرلمان", "المنظمة", "اللجنة", "الشرطة", "البعثة الأممية"]
_VERBS = ["نفذ", "أعلن", "رفض", "استهدف", "أرسل", "أوقف", "وقّع", "ناقش"]
_OBJECTS = ["هجوماً على مواقع", "اتفاقاً لوقف إطلاق النار", "مساعدات إنسانية", "خطة لإعادة الإعمار",
            "عقوبات جديدة", "تحقيقاً مستقلاً", "قافلة طبية", "صفقة أسلحة"]
_PLACES = ["في غزة", "في الخرطوم", "قرب خاركيف", "في بيونغ يانغ", "على الحدود", "في جنيف", "في دمشق", "في طرابلس"]
_OUTLETS = [JAZEERA, ARABIYA, BBC, Entity(text="سكاي نيوز عربية", name="Sky News Arabia", kind="outlet"),
            Entity(text="الشرق الأوسط", name="Asharq Al-Awsat", kind="outlet")]


def synthetic_article(n: int, claims_per_article: int = 12) -> tuple[Article, list[Claim]]:
    """Article number `n` (deterministic): Arabic reported speech, varied speakers, relays and numbers."""
    rng = random.Random(n)
    paragraphs = []
    for k in range(claims_per_article):
        speaker, lead = rng.choice(_SPEAKERS)
        via = rng.choice(_VIAS)
        claim = (
            f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_PLACES)}"
            f" يوم {rng.randint(1, 28)} وأسفر عن {rng.randint(2, 900)} حالة"
        )
        relay = f"، بحسب ما نقلت {via[0].text}" if via else ""
        paragraphs.append([Sentence(f"و{lead} إن {{claim}}{relay}.", claim, speaker, via, lead.split()[0])])
    return build(f"syn_{n:07d}", paragraphs, outlet=_OUTLETS[n % len(_OUTLETS)], url=f"https://news.example/{n}",
                 published=f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}")
