"""Clusters of claims that say the same thing, and how independent their sources are.

Clusters grow from scored "same" links between FAISS neighbours (never all pairs), strongest
link first, with union-find. A link is refused when it would put two claims into one cluster
that must stay apart (a contradiction, or a pair whose names, places, dates or numbers
conflict): single-link chains cannot drag a denial into the cluster of what it denies.

Corroboration per cluster: distinct speakers, outlets, and independent sources. Claims from
one article or one outlet, near-identical wording (character 5-gram Jaccard at least
`SYNDICATION_JACCARD`) or the same relay (one agency, e.g. AFP, in their `via`) count as one
source; groups that span more than one article are reported as syndicated copies.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from claimtrack.arabic import normalize
from claimtrack.models import Entity

SYNDICATION_JACCARD = 0.6
SHINGLE = 5
RELAY_KINDS = ("agency",)
MAX_PAIRWISE = 300


class ClaimLike(Protocol):
    id: str
    article: str
    text: str
    speaker: Entity
    via: list[Entity]


class UnionFind:
    """Disjoint sets over 0..n-1 with cannot-link constraints checked at each union."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}
        self.apart: dict[int, set[int]] = {}

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def keep_apart(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        self.apart.setdefault(ra, set()).add(b)
        self.apart.setdefault(rb, set()).add(a)

    def _conflict(self, ra: int, rb: int) -> bool:
        for small, large in ((ra, rb), (rb, ra)):
            banned = self.apart.get(large)
            if banned and any(m in banned for m in self.members[small]):
                return True
        return False

    def union(self, a: int, b: int) -> bool:
        """Join the sets of a and b unless a cannot-link pair would end up together."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self._conflict(ra, rb):
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        banned = self.apart.pop(rb, None)
        if banned:
            self.apart.setdefault(ra, set()).update(banned)
        return True

    def groups(self) -> list[list[int]]:
        return [sorted(m) for m in self.members.values()]


def build_clusters(
    n: int, a: np.ndarray, b: np.ndarray, score: np.ndarray, apart: Iterable[tuple[int, int]] = (),
    linkage: float = 0.0,
) -> list[list[int]]:
    """Groups of node numbers joined by the links a[i]-b[i], highest score first, never putting
    an `apart` pair into one group. Largest group first.

    With `linkage` > 0 two groups join only when at least that share of their member pairs are
    links (average linkage over the links): one strong link no longer chains two topics together.
    """
    sets = UnionFind(n)
    for x, y in apart:
        sets.keep_apart(x, y)
    order = np.argsort(-np.asarray(score, dtype=np.float64), kind="stable")
    pairs = list(zip(np.asarray(a)[order].tolist(), np.asarray(b)[order].tolist()))
    if linkage <= 0:
        for x, y in pairs:
            sets.union(x, y)
        return sorted(sets.groups(), key=lambda g: (-len(g), g[0]))
    between: dict[int, dict[int, int]] = {}
    for x, y in pairs:
        between.setdefault(x, {}).setdefault(y, 0)
        between.setdefault(y, {}).setdefault(x, 0)
        between[x][y] += 1
        between[y][x] += 1
    merged = True
    while merged:
        merged = False
        for x, y in pairs:
            rx, ry = sets.find(x), sets.find(y)
            if rx == ry:
                continue
            links = between.get(rx, {}).get(ry, 0)
            if links < linkage * len(sets.members[rx]) * len(sets.members[ry]) or not sets.union(rx, ry):
                continue
            merged = True
            root, gone = (rx, ry) if sets.find(rx) == rx else (ry, rx)
            for other, count in between.pop(gone, {}).items():
                if other == root:
                    between[root].pop(gone, None)
                    continue
                between[other].pop(gone, None)
                between[other][root] = between[other].get(root, 0) + count
                between.setdefault(root, {})[other] = between.get(root, {}).get(other, 0) + count
    return sorted(sets.groups(), key=lambda g: (-len(g), g[0]))


# ----- corroboration ----------------------------------------------------------------------------


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    """Character n-grams of the normalised text with punctuation and spacing folded."""
    folded = " ".join("".join(c if c.isalnum() else " " for c in normalize(text)).split())
    if len(folded) <= size:
        return frozenset([folded]) if folded else frozenset()
    return frozenset(folded[i : i + size] for i in range(len(folded) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def relays(claim: ClaimLike) -> set[str]:
    """Agencies a claim passed through (its `via`, or the speaker when an agency is the speaker)."""
    found = {e.name for e in claim.via if e.kind in RELAY_KINDS}
    if claim.speaker.kind in RELAY_KINDS:
        found.add(claim.speaker.name)
    return found


def outlet_name(claim: ClaimLike) -> str:
    outlet = getattr(claim, "outlet", None)
    if isinstance(outlet, Entity):
        return outlet.name
    return str(outlet) if outlet else f"article {claim.article}"


@dataclass
class Corroboration:
    speakers: list[str]
    outlets: list[str]
    independent_sources: int
    syndicated: list[list[str]] = field(default_factory=list)  # claim ids of each group of copies


def corroboration(claims: Sequence[ClaimLike], threshold: float = SYNDICATION_JACCARD) -> Corroboration:
    """Distinct speakers and outlets; sources after folding one outlet's and syndicated copies into one."""
    outlets = [outlet_name(c) for c in claims]
    sources = UnionFind(len(claims))
    copied = UnionFind(len(claims))
    for i, j in _same_outlet_pairs(claims, outlets):
        sources.union(i, j)
    for i, j in _copy_pairs(claims, threshold):
        sources.union(i, j)
        copied.union(i, j)
    syndicated = [
        [claims[i].id for i in group] for group in copied.groups() if len({claims[i].article for i in group}) > 1
    ]
    return Corroboration(
        speakers=_distinct(c.speaker.name for c in claims),
        outlets=_distinct(outlets),
        independent_sources=len(sources.groups()),
        syndicated=syndicated,
    )


def _same_outlet_pairs(claims: Sequence[ClaimLike], outlets: list[str]) -> Iterable[tuple[int, int]]:
    first: dict[str, int] = {}
    for i, (claim, outlet) in enumerate(zip(claims, outlets)):
        for key in (f"outlet:{outlet}", f"article:{claim.article}"):
            if key in first:
                yield first[key], i
            else:
                first[key] = i


def _copy_pairs(claims: Sequence[ClaimLike], threshold: float) -> Iterable[tuple[int, int]]:
    """Pairs from different articles with a shared relay or near-identical wording.

    Wording is compared pair by pair up to MAX_PAIRWISE claims; past that, only identical
    normalised wording counts (a cluster that large is reported, not read copy by copy).
    """
    first_relay: dict[str, int] = {}
    for i, claim in enumerate(claims):
        for relay in sorted(relays(claim)):
            if relay in first_relay and claims[first_relay[relay]].article != claim.article:
                yield first_relay[relay], i
            first_relay.setdefault(relay, i)
    grams = [shingles(c.text) for c in claims]
    if len(claims) > MAX_PAIRWISE:
        first_text: dict[frozenset[str], int] = {}
        for i, g in enumerate(grams):
            if g in first_text and claims[first_text[g]].article != claims[i].article:
                yield first_text[g], i
            first_text.setdefault(g, i)
        return
    for i in range(len(claims)):
        for j in range(i + 1, len(claims)):
            if claims[i].article != claims[j].article and jaccard(grams[i], grams[j]) >= threshold:
                yield i, j


def _distinct(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
