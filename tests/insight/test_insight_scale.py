"""With 100,000 leads summarised (400,000 messages copied, 250,000 stays) the
insight figures read index ranges only: no statement reads a whole summary,
the timeline or the lead book. (How fast that is, is for `bench/run.py` to
measure; tests assert no timings.) Orders and referrals are read from their
own tables, which are small."""

from __future__ import annotations

from datetime import datetime

import pytest
from tests.query_plans import bulk_fill, moment, recorded, selects, shifted, whole_scans

from sellerdesk.config import Settings
from sellerdesk.db.open import open_database
from sellerdesk.insight import report
from sellerdesk.insight.scope import Scope

LEADS = 100_000
SMALL_TABLES = ("orders", "referrals")


def _fill(db_path, now: datetime) -> None:
    """Leads and their summaries over six years, generated inside SQLite."""
    created = shifted(moment(now), "'-' || (abs(random()) % 3153600) || ' minutes'")
    with bulk_fill(db_path) as con:
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
            later = shifted("created_at", f"'+{n} days'")
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


@pytest.mark.sqlite_only("SQLite's query plans; test_postgres.py reads the server's")
def test_the_figures_read_index_ranges_only(db_path, db_url, frozen_now):
    open_database(db_url).close()
    _fill(db_path, frozen_now)
    db = open_database(db_url)
    statements = recorded(db)
    try:
        plain = report.build(db, Settings(), titles={"redesign.first_reply": "First reply"})
        narrowed = report.build(
            db, Settings(), Scope.last(30, owner="sam", project_type="redesign")
        )
    finally:
        db.close()
    assert plain.funnel.leads > 3000 and narrowed.funnel.leads > 100
    assert plain.messages.lines[0].copies > 10_000
    queries = selects(statements)
    assert len(queries) >= 20
    assert whole_scans(db_path, queries, SMALL_TABLES) == []
