"""Migration 0006 keeps every row: orders gain room for the walkthrough, and
job-order ticks made before the lists were shared land on the shared items."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime

import pytest

from sellerdesk.db.open import _upgrade, open_database
from sellerdesk.orders import checklists
from sellerdesk.scripts.standing import get_run

WHEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC).replace(tzinfo=None).isoformat(" ")


def _old_book(db_path) -> None:
    _upgrade(f"sqlite:///{db_path}", "0005_insight")
    con = sqlite3.connect(db_path)
    with con:
        for lead_id, name in ((1, "harbor"), (2, "nova")):
            con.execute(
                "INSERT INTO leads (id, username, username_key, source, stage, stage_since, "
                "do_not_contact, created_at, updated_at, version) "
                "VALUES (?, ?, ?, 'fiverr_inbox', 'ordered', ?, 0, ?, ?, 1)",
                (lead_id, name, name, WHEN, WHEN, WHEN),
            )
        con.execute(
            "INSERT INTO orders (id, lead_id, number, kind, pages, design_direction, "
            "price_cents, requirements, status, consent_text, consent_at, prechecks, "
            "complaint_open, created_by, created_at, updated_at, version) VALUES "
            "(1, 1, 'FO1', 'fiverr', 'Home', '', 45000, 'submitted', 'in_progress', "
            "'Yes, please place the order', ?, '{}', 0, 'ann', ?, ?, 1)",
            (WHEN, WHEN, WHEN),
        )
        for item, done in (
            ("credentials_secured", 1),
            ("email_backed_up", 1),
            ("domain_transfer", 0),
        ):
            con.execute(
                "INSERT INTO order_checks (order_id, checklist, item, done, done_at, done_by) "
                "VALUES (1, 'transferred_client', ?, ?, ?, ?)",
                (item, done, WHEN if done else None, "ann" if done else None),
            )
        answers = {"scenario": "has_hosting", "client_kind": "transferred"}
        ticks = ["access_received", "domain_credentials", "email_backup", "notice_sent"]
        con.execute(
            "INSERT INTO script_runs (lead_id, script, step, answers, ticks, status, "
            "started_at, updated_at, version) VALUES (2, 'hosting', 'propagation', ?, ?, "
            "'active', ?, ?, 1)",
            (json.dumps(answers), json.dumps(ticks), WHEN, WHEN),
        )
    con.close()


@pytest.mark.sqlite_only("the old book is written through sqlite3")
def test_old_ticks_land_on_the_shared_lists_and_nothing_is_lost(db_path, db_url):
    _old_book(db_path)
    db = open_database(db_url, author="tester")
    try:
        checklist, items = checklists.checklist_of(db, "FO1")
        assert checklist is checklists.TRANSFERRED_CLIENT
        done = {i.item: i.done_by for i in items if i.done}
        # "Email backed up (and a website copy)" was one item: both are ticked now.
        assert done == {
            "credentials_secured": "ann",
            "email_backed_up": "ann",
            "website_copy": "ann",
        }
        run = get_run(db, "nova", "hosting")
        assert set(run.ticks) == {
            "access_received", "transfer_credentials_secured", "transfer_email_backed_up",
            "transfer_email_recreated", "notice_sent", "transfer_propagation_notice",
        }  # fmt: skip
        # The last step's gate still holds for them: nothing they did is asked again.
        assert run.definition.can_leave(run.index, run.state) is None
    finally:
        db.close()
    con = sqlite3.connect(db_path)
    columns = {row[1] for row in con.execute("PRAGMA table_info(orders)")}
    assert {"walkthrough_text", "walkthrough_at", "walkthrough_by"} <= columns
    assert con.execute("SELECT consent_text FROM orders").fetchone() == (
        "Yes, please place the order",
    )
    con.close()
