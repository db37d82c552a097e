"""Speakers and relays: the phrase that names a source, and who it is.

A speaker phrase is cut from the words between a cue and its content (stop words, relay
phrases and commas end it; a short appositive name after a comma is kept). It resolves
through the entity registry, then through titles and names seen earlier in the article
("الرئيس الروسي" after "الرئيس الروسي فلاديمير بوتين" is Putin; "أوشاكوف" after "يوري
أوشاكوف" is the same man), then to a normalised name of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress

from claimtrack.arabic import is_arabic, normalize, tokenize
from claimtrack.coreference import Descriptions, name_after_title
from claimtrack.cues import Lexicon, lexicon, starts_phrase
from claimtrack.entities import Registry, clean_mention, entity, fallback_name, name_key, person_name, registry
from claimtrack.names import latin_name, name_parts, named
from claimtrack.models import Entity

_COMMA = re.compile(r"[،,]")
_QUOTE_MARK = re.compile("[\"“”«»]")
_CLAUSE_PUNCT = re.compile(r"[،,.:؛;!?؟)]$")
_EDGE_PUNCT = ".,;:!?\"'“”‘’()«»"
_ENTITY_PREFIXES = ("لل", "ل", "ب", "و")
APPOSITION_MAX_WORDS = 8  # "ناصر بوريطة، وزير الخارجية المغربي،": a name or title between commas is short
PRONOUN_KINDS = {
    "person": ("person",),
    "thing": ("organization", "government", "agency", "outlet"),
    "plural": ("group", "anonymous", "organization", "government"),
}


class SpeakerResolver:
    def __init__(self, raw: str, reg: Registry | None = None, lex: Lexicon | None = None):
        self.reg = reg or registry()
        self.lex = lex or lexicon()
        self.seen: dict[str, Entity] = {}  # name_key of a word or phrase -> entity seen in this article
        self.titles: dict[str, Entity] = {}
        self.recent: list[Entity] = []  # named speakers, in the order they spoke
        # as written, article kept: 'المصدر' (the source) carries, 'مصدر' (a source) is a new one
        self.carried_keys = frozenset(" ".join(phrase) for phrase in self.lex.carried_speakers)
        pronoun_lists = [f"pronoun_{kind}" for kind in PRONOUN_KINDS]
        self.pronoun_words = self.lex.any_of(*pronoun_lists)
        self.pronoun_phrases = frozenset(p for name in pronoun_lists for p in self._key_phrases(name))
        self.raw = raw
        self.raw_words = raw.split()
        self._raw_keys: list[str] | None = None  # name_key of each raw word, made on first need
        self.descriptions = Descriptions(raw, self.raw_words, self.lex, self._english_head)
        self._scan_titles()

    # ------------------------------------------------------------------ article scan
    def _scan_titles(self) -> None:
        """Bind 'TITLE NAME' mentions in the article: title words before a known person."""
        words = self.raw_words
        titles = self.lex.words.get("ar_titles", frozenset())
        for i in compress(range(len(words)), self.reg.opens_person(words)):
            if i == 0:
                continue
            # title words 2, 3 or 1 words before the name; the name is looked up only then
            spans = [span for span in (2, 3, 1) if span <= i and _is_title_word(words[i - span], titles)]
            if not spans:
                continue
            keys = [name_key(w) for w in words[i : i + 3]]
            for n in (3, 2, 1):
                entry = self.reg.by_alias.get(tuple(" ".join(keys[:n]).split()))
                if entry is not None and entry.kind == "person":
                    for span in spans:
                        title_words = words[i - span : i]
                        if any(_COMMA.search(w) for w in title_words[:-1]):
                            continue
                        key = name_key(" ".join(title_words))
                        if key not in self.titles:  # the first mention binds the title
                            self.titles[key] = entity(" ".join(words[i : i + n]), entry)
                        break
                    break

    # ------------------------------------------------------------------ phrases
    def strip_lead(self, text: str) -> str:
        text = clean_mention(text)
        toks = tokenize(text)
        drop = self.lex.any_of("ar_lead_drop", "en_lead_drop")
        phrases = self.lex.phrases.get("ar_lead_drop", ())
        i = 0
        while i < len(toks):
            n = starts_phrase(toks, i, phrases)
            if n:
                i += n
            elif toks[i].norm in drop:
                i += 1
            elif toks[i].norm[:1] in "وف" and toks[i].norm[1:] in drop:
                i += 1
            else:
                break
        # a carry verb before the subject: "ومضى بوتين متهماً"
        while i < len(toks) and self._is_carry_verb(toks[i].norm):
            i += 1
        if i >= len(toks):
            return ""
        return clean_mention(text[toks[i].start :])

    def _is_carry_verb(self, norm: str) -> bool:
        for reading in (norm, norm[1:] if norm[:1] in "وف" else norm):
            form = self.lex.forms.get((reading,))
            if form is not None and form.kind == "carry":
                return True
        return False

    def _participle_cue(self, norm: str) -> bool:
        """'وأردف قائلا إن ...': a participle cue ends the speaker phrase (here, before it starts)."""
        form = self.lex.forms.get((norm,))
        return form is not None and form.kind == "participle"

    def _according_word(self, norm: str) -> bool:
        """'أوضح المتحدث ... وفقاً لبيان': an according cue word ends the speaker phrase."""
        form = self.lex.forms.get((norm,))
        return form is not None and form.kind == "according"

    def split_speaker_phrase(self, text: str) -> tuple[str, str]:
        """(speaker phrase, the rest) of the words between a verb cue and its content."""
        toks = tokenize(text)
        lead = self.lex.words.get("ar_lead_drop", frozenset())
        while toks and toks[0].norm in lead:
            text = text[toks[0].end :]
            toks = tokenize(text)
        if not toks:
            return "", text
        lex = self.lex
        if self._addressee(toks):
            return "", text  # 'وأضاف لعلي جمال الدين، مراسل ...': told to someone; the speaker is carried
        doc_end = self._document_phrase_end(toks)
        if doc_end:
            return clean_mention(text[: toks[doc_end - 1].end]), text[toks[doc_end - 1].end :]
        stops = lex.any_of("ar_stop", "ar_relay_lead")
        end = None
        appositive_used = False
        quoted_name: int | None = None
        for i, t in enumerate(toks):
            gap = text[toks[i - 1].end : t.start] if i > 0 else ""
            if i > 0 and ("،" in gap or "," in gap):
                if appositive_used or end is not None:
                    end = toks[i - 1].end
                    break
                # a short appositive after a comma: "وزير الدفاع، شين وون سيك،"
                nxt = [x for x in toks[i : i + 6]]
                stop_at = next((k for k, x in enumerate(nxt) if x.norm in stops or self._relay_word(x.norm)), len(nxt))
                if stop_at == 0 or (self._long_apposition(text, toks, i) and not self._titled_name_before_stop(toks, i, stop_at)):
                    end = toks[i - 1].end
                    break
                appositive_used = True
            if i > 0 and end is None and (quoted_name := self._quoted_name_end(text, toks, i)):
                end = quoted_name  # 'وزير الصحة ” علي الزناتي” خلال اجتماعه': a quoted name closes the title phrase
                break
            if t.norm in stops and self._name_not_stop(toks, i):
                continue  # 'المدير علي بن هادي', 'قال علي حسن': the name Ali, not the preposition على
            if t.norm in stops or self._relay_word(t.norm) or self._participle_cue(t.norm) or self._according_word(t.norm):
                if i == 0:
                    return "", text
                if i == len(toks) - 1 and lex.has("ar_stop_prepositions", t.norm) and not text[t.end :].strip():
                    continue  # 'أسامة علي': a preposition with no object is a name
                if self._title_of_body(toks, i) or self._title_compound(toks, i):
                    continue
                end = toks[i - 1].end
                break
        if end is None:
            end = toks[-1].end
        else:
            # "الناطق باسم مجلس الأمن القومي في البيت الأبيض جون كيربي": a known person closes the phrase
            rest_toks = [t for t in toks if t.start >= end]
            for k in range(len(rest_toks)):
                if not self.reg.may_start_person(rest_toks[k].raw):
                    continue
                for n in (3, 2, 1):
                    chunk = rest_toks[k : k + n]
                    if len(chunk) == n:
                        entry = self.reg.lookup(text[chunk[0].start : chunk[-1].end])
                        if entry is not None and entry.kind == "person" and not _COMMA.search(text[end : chunk[0].start]):
                            end = chunk[-1].end
                            break
                else:
                    continue
                break
            end = self._apposed_name_end(text, rest_toks) or end
        phrase = text[:end]
        if quoted_name:  # the quotation marks around a quoted name ('” علي الزناتي”') are no part of the speaker
            phrase = " ".join(_QUOTE_MARK.sub(" ", phrase).split())
        return clean_mention(phrase), text[end:]

    def _apposed_name_end(self, text: str, rest) -> int | None:
        """'المتحدث باسم الوزارة في حكومة الإقليم، هيوا علي، لشبكة ...': a title phrase cut at a preposition, then
        a short name between commas (two or three words, one a known name part): the phrase runs to the name's end."""
        commas = [k for k in range(1, len(rest)) if _COMMA.search(text[rest[k - 1].end : rest[k].start])]
        if not commas or commas[0] > 5:
            return None
        first = commas[0]
        last = next((k for k in commas[1:]), len(rest))
        chunk = rest[first:last]
        if not 2 <= len(chunk) <= 3 or (last < len(rest) and len(commas) < 2):
            return None
        table = name_parts()
        closed = self.lex.any_of("ar_stop", "ar_titles", "ar_organization")
        names_raw = self.lex.words.get("ar_stop_names_raw", frozenset())  # 'علي' with yaa is Ali, not على
        if chunk[0].norm.startswith("ال") or any(t.norm in closed and t.raw not in names_raw for t in chunk):
            return None
        return chunk[-1].end if any((t.norm,) in table.parts for t in chunk) else None

    def _titled_name_before_stop(self, toks, i: int, stop_at: int) -> bool:
        """'أفاد وزير الفلاحة والصيد البحري، سمير بالطيب على هامش ...': a title before the comma, then a name
        of two or three words (one a known name part) running to a stop word: the name is the title's holder,
        though the clause after it runs long."""
        if not 2 <= stop_at <= 3 or not self.lex.has("ar_titles", toks[0].norm):
            return False
        chunk = toks[i : i + stop_at]
        closed = self.lex.any_of("ar_stop", "ar_titles", "ar_organization")
        if chunk[0].norm.startswith("ال") or any(t.norm in closed for t in chunk):
            return False
        table = name_parts()
        return any((t.norm,) in table.parts for t in chunk)

    def _quoted_name_end(self, text: str, toks, i: int) -> int | None:
        """End offset of a name of two or three words in quotation marks opening at token i, after a title
        ('وزير الصحة ” علي الزناتي”'); None when no quote mark opens there or the quoted words are no name."""
        if not _QUOTE_MARK.search(text[toks[i - 1].end : toks[i].start]) or not self.lex.has("ar_titles", toks[0].norm):
            return None
        for k in (i + 2, i + 3):
            if k <= len(toks) and _QUOTE_MARK.search(text[toks[k - 1].end : toks[k].start if k < len(toks) else len(text)]):
                chunk = toks[i:k]
                names_raw = self.lex.words.get("ar_stop_names_raw", frozenset())
                if any(_QUOTE_MARK.search(text[a.end : b.start]) for a, b in zip(chunk, chunk[1:])):
                    return None
                if any(t.norm in self.lex.words.get("ar_stop", ()) and t.raw not in names_raw for t in chunk):
                    return None
                table = name_parts()
                known = any((t.norm,) in table.parts or (t.norm.removeprefix("ال"),) in table.parts for t in chunk)
                return chunk[-1].end if known else None
        return None

    @staticmethod
    def _addressee(toks) -> bool:
        """'لعلي جمال الدين', 'لمحمد حسن': لـ glued to a known given name right after the verb names whom the
        speaker told, not the speaker ('لجنة' and 'لوكالة' are other words: no given name after the ل)."""
        first = toks[0].norm
        if len(first) < 4 or first[0] != "ل" or first.startswith(("ال", "لل")):
            return False
        table = name_parts()
        return (first[1:],) in table.parts and first[1:] not in table.particles and len(toks) > 1 and (toks[1].norm,) in table.parts

    def _name_not_stop(self, toks, i: int) -> bool:
        """A stop word spelled as a given name ('علي' with yaa, not the preposition 'على') before a
        known name part ('علي حسن', 'علي بن هادي') is that name."""
        if toks[i].raw not in self.lex.words.get("ar_stop_names_raw", ()) or i + 1 >= len(toks):
            return False
        nxt = toks[i + 1].norm
        table = name_parts()
        return not nxt.startswith("ال") and ((nxt,) in table.parts or nxt in table.particles)

    def _document_phrase_end(self, toks) -> int:
        """'وقال بيان للمكتب الإعلامي للوزارة إن', 'بيان صادر عن السفارة وصل مراسلنا نسخة منه': a statement
        that speaks, then its issuer: a head word and the definite words after it. 0 when no document leads."""
        if len(toks) < 2 or not self.lex.has("ar_documents", toks[0].norm) or toks[0].norm.startswith("ال"):
            return 0
        i = 1
        while i < len(toks) and (self.lex.has("ar_document_issued", toks[i].norm) or (i > 1 and toks[i].norm in ("عن", "من"))):
            i += 1
        if i >= len(toks) or self.lex.has("ar_stop", toks[i].norm):
            return 0
        i += 1  # the issuer's head: 'وزارة', 'للمديرية'
        while i < len(toks) and toks[i].norm.startswith(("ال", "لل")) and not self.lex.has("ar_stop", toks[i].norm):
            i += 1
        return i

    @staticmethod
    def _long_apposition(text: str, toks, i: int) -> bool:
        """'أكد المدرب جمال سلامي، جاهزية فريقه للقاء العراق في مباراة اليوم ...،': words running past
        APPOSITION_MAX_WORDS to the next comma are the verb's object, not a name or title in apposition."""
        for k in range(i + 1, min(len(toks), i + APPOSITION_MAX_WORDS + 1)):
            if _COMMA.search(text[toks[k - 1].end : toks[k].start]):
                return False
        return len(toks) - i > APPOSITION_MAX_WORDS

    def _title_compound(self, toks, i: int) -> bool:
        """'المدير العام', 'النائب العام': a stop word ('العام': the year) that completes the title before it."""
        return (toks[i - 1].norm, toks[i].norm) in self.lex.phrases.get("ar_title_compounds", ())

    def _title_of_body(self, toks, i: int) -> bool:
        """'المسؤول في الاتحاد الدولي ... طارق رمضان', 'وزير في حكومة شرق ليبيا': a bare title, then
        the body it serves (a preposition and an organisation head) belongs to the speaker."""
        lex = self.lex
        if not (lex.has("ar_title_of", toks[i].norm) and i + 1 < len(toks) and i <= 3):
            return False
        head = toks[0].norm
        if not (lex.has("ar_titles", head) or lex.has("ar_anonymous", head)):
            return False
        return lex.has("ar_organization", toks[i + 1].norm) and all(t.norm not in lex.words.get("ar_stop", ()) for t in toks[1:i])

    def _relay_word(self, norm: str) -> bool:
        """'لوكالة', 'لرويترز': a ل-prefixed agency or outlet."""
        if norm.startswith("ل") and len(norm) > 3:
            entry = self.reg.lookup(norm[1:]) or (self.reg.lookup("ال" + norm[2:]) if norm.startswith("لل") else None)
            if entry is not None and entry.kind in ("agency", "outlet"):
                return True
        return False

    def relays_in(self, text: str) -> list[Entity]:
        """Agencies and outlets named in a relay phrase: 'لوكالة رويترز', 'في مقابلة مع بلومبرج نيوز'."""
        out: list[Entity] = []
        toks = tokenize(text)
        i = 0
        while i < len(toks):
            found = None
            if not any(self.reg.may_start_alias(first) for first, _ in self._readings(toks[i].raw)):
                i += 1  # no alias starts with this word, with or without a prefix
                continue
            for n in range(min(self.reg.max_len, len(toks) - i), 0, -1):
                words = [t.raw for t in toks[i : i + n]]
                entry, used = self._lookup_prefixed(words)
                if entry is not None and entry.kind in ("agency", "outlet"):
                    found = (n, entity(text[toks[i].start + used : toks[i + n - 1].end], entry))
                    break
            if found:
                if all(e.name != found[1].name for e in out):  # 'وكالة الأنباء العراقية (واع)': one relay, named twice
                    out.append(found[1])
                i += found[0]
            else:
                i += 1
        return out

    def named_outlet(self, text: str) -> Entity | None:
        """An agency or outlet a phrase names, known or by its head: "2M state television"."""
        text = clean_mention(text)
        if not text:
            return None
        known = [e for e in self.relays_in(text)]
        if known:
            return known[0]
        kind = self._kind_of(text)
        return entity(text, None, kind) if kind in ("agency", "outlet") else None

    def _lookup_prefixed(self, words: list[str]):
        for first, used in self._readings(words[0]):
            entry = self.reg.lookup(" ".join([first, *words[1:]]))
            if entry is not None:
                return entry, used
        return None, 0

    @staticmethod
    @lru_cache(maxsize=16384)
    def _readings(word: str) -> tuple[tuple[str, int], ...]:
        """The word as written, then its stems without a prefix (لل، ل، ب، و), with the prefix's length."""
        out = [(word, 0)]
        first = normalize(word)
        for p in _ENTITY_PREFIXES:
            if first.startswith(p) and len(first) > len(p) + 1:
                stem = first[len(p):]
                if p == "لل":
                    stem = "ال" + stem
                out.append((stem, len(p) if p != "لل" else 2))
        return tuple(out)

    def registry_entities(self, text: str) -> list[Entity]:
        """Every registry entity named in `text`, in order."""
        return [entity(text, e) for _, _, e in self.reg.find_all(text)]

    def registry_prefix(self, words: list[str]) -> int:
        """Words at the start that name registry entities, coordinated ('كل من موسكو وبيونج يانج')."""
        i = 0
        if len(words) >= 2 and normalize(words[0]) == "كل" and normalize(words[1]) == "من":
            i = 2
        if i < len(words) and normalize(words[i]) in ("ال", "الـ"):
            i += 1
        total = 0
        while i < len(words):
            matched = 0
            if total == 0 and not any(self.reg.may_start_alias(first) for first, _ in self._readings(words[i])):
                break  # no alias starts here, with or without a prefix
            for n in range(min(self.reg.max_len, len(words) - i), 0, -1):
                chunk = list(words[i : i + n])
                if total and normalize(chunk[0]).startswith("و"):
                    chunk[0] = chunk[0][1:]
                entry, _ = self._lookup_prefixed(chunk) if total == 0 else (self.reg.lookup(" ".join(chunk)), 0)
                if entry is not None:
                    matched = n
                    break
            if not matched:
                break
            i += matched
            total = i
            if i < len(words) and not normalize(words[i]).startswith("و"):
                break
        return total

    # ------------------------------------------------------------------ resolution
    def resolve(self, text: str, last: Entity | None, *, strip_prefix: bool = False) -> Entity | None:
        """The entity a speaker phrase names; None when the phrase names nobody."""
        text = clean_mention(self.strip_lead(text) or text)
        if not text:
            return None
        if strip_prefix:
            toks = tokenize(text)
            if toks:
                entry, used = self._lookup_prefixed([t.raw for t in toks])
                if entry is not None:
                    return entity(text[used:], entry)
                first = toks[0].norm
                for p in ("لل", "ل"):
                    if first.startswith(p) and len(first) > len(p) + 2:
                        text = ("ال" if p == "لل" else "") + text[len(p):] if p == "لل" else text[len(p):]
                        break
        text = self._clitic_subject(text)
        key = name_key(text)
        first_word = normalize(text.split()[0]) if text.split() else ""
        if self.lex.has("ar_not_speaker", first_word) or self.lex.has("en_not_speaker", first_word) or first_word[:1].isdigit():
            return None
        if self._topic_lead(text):
            return last  # 'وفيما يخص الأسعار قال': a topic before the cue; the speaker is carried
        if last is not None and self._not_a_speaker(text):
            return last  # words no one is called name no one new: the speaker carried so far
        antecedent = self.pronoun_antecedent(key, last)
        if antecedent is not None:
            # "لكنه أوضح": a clitic pronoun has no word of its own, so it takes its antecedent's words
            shown = antecedent.text if self._listed("ar_clitic_pronouns", key) and antecedent.text else clean_mention(text)
            return Entity(text=shown, name=antecedent.name, kind=antecedent.kind)
        found = self.reg.find_all(text)
        persons = [f for f in found if f[2].kind == "person"]
        # a person or title the registry or the article's known names bind ("الرئيس الروسي") is left to them, below
        if not persons and key not in self.titles and self.reg.title_holder(text) is None:
            described = self.descriptions.bind(text, self.recent)
            if described is not None:
                return described
        if " ".join(map(normalize, text.split())) in self.carried_keys and last is not None:
            return Entity(text=clean_mention(text), name=last.name, kind=last.kind)
        if persons:
            return entity(text, max(persons, key=lambda f: f[1] - f[0])[2])
        named = self._english_role_name(text)
        if named:
            return Entity(text=clean_mention(text), name=named, kind="person")
        if key in self.titles:
            return Entity(text=clean_mention(text), name=self.titles[key].name, kind="person")
        holder = self.reg.title_holder(text)
        if holder is not None:
            return entity(text, holder)
        seen = self._seen_person(text)
        if seen is not None:
            return Entity(text=clean_mention(text), name=seen.name, kind=seen.kind)
        if found:
            words = key.split()
            first = found[0]
            # the phrase is (mostly) this entity: "وكالة تاس الروسية", "الكرملين في بيان"
            if first[0] <= 1 or len(words) - (first[1] - first[0]) <= 2:
                return entity(text, first[2])
        found_entity = entity(text, None, self._kind_of(text))
        if found_entity.kind == "person" and not is_arabic(text):
            return Entity(text=found_entity.text, name=self._english_person_name(text, found_entity.name), kind="person")
        if found_entity.kind == "person" and len(key.split()) <= 2:
            full = self._arabic_full_name(key)
            if full is not None:
                return Entity(text=found_entity.text, name=full, kind="person")
        return found_entity

    def _clitic_subject(self, text: str) -> str:
        """'ولكنه عاد': a clitic pronoun ('لكنه', 'إلا أنه') opening the phrase is its subject; the words after
        it are a verb before the cue ('عاد وأشار': went on to point out), no part of the speaker."""
        words = text.split()
        for n in (2, 1):
            if len(words) > n and self._listed("ar_clitic_pronouns", name_key(" ".join(words[:n]))):
                return " ".join(words[:n])
        return text

    def document_speaker(self, phrase: str, last: Entity | None) -> Entity | None:
        """'بيان للمكتب الإعلامي للوزارة', 'بيان صادر عن السفارة': a statement speaks for its issuer; the
        phrase as written stays the speaker's text, the issuer gives the name. None when no document leads."""
        toks = tokenize(phrase)
        if len(toks) < 2 or not self.lex.has("ar_documents", toks[0].norm):
            return None
        i = 1
        while i < len(toks) - 1 and (self.lex.has("ar_document_issued", toks[i].norm) or toks[i].norm in ("عن", "من")):
            i += 1
        issuer = self.resolve(phrase[toks[i].start :], last, strip_prefix=True)
        if issuer is None:
            return None
        return Entity(text=clean_mention(phrase), name=issuer.name, kind=issuer.kind)

    def _topic_lead(self, text: str) -> bool:
        """'يخص احداث الأسبوع', 'وفي شأن الأسعار': a phrase opening with a topic preposition names no speaker."""
        toks = tokenize(text)
        if not toks or not is_arabic(text):
            return False
        return self.lex.has("ar_topic_leads", toks[0].norm) or starts_phrase(toks, 0, self.lex.phrases.get("ar_topic_leads", ())) > 0

    def _not_a_speaker(self, text: str) -> bool:
        """English words no one is called: quoted speech ('I’m a referee'), a phrase ending in a
        function word ('in', 'Contrary to'). 'US' is a country, not 'us'."""
        if is_arabic(text):
            return False
        words = [w.strip(_EDGE_PUNCT) for w in text.split()]
        words = [w for w in words if w]
        if not words:
            return True
        if any(self.lex.has("en_first_person", w.lower()) and (w == "I" or not w.isupper()) for w in words):
            return True
        return self.lex.has("en_not_role", words[-1].lower())

    def _arabic_full_name(self, key: str) -> str | None:
        """'مانشيني' after 'روبرتو مانشيني' is Roberto Mancini, 'ال خطاب' after 'رائد رافد ال خطاب' Raed Rafed
        al-Khattab: a family name alone (its article written apart or not) takes the Latin name of the first
        known name the article wrote it closing. A title word alone ("المتحدث" after "عبدالله الحارثي
        المتحدث باسم ...") is no family name."""
        if self.lex.has("ar_titles", key):
            return None
        keys = key.split()
        m = len(keys)
        raw_words = self.raw_words
        if self._raw_keys is None:
            self._raw_keys = [name_key(w) for w in raw_words]
        raw_keys = self._raw_keys
        for i in range(m, len(raw_words)):
            if raw_keys[i] != keys[-1] or raw_keys[i + 1 - m : i + 1] != keys:
                continue
            for n in (m + 2, m + 1):
                if i + 1 < n:
                    continue
                latin = latin_name(" ".join(raw_words[i + 1 - n : i + 1]))
                if latin is not None and len(latin[0].split()) > 1 and name_key(latin[1]) == keys[-1]:
                    return latin[0]
        return None

    def _english_full_name(self, name: str) -> str:
        """'Ms Hayley Adams' is Hayley Adams; 'Ms Hidalgo' after 'Judge Lina Hidalgo' is Lina Hidalgo:
        a courtesy title goes, and a family name alone takes the first name it was written with."""
        words = name.split()
        titled = [i for i, w in enumerate(words[:-1]) if self.lex.has("en_honorifics", w.lower().rstrip("."))]
        if titled:
            words = words[titled[-1] + 1 :]  # "A meteorologist with the weather service, Ms Hayley Adams"
        if len(words) == 1 and words[0][:1].isupper():
            # "Prince Faisal" after "Foreign Minister Prince Faisal bin Farhan": the one speaker it opens
            opened = {e.name for e in self.recent if e.kind == "person" and len(e.name.split()) > 1 and e.name.split()[0] == words[0]}
            if len(opened) == 1:
                return opened.pop()
            # "Wierzchoś" after "said Dr. Kacper Wierzchoś": the one earlier speaker whose name it closes
            closed = {e.name for e in self.recent if e.kind == "person" and len(e.name.split()) > 1 and e.name.split()[-1] == words[0]}
            if len(closed) == 1:
                return closed.pop()
            return self._first_name_written(words[0]) or words[0]
        return " ".join(words)

    def _first_name_written(self, family: str) -> str | None:
        """'Lina Hidalgo' for 'Hidalgo': the capitalised word the article writes right before the family
        name inside a sentence or after a courtesy title ('Dr. Kacper Wierzchoś'), never a capitalised
        sentence opener ('But Greene')."""
        pattern = rf"\b([A-Z][^\W\d_A-Z]+(?:-[A-Z][^\W\d_A-Z]+)?) {re.escape(family)}(?!\w)"
        for first in re.finditer(pattern, self.raw):
            low = first.group(1).lower()
            if not first.start() or self.lex.has("en_honorifics", low) or self.lex.has("en_titles", low):
                continue
            before = self.raw[: first.start()].rstrip(" ")
            prev = before.split()[-1] if before.split() else ""
            if before.endswith("\n") or (prev[-1:] in ".!?" and not self.lex.has("en_honorifics", prev.lower().rstrip("."))):
                continue
            return f"{first.group(1)} {family}"
        return None

    def _english_person_name(self, text: str, written: str) -> str:
        """'B.C. Health Minister Adrian Dix' is Adrian Dix, 'Dr. Bonnie Henry, the provincial health officer'
        Bonnie Henry, 'the spokesperson, Guy Webster' Guy Webster: the capitalised words after a title or
        courtesy word, or a name standing alone between commas; else the words as written."""
        parts = [part.split() for part in _COMMA.split(clean_mention(text))]
        parts = [words for words in parts if words]
        # a name after a title in any part first: 'Yesterday, Prime Minister Dr Keith Rowley, too' is Keith Rowley
        name = next((found for words in parts if (found := name_after_title(words, self.lex))), None)
        if name is None and len(parts) > 1:
            name = next((words for words in parts if len(words) <= 4 and words[0].lower() != "the" and all(w[:1].isupper() for w in words)), None)
        if name:
            return self._english_full_name(person_name(" ".join(name)))
        return self._english_full_name(written)

    def _english_head(self, text: str) -> str:
        """The head of an English speaker phrase: before its first comma or preposition."""
        words = _COMMA.split(text, 1)[0].split()
        for i, w in enumerate(words):
            if i > 0 and self.lex.has("en_head_end", w.lower()):
                return " ".join(words[:i])
        return " ".join(words)

    def _english_role_name(self, text: str) -> str | None:
        """'CNN meteorologist Todd Borek', "American Airlines' Kent Powell": the person named after a role."""
        if is_arabic(text):
            return None
        words = self._english_head(text).split()
        n = 0
        while n < len(words) and words[-1 - n][:1].isupper():
            n += 1
        if n < 2 or n == len(words):
            return None
        before = words[-1 - n]
        if self.lex.has("en_not_role", before.lower()) or self.lex.has("en_organization", words[-1].lower().strip(".,")):
            return None
        if not (before[:1].islower() or before.endswith(("'", "’", "'s", "’s"))):
            return None
        # "the state's Agriculture Minister Bill Byrne": a title inside the run is no part of the name
        return " ".join(name_after_title(words[-n:], self.lex) or words[-n:])

    def _seen_person(self, text: str) -> Entity | None:
        words = name_key(text).split()
        if not words:
            return None
        return self.seen.get(words[-1]) if len(words) <= 2 else None

    def is_pronoun(self, text: str) -> bool:
        return self._is_pronoun_key(name_key(text))

    def _is_pronoun_key(self, key: str) -> bool:
        """A word or a phrase of any of the pronoun lists."""
        return key in self.pronoun_words or (" " in key and tuple(key.split()) in self.pronoun_phrases)

    def pronoun_antecedent(self, key: str, last: Entity | None) -> Entity | None:
        """The most recent speaker a pronoun can stand for (the last speaker when none fits)."""
        if not self._is_pronoun_key(key):
            return None
        kinds = next((v for k, v in PRONOUN_KINDS.items() if self._listed(f"pronoun_{k}", key)), None)
        if kinds is None:
            return None
        heard = next((e for e in reversed(self.recent) if e.kind in kinds), None)
        if heard is not None:
            return heard
        if kinds == PRONOUN_KINDS["person"]:
            # 'he' never stands for 'The media report': with no person heard, the first titled person named
            return self._titled_person() or (last if last is not None and last.kind == "person" else None) or self._recurring_person()
        return last

    def _recurring_person(self) -> Entity | None:
        """'Jane Okafor, the estate head, ... Okafor had ... He said': with no person heard or titled, the person the
        article names in full (two or three capitalised words) whose last name recurs most on its own after."""
        raw = self.raw_words
        words = [w.strip(_EDGE_PUNCT).removesuffix("'s").removesuffix("’s") for w in raw]
        caps = [bool(w) and w[:1].isupper() and w.isalpha() and not w.isupper() for w in words]
        # word i runs on into word i + 1: both capitalised, no comma or stop between
        joined = [caps[i] and caps[i + 1] and not _CLAUSE_PUNCT.search(raw[i]) for i in range(len(raw) - 1)] + [False]
        alone: dict[str, int] = {}
        for i, w in enumerate(words):
            if caps[i] and not (i > 0 and joined[i - 1]) and not joined[i]:
                alone[w] = alone.get(w, 0) + 1
        best: tuple[int, str] | None = None
        for i in range(len(words) - 1):
            if not joined[i] or (i > 0 and joined[i - 1]):
                continue
            n = 3 if joined[i + 1] else 2
            run = words[i : i + n]
            if joined[i + n - 1] or any(self.lex.has("en_titles", w.lower()) or self.lex.has("en_object_determiners", w.lower()) for w in run):
                continue
            entry = self.reg.lookup(" ".join(run))
            count = alone.get(run[-1], 0)
            if count >= 2 and (entry is None or entry.kind == "person") and (best is None or count > best[0]):
                best = (count, entry.name if entry is not None else " ".join(run))
        return Entity(text="", name=best[1], kind="person") if best is not None else None

    def _titled_person(self) -> Entity | None:
        """The first person the article names after a title: 'Police Commissioner Gari Baki has rubbished ...'
        (English capitalised title), 'وزير الخارجية X' (a registry person after Arabic title words)."""
        if self.titles:
            return next(iter(self.titles.values()))
        words = self.raw_words
        for i, w in enumerate(words[:-1]):
            if w[:1].isupper() and self.lex.has("en_titles", w.lower().strip(".,")) and not _COMMA.search(w):
                run = name_after_title(words[i : i + 6], self.lex)
                if run and len(run) >= 2:
                    name = person_name(" ".join(run))
                    return Entity(text="", name=name, kind="person")
        return None

    def _listed(self, list_name: str, key: str) -> bool:
        """A word or a listed phrase ("إلا أنه": but he) of an attribution.toml list."""
        return self.lex.has(list_name, key) or (" " in key and tuple(key.split()) in self._key_phrases(list_name))

    def _key_phrases(self, list_name: str) -> frozenset[tuple[str, ...]]:
        """A list's phrases as name keys spell them ("غير أنه" folds to 'جير انه'), and as listed."""
        listed = self.lex.phrases.get(list_name, ())
        return frozenset(listed).union(tuple(name_key(" ".join(p)).split()) for p in listed)

    def remember(self, ent: Entity) -> None:
        if not self.is_pronoun(ent.text) and ent.text:
            self.recent.append(ent)
        if ent.kind == "person":
            words = name_key(ent.text).split()
            if words and not self.lex.has("ar_titles", words[-1]):
                self.seen.setdefault(words[-1], ent)
            if not is_arabic(ent.text) and name_key(ent.name) != name_key(ent.text):
                # "Henry" after "Dr. Bonnie Henry, the provincial health officer": the name's last word
                self.seen.setdefault(name_key(ent.name).split()[-1], ent)
            found = named(ent.text)
            if found is not None and ent.name == found.name:
                # "زايد" after "وزيرة الصحة هالة زايد": the family name ends the name, not the phrase
                self.seen.setdefault(name_key(found.family), ent)

    def _english_anonymous(self, text: str) -> bool:
        """'a military official', 'an unnamed source': an indefinite phrase with an anonymous head."""
        if is_arabic(text):
            return False
        words = [w.lower().strip(_EDGE_PUNCT) for w in self._english_head(clean_mention(text)).split()]
        return len(words) >= 2 and words[0] in ("a", "an") and self.lex.has("en_anonymous_heads", words[-1])

    def _kind_of(self, text: str):
        toks = tokenize(text)
        if not toks:
            return "anonymous"
        if not is_arabic(text):
            toks = tokenize(self._english_head(text)) or toks
        first = toks[0].norm
        if first in ("the", "a", "an") and len(toks) > 1:
            first = toks[1].norm  # 'The media report': the noun after the article
        lower = text.lower()
        lex = self.lex
        if self._english_anonymous(text) or lex.has("ar_anonymous", first) or (len(toks) > 1 and lex.has("ar_titles", first) and not first.startswith("ال") and lex.has("ar_title_of", toks[1].norm)) or any(lower.startswith(p) for p in ("a source", "an official", "sources", "a senior")):
            return "anonymous"
        if lex.has("ar_group", first) or lex.has("en_group", first) or starts_phrase(toks, 0, lex.phrases.get("ar_group", ())):
            return "group"
        if not is_arabic(text) and self._english_kind_by_head(toks) is not None:
            return self._english_kind_by_head(toks)
        if lex.has("ar_agency", first):
            return "agency"
        if lex.has("ar_outlet", first) or starts_phrase(toks, 0, lex.phrases.get("ar_outlet", ())) or any(lex.has("en_outlet", t.norm.rsplit("-", 1)[-1]) for t in toks):
            return "outlet"
        bare = first[2:] if first.startswith("ال") and len(first) > 4 else first  # 'المديرية' as 'مديرية'
        if lex.has("ar_organization", first) or lex.has("ar_organization", bare) or lex.has("ar_documents", first) or any(lex.has("en_organization", t.norm) for t in toks):
            return "organization"
        return "person"


    def _english_kind_by_head(self, toks) -> str | None:
        """'an Australian media report' is a group (its head noun is a listed source noun: reports, claims); 'Papua New Guinea Police
        Commissioner Gari Baki' a person (a capitalised name closes it after a title), whatever names a body before."""
        last = toks[-1].norm
        if toks[0].norm in ("the", "a", "an") and (self.lex.has("en_nominal_sources", last) or self.lex.has("en_nominal_sources", last + "s")):
            return "group"
        words = [t.raw for t in toks]
        run = name_after_title(words, self.lex)
        return "person" if run is not None and len(run) >= 2 and words[-len(run) :] == run else None


@lru_cache(maxsize=16384)
def _is_title_word(word: str, titles: frozenset[str]) -> bool:
    norm = normalize(word)
    return norm.lstrip("و") in titles or norm in titles


__all__ = ["SpeakerResolver", "fallback_name"]
