"""With 100,000 leads and 200,000 follow-ups the morning queue reads only what
it shows, through indexes: no statement it runs reads a whole table. (How fast
that is, is for `bench/run.py` to measure; tests assert no timings.)"""

from __future__ import annotations

from datetime import datetime

import pytest
from tests.query_plans import bulk_fill, moment, recorded, selects, shifted, whole_scans

from sellerdesk.config import Settings
from sellerdesk.db.open import open_database
from sellerdesk.followups import queue

LEADS = 100_000
FOLLOWUPS = 200_000
STAGES = ("new", "qualified", "hot_lead", "offer_sent", "ordered", "completed", "lost")


def _fill(db_path, now: datetime) -> None:
    """A busy, somewhat neglected seller: 2% of inquiries unanswered, 3% of
    follow-ups still waiting (thousands overdue), tens of thousands of quiet leads.
    Generated inside SQLite, so the fill takes seconds, not minutes."""
    at = moment(now)
    stage_case = (
        "CASE abs(random()) % 7 "
        + " ".join(f"WHEN {i} THEN '{stage}'" for i, stage in enumerate(STAGES))
        + " END"
    )
    created = shifted(at, "'-' || (abs(random()) % 576000) || ' minutes'")
    due = shifted(at, "(abs(random()) % 10320 - 9600) || ' hours'")
    with bulk_fill(db_path) as con:
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


@pytest.mark.sqlite_only("SQLite's query plans; test_postgres.py reads the server's")
def test_on_a_busy_sellers_database_the_queue_reads_through_indexes(db_path, db_url, frozen_now):
    open_database(db_url).close()
    _fill(db_path, frozen_now)
    db = open_database(db_url)
    statements = recorded(db)
    try:
        result = queue.build(db, Settings(), limit=50)
    finally:
        db.close()
    assert result.overdue.count > 1000 and len(result.overdue.items) == 50
    assert result.first_replies.count > 100
    queries = selects(statements)
    assert len(queries) >= 8
    assert whole_scans(db_path, queries) == []
