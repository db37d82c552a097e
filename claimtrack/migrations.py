"""The store's schema as numbered migrations: an older database upgrades itself on open.

Each `mNNN_*` function runs once, in order, inside the transaction that records it in
`_claimtrack_migrations`; add a new function at the end, never edit an applied one.
Tables are plain SQLite with readable column names so Datasette browses them as they are.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone

APPLICATION_ID = 0x436C546B  # "ClTk" in the SQLite header: marks a claimtrack store
MIGRATIONS_TABLE = "_claimtrack_migrations"

Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: list[Migration] = []


def migration(fn: Migration) -> Migration:
    MIGRATIONS.append(fn)
    return fn


@migration
def m001_create_tables(db: sqlite3.Connection) -> None:
    _run_script(db, 
        """
        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            UNIQUE (name, kind)
        );
        CREATE TABLE entity_spellings (
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            text TEXT NOT NULL,
            PRIMARY KEY (entity_id, text)
        ) WITHOUT ROWID;
        CREATE TABLE articles (
            id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            outlet_id INTEGER REFERENCES entities(id),
            outlet_text TEXT,
            url TEXT,
            published TEXT,
            source_path TEXT,
            encoding TEXT NOT NULL,
            raw TEXT NOT NULL,
            body_spans TEXT NOT NULL DEFAULT '[]',
            boilerplate_spans TEXT NOT NULL DEFAULT '[]',
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE claims (
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            article_id TEXT NOT NULL REFERENCES articles(id),
            text TEXT NOT NULL,
            span_start INTEGER NOT NULL,
            span_end INTEGER NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            speaker_id INTEGER NOT NULL REFERENCES entities(id),
            speaker_text TEXT NOT NULL,
            cue TEXT,
            mode TEXT NOT NULL CHECK (mode IN ('direct', 'mixed', 'indirect', 'unattributed')),
            polarity TEXT NOT NULL CHECK (polarity IN ('asserted', 'denied', 'hedged')),
            outlet_id INTEGER REFERENCES entities(id),
            status TEXT NOT NULL DEFAULT 'unreviewed'
        );
        CREATE INDEX claims_article ON claims(article_id);
        CREATE INDEX claims_speaker ON claims(speaker_id);
        CREATE INDEX claims_outlet ON claims(outlet_id);
        CREATE INDEX claims_status ON claims(status);
        CREATE TABLE claim_via (
            claim_seq INTEGER NOT NULL REFERENCES claims(seq),
            position INTEGER NOT NULL,
            entity_id INTEGER NOT NULL REFERENCES entities(id),
            text TEXT NOT NULL,
            PRIMARY KEY (claim_seq, position)
        ) WITHOUT ROWID;
        CREATE INDEX claim_via_entity ON claim_via(entity_id, claim_seq);
        CREATE TABLE clusters (
            id TEXT PRIMARY KEY,
            size INTEGER NOT NULL,
            independent_sources INTEGER NOT NULL
        );
        CREATE TABLE cluster_members (
            claim_id TEXT PRIMARY KEY REFERENCES claims(id),
            cluster_id TEXT NOT NULL REFERENCES clusters(id),
            syndicated_group INTEGER
        );
        CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id);
        CREATE TABLE contradictions (
            a TEXT NOT NULL REFERENCES claims(id),
            b TEXT NOT NULL REFERENCES claims(id),
            score REAL NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (a, b)
        );
        CREATE INDEX contradictions_b ON contradictions(b);
        CREATE TABLE embeddings (
            model TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (model, text_hash)
        ) WITHOUT ROWID;
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims(id),
            status TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            reviewer TEXT NOT NULL,
            created_at TEXT NOT NULL,
            propagated_from TEXT REFERENCES claims(id),
            cluster_id TEXT
        );
        CREATE INDEX reviews_claim ON reviews(claim_id, id);
        CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
            BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
        CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
            BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
        """
    )


@migration
def m002_claim_search(db: sqlite3.Connection) -> None:
    """Full-text search over Arabic-normalised claim text; backfills claims stored before it."""
    from claimtrack.store import search_text  # the normaliser lives with the store

    db.execute("ALTER TABLE claims ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    rows = db.execute("SELECT seq, text FROM claims").fetchall()
    db.executemany("UPDATE claims SET search_text = ? WHERE seq = ?", [(search_text(t), s) for s, t in rows])
    _run_script(db, 
        """
        CREATE VIRTUAL TABLE claims_fts USING fts5(search_text, content=[claims], content_rowid=[seq]);
        INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, search_text) VALUES (new.seq, new.search_text);
        END;
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
        END;
        CREATE TRIGGER claims_fts_update AFTER UPDATE OF search_text ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
            INSERT INTO claims_fts(rowid, search_text) VALUES (new.seq, new.search_text);
        END;
        """
    )


@migration
def m003_readable_views(db: sqlite3.Connection) -> None:
    """Views for browsing in Datasette or the sqlite3 shell: names instead of ids."""
    _run_script(db, 
        """
        CREATE VIEW claim_list AS
        SELECT c.id AS claim_id, c.article_id, c.text, sp.name AS speaker, c.speaker_text,
               (SELECT group_concat(e.name, ' > ') FROM claim_via v JOIN entities e ON e.id = v.entity_id
                 WHERE v.claim_seq = c.seq) AS via,
               o.name AS outlet, c.mode, c.polarity, c.status, m.cluster_id,
               COALESCE(cl.independent_sources, 1) AS independent_sources
        FROM claims c
        JOIN entities sp ON sp.id = c.speaker_id
        LEFT JOIN entities o ON o.id = c.outlet_id
        LEFT JOIN cluster_members m ON m.claim_id = c.id
        LEFT JOIN clusters cl ON cl.id = m.cluster_id;

        CREATE VIEW review_history AS
        SELECT r.id AS review_id, r.claim_id, c.text AS claim_text, r.status, r.note, r.reviewer,
               r.created_at, r.propagated_from, r.cluster_id
        FROM reviews r JOIN claims c ON c.id = r.claim_id;
        """
    )



@migration
def m004_settings(db: sqlite3.Connection) -> None:
    """Settings the file depends on, e.g. which normalisation built the search index."""
    from claimtrack.store import search_fingerprint

    db.execute("CREATE TABLE _claimtrack_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("INSERT INTO _claimtrack_settings VALUES ('search_fingerprint', ?)", (search_fingerprint(),))


@migration
def m005_entity_search(db: sqlite3.Connection) -> None:
    """Normalised names and spellings, so --speaker/--via/--outlet look entities up in SQL."""
    from claimtrack.store import refresh_entity_search

    for table in ("entities", "entity_spellings"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN search_text TEXT NOT NULL DEFAULT ''")
    refresh_entity_search(db)

def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: `executescript` would commit the migration's transaction."""
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            if statement.strip(" \n;"):
                db.execute(statement)
            statement = ""
    if statement.strip(" \n;"):
        raise ValueError(f"incomplete SQL statement in migration: {statement[:80]!r}")


def applied(db: sqlite3.Connection) -> list[str]:
    exists = db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)).fetchone()
    if not exists:
        return []
    return [row[0] for row in db.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY name")]


def pending(db: sqlite3.Connection) -> list[Migration]:
    done = set(applied(db))
    return [fn for fn in MIGRATIONS if fn.__name__ not in done]


def unknown(db: sqlite3.Connection) -> list[str]:
    """Migrations recorded in the file that this version does not know: a newer claimtrack wrote it."""
    known = {fn.__name__ for fn in MIGRATIONS}
    return [name for name in applied(db) if name not in known]


def migrate(db: sqlite3.Connection, upto: str | None = None) -> list[str]:
    """Apply pending migrations (through `upto` when given) in one write transaction.

    `db` must be in autocommit mode (isolation_level=None). Concurrent openers are safe:
    the pending list is read again after the write lock is held.
    """
    if not pending(db):
        return []
    db.execute("BEGIN IMMEDIATE")
    try:
        db.execute(f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
        done = []
        for fn in pending(db):
            fn(db)
            stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
            db.execute(f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)", (fn.__name__, stamp))
            done.append(fn.__name__)
            if fn.__name__ == upto:
                break
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return done
