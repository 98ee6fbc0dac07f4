"""With 100,000 leads summarised (400,000 messages copied, 250,000 stays) the
insight figures read index ranges only: no statement reads a whole summary,
the timeline or the lead book. (How fast that is, is for `bench/run.py` to
measure; tests assert no timings.) Orders and referrals are read from their
own tables, which are small."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest
from sqlalchemy import event

from sellerdesk.config import Settings
from sellerdesk.db.open import open_database
from sellerdesk.insight import report
from sellerdesk.insight.scope import Scope

LEADS = 100_000
SMALL_TABLES = ("orders", "referrals")


def _moment(at: str, offset: str) -> str:
    return f"strftime('%Y-%m-%d %H:%M:%S', {at}, {offset}) || '.000000'"


def _fill(db_path, now: datetime) -> None:
    """Leads and their summaries over six years, generated inside SQLite."""
    at = "'" + now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") + "'"
    created = _moment(at, "'-' || (abs(random()) % 3153600) || ' minutes'")
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA cache_size = -262144")
    triggers = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'leads'"
    ).fetchall()
    with con:
        for name, _ in triggers:
            con.execute(f"DROP TRIGGER {name}")
        con.execute(
            f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {LEADS}) "
            "INSERT INTO leads (id, username, username_key, source, stage, stage_since, "
            "do_not_contact, owner, created_at, updated_at, version) "
            f"SELECT i, 'user' || i, 'user' || i, 'fiverr_inbox', 'lost', {created}, 0, "
            "CASE WHEN i % 5 = 0 THEN 'Sam' END, "
            f"{created}, {created}, 1 FROM n"
        )
        con.execute(
            "INSERT INTO insight_leads (lead_id, created_at, inquiry, owner_key, project_type, "
            "reply_seconds, ordered_at, stage, furthest, lost_from) "
            "SELECT id, created_at, 1, lower(owner), 'redesign', abs(random()) % 200000, NULL, "
            "'lost', abs(random()) % 5, 'qualified' FROM leads"
        )
        for n in range(4):
            later = _moment("created_at", f"'+{n} days'")
            con.execute(
                "INSERT INTO insight_copies (event_id, lead_id, template, at, ordered_after) "
                f"SELECT id * 4 + {n}, id, 'redesign.first_reply', "
                f"{later}, 0 FROM leads"
            )
            con.execute(
                "INSERT INTO insight_contacts (event_id, lead_id, target, at) "
                f"SELECT id * 4 + {n}, id, 'followups', {later} "
                "FROM leads"
            )
        for stage in ("new", "qualified"):
            con.execute(
                "INSERT INTO insight_stays (lead_id, created_at, stage, seconds) "
                f"SELECT id, created_at, '{stage}', abs(random()) % 900000 FROM leads"
            )
        con.execute(
            "INSERT INTO events (lead_id, at, author, kind, body) "
            "SELECT id, created_at, 'a', 'created', '' FROM leads"
        )
        top = con.execute("SELECT max(id) FROM events").fetchone()[0]
        con.execute(f"UPDATE insight_progress SET last_event_id = {top}, last_lead_id = {LEADS}")
        for _, sql in triggers:
            con.execute(sql)
        con.execute("ANALYZE")
    con.close()


@pytest.mark.sqlite_only("SQLite's query plans; test_postgres.py reads the server's")
def test_the_figures_read_index_ranges_only(db_path, db_url, frozen_now):
    open_database(db_url).close()
    _fill(db_path, frozen_now)
    db = open_database(db_url)
    statements: list[tuple[str, tuple]] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def _seen(_conn, _cursor, statement, parameters, _context, _many) -> None:
        statements.append((statement, tuple(parameters or ())))

    try:
        plain = report.build(db, Settings(), titles={"redesign.first_reply": "First reply"})
        narrowed = report.build(
            db, Settings(), Scope.last(30, owner="sam", project_type="redesign")
        )
    finally:
        db.close()
    assert plain.funnel.leads > 3000 and narrowed.funnel.leads > 100
    assert plain.messages.lines[0].copies > 10_000
    queries = [(sql, args) for sql, args in statements if sql.lstrip().startswith("SELECT")]
    assert len(queries) >= 20
    con = sqlite3.connect(db_path)
    try:
        for sql, args in queries:
            plan = [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql, args)]
            whole = [
                step
                for step in plan
                if step.startswith("SCAN")
                and not step.startswith(("SCAN CONSTANT ROW", "SCAN anon_"))
                and not any(step.startswith(f"SCAN {table}") for table in SMALL_TABLES)
            ]
            assert whole == [], (sql, plan)
    finally:
        con.close()
