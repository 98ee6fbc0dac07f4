"""The home screen's first look: read through sqlite3 (psycopg on a server)
with the generated SQL, exactly what the home screen reads through SQLAlchemy,
without importing it, without writing anything, and only where it applies."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from tests.conftest import raw_sql

from sellerdesk import leads, prefetch, search
from sellerdesk.config import Settings
from sellerdesk.followups import queue, store
from sellerdesk.followups.lane_size import PANEL_PER_LANE


def _some_leads(db) -> None:
    leads.add_lead(db, "ann", stage="qualified", labels=["Hot Lead"], website="annbakes.com")
    leads.add_lead(db, "ben", display_name="Ben Roofing")
    leads.add_lead(db, "cat", stage="offer_sent")
    leads.add_lead(db, "dan", stage="qualified")
    store.add(db, "ann", "today", reason="send the mockup")
    store.add(db, "cat", "3d", reason="offer follow-up")
    store.add(db, "dan", "today 16:00", reason="afternoon call")
    leads.set_do_not_contact(db, "dan", True, "asked us to stop")


def _as_the_home_screen_reads(db, settings) -> prefetch.HomeData:
    rows = search.list_leads(db, "", limit=prefetch.PAGE_SIZE)
    return prefetch.HomeData(
        queue=queue.build(db, settings, limit=PANEL_PER_LANE),
        rows=rows,
        total=search.count_leads(db, ""),
        labels=search.all_labels(db),
    )


def _files(folder) -> list[tuple[str, int]]:
    return sorted((p.name, p.stat().st_mtime_ns) for p in folder.iterdir())


def test_the_first_look_is_what_the_home_screen_reads(db, db_url, frozen_now):
    _some_leads(db)
    settings = Settings()
    expected = _as_the_home_screen_reads(db, settings)
    assert [row.username for row in expected.rows] == ["dan", "cat", "ben", "ann"]
    assert [item.username for item in expected.queue.today.items] == ["ann"]
    assert expected.queue.today.count == 1  # dan is do-not-contact
    assert prefetch.first_look(db_url, settings) == expected
    assert prefetch.read_home(db, settings) == expected


def test_a_full_first_page_counts_every_lead(db, db_url, frozen_now):
    for n in range(prefetch.PAGE_SIZE + 3):
        leads.add_lead(db, f"lead{n:03}")
    look = prefetch.first_look(db_url, Settings())
    assert look is not None
    assert (len(look.rows), look.total) == (prefetch.PAGE_SIZE, prefetch.PAGE_SIZE + 3)
    assert look == _as_the_home_screen_reads(db, Settings())


def test_the_first_look_imports_no_sqlalchemy_and_writes_nothing(
    db, db_url, tmp_path, frozen_now, isolated_home
):
    _some_leads(db)
    db.close()
    before = _files(tmp_path)
    code = (
        "import sys\n"
        "from datetime import datetime\n"
        "from sellerdesk import clock, prefetch\n"
        "from sellerdesk.config import Settings\n"
        f"clock.freeze(datetime.fromisoformat({frozen_now.isoformat()!r}))\n"
        f"look = prefetch.first_look({db_url!r}, Settings())\n"
        "print(len(look.rows), look.queue.today.count, 'sqlalchemy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["4", "1", "False"]
    assert _files(tmp_path) == before
    assert not (isolated_home / "data").exists()  # nothing kept in the data folder


def test_no_file_no_first_look_and_no_file_created(tmp_path):
    path = tmp_path / "first-start.sqlite3"
    assert prefetch.first_look(f"sqlite:///{path}", Settings()) is None
    assert not path.exists()


def test_other_databases_are_left_to_the_ordinary_path(monkeypatch):
    def no_connecting(*_args, **_kwargs):
        raise AssertionError("the first look must not open a file for another database")

    monkeypatch.setattr(sqlite3, "connect", no_connecting)
    assert prefetch.first_look("mysql://seller@127.0.0.1/desk", Settings()) is None


def test_a_server_that_does_not_answer_is_left_to_the_app_to_explain():
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql+psycopg://seller@127.0.0.1:{port}/desk"
    assert prefetch.first_look(url, Settings()) is None


def test_a_server_url_reaches_libpq_without_the_driver_name_and_with_its_options():
    url = "postgresql+psycopg://me:secret@db.example:5433/desk?sslmode=require"
    assert prefetch.libpq_url(url) == "postgresql://me:secret@db.example:5433/desk?sslmode=require"
    assert prefetch.libpq_url("postgresql://h/d") == "postgresql://h/d"
    assert prefetch.libpq_url("sqlite:////tmp/x.sqlite3") is None


def test_a_database_needing_migration_is_left_to_the_app(db, tmp_path, db_url, frozen_now):
    _some_leads(db)
    db.close()
    raw_sql(db_url, "UPDATE alembic_version SET version_num = '0003_scripts_orders_referrals'")
    before = _files(tmp_path)
    assert prefetch.first_look(db_url, Settings()) is None
    assert raw_sql(db_url, "SELECT version_num FROM alembic_version") == [
        ("0003_scripts_orders_referrals",)
    ]
    # No backup copy, no migration: the first look only reads.
    assert _files(tmp_path) == before


def test_a_file_that_is_not_a_database_is_left_to_the_app_to_explain(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("a shopping list\n" * 100)
    assert prefetch.first_look(f"sqlite:///{junk}", Settings()) is None
    assert junk.read_text() == "a shopping list\n" * 100


@pytest.mark.sqlite_only("the first look reads a SQLite file; a server is read through SQLAlchemy")
def test_the_first_look_connection_cannot_write(db, db_path, frozen_now):
    _some_leads(db)

    def write(reader):
        return reader.conn.execute("DELETE FROM leads")

    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        prefetch.replay(db_path, write)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM leads").fetchone() == (4,)


def test_the_first_look_on_a_server_cannot_write(db, db_url, engine, frozen_now):
    if engine != "postgresql":
        pytest.skip("the SQLite connection is checked above")
    import psycopg

    _some_leads(db)

    def write(reader):
        return reader.conn.execute("DELETE FROM leads")

    with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
        prefetch.replay_server(prefetch.libpq_url(db_url), write)
    assert raw_sql(db_url, "SELECT count(*) FROM leads") == [(4,)]


def test_the_statements_file_of_earlier_versions_is_removed(isolated_home):
    from sellerdesk.paths import data_dir

    folder = data_dir()
    folder.mkdir(parents=True)
    for name in prefetch.LEFTOVERS:
        (folder / name).write_text("{}")
    (folder / "sellerdesk.sqlite3").write_text("kept")
    prefetch.remove_leftovers()
    assert sorted(p.name for p in folder.iterdir()) == ["sellerdesk.sqlite3"]
    prefetch.remove_leftovers()  # nothing left to remove: no error
