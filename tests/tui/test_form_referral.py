"""A new lead whose "Referred by" is filled in on the form is a tracked referral,
as from the CLI; editing that field on an existing lead only sets the field."""

from __future__ import annotations

from tests.tui.conftest import SIZE, console_for, fill, notified, settle
from textual.widgets import Input, Static, TextArea

from sellerdesk import leads, search
from sellerdesk.config import Settings
from sellerdesk.referrals import reward, tracking
from sellerdesk.screens.home import HomeScreen
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.screens.lead_form import LeadFormScreen


def _error(app, name: str) -> str:
    widget = app.screen.query_one(f"#{name}-error", Static)
    return str(widget.content) if widget.has_class("shown") else ""


def _links(app) -> str:
    content = app.screen.query_one("#referral-links", Static).content
    console = console_for(app)
    console.print(content)
    return " ".join(console.export_text().split())


async def _field(app, pilot, name: str, text: str) -> None:
    await fill(pilot, app.screen.query_one(f"#f-{name}", Input), text)


async def _new_lead_form(app, pilot) -> None:
    await settle(pilot)
    assert isinstance(app.screen, HomeScreen)
    app.screen.set_focus(None)  # `n` is a key of the home screen, not a letter to search
    await pilot.press("n")
    await settle(pilot)
    assert isinstance(app.screen, LeadFormScreen)


async def test_a_referrer_named_on_a_new_lead_is_tracked(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await _new_lead_form(app, pilot)
        await _field(app, pilot, "username", "inzoneagency")
        await _field(app, pilot, "referred_by", "bgsone")
        await _field(app, pilot, "labels", "Hot Lead")
        app.screen.query_one("#f-notes", TextArea).text = "Wants 5 pages"
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
        assert app.screen.lead.username == "inzoneagency"
        assert _links(app) == "Referrer bgsone reward pending"
        assert any("the referral is tracked" in n.message for n in notified(app))
    [referral] = tracking.list_referrals(db)
    assert (referral.referred, referral.referrer) == ("inzoneagency", "bgsone")
    assert referral.status == "pending"
    assert referral.reward == reward.in_full(Settings())
    lead = leads.get_lead(db, "inzoneagency")
    assert set(lead.labels) == {"Referral", "Hot Lead"}
    assert lead.referred_by == "bgsone" and lead.source == "referral"
    assert lead.notes == "Referred by: bgsone\nWants 5 pages"
    assert leads.get_lead(db, "bgsone").labels == ("Past Client",)


async def test_a_lead_referring_themselves_is_refused_and_nothing_is_written(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await _new_lead_form(app, pilot)
        await _field(app, pilot, "username", "maya")
        await _field(app, pilot, "referred_by", "@MAYA")
        await _field(app, pilot, "website", "maya.studio")
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, LeadFormScreen)
        assert _error(app, "form") == "Not saved: maya cannot refer themselves."
        assert app.screen.query_one("#f-referred_by", Input).value == "@MAYA"
    assert search.count_leads(db) == 0
    assert tracking.list_referrals(db) == []


async def test_editing_referred_by_on_an_existing_lead_only_sets_the_field(app, db):
    lead = leads.add_lead(db, "maya")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(lead.id)
        await settle(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, LeadFormScreen)
        await _field(app, pilot, "referred_by", "oldfriend")
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
        assert "oldfriend is not tracked yet (no reward): press r" in _links(app)
    assert tracking.list_referrals(db) == []
    stored = leads.get_lead(db, "maya")
    assert stored.referred_by == "oldfriend" and stored.labels == ()
    assert leads.find_lead(db, "oldfriend") is None
