"""The claim store: articles, claims, entities, clusters, embeddings and reviews in SQLite.

One file (default `./claimtrack.db`), WAL mode so reviewers read while another writes, a busy
timeout and `BEGIN IMMEDIATE` for every write so concurrent writers queue instead of failing,
numbered migrations (`claimtrack.migrations`). Plain tables: `datasette claimtrack.db` browses
it as it is (views `claim_list` and `review_history` show names instead of ids).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import time
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from claimtrack import config, migrations
from claimtrack.errors import IngestError, UserError
from claimtrack.models import Article, Claim, Entity

SQLITE_MAGIC = b"SQLite format 3\x00"
BATCH = 500
SEARCH_RULES_VERSION = 1  # bump when normalize() changes: stored search text is then rebuilt

# --- Arabic-aware normalisation, shared by stored text and queries -------------------------

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]")
_LETTERS = str.maketrans(
    {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ة": "ه", "ک": "ك"}
    | {chr(0x0660 + d): str(d) for d in range(10)}
    | {chr(0x06F0 + d): str(d) for d in range(10)}
)
_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    """Strip diacritics and tatweel, unify alef/yaa/taa marbuta, ASCII digits, casefold."""
    text = unicodedata.normalize("NFKC", text)
    return _DIACRITICS.sub("", text).translate(_LETTERS).casefold()


@lru_cache(maxsize=1)
def _prefix_rules() -> tuple[tuple[str, ...], int]:
    rules = config.load("statuses").get("search", {})
    prefixes = tuple(sorted((normalize(p) for p in rules.get("strip_prefixes", [])), key=len, reverse=True))
    return prefixes, int(rules.get("min_stem", 3))


def _stem(word: str) -> str:
    """Strip leading clitics until none is left, so stemming a stem changes nothing."""
    prefixes, min_stem = _prefix_rules()
    while True:
        for prefix in prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= min_stem:
                word = word[len(prefix) :]
                break
        else:
            return word


def search_tokens(text: str) -> list[str]:
    """Normalised words with their leading clitics removed: what search and filters compare."""
    return [_stem(w) for w in _WORD.findall(normalize(text))]


def search_text(text: str) -> str:
    """The form of a claim's text that the FTS index holds."""
    return " ".join(search_tokens(text))



def refresh_entity_search(db: sqlite3.Connection) -> None:
    """Recompute the normalised search text of every entity name and spelling."""
    rows = db.execute("SELECT id, name FROM entities").fetchall()
    db.executemany("UPDATE entities SET search_text = ? WHERE id = ?", [(search_text(n), i) for i, n in rows])
    rows = db.execute("SELECT entity_id, text FROM entity_spellings").fetchall()
    db.executemany(
        "UPDATE entity_spellings SET search_text = ? WHERE entity_id = ? AND text = ?",
        [(search_text(t), i, t) for i, t in rows],
    )

def fts_query(text: str) -> str:
    """Every word of `text` must start a word of the claim (so suffixes still match)."""
    words = search_tokens(text)
    if not words:
        raise UserError(f"search text {text!r} has no words to look for")
    return " ".join(f'"{w}"*' for w in words)


def search_fingerprint() -> str:
    """Names the rules behind stored search text; a store rebuilds it when they change."""
    prefixes, min_stem = _prefix_rules()
    return text_hash(f"v{SEARCH_RULES_VERSION}|{'|'.join(prefixes)}|{min_stem}")[:16]


def text_hash(text: str) -> str:
    """The key of the embeddings cache."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _contains_run(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words[i : i + n] == run for i in range(len(words) - n + 1))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


# --- what the store gives back ---------------------------------------------------------------


class StoredClaim(Claim):
    """A claim as stored: with its outlet, current review status and cluster."""

    outlet: Entity | None = None
    status: str = "unreviewed"
    cluster_id: str | None = None
    independent_sources: int = 1


class Review(BaseModel):
    """One recorded verdict. Never updated or deleted; the latest one is the claim's status."""

    id: int
    claim_id: str
    status: str
    note: str
    reviewer: str
    created_at: str
    propagated_from: str | None = None
    cluster_id: str | None = None


