"""The weekly review (seed 003: "weekly check-ins to ensure data integrity and
follow-up completion"): on a screen (f7, or the palette) and as `sellerdesk
week [--json]`, each row opening its lead."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from tests.sop.conftest import make_app
from tests.tui.conftest import SIZE, settle
from textual.widgets import OptionList

from sellerdesk import clock, leads
from sellerdesk.db.models import FollowUpModel
from sellerdesk.followups import store
from sellerdesk.orders.store import create_order
from sellerdesk.referrals.recording import record_referral
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.screens.week import WeekScreen

pytestmark = pytest.mark.usefixtures("no_display")

COMPLETE = {"website": "example.com", "project_type": "redesign", "owner": "ann"}


def _week(db, draft, cli) -> None:
    """A week with one lead for each thing the review looks for, and one that is fine."""
    leads.add_lead(db, "tidy", stage="qualified", **COMPLETE)
    store.add(db, "tidy", "3d", reason="send the pages list")
    cli("copy", "redesign.first_reply", "--lead", "tidy", "--print")
    leads.add_note(db, "tidy", "Client will send the pages list on Friday")

    leads.add_lead(db, "talked", stage="qualified", **COMPLETE)
    store.add(db, "talked", "2d", reason="follow up")
    cli("copy", "redesign.first_reply", "--lead", "talked", "--print")

    leads.add_lead(db, "missed", stage="hot lead", **COMPLETE)
    late = store.add(db, "missed", "tomorrow", reason="call back")
    leads.add_lead(db, "snoozy", stage="qualified", **COMPLETE)
    store.add(db, "snoozy", "tomorrow", reason="send the offer")
    for when in ("2d", "3d", "4d"):
        store.snooze(db, "snoozy", when)

    leads.add_lead(db, "ownerless", stage="hot lead", website="x.com", project_type="redesign")
    store.add(db, "ownerless", "2d", reason="check in")
    leads.add_lead(db, "blank", stage="completed")  # no website, no project type

    leads.add_lead(db, "maya", stage="completed", **COMPLETE)
    record_referral(db, "newbie", "maya")
    leads.update_lead(db, "newbie", **COMPLETE)
    create_order(db, "newbie", draft.with_changes(number="FO2", requirements="partial"))
    with db.write() as session:  # the call back was due three days ago
        session.get_one(FollowUpModel, late.id).due_at = clock.now() - timedelta(days=3)


def _sections(data) -> dict[str, list[str]]:
    return {s["key"]: [r["username"] for r in s["rows"]] for s in data["sections"]}


def test_the_week_from_the_shell(db, draft, cli):
    _week(db, draft, cli)
    code, out, err = cli("week", "--json")
    assert code == 0, err
    data = json.loads(out)
    found = _sections(data)
    assert found["without_outcome"] == ["talked"]
    assert found["followups"] == ["missed", "snoozy"]
    assert found["no_next_step"] == ["ownerless"]
    assert found["missing_fields"] == ["blank"]
    assert found["rewards_owed"] == ["maya"]
    assert found["requirements"] == ["newbie"]
    rows = {r["username"]: r["detail"] for s in data["sections"] for r in s["rows"]}
    assert rows["snoozy"].startswith("snoozed 3 times")
    assert rows["missed"].startswith("missed: due ")
    assert rows["ownerless"] == "Hot Lead: no responsible person"
    assert rows["blank"] == "no website, no project type"
    assert rows["maya"].startswith("owed ") and rows["maya"].endswith(" for referring newbie")
    assert rows["newbie"] == "order FO2: requirements partly incomplete"
    assert data["total"] == 7

    code, out, _ = cli("week")
    assert code == 0 and out.startswith("Weekly review, ")
    assert "Touched this week without a note of the outcome: 1" in out
    assert "Orders waiting on requirements: 1" in out


async def test_the_weekly_screen_opens_each_rows_lead_and_comes_back(
    db, db_url, draft, cli
):
    _week(db, draft, cli)
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f7")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WeekScreen) and screen.loads == 1
        options = screen.query_one(OptionList)
        prompts = [str(o.prompt) for o in options.options]
        assert any(
            p.startswith("Follow-ups missed or snoozed more than twice (2)") for p in prompts
        )
        assert any("talked" in p and "no note of the outcome" in p for p in prompts)
        key = next(k for k, lead_id in screen.leads.items() if k.startswith("requirements"))
        options.highlighted = options.get_option_index(key)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
        assert app.screen.lead_id == leads.get_lead(db, "newbie").id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and screen.loads == 2  # read again on coming back
