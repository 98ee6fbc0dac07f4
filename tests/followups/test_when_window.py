"""Dates are kept within a sane window (2000 to ten years ahead) in every zone,
checked before they become moments: the calendar's far ends do not survive a
change of zone."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from tests.reliability.conftest import run_cli

from sellerdesk import clock, leads
from sellerdesk.errors import Invalid
from sellerdesk.followups.when import parse

ZONES = ("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/New_York", "Asia/Kolkata")
NOW = "2026-11-25 10:00"


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("9999-12-31 23:59", "more than 10 years ahead; pick a date up to 2036-11-25"),
        ("9999-12-31", "more than 10 years ahead"),
        ("2036-11-26", "more than 10 years ahead"),
        ("999w", "more than 10 years ahead"),
        ("0001-01-01", "is before the year 2000"),
        ("1999-12-31 23:59", "is before the year 2000"),
    ],
)
def test_dates_outside_the_window_are_refused_in_every_zone(set_clock, zone, typed, message):
    set_clock(NOW, zone)
    for allow_past in (False, True):
        with pytest.raises(Invalid, match=message):
            parse(typed, allow_past=allow_past)


@pytest.mark.parametrize("zone", ZONES)
def test_the_ends_of_the_window_are_accepted(set_clock, zone):
    set_clock(NOW, zone)
    assert parse("2036-11-25 23:59").local.date().isoformat() == "2036-11-25"
    assert parse("2000-01-01", allow_past=True).local.date().isoformat() == "2000-01-01"


@pytest.mark.parametrize("typed", ["-1d", "-2w", "-3 days", "in -1d"])
def test_counting_back_says_past_dates_are_not_allowed(set_clock, typed):
    set_clock(NOW)
    with pytest.raises(Invalid, match="dates in the past are not allowed"):
        parse(typed)
    assert parse(typed, allow_past=True).due_at < clock.now()


def test_a_far_date_stored_by_an_older_version_does_not_break_listing(db, db_url, set_clock):
    """9999-12-31 23:59 UTC has no local time east of Greenwich; it is shown as stored."""
    leads.add_lead(db, "ann")
    with db.write() as session:
        from sellerdesk.db.models import LeadModel

        lead = session.query(LeadModel).one()
        lead.next_followup_at = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
    set_clock(NOW, "Asia/Kolkata")
    assert clock.local_zone() == ZoneInfo("Asia/Kolkata")
    ran = run_cli("--db", db_url, "lead", "list")
    assert ran.code == 0, ran.err
    assert "9999-12-31 23:59" in ran.out


async def test_a_far_date_stored_by_an_older_version_does_not_stop_the_app(db, set_clock):
    from tests.tui.conftest import SIZE, make_app, settle
    from textual.widgets import Static

    leads.add_lead(db, "ann")
    with db.write() as session:
        from sellerdesk.db.models import LeadModel

        session.query(LeadModel).one().next_followup_at = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
    set_clock(NOW, "Asia/Kolkata")
    app = make_app(db.url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.db is not None and app.db_problem is None
        assert "1 lead" in str(app.screen.query_one("#count", Static).render())