# --- opening a file safely -------------------------------------------------------------------


def _check_file(path: Path) -> None:
    """Refuse what is not a SQLite file before SQLite touches it."""
    if path.is_dir():
        raise UserError(f"{path} is a directory, not a database file")
    if not path.exists():
        if not path.parent.is_dir():
            raise UserError(f"cannot create database {path}: folder {path.parent} does not exist")
        return
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_MAGIC))
    if header and header != SQLITE_MAGIC:
        raise UserError(f"{path} is not a SQLite database (left unchanged); pass --db with a claimtrack database")


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return any(s in text for s in ("malformed", "not a database", "corrupt", "disk i/o error"))


def _check_schema(db: sqlite3.Connection, path: Path) -> None:
    """Only a new file or a claimtrack store may be opened; nothing is written before this passes."""
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    if app_id not in (0, migrations.APPLICATION_ID) or (tables and migrations.MIGRATIONS_TABLE not in tables):
        shown = ", ".join(sorted(tables)[:5]) or "none"
        raise UserError(
            f"{path} is a SQLite database of another program (tables: {shown}), not a claimtrack store; "
            "left unchanged"
        )
    newer = migrations.unknown(db)
    if newer:
        raise UserError(f"{path} was written by a newer claimtrack (migration {newer[-1]}); upgrade claimtrack")


def _set_wal(db: sqlite3.Connection, timeout: float) -> None:
    """WAL mode, waiting up to `timeout` for other first openers: the switch takes an exclusive
    lock that SQLite's busy handler does not always wait for ("database is locked")."""
    deadline, pause = time.monotonic() + timeout, 0.01
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def _connect(path: Path, timeout: float) -> sqlite3.Connection:
    _check_file(path)
    db = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        db.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        _check_schema(db, path)
        _set_wal(db, timeout)
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        migrations.migrate(db)
    except sqlite3.DatabaseError as exc:
        db.close()
        if _is_corruption(exc):
            raise UserError(f"{path} is corrupt or unreadable ({exc}); left unchanged") from None
        raise
    except BaseException:
        db.close()
        raise
    return db


# --- the store ---------------------------------------------------------------------------------

_CLAIM_COLUMNS = """
    c.seq, c.id, c.article_id, c.text, c.span_start, c.span_end, c.sentence_start, c.sentence_end,
    sp.name, sp.kind, c.speaker_text, c.cue, c.mode, c.polarity,
    o.name, o.kind, a.outlet_text, c.status, m.cluster_id, COALESCE(cl.independent_sources, 1)
"""
_CLAIM_JOINS = """
    JOIN entities sp ON sp.id = c.speaker_id
    JOIN articles a ON a.id = c.article_id
    LEFT JOIN entities o ON o.id = c.outlet_id
    LEFT JOIN cluster_members m ON m.claim_id = c.id
    LEFT JOIN clusters cl ON cl.id = m.cluster_id
"""


PLAN_CAP = 5000


@dataclass
class _Filter:
    """One listing filter: a condition on claims `c`, and a row source starting from its own index.

    `source` yields claims in ingest order (or a set small enough for SQLite to sort); when
    `covers`, joining through it already applies the filter.
    """

    cond: str
    params: list[Any]
    source: str
    order: str
    estimate: int
    covers: bool = False
    source_params: list[Any] = dataclass_field(default_factory=list)
    ordered: bool = False  # its source yields ingest order without sorting: worth leading even when large


def _plan(filters: list[_Filter]) -> tuple[str, str, list[str], list[Any]]:
    """Start from the most selective filter when it is small, else walk all claims in order.

    Either way rows arrive in ingest order, so `--limit 50` stops after 50 matches; the other
    filters are checked per row through their indexes.
    """
    small = [f for f in filters if f.estimate < PLAN_CAP]
    ordered = [f for f in filters if f.ordered]
    lead = min(small, key=lambda f: f.estimate) if small else (ordered[0] if ordered else None)
    checks = [f for f in filters if not (f is lead and f.covers)]
    where = [f.cond for f in checks] or ["1"]
    params = [p for f in checks for p in f.params]
    if lead is None:  # every filter matches many claims: walk them in order, the first 50 come soon
        return "claims c NOT INDEXED", "c.seq", where, params
    return lead.source, lead.order, where, lead.source_params + params


