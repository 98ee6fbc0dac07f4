"""The start-up reader: a forked process reads what the home screen shows
first, exactly as the app would, and never writes to the database. After its
first start it replays kept statements without importing SQLAlchemy."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from sellerdesk import leads, prefetch, search
from sellerdesk.config import Settings
from sellerdesk.followups import queue, store
from sellerdesk.followups.items import PANEL_PER_LANE

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the reader forks on Linux only")


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


def _start(db_url, settings) -> prefetch.HomeData | None:
    reader = prefetch.start(db_url, settings)
    assert reader is not None
    return reader.wait()


def test_first_and_later_starts_answer_what_the_home_screen_would_read(db, db_url, frozen_now):
    _some_leads(db)
    settings = Settings()
    expected = _as_the_home_screen_reads(db, settings)
    assert [row.username for row in expected.rows] == ["dan", "cat", "ben", "ann"]
    assert [item.username for item in expected.queue.today.items] == ["ann"]
    assert expected.queue.today.count == 1  # dan is do-not-contact
    assert not prefetch.statements_file().exists()

    first = _start(db_url, settings)  # through SQLAlchemy; keeps the statements
    assert first == expected
    kept = json.loads(prefetch.statements_file().read_text())
    assert '["queue.lane", true, 30]' in kept["statements"]

    second = _start(db_url, settings)  # replayed through sqlite3
    assert second == expected


def test_a_replayed_read_does_not_import_sqlalchemy(db, db_url, frozen_now):
    _some_leads(db)
    _start(db_url, Settings())  # keeps the statements
    code = (
        "import sys\n"
        "from datetime import datetime\n"
        "from sellerdesk import clock, prefetch\n"
        "from sellerdesk.config import Settings\n"
        f"clock.freeze(datetime.fromisoformat({frozen_now.isoformat()!r}))\n"
        f"answer, through_sqlalchemy = prefetch._read({db_url!r}, Settings())\n"
        "print(len(answer.rows), answer.queue.today.count, through_sqlalchemy,"
        " 'sqlalchemy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["4", "1", "False", "False"]


def test_statements_kept_by_another_version_are_not_replayed(db, db_url, frozen_now):
    _some_leads(db)
    _start(db_url, Settings())
    path = prefetch.statements_file()
    kept = json.loads(path.read_text())
    kept["stamp"] = "from another sellerdesk"
    # Valid SQL with another answer (oldest first): replaying it would show.
    first_page = kept["statements"]['["search.first_page", 100]']
    first_page["sql"] = first_page["sql"].replace("DESC", "ASC")
    path.write_text(json.dumps(kept))
    assert _start(db_url, Settings()) == _as_the_home_screen_reads(db, Settings())


def test_no_file_no_reader_and_no_file_created(tmp_path):
    path = tmp_path / "first-start.sqlite3"
    assert prefetch.start(f"sqlite:///{path}", Settings()) is None
    assert not path.exists()


def test_a_database_needing_migration_is_left_to_the_app(db, db_url, db_path, frozen_now):
    _some_leads(db)
    _start(db_url, Settings())  # statements kept: the replaying path is tried too
    db.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0003_scripts_orders_referrals'")
    before = sorted(p.name for p in db_path.parent.iterdir())
    assert _start(db_url, Settings()) is None
    prefetch.statements_file().unlink()
    assert _start(db_url, Settings()) is None  # and through SQLAlchemy
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "0003_scripts_orders_referrals",
        )
    # No backup copy, no migration: the reader only reads.
    assert sorted(p.name for p in db_path.parent.iterdir()) == before


def test_kept_statements_cannot_write_to_the_database(db, db_url, db_path, frozen_now):
    _some_leads(db)
    _start(db_url, Settings())
    path = prefetch.statements_file()
    kept = json.loads(path.read_text())
    kept["statements"]['["search.labels"]']["sql"] = "DELETE FROM leads"
    path.write_text(json.dumps(kept))
    # The replay fails (read-only connection), the ordinary read answers instead.
    assert _start(db_url, Settings()) == _as_the_home_screen_reads(db, Settings())
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM leads").fetchone() == (4,)
