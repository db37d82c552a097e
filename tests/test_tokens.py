"""Word tokens: the offsets every claim span rests on, however the text is cut up."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.arabic import WORD, normalize, scan_tokens, tokenize, tokens_within
from claimtrack.entities import clean_mention
from claimtrack.ingest import read_paths
from claimtrack.segment import paragraphs, quotes, sentences

# Arabic letters with harakat and tatweel, Latin, digits, joiners, punctuation and odd spaces
TEXT = st.text(alphabet=st.sampled_from(list("قال وزير الخارجية،.:؛«»\"“”-–'’ـًّ19aZé\n\t\u00a0\u3000ﷺ")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.integers(min_value=0, max_value=50))
def test_tokens_are_the_words_at_their_offsets(text, offset):
    tokens = scan_tokens(text, offset)
    assert [t.raw for t in tokens] == WORD.findall(text)
    for t in tokens:
        assert text[t.start - offset : t.end - offset] == t.raw
        assert t.norm == normalize(t.raw)


def test_sentence_words_sliced_from_the_paragraph_match_tokenizing_the_sentence(seeds):
    articles, _ = read_paths([seeds])
    for article in articles:
        raw = article.raw
        for para in paragraphs(raw, article.body or None):
            para_tokens = scan_tokens(raw[para[0] : para[1]], para[0])
            for s, e in sentences(raw, para, quotes(raw, para)):
                assert tokens_within(para_tokens, s, e) == tokenize(raw[s:e], s)


def test_mentions_lose_edge_punctuation_and_any_kind_of_space():
    assert clean_mention("\u00a0«وكالة تاس»،\u3000") == "وكالة تاس"
    assert clean_mention(' "Reuters", ') == "Reuters"
    assert clean_mention("(بوتين)") == "بوتين"
