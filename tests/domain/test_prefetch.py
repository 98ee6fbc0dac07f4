"""The start-up reader: a forked process reads what the home screen shows
first, exactly as the app would, and never writes."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest

from sellerdesk import leads, prefetch
from sellerdesk.config import Settings
from sellerdesk.followups import store

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the reader forks on Linux only")


def _some_leads(db) -> None:
    leads.add_lead(db, "ann", stage="qualified", labels=["Hot Lead"], website="annbakes.com")
    leads.add_lead(db, "ben", display_name="Ben Roofing")
    leads.add_lead(db, "cat", stage="offer_sent")
    store.add(db, "ann", "today", reason="send the mockup")
    store.add(db, "cat", "3d", reason="offer follow-up")


def test_the_forked_reader_answers_what_the_home_screen_would_read(db, db_url, frozen_now):
    _some_leads(db)
    settings = Settings()
    reader = prefetch.start(db_url, settings)
    assert reader is not None
    answer = reader.wait()
    assert answer == prefetch.read_home(db, settings)
    assert [row.username for row in answer.rows] == ["cat", "ben", "ann"]
    assert answer.total == 3 and answer.labels == ["Hot Lead"]
    assert [item.username for item in answer.queue.today.items] == ["ann"]
    assert answer.queue.first_replies.count == 1  # ben, never answered
    assert reader.wait() == answer  # read once, kept


def test_no_file_no_reader_and_no_file_created(tmp_path):
    path = tmp_path / "first-start.sqlite3"
    assert prefetch.start(f"sqlite:///{path}", Settings()) is None
    assert not path.exists()


def test_a_database_needing_migration_is_left_to_the_app(db, db_url, db_path):
    _some_leads(db)
    db.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0002_followups'")
    before = sorted(p.name for p in db_path.parent.iterdir())
    reader = prefetch.start(db_url, Settings())
    assert reader is not None and reader.wait() is None
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0002_followups",
        )
    # No backup copy, no migration: the reader only reads.
    assert sorted(p.name for p in db_path.parent.iterdir()) == before


def test_the_reader_does_not_load_the_orm(db, db_url):
    _some_leads(db)
    code = (
        "import sys\n"
        "from sellerdesk import prefetch\n"
        "from sellerdesk.config import Settings\n"
        f"answer = prefetch._read({db_url!r}, Settings())\n"
        "print(len(answer.rows), 'sqlalchemy.orm' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3", "False"]
