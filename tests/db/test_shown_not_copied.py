"""Revision 0007: the copies earlier versions recorded although no clipboard was
reached ("not copied") become `message_shown`, every row kept, and the insight
summaries built before the upgrade stop counting them."""

from __future__ import annotations

import sqlite3

import pytest
from tests.insight.conftest import copied, rebuilt_rows, summary_rows

from sellerdesk import leads
from sellerdesk.config import Settings
from sellerdesk.db.engine import Database, make_engine
from sellerdesk.db.open import alembic_config, open_database
from sellerdesk.insight import report, summary

FIRST_REPLY = "redesign.first_reply"
FOLLOW_UP = "followup.offer_day1"


def _figures(db):
    insight = report.build(db, Settings(), titles={FIRST_REPLY: "First", FOLLOW_UP: "Day 1"})
    copies = {line.template: line.copies for line in insight.messages.lines if line.copies}
    answered = insight.replies.inquiries - insight.replies.bucket("waiting").count
    return copies, insight.targets.today.counts["followups"], answered


def _downgrade(db_url: str, target: str) -> None:
    """Take the book back to `target`'s schema, as an older version left it."""
    from alembic import command

    engine = make_engine(db_url, pooled=False, foreign_keys=False)
    try:
        with engine.connect() as conn, conn.begin():
            command.downgrade(alembic_config(conn), target)
    finally:
        engine.dispose()


def _events(path) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT * FROM events ORDER BY id").fetchall()
    finally:
        con.close()


@pytest.mark.sqlite_only("the rows are compared byte for byte through sqlite3")
def test_copies_that_reached_no_clipboard_become_shown_and_stop_counting(
    db_path, db_url, frozen_now
):
    # The rows are written through today's code, then the book is taken back to
    # 0006 (later columns dropped, 0006's rows as they were) and the figures read there.
    old = open_database(db_url, author="tester")
    for name in ("ann", "ben", "cat"):
        leads.add_lead(old, name, project_type="redesign")
    copied(old, "ann", FIRST_REPLY, "system clipboard")
    copied(old, "ben", FIRST_REPLY, "not copied")
    copied(old, "ben", FOLLOW_UP, "not copied")
    copied(old, "cat", FOLLOW_UP, "terminal (OSC 52)")
    copied(old, "cat", FIRST_REPLY, "not copied")
    # A note that merely says the words, and a copy whose data is not JSON: neither changes.
    leads.add_note(old, "cat", '"path": "not copied"')
    with old.write() as session:
        session.connection().exec_driver_sql(
            "INSERT INTO events (lead_id, at, author, kind, body, data) "
            "SELECT lead_id, at, author, 'message_copied', 'x', 'not copied {' FROM events "
            "WHERE kind = 'created' LIMIT 1"
        )
    old.close()
    _downgrade(db_url, "0006_sop_records")
    old = Database(db_url, make_engine(db_url), "tester")  # the book as 0006 left it
    summary.refresh(old)  # the summaries as they were: every copy counted
    assert _figures(old) == ({FIRST_REPLY: 3, FOLLOW_UP: 2, "": 1}, 2, 3)
    old.close()
    before = _events(db_path)

    db = open_database(db_url)  # upgrades to 0007

    after = _events(db_path)
    assert len(after) == len(before)
    kind = 4  # events: id, lead_id, at, author, kind, body, data
    changed = [(b[0], b[kind], a[kind]) for b, a in zip(before, after, strict=True) if a != b]
    not_copied = [row[0] for row in before if row[6] and '"path": "not copied"' in row[6]]
    assert len(not_copied) == 3
    assert changed == [(eid, "message_copied", "message_shown") for eid in not_copied]
    for b, a in zip(before, after, strict=True):
        assert a[:kind] + a[kind + 1 :] == b[:kind] + b[kind + 1 :]

    # ann's and cat's real copies still count; ben was never answered after all.
    assert _figures(db) == ({FIRST_REPLY: 1, FOLLOW_UP: 1, "": 1}, 1, 2)
    kept = summary_rows(db)
    assert rebuilt_rows(db) == kept
    db.close()


def test_a_book_with_nothing_to_change_keeps_its_summaries(db_url, frozen_now):
    old = open_database(db_url, author="tester")
    leads.add_lead(old, "ann", project_type="redesign")
    copied(old, "ann", FIRST_REPLY, "system clipboard")
    old.close()
    _downgrade(db_url, "0006_sop_records")
    old = Database(db_url, make_engine(db_url), "tester")
    summary.refresh(old)
    old.close()
    db = open_database(db_url)
    assert summary.refresh(db) == 0  # nothing to read again
    db.close()
