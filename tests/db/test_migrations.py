"""Schema migrations keep every row, refuse newer databases, and stay off the fast path."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from sellerdesk.db.open import _upgrade, alembic_config, open_database
from sellerdesk.db.schema import HEAD, REVISIONS
from sellerdesk.errors import DatabaseError, DatabaseTooNew


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _raw(db_url):
    """A plain connection of the test's own, beside sellerdesk's (either engine)."""
    return create_engine(db_url, poolclass=NullPool)


def test_revisions_list_matches_the_migration_scripts(db_url):
    from alembic.script import ScriptDirectory

    engine_db = open_database(db_url)
    with engine_db.engine.connect() as conn:
        scripts = ScriptDirectory.from_config(alembic_config(conn))
        ordered = [s.revision for s in reversed(list(scripts.walk_revisions()))]
    engine_db.close()
    assert tuple(ordered) == REVISIONS
    assert scripts.get_current_head() == HEAD


@pytest.mark.sqlite_only("the file mode and journal are SQLite's; test_postgres.py checks a server")
def test_fresh_database_is_created_at_head_private_and_in_wal(db_path, db_url):
    db = open_database(db_url)
    with db.read() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    db.close()
    assert db_path.stat().st_mode & 0o077 == 0
    # a fresh database needs no backup copy
    assert not list(db_path.parent.glob("*.before-*"))


def test_opening_an_up_to_date_database_does_not_import_alembic(db_url):
    open_database(db_url).close()
    code = (
        "import sys; from sellerdesk.db.open import open_database; "
        f"open_database({db_url!r}).close(); print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _fill_at_revision(db_url, revision: str) -> None:
    """A database at an older revision, holding leads, labels and a timeline."""
    _upgrade(db_url, revision)
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    if db_url.startswith("sqlite"):
        when = when.replace(tzinfo=None).isoformat(" ")
    engine = _raw(db_url)
    with engine.begin() as con:
        for i in range(50):
            con.execute(
                text(
                    "INSERT INTO leads (id, username, username_key, source, stage, stage_since, "
                    "website, do_not_contact, created_at, updated_at, version, notes) "
                    "VALUES (:id, :name, :key, 'fiverr_inbox', 'new', :when, :site, false, "
                    ":when, :when, 1, :notes)"
                ),
                {
                    "id": i + 1,
                    "name": f"User{i}",
                    "key": f"user{i}",
                    "when": when,
                    "site": f"site{i}.com",
                    "notes": f"note {i}",
                },
            )
            con.execute(
                text(
                    "INSERT INTO lead_labels (lead_id, label, label_key) "
                    "VALUES (:id, 'Referral', 'referral')"
                ),
                {"id": i + 1},
            )
            for j in range(3):
                con.execute(
                    text(
                        "INSERT INTO events (lead_id, at, author, kind, body) "
                        "VALUES (:id, :when, 'a', 'note', :body)"
                    ),
                    {"id": i + 1, "when": when, "body": f"event {i}-{j}"},
                )
        if not db_url.startswith("sqlite"):
            # Rows given their ids: the sequences move past them, as SQLite's rowids do.
            for table in ("leads", "lead_labels", "events"):
                con.execute(
                    text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                         f"(SELECT max(id) FROM {table}))")
                )
    engine.dispose()


def _rows(db_url, table: str) -> list[tuple]:
    engine = _raw(db_url)
    with engine.connect() as con:
        rows = [tuple(row) for row in con.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
    engine.dispose()
    return rows


def _table_names(db_url) -> set[str]:
    engine = _raw(db_url)
    with engine.connect() as con:
        names = set(inspect(con).get_table_names())
    engine.dispose()
    return names


@pytest.mark.empty_database
@pytest.mark.parametrize("old", REVISIONS[:-1] or ["<none>"])
def test_an_older_database_is_upgraded_with_every_row_intact(engine, db_path, db_url, old):
    if old == "<none>":
        pytest.skip("only one schema revision exists so far")
    _fill_at_revision(db_url, old)
    tables = ("leads", "lead_labels", "events")
    rows_before = {t: _rows(db_url, t) for t in tables}

    db = open_database(db_url)
    with db.read() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    db.close()

    for table, rows in rows_before.items():
        kept = _rows(db_url, table)
        assert len(kept) == len(rows)
        # every old column keeps its value (new columns may have been added after them)
        old_width = len(rows[0])
        assert [row[:old_width] for row in kept] == rows, f"{table} changed"
    if engine != "sqlite":
        return  # a server keeps its own backups; only a file gets a copy beside it
    backups = list(db_path.parent.glob(f"{db_path.stem}.before-{HEAD}-from-{old}-*"))
    assert len(backups) == 1
    assert backups[0].stat().st_mode & 0o077 == 0
    kept_copy = sqlite3.connect(backups[0])
    assert kept_copy.execute("SELECT COUNT(*) FROM leads").fetchone()[0] == 50
    kept_copy.close()


def test_the_search_index_covers_rows_that_existed_before_an_upgrade(db_path, db_url):
    from sellerdesk import leads, search

    db = open_database(db_url)
    leads.add_lead(db, "robertsmith", website="roberts-roofing.com")
    db.close()
    db = open_database(db_url)
    assert [row.username for row in search.list_leads(db, "roofing")] == ["robertsmith"]
    db.close()


def _everything(db_url) -> dict[str, list[tuple]]:
    """Every row of every table: what "untouched" means on either engine."""
    return {table: _rows_any(db_url, table) for table in sorted(_table_names(db_url))}


def _rows_any(db_url, table: str) -> list[tuple]:
    engine = _raw(db_url)
    with engine.connect() as con:
        rows = sorted(tuple(map(repr, row)) for row in con.execute(text(f"SELECT * FROM {table}")))
    engine.dispose()
    return rows


def test_a_database_from_a_newer_sellerdesk_is_refused_untouched(engine, db_path, db_url):
    open_database(db_url).close()
    raw = _raw(db_url)
    with raw.begin() as con:
        con.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    raw.dispose()
    before = _digest(db_path) if engine == "sqlite" else _everything(db_url)
    with pytest.raises(DatabaseTooNew, match="newer sellerdesk"):
        open_database(db_url)
    assert (_digest(db_path) if engine == "sqlite" else _everything(db_url)) == before
    assert not list(db_path.parent.glob("*.before-*"))


@pytest.mark.empty_database
def test_a_database_that_is_not_sellerdesks_is_refused(db_url):
    raw = _raw(db_url)
    with raw.begin() as con:
        con.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)"))
        con.execute(text("INSERT INTO invoices VALUES (1, 9.5)"))
    raw.dispose()
    with pytest.raises(DatabaseError, match="not a sellerdesk database"):
        open_database(db_url)
    assert _rows_any(db_url, "invoices") == [("1", "9.5")]
    assert _table_names(db_url) == {"invoices"}


@pytest.mark.empty_database
def test_a_failed_migration_rolls_back_whole(db_url, monkeypatch):
    """If the upgrade fails halfway, neither its DDL nor a new version stamp remain."""
    if len(REVISIONS) < 2:
        pytest.skip("needs two revisions")
    _fill_at_revision(db_url, REVISIONS[0])
    tables_before = _table_names(db_url)
    from alembic.runtime.migration import MigrationContext

    real = MigrationContext.run_migrations

    def run_then_fail(self, **kw):
        real(self, **kw)
        raise RuntimeError("disk full (simulated after the DDL ran)")

    monkeypatch.setattr(MigrationContext, "run_migrations", run_then_fail)
    with pytest.raises(DatabaseError, match="rolled back"):
        open_database(db_url)
    assert _rows_any(db_url, "alembic_version") == [(repr(REVISIONS[0]),)]
    assert _table_names(db_url) == tables_before
    monkeypatch.undo()
    open_database(db_url).close()
    assert _table_names(db_url) > tables_before


def test_the_migrations_build_exactly_the_schema_the_models_describe(db_url):
    """Model and migration never drift apart (Alembic's autogenerate finds nothing)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from sellerdesk.db.models import Base

    db = open_database(db_url)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"render_as_batch": True})
        diffs = compare_metadata(context, Base.metadata)
    db.close()
    # the search indexes (SQLite: trigrams and character pairs, PostgreSQL: pg_trgm
    # and short terms) live outside the models on purpose
    outside = (
        "leads_fts",
        "lead_grams",
        "lead_gram_positions",
        "ix_leads_search_trgm",
        "ix_leads_short_grams",
    )
    diffs = [d for d in diffs if not any(name in repr(d) for name in outside)]
    assert diffs == []