class Store:
    """A claimtrack database. `with Store(path) as store: ...`; every method is one transaction."""

    def __init__(self, path: Path | str, *, timeout: float = 60.0):
        self.path = Path(path)
        self._db = _connect(self.path, timeout)
        self._wrote = False
        self._entity_ids: dict[tuple[str, str], int] = {}
        self._spellings: set[tuple[int, str]] = set()
        try:
            self._sync_search_text()
        except BaseException:
            self.close()
            raise

    @staticmethod
    def default_path() -> Path:
        """$CLAIMTRACK_DB, else `path` in configs/store.toml, else ./claimtrack.db."""
        env = os.environ.get("CLAIMTRACK_DB")
        if env:
            return Path(env)
        try:
            configured = config.load("store").get("path")
        except FileNotFoundError:
            configured = None
        return Path(configured) if configured else Path("claimtrack.db")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._db is None:
            return
        try:
            if self._wrote:
                self._db.execute("PRAGMA analysis_limit = 1000")
                self._db.execute("PRAGMA optimize")
        except sqlite3.OperationalError:
            pass  # statistics are a nicety; never fail a close over them
        finally:
            self._db.close()
            self._db = None  # type: ignore[assignment]

    # --- plumbing -----------------------------------------------------------------------------

    @contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as exc:
            if _is_corruption(exc):
                raise UserError(
                    f"{self.path} is corrupt ({exc}); left unchanged: restore a backup, "
                    f"or salvage rows with `sqlite3 {self.path} .recover`"
                ) from None
            if "locked" in str(exc) or "busy" in str(exc):
                raise UserError(f"{self.path} stayed busy past the timeout ({exc}); try again") from None
            raise

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._guard():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                self._entity_ids.clear()
                self._spellings.clear()
                raise
            self._wrote = True

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        with self._guard():
            return self._db.execute(sql, tuple(params)).fetchall()

    def _sync_search_text(self) -> None:
        """Recompute every claim's search text when the normalisation rules changed since it was built."""
        current = search_fingerprint()
        row = self._query("SELECT value FROM _claimtrack_settings WHERE key = 'search_fingerprint'")
        if row and row[0][0] == current:
            return
        with self._write() as db:
            last, page = -1, "SELECT seq, text FROM claims WHERE seq > ? ORDER BY seq LIMIT 20000"
            while rows := db.execute(page, (last,)).fetchall():
                updates = [(search_text(t), s) for s, t in rows]
                db.executemany("UPDATE claims SET search_text = ? WHERE seq = ?", updates)
                last = rows[-1][0]
            refresh_entity_search(db)
            db.execute("INSERT OR REPLACE INTO _claimtrack_settings VALUES ('search_fingerprint', ?)", (current,))

    # --- articles and claims ------------------------------------------------------------------

    def _entity_id(self, entity: Entity) -> int:
        key = (entity.name, entity.kind)
        if key not in self._entity_ids:
            self._db.execute(
                "INSERT OR IGNORE INTO entities (name, kind, search_text) VALUES (?, ?, ?)",
                (*key, search_text(entity.name)),
            )
            self._entity_ids[key] = self._db.execute(
                "SELECT id FROM entities WHERE name = ? AND kind = ?", key
            ).fetchone()[0]
        entity_id = self._entity_ids[key]
        if (entity_id, entity.text) not in self._spellings:
            self._db.execute(
                "INSERT OR IGNORE INTO entity_spellings (entity_id, text, search_text) VALUES (?, ?, ?)",
                (entity_id, entity.text, search_text(entity.text)),
            )
            self._spellings.add((entity_id, entity.text))
        return entity_id

    def add_article(self, article: Article, claims: list[Claim]) -> bool:
        """Store an article and its claims in one transaction; False if this text is already stored."""
        for claim in claims:
            if claim.article != article.id:
                raise ValueError(f"claim {claim.id} belongs to article {claim.article!r}, not {article.id!r}")
        digest = article.content_hash
        with self._write() as db:
            if db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone():
                return False
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone():
                raise IngestError(
                    f"article {article.id!r} is already stored with different text; "
                    "give the new version another id (file name) to keep both"
                )
            outlet_id = self._entity_id(article.outlet) if article.outlet else None
            db.execute(
                "INSERT INTO articles (id, content_hash, outlet_id, outlet_text, url, published, source_path,"
                " encoding, raw, body_spans, boilerplate_spans, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id, digest, outlet_id, article.outlet.text if article.outlet else None,
                    article.url, article.published, article.source, article.encoding, article.raw,
                    json.dumps(article.body), json.dumps(article.boilerplate), _now(),
                ),
            )
            for claim in claims:
                self._insert_claim(claim, outlet_id)
        return True

    def _insert_claim(self, claim: Claim, outlet_id: int | None) -> None:
        cur = self._db.execute(
            "INSERT INTO claims (id, article_id, text, search_text, span_start, span_end,"
            " sentence_start, sentence_end, speaker_id, speaker_text, cue, mode, polarity, outlet_id)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING",
            (
                claim.id, claim.article, claim.text, search_text(claim.text), *claim.span, *claim.sentence_span,
                self._entity_id(claim.speaker), claim.speaker.text, claim.cue, claim.mode, claim.polarity, outlet_id,
            ),
        )
        if cur.rowcount == 0:  # the same claim listed twice by the extractor
            return
        self._db.executemany(
            "INSERT INTO claim_via (claim_seq, position, entity_id, text) VALUES (?, ?, ?, ?)",
            [(cur.lastrowid, i, self._entity_id(v), v.text) for i, v in enumerate(claim.via)],
        )

    def get_article(self, article_id: str) -> Article:
        rows = self._query(
            "SELECT a.id, a.raw, a.encoding, a.source_path, a.url, o.name, o.kind, a.outlet_text, a.published,"
            " a.body_spans, a.boilerplate_spans FROM articles a LEFT JOIN entities o ON o.id = a.outlet_id"
            " WHERE a.id = ?",
            (article_id,),
        )
        if not rows:
            raise UserError(f"unknown article id {article_id!r}")
        aid, raw, enc, src, url, oname, okind, otext, published, body, boiler = rows[0]
        outlet = Entity(text=otext or oname, name=oname, kind=okind) if oname is not None else None
        return Article(
            id=aid, raw=raw, encoding=enc, source=src, url=url, outlet=outlet, published=published,
            body=[tuple(s) for s in json.loads(body)], boilerplate=[tuple(s) for s in json.loads(boiler)],
        )

    def has_article(self, content_hash: str) -> bool:
        return bool(self._query("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)))

    # --- listing ------------------------------------------------------------------------------

    def match_entities(self, query: str) -> list[int]:
        """Entities whose canonical name or a spelling seen in articles holds the query's words in a row."""
        run = search_tokens(query)
        if not run:
            raise UserError(f"{query!r} names no entity")
        pattern = "%" + " ".join(run).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._query(
            "SELECT id, search_text FROM entities WHERE search_text LIKE ? ESCAPE '\\'"
            " UNION SELECT entity_id, search_text FROM entity_spellings WHERE search_text LIKE ? ESCAPE '\\'",
            (pattern, pattern),
        )
        return sorted({eid for eid, text in rows if _contains_run(text.split(), run)})

    def iter_claims(
        self,
        *,
        article: str | None = None,
        speaker: str | None = None,
        via: str | None = None,
        outlet: str | None = None,
        status: str | list[str] | None = None,
        cluster: str | None = None,
        search: str | None = None,
        ids: list[str] | None = None,
        limit: int | None = None,
    ) -> Iterator[StoredClaim]:
        """Claims in ingest order matching every filter given (speaker/via/outlet: name or spelling)."""
        filters = self._filters(article, speaker, via, outlet, status, cluster, search, ids)
        if filters is None:
            return
        source, order, where, params = _plan(filters)
        last, left, prev = -1, limit, None
        while left is None or left > 0:
            size = BATCH if left is None else min(BATCH, left)
            sql = (
                f"SELECT {_CLAIM_COLUMNS} FROM {source} {_CLAIM_JOINS}"
                f" WHERE {' AND '.join(where + [f'{order} > ?'])} ORDER BY {order} LIMIT {size}"
            )
            rows = self._query(sql, [*params, last])
            fresh = [r for r in rows if r[0] != prev]  # a claim reached through two matching relays
            if fresh:
                prev = fresh[-1][0]
                yield from self._claims_from_rows(fresh)
            if len(rows) < size:
                return
            last = rows[-1][0]
            left = None if left is None else left - len(fresh)

    def _filters(
        self,
        article: str | None,
        speaker: str | None,
        via: str | None,
        outlet: str | None,
        status: str | list[str] | None,
        cluster: str | None,
        search: str | None,
        ids: list[str] | None,
    ) -> list[_Filter] | None:
        """Each filter as a condition on claims `c` and as a way to start from its own index."""
        out: list[_Filter] = []
        if ids is not None:
            out.append(_Filter(
                "c.id IN (SELECT value FROM json_each(?))", [json.dumps(list(ids))],
                "claims c INDEXED BY sqlite_autoindex_claims_1", "c.seq", len(ids),
            ))
        if article is not None:
            out.append(self._indexed("article_id = ?", [article], "claims_article"))
        for column, index, query in (("speaker_id", "claims_speaker", speaker), ("outlet_id", "claims_outlet", outlet)):
            if query is not None:
                found = ",".join(map(str, self.match_entities(query)))
                if not found:
                    return None
                out.append(self._indexed(f"{column} IN ({found})", [], index))
        if status is not None:
            from claimtrack.review import parse_status

            keys = [parse_status(s).key for s in ([status] if isinstance(status, str) else status)]
            out.append(self._indexed(f"status IN ({','.join('?' * len(keys))})", keys, "claims_status"))
        if via is not None:
            out.append(self._via_filter(self.match_entities(via)))
        if cluster is not None:
            out.append(_Filter(
                "c.id IN (SELECT claim_id FROM cluster_members WHERE cluster_id = ?)", [cluster],
                "cluster_members d CROSS JOIN claims c ON c.id = d.claim_id AND d.cluster_id = ?", "c.seq",
                self._bounded_count("SELECT 1 FROM cluster_members WHERE cluster_id = ?", [cluster]), covers=True,
                source_params=[cluster],
            ))
        if search is not None:
            query = fts_query(search)
            words = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in search_tokens(search)]
            out.append(_Filter(  # checked per row as LIKE: an FTS lookup per row, or its whole hit list, costs more
                " AND ".join(["(' ' || c.search_text) LIKE ? ESCAPE '\\'"] * len(words)), [f"% {w}%" for w in words],
                "claims_fts f CROSS JOIN claims c ON c.seq = f.rowid AND f.claims_fts MATCH ?", "f.rowid",
                self._bounded_count("SELECT 1 FROM claims_fts WHERE claims_fts MATCH ?", [query]), covers=True,
                source_params=[query], ordered=True,
            ))
        return out

    def _via_filter(self, entity_ids: list[int]) -> _Filter:
        """Claims that reach the article through these entities: named in the relay chain, or an
        agency credited as the speaker ("بحسب فرانس برس" makes AFP the speaker, per CLAIMS.md,
        yet a checker asking for what came via AFP wants those claims too)."""
        found = ",".join(map(str, entity_ids)) or "NULL"
        agencies = ",".join(str(r[0]) for r in self._query(
            f"SELECT id FROM entities WHERE id IN ({found}) AND kind = 'agency'", [])) or "NULL"
        seqs = (f"SELECT claim_seq AS seq FROM claim_via WHERE entity_id IN ({found})"
                f" UNION SELECT seq FROM claims WHERE speaker_id IN ({agencies})")
        return _Filter(
            f"(EXISTS (SELECT 1 FROM claim_via v WHERE v.claim_seq = c.seq AND v.entity_id IN ({found}))"
            f" OR c.speaker_id IN ({agencies}))", [],
            f"({seqs}) d CROSS JOIN claims c ON c.seq = d.seq", "d.seq",
            self._bounded_count(seqs, []), covers=True,
        )

    def _indexed(self, cond: str, params: list[Any], index: str) -> _Filter:
        estimate = self._bounded_count(f"SELECT 1 FROM claims WHERE {cond}", params)
        return _Filter(f"c.{cond}", params, f"claims c INDEXED BY {index}", "c.seq", estimate)

    def _bounded_count(self, sql: str, params: list[Any]) -> int:
        """How many rows match, counted only up to PLAN_CAP: cheap, and enough to pick a plan."""
        return self._query(f"SELECT count(*) FROM ({sql} LIMIT {PLAN_CAP})", params)[0][0]

    def _claims_from_rows(self, rows: list[tuple]) -> Iterator[StoredClaim]:
        relays = self._relays([r[0] for r in rows])
        for r in rows:
            (seq, cid, art, text, s0, s1, t0, t1, spn, spk, spt, cue, mode, pol, on, ok, ot, status, clu, ind) = r
            yield StoredClaim(
                id=cid, article=art, text=text, span=(s0, s1), sentence_span=(t0, t1),
                speaker=Entity(text=spt, name=spn, kind=spk), via=relays.get(seq, []), cue=cue, mode=mode,
                polarity=pol, outlet=Entity(text=ot or on, name=on, kind=ok) if on is not None else None,
                status=status, cluster_id=clu, independent_sources=ind,
            )

    def _relays(self, seqs: list[int]) -> dict[int, list[Entity]]:
        out: dict[int, list[Entity]] = {}
        if not seqs:
            return out
        rows = self._query(
            "SELECT v.claim_seq, v.text, e.name, e.kind FROM claim_via v JOIN entities e ON e.id = v.entity_id"
            f" WHERE v.claim_seq IN ({','.join(map(str, seqs))}) ORDER BY v.claim_seq, v.position"
        )
        for seq, text, name, kind in rows:
            out.setdefault(seq, []).append(Entity(text=text, name=name, kind=kind))
        return out

    def get_claim(self, claim_id: str) -> StoredClaim:
        for claim in self.iter_claims(ids=[claim_id]):
            return claim
        raise UserError(f"unknown claim id {claim_id!r} (list ids with `claimtrack claims`)")

    def count_claims(self) -> int:
        return self._query("SELECT count(*) FROM claims")[0][0]

    # --- embeddings cache ---------------------------------------------------------------------

    def cached_embeddings(self, model: str, hashes: list[str]) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        for i in range(0, len(hashes), BATCH):
            chunk = hashes[i : i + BATCH]
            marks = ",".join("?" * len(chunk))
            rows = self._query(
                f"SELECT text_hash, vector FROM embeddings WHERE model = ? AND text_hash IN ({marks})", [model, *chunk]
            )
            out.update({h: bytes(v) for h, v in rows})
        return out

    def put_embeddings(self, model: str, items: dict[str, bytes]) -> None:
        with self._write() as db:
            db.executemany(
                "INSERT OR IGNORE INTO embeddings (model, text_hash, vector) VALUES (?, ?, ?)",
                [(model, h, sqlite3.Binary(v)) for h, v in items.items()],
            )

    # --- clusters and contradictions ----------------------------------------------------------

    def _missing_claims(self, ids: Iterable[str]) -> list[str]:
        wanted = sorted(set(ids))
        found: set[str] = set()
        for i in range(0, len(wanted), BATCH):
            chunk = wanted[i : i + BATCH]
            rows = self._db.execute(f"SELECT id FROM claims WHERE id IN ({','.join('?' * len(chunk))})", chunk)
            found.update(r[0] for r in rows)
        return [c for c in wanted if c not in found]

    def set_clusters(self, clusters: list[dict]) -> None:
        """Replace the whole clustering: [{"id", "claim_ids", "independent_sources", "syndicated"}]."""
        members: list[tuple[str, str, int | None]] = []
        for cluster in clusters:
            group_of = {cid: n for n, group in enumerate(cluster.get("syndicated", [])) for cid in group}
            members.extend((cid, cluster["id"], group_of.get(cid)) for cid in cluster["claim_ids"])
        seen: set[str] = set()
        for cid, _, _ in members:
            if cid in seen:
                raise ValueError(f"set_clusters: claim {cid} is in more than one cluster")
            seen.add(cid)
        with self._write() as db:
            missing = self._missing_claims(seen)
            if missing:
                raise ValueError(f"set_clusters: {len(missing)} claim id(s) not in the store, e.g. {missing[0]}")
            db.execute("DELETE FROM cluster_members")
            db.execute("DELETE FROM clusters")
            db.executemany(
                "INSERT INTO clusters (id, size, independent_sources) VALUES (?, ?, ?)",
                [(c["id"], len(c["claim_ids"]), int(c["independent_sources"])) for c in clusters],
            )
            db.executemany(
                "INSERT INTO cluster_members (claim_id, cluster_id, syndicated_group) VALUES (?, ?, ?)", members
            )

    def set_contradictions(self, items: list[dict]) -> None:
        """Replace every contradiction link: [{"a", "b", "score", "reason"}] with a, b claim ids."""
        with self._write() as db:
            missing = self._missing_claims([i["a"] for i in items] + [i["b"] for i in items])
            if missing:
                raise ValueError(f"set_contradictions: {len(missing)} claim id(s) not in the store, e.g. {missing[0]}")
            db.execute("DELETE FROM contradictions")
            db.executemany(
                "INSERT OR REPLACE INTO contradictions (a, b, score, reason) VALUES (?, ?, ?, ?)",
                [(i["a"], i["b"], float(i["score"]), str(i.get("reason", ""))) for i in items],
            )

    def cluster_of(self, claim_id: str) -> str | None:
        rows = self._query("SELECT cluster_id FROM cluster_members WHERE claim_id = ?", (claim_id,))
        return rows[0][0] if rows else None

    def cluster_claims(self, cluster_id: str) -> list[StoredClaim]:
        return list(self.iter_claims(cluster=cluster_id))

    def iter_clusters(self) -> Iterator[dict]:
        """Clusters as given to `set_clusters`, largest first."""
        clusters = self._query("SELECT id, independent_sources FROM clusters ORDER BY size DESC, id")
        for cid, independent in clusters:
            rows = self._query(
                "SELECT claim_id, syndicated_group FROM cluster_members m JOIN claims c ON c.id = m.claim_id"
                " WHERE cluster_id = ? ORDER BY c.seq",
                (cid,),
            )
            groups: dict[int, list[str]] = {}
            for claim, group in rows:
                if group is not None:
                    groups.setdefault(group, []).append(claim)
            yield {
                "id": cid, "claim_ids": [r[0] for r in rows], "independent_sources": independent,
                "syndicated": [groups[g] for g in sorted(groups)],
            }

    def contradictions(self) -> list[dict]:
        rows = self._query("SELECT a, b, score, reason FROM contradictions ORDER BY score DESC, a, b")
        return [{"a": a, "b": b, "score": s, "reason": r} for a, b, s, r in rows]

    def contradictions_of(self, claim_id: str) -> list[dict]:
        rows = self._query(
            "SELECT a, b, score, reason FROM contradictions WHERE a = ? OR b = ? ORDER BY score DESC",
            (claim_id, claim_id),
        )
        return [{"a": a, "b": b, "score": s, "reason": r, "other": b if a == claim_id else a} for a, b, s, r in rows]

    # --- reviews ------------------------------------------------------------------------------

    def add_review(
        self, claim_id: str, status: str, note: str, reviewer: str, *, cluster: bool = False
    ) -> list[Review]:
        """Append a verdict (to every claim of the claim's cluster with `cluster`); returns what was recorded."""
        from claimtrack.review import parse_status

        key = parse_status(status).key
        if not reviewer.strip():
            raise UserError("a review needs a reviewer name (--reviewer or $CLAIMTRACK_REVIEWER)")
        stamp = _now()
        with self._write() as db:
            if not db.execute("SELECT 1 FROM claims WHERE id = ?", (claim_id,)).fetchone():
                raise UserError(f"unknown claim id {claim_id!r} (list ids with `claimtrack claims`)")
            row = db.execute("SELECT cluster_id FROM cluster_members WHERE claim_id = ?", (claim_id,)).fetchone()
            cluster_id = row[0] if row else None
            targets = [claim_id]
            if cluster and cluster_id is not None:
                others = db.execute(
                    "SELECT m.claim_id FROM cluster_members m JOIN claims c ON c.id = m.claim_id"
                    " WHERE m.cluster_id = ? AND m.claim_id != ? ORDER BY c.seq",
                    (cluster_id, claim_id),
                )
                targets += [r[0] for r in others]
            recorded = []
            for target in targets:
                propagated = claim_id if target != claim_id else None
                cur = db.execute(
                    "INSERT INTO reviews (claim_id, status, note, reviewer, created_at, propagated_from, cluster_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (target, key, note, reviewer, stamp, propagated, cluster_id if cluster else None),
                )
                recorded.append(
                    Review(
                        id=cur.lastrowid, claim_id=target, status=key, note=note, reviewer=reviewer, created_at=stamp,
                        propagated_from=propagated, cluster_id=cluster_id if cluster else None,
                    )
                )
            db.executemany("UPDATE claims SET status = ? WHERE id = ?", [(key, t) for t in targets])
        return recorded

    def history(self, claim_id: str) -> list[Review]:
        """Every verdict recorded for the claim, oldest first."""
        if not self._query("SELECT 1 FROM claims WHERE id = ?", (claim_id,)):
            raise UserError(f"unknown claim id {claim_id!r} (list ids with `claimtrack claims`)")
        rows = self._query(
            "SELECT id, claim_id, status, note, reviewer, created_at, propagated_from, cluster_id"
            " FROM reviews WHERE claim_id = ? ORDER BY id",
            (claim_id,),
        )
        return [_review(r) for r in rows]

    def iter_latest_reviews(self, statuses: list[str]) -> Iterator[tuple[StoredClaim, Review]]:
        """Each claim whose current status is one of `statuses`, with the review that set it."""
        if not statuses:
            return
        last = -1
        while True:
            rows = self._query(
                "SELECT r.id, r.claim_id, r.status, r.note, r.reviewer, r.created_at, r.propagated_from, r.cluster_id"
                " FROM reviews r WHERE r.id IN (SELECT max(id) FROM reviews GROUP BY claim_id)"
                f" AND r.status IN ({','.join('?' * len(statuses))}) AND r.id > ? ORDER BY r.id LIMIT {BATCH}",
                [*statuses, last],
            )
            reviews = [_review(r) for r in rows]
            claims = {c.id: c for c in self.iter_claims(ids=[r.claim_id for r in reviews])} if reviews else {}
            for review in reviews:
                yield claims[review.claim_id], review
            if len(rows) < BATCH:
                return
            last = rows[-1][0]

    # --- maintenance --------------------------------------------------------------------------

    def info(self) -> dict[str, Any]:
        tables = ("articles", "claims", "entities", "clusters", "contradictions", "embeddings", "reviews")
        counts = {t: self._query(f"SELECT count(*) FROM {t}")[0][0] for t in tables}
        return {"path": str(self.path), "migrations": migrations.applied(self._db), **counts}

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity check, the foreign keys, and the FTS index against the claims."""
        try:
            problems = [r[0] for r in self._query("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [f"foreign key: {r}" for r in self._query("PRAGMA foreign_key_check")]
        except UserError as exc:
            return [str(exc)]
        try:
            self._query("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
        except (sqlite3.DatabaseError, UserError) as exc:
            problems.append(f"full-text index: {exc}")
        return problems


def _review(row: tuple) -> Review:
    rid, cid, status, note, reviewer, created, propagated, cluster = row
    return Review(
        id=rid, claim_id=cid, status=status, note=note, reviewer=reviewer, created_at=created,
        propagated_from=propagated, cluster_id=cluster,
    )
