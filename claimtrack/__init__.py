"""claimtrack: who said what in Arabic and English news, relayed by whom, and who else says it.

Public API (cheap to import; nothing here loads torch until an embedding is asked for):
    extract(text, article_id=...) -> list[Claim]
    extract_article(article) -> list[Claim]
    embed(texts) -> numpy array of L2-normalised rows
    compare(a, b) -> similarity, relation and contradiction score of two claims
"""

from claimtrack.models import Article, Claim, Entity

__version__ = "0.1.0"


def extract(text: str, article_id: str = "article", outlet: Entity | None = None) -> list[Claim]:
    from claimtrack.split import extract as _extract

    return _extract(text, article_id=article_id, outlet=outlet)


def extract_article(article: Article) -> list[Claim]:
    from claimtrack.split import extract_article as _extract_article

    return _extract_article(article)


def embed(texts, model: str | None = None):
    from claimtrack.encoder import embed as _embed

    return _embed(texts, model=model)


def compare(a: str, b: str):
    from claimtrack.match import compare as _compare

    return _compare(a, b)


__all__ = ["Article", "Claim", "Entity", "extract", "extract_article", "embed", "compare"]
