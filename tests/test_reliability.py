"""Nothing reviewers record is lost: concurrent writers, a killed ingest, corrupt or foreign files."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_samples import synthetic_article
from typer.testing import CliRunner

from claimtrack import migrations
from claimtrack.cli import app
from claimtrack.errors import UserError
from claimtrack.store import Store

TESTS = Path(__file__).resolve().parent
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
runner = CliRunner()

REVIEWER = """
import os, sys, time
from claimtrack.store import Store
db, name, count, go, *claims = sys.argv[1:]
while not os.path.exists(go):
    time.sleep(0.002)
statuses = ["in progress", "false", "true", "misleading"]
for i in range(int(count)):
    with Store(db) as store:  # a fresh connection per verdict, as each CLI run has
        store.add_review(claims[i % len(claims)], statuses[i % 4], f"{name} #{i}", name, cluster=(i % 5 == 0))
"""

LISTER = """
import os, sys, time
from claimtrack.store import Store
db, go, rounds = sys.argv[1:]
while not os.path.exists(go):
    time.sleep(0.002)
for _ in range(int(rounds)):
    with Store(db) as store:
        assert len(list(store.iter_claims(status=["false", "true", "misleading", "in progress", "unreviewed"]))) == 120
"""

INGEST = """
import sys
from store_samples import synthetic_article
from claimtrack.store import Store
db, first, last, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
with Store(db) as store:
    for n in range(first, last):
        added = store.add_article(*synthetic_article(n, per))
        print(n, int(added), flush=True)
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def seeded_store(path: Path, articles: int, per: int = 12) -> list[str]:
    with Store(path) as s:
        for n in range(articles):
            s.add_article(*synthetic_article(n, per))
        ids = [c.id for c in s.iter_claims()]
        s.set_clusters([{"id": f"k{i}", "claim_ids": ids[i : i + 3], "independent_sources": 2} for i in range(0, 30, 3)])
    return ids


