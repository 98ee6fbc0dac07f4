"""With 100,000 leads and 200,000 follow-ups the morning queue reads only what
it shows, through indexes: no statement it runs reads a whole table. (How fast
that is, is for `bench/run.py` to measure; tests assert no timings.)"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import event

from sellerdesk.config import Settings
from sellerdesk.db.open import open_database
from sellerdesk.followups import queue

LEADS = 100_000
FOLLOWUPS = 200_000
STAGES = ("new", "qualified", "hot_lead", "offer_sent", "ordered", "completed", "lost")


def _stamp(moment: str, offset: str) -> str:
    """SQL for a stored UTC moment (SQLAlchemy's SQLite text form) shifted by `offset`."""
    return f"strftime('%Y-%m-%d %H:%M:%S', {moment}, {offset}) || '.000000'"


def _fill(db_path, now: datetime) -> None:
    """A busy, somewhat neglected seller: 2% of inquiries unanswered, 3% of
    follow-ups still waiting (thousands overdue), tens of thousands of quiet leads.
    Generated inside SQLite, so the fill takes seconds, not minutes."""
    at = "'" + now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") + "'"
    stage_case = (
        "CASE abs(random()) % 7 "
        + " ".join(f"WHEN {i} THEN '{stage}'" for i, stage in enumerate(STAGES))
        + " END"
    )
    created = _stamp(at, "'-' || (abs(random()) % 576000) || ' minutes'")
    due = _stamp(at, "(abs(random()) % 10320 - 9600) || ' hours'")
    con = sqlite3.connect(db_path)
    # Room for every index in memory: random-order inserts into eight indexes
    # otherwise spend their time re-reading pages.
    con.execute("PRAGMA cache_size = -262144")
    # The search index's per-row triggers would make up most of the fill time:
    # set them aside and rebuild the index in one pass afterwards.
    triggers = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'leads'"
    ).fetchall()
    with con:
        for name, _ in triggers:
            con.execute(f"DROP TRIGGER {name}")
        # MATERIALIZED: each random value is drawn once per row, not once per use.
        con.execute(
            f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {LEADS}), "
            f"src AS MATERIALIZED (SELECT i, {stage_case} AS stage, {created} AS created, "
            "abs(random()) % 50 = 0 AS unanswered, abs(random()) % 20 = 0 AS dnc FROM n) "
            "INSERT INTO leads (username, username_key, source, stage, stage_since, "
            "last_messaged_at, do_not_contact, created_at, updated_at, version) "
            "SELECT 'user' || i, 'user' || i, 'fiverr_inbox', stage, created, "
            "CASE WHEN unanswered THEN NULL ELSE created END, dnc, created, created, 1 FROM src"
        )
        con.execute(
            f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
            f"WHERE i < {FOLLOWUPS}), "
            f"src AS MATERIALIZED (SELECT abs(random()) % 250 AS r, {due} AS due, "
            f"1 + abs(random()) % {LEADS} AS lead_id FROM n) "
            "INSERT INTO followups (lead_id, due_at, has_time, first_due_at, reason, status, "
            "created_by, created_at) "
            "SELECT lead_id, due, 1, due, 'r', "
            "CASE WHEN r < 6 THEN 'open' WHEN r < 8 THEN 'snoozed' "
            "WHEN r % 2 = 0 THEN 'done' ELSE 'cancelled' END, 'a', due FROM src"
        )
        for _, sql in triggers:
            con.execute(sql)
        if triggers:
            con.execute("INSERT INTO leads_fts(leads_fts) VALUES ('rebuild')")
        con.execute("ANALYZE")
    con.close()


@pytest.mark.sqlite_only("SQLite's query plans; test_postgres.py reads the server's")
def test_on_a_busy_sellers_database_the_queue_reads_through_indexes(db_path, db_url, frozen_now):
    open_database(db_url).close()
    _fill(db_path, frozen_now)
    db = open_database(db_url)
    statements: list[tuple[str, tuple]] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def _seen(_conn, _cursor, statement, parameters, _context, _many) -> None:
        statements.append((statement, tuple(parameters or ())))

    try:
        result = queue.build(db, Settings(), limit=50)
    finally:
        db.close()
    assert result.overdue.count > 1000 and len(result.overdue.items) == 50
    assert result.first_replies.count > 100
    queries = [(sql, args) for sql, args in statements if sql.lstrip().startswith("SELECT")]
    assert len(queries) >= 8
    con = sqlite3.connect(db_path)
    try:
        for sql, args in queries:
            plan = [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql, args)]
            # A SCAN of a table (or of all of an index) reads every row; scanning
            # a one-row constant or a subquery's few merged rows does not.
            whole = [step for step in plan if step.startswith("SCAN") and _is_table_scan(step)]
            assert whole == [], (sql, plan)
    finally:
        con.close()


def _is_table_scan(step: str) -> bool:
    return not (step.startswith("SCAN CONSTANT ROW") or step.startswith("SCAN anon_"))
