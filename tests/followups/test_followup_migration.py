"""Migration 0002 on a database at 0001 holding leads keeps every row and
leaves the leads ready for the queue."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import inspect

from sellerdesk import leads
from sellerdesk.config import Settings
from sellerdesk.db.open import _upgrade, open_database
from sellerdesk.db.schema import REVISIONS
from sellerdesk.followups import queue, store


@pytest.mark.sqlite_only("tests/db/test_migrations.py upgrades a server from every revision")
def test_0001_with_leads_upgrades_to_0002_keeping_every_row(db_path, db_url, frozen_now):
    _upgrade(db_url, "0001_initial")
    con = sqlite3.connect(db_path)
    with con:
        for i in range(40):
            stage = "new" if i % 2 else "qualified"
            con.execute(
                "INSERT INTO leads (username, username_key, source, stage, stage_since, "
                "do_not_contact, created_at, updated_at, version, next_followup_at) "
                "VALUES (?, ?, 'fiverr_inbox', ?, '2026-11-23 09:00:00', ?, "
                "'2026-11-23 09:00:00', '2026-11-23 09:00:00', 3, NULL)",
                (f"Old{i}", f"old{i}", stage, int(i == 7)),
            )
            con.execute(
                "INSERT INTO events (lead_id, at, author, kind, body) "
                "VALUES (?, '2026-11-23 09:00:00', 'a', 'created', 'x')",
                (i + 1,),
            )
    before = con.execute("SELECT * FROM leads ORDER BY id").fetchall()
    events_before = con.execute("SELECT * FROM events ORDER BY id").fetchall()
    con.close()

    _upgrade(db_url, "0002_followups")
    con = sqlite3.connect(db_path)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002_followups"
    assert con.execute("SELECT * FROM leads ORDER BY id").fetchall() == before
    assert con.execute("SELECT * FROM events ORDER BY id").fetchall() == events_before
    assert con.execute("SELECT COUNT(*) FROM followups").fetchone()[0] == 0
    con.close()

    db = open_database(db_url, author="tester")  # and on to the newest schema
    assert REVISIONS.index("0002_followups") == 1
    indexes = {ix["name"] for ix in inspect(db.engine).get_indexes("leads")}
    assert {"ix_leads_first_reply", "ix_leads_stage_since"} <= indexes

    # the old leads work with follow-ups straight away
    result = queue.build(db, Settings())
    assert result.first_replies.count == 19  # the odd ones are new; Old7 is do-not-contact
    assert result.no_next_step.count == 20
    store.add(db, "old0", "tomorrow", reason="first follow-up after the upgrade")
    assert leads.get_lead(db, "Old0").next_followup_at is not None
    db.close()


@pytest.mark.sqlite_only("SQLite's query plan; test_postgres.py reads the server's")
def test_the_followup_indexes_serve_the_queue(db):
    with db.read() as session:
        plan = (
            session.connection()
            .exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT id FROM followups "
                "WHERE status IN ('open', 'snoozed') AND due_at < '2026-12-01' "
                "ORDER BY due_at LIMIT 50"
            )
            .fetchall()
        )
    assert any("ix_followups_status_due" in str(row) for row in plan), plan
