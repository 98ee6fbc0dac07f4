"""A hand-built book whose every insight figure is known in advance.

Each step runs through the real domain code with the clock frozen at the
moment written beside it (UTC, local zone UTC); "now" is Monday 2026-11-23
10:00. The expected figures are worked out in `tests/insight/test_figures.py`.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from sellerdesk import clock, leads
from sellerdesk.db import insight_tables as summary_tables
from sellerdesk.db.models import LeadModel
from sellerdesk.followups import store
from sellerdesk.orders.gate import Draft
from sellerdesk.orders.status import set_status
from sellerdesk.orders.store import create_order
from sellerdesk.referrals.earning import redeem
from sellerdesk.referrals.recording import record_referral
from sellerdesk.timeline import record

NOW = "2026-11-23 10:00"
# The library the message figures are computed against (the real one is
# checked on its own): four templates used, one never.
TITLES = {
    "redesign.first_reply": "First reply",
    "redesign.custom_offer": "Custom offer",
    "followup.offer_day1": "Follow-up 1 day after the offer",
    "referral.ask": "Referral ask",
    "redesign.pages": "Pages",
}


def at(moment: str, zone: str = "UTC") -> None:
    """Freeze the clock at this local wall time in `zone` (the user's zone too)."""
    tz = ZoneInfo(zone)
    clock.set_local_zone(tz)
    clock.freeze(datetime.fromisoformat(moment).replace(tzinfo=tz))


def copied(db, username: str, template: str, path: str = "system") -> None:
    """A message copied to the lead, as `copying.commit_copy` records it (earlier
    versions wrote `path` "not copied" when no clipboard was reached)."""
    with db.write() as session:
        lead = session.query(LeadModel).filter_by(username_key=username).one()
        record(
            session,
            lead,
            "message_copied",
            "text",
            author="tester",
            data={"template": template, "path": path, "chars": 4},
        )


def order(db, username: str, number: str, price_cents: int):
    draft = Draft(
        consent="Yes, please place the order",
        price_cents=price_cents,
        delivery_days=7,
        pages="Home, About",
        design_direction="example.com",
        scope_confirmed=True,
        number=number,
    )
    return create_order(db, username, draft)


def build_book(db) -> None:
    at("2026-06-01 09:00")
    leads.add_lead(db, "old")  # long before the 90 days
    at("2026-06-01 09:10")
    copied(db, "old", "redesign.first_reply")

    at("2026-11-01 09:00")
    leads.add_lead(db, "ann", owner="Jehan", project_type="redesign")
    at("2026-11-01 09:30")
    leads.add_note(db, "ann", "Wants five pages.")  # first reply after 30 minutes
    at("2026-11-02 09:00")
    leads.set_stage(db, "ann", "qualified")
    at("2026-11-02 10:00")
    leads.add_lead(db, "ben", owner="Sam", project_type="new website")
    at("2026-11-02 15:00")
    copied(db, "ben", "redesign.first_reply")  # after 5 hours
    at("2026-11-03 08:00")
    leads.add_lead(db, "cat")
    at("2026-11-03 10:00")
    leads.set_stage(db, "ben", "qualified")
    at("2026-11-04 02:00")
    copied(db, "cat", "redesign.first_reply")  # after 18 hours
    at("2026-11-04 08:00")
    leads.add_lead(db, "dan")
    at("2026-11-04 09:00")
    leads.set_stage(db, "ann", "hot lead")
    store.add(db, "ben", "today 12:00", reason="call back")
    at("2026-11-04 11:00")
    store.done(db, "ben")
    at("2026-11-05 08:00")
    leads.add_lead(db, "eve")  # never answered
    at("2026-11-05 09:00")
    leads.set_stage(db, "ann", "offer sent")
    copied(db, "ann", "redesign.custom_offer")
    at("2026-11-05 10:00")
    leads.set_stage(db, "ben", "lost", reason="chose another seller")
    at("2026-11-06 08:00")
    copied(db, "ann", "followup.offer_day1")
    copied(db, "dan", "redesign.first_reply")  # after 48 hours
    at("2026-11-06 09:00")
    order(db, "ann", "FO1", 45_000)
    at("2026-11-07 09:00")
    set_status(db, "FO1", "in progress")
    copied(db, "dan", "legacy.old_text")  # a template the library no longer has
    at("2026-11-10 09:00")
    set_status(db, "FO1", "delivered")
    at("2026-11-10 12:00")
    leads.add_lead(db, "gus", source="fiverr order", stage="ordered")  # not an inquiry
    at("2026-11-10 13:00")
    order(db, "gus", "FO3", 20_000)
    at("2026-11-11 12:00")
    set_status(db, "FO3", "cancelled", reason="Client changed their mind.")
    at("2026-11-12 09:00")
    set_status(db, "FO1", "completed")
    at("2026-11-12 10:00")
    copied(db, "ann", "referral.ask")
    at("2026-11-15 12:00")
    record_referral(db, "hal", "ann")
    at("2026-11-16 12:00")
    copied(db, "hal", "redesign.first_reply")
    at("2026-11-20 12:00")
    order(db, "hal", "FO2", 30_000)
    at("2026-11-22 12:00")
    redeem(db, "ann")
    at("2026-11-23 09:00")
    leads.add_lead(db, "fay")  # an hour old, not answered yet
    at(NOW)


def summary_rows(db) -> dict[str, list]:
    """Every summary row (stays without their ids, which a rebuild renumbers)."""
    out = {}
    with db.connect() as conn:
        for table in (
            summary_tables.insight_leads,
            summary_tables.insight_copies,
            summary_tables.insight_contacts,
            summary_tables.insight_progress,
        ):
            out[table.name] = sorted(conn.execute(select(table)).all())
        stays = [c for c in summary_tables.insight_stays.c if c.name != "id"]
        out["stays"] = sorted(conn.execute(select(*stays)).all())
    return out


def rebuilt_rows(db) -> dict[str, list]:
    """The summary rows a rebuild from nothing gives (a timeline that shrank is rebuilt)."""
    from sellerdesk.insight import summary

    with db.write() as session:
        session.connection().execute(
            update(summary_tables.insight_progress).values(last_event_id=10**9)
        )
    summary.refresh(db)
    return summary_rows(db)


@pytest.fixture
def book(db):
    build_book(db)
    return db