def test_concurrent_reviewers_lose_nothing_and_never_see_locked(tmp_path):
    db, go = tmp_path / "claims.db", tmp_path / "go"
    ids = seeded_store(db, 10)  # 120 claims, ten clusters of three among the first 30
    reviewers, per_reviewer = 6, 25
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", REVIEWER, str(db), f"rev{r}", str(per_reviewer), str(go), *ids[r * 5 : r * 5 + 12]],
            env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for r in range(reviewers)
    ]
    procs += [
        subprocess.Popen([sys.executable, "-c", LISTER, str(db), str(go), "5"], env=ENV,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    time.sleep(1.0)  # let every process import and wait at the line
    go.touch()
    for p in procs:
        _, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
        assert "locked" not in err
    con = sqlite3.connect(db)
    notes = {n for (n,) in con.execute("SELECT note FROM reviews WHERE propagated_from IS NULL")}
    assert notes == {f"rev{r} #{i}" for r in range(reviewers) for i in range(per_reviewer)}
    latest = dict(con.execute("SELECT claim_id, status FROM reviews WHERE id IN (SELECT max(id) FROM reviews GROUP BY claim_id)"))
    current = dict(con.execute("SELECT id, status FROM claims WHERE status != 'unreviewed'"))
    assert current == latest  # every claim shows its latest verdict
    con.close()
    with Store(db) as s:
        assert s.integrity_problems() == []


def test_concurrent_reviewers_through_the_cli(tmp_path):
    db = tmp_path / "claims.db"
    ids = seeded_store(db, 2)
    code = "import sys; from claimtrack.cli import main; sys.argv = ['claimtrack'] + sys.argv[1:]; main()"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, "review", ids[i], "--status", "false", "--note", f"n{i}", "--reviewer",
             f"r{i}", "--cluster", "--db", str(db)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for i in range(8)
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with Store(db) as s:
        direct = [r for c in ids[:8] for r in s.history(c) if r.propagated_from is None]
        assert sorted(r.note for r in direct) == [f"n{i}" for i in range(8)]


def test_concurrent_first_open_migrates_once(tmp_path):
    db = tmp_path / "fresh.db"
    code = "import sys; from claimtrack.store import Store; Store(sys.argv[1]).close()"
    procs = [subprocess.Popen([sys.executable, "-c", code, str(db)], stderr=subprocess.PIPE, text=True) for _ in range(6)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    con = sqlite3.connect(db)
    names = [n for (n,) in con.execute("SELECT name FROM _claimtrack_migrations")]
    assert names == [m.__name__ for m in migrations.MIGRATIONS]


def test_ingest_killed_hard_leaves_a_consistent_db_and_a_rerun_completes(tmp_path):
    db, total, per = tmp_path / "claims.db", 400, 30
    proc = subprocess.Popen([sys.executable, "-c", INGEST, str(db), "0", str(total), str(per)], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for _ in range(40):  # let it commit some articles, then kill it mid-stream
        assert proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    with Store(db) as s:
        assert s.integrity_problems() == []
        stored = s.info()["articles"]
        assert 40 <= stored < total
        assert s.count_claims() == stored * per  # no article half-stored
        last = s.get_article(f"syn_{stored - 1:07d}")
        assert len(list(s.iter_claims(article=last.id))) == per
        assert len(list(s.iter_claims(search="حالة"))) == stored * per  # the search index agrees
    rerun = subprocess.run([sys.executable, "-c", INGEST, str(db), "0", str(total), str(per)], env=ENV,
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    added = [line.split()[1] for line in rerun.stdout.splitlines()]
    assert added.count("0") == stored and added.count("1") == total - stored
    with Store(db) as s:
        assert s.info()["articles"] == total and s.count_claims() == total * per
        assert s.integrity_problems() == []


def garbage_file(path: Path) -> None:
    path.write_bytes(os.urandom(3000))


def text_file(path: Path) -> None:
    path.write_text("id,claim\n1,هذا ليس قاعدة بيانات\n", encoding="utf-8")


def foreign_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE bookmarks (url TEXT, title TEXT)")
    con.execute("INSERT INTO bookmarks VALUES ('https://example.org', 'مثال')")
    con.commit()
    con.close()


def broken_first_page(path: Path) -> None:
    seeded_store(path, 3)
    with path.open("r+b") as fh:
        fh.seek(100)
        fh.write(b"\xa5" * 3900)


def broken_middle(path: Path) -> None:
    seeded_store(path, 60)
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 5 // 4096 * 4096)
        fh.write(b"\x5a" * (size * 3 // 5))


@pytest.mark.parametrize("make", [garbage_file, text_file, foreign_sqlite, broken_first_page, broken_middle])
def test_corrupt_or_foreign_file_gives_a_clear_error_and_stays_unchanged(tmp_path, make):
    path = tmp_path / "claimtrack.db"
    make(path)
    before = sha256(path)
    for args in (["claims", "--limit", "0"], ["review", "c_0", "--status", "false", "--reviewer", "x"]):
        result = runner.invoke(app, [*args, "--db", str(path)])
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
        assert any(w in result.stderr for w in ("not a SQLite database", "another program", "corrupt", "unknown claim"))
        assert sha256(path) == before
    if make is not broken_middle:
        with pytest.raises(UserError):
            Store(path)
    assert sha256(path) == before


def test_cli_does_not_import_torch(tmp_path):
    db = tmp_path / "claims.db"
    seeded_store(db, 2)
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from claimtrack.cli import app\n"
        "r = CliRunner().invoke(app, ['claims', '--via', 'AFP', '--search', 'حالة', '--db', sys.argv[1]])\n"
        "assert r.exit_code == 0, r.output\n"
        "print('torch' in sys.modules, 'transformers' in sys.modules, 'faiss' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["False", "False", "False"]
