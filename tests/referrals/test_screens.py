"""The referral flow through the real app: a new lead names its referrer, gets
the label and the note, places an order, the referrer's reward becomes earned,
then is redeemed from the referrals screen; the lead screens link both ways."""

from __future__ import annotations

from tests.referrals.conftest import complete, place
from tests.tui.conftest import console_for, fill, notified, settle
from textual.widgets import DataTable, Input, OptionList, Static

from sellerdesk import leads
from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings
from sellerdesk.orders import feedback
from sellerdesk.referrals import tracking
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.screens.referral_links import ReferralJumpScreen, ReferralLinks
from sellerdesk.screens.referral_redeem import RedeemScreen
from sellerdesk.screens.referrals import ReferralsScreen
from sellerdesk.screens.referred_by import ReferredByScreen

SIZE = (130, 40)


def _text(app, selector: str) -> str:
    content = app.screen.query_one(selector, Static).content
    if isinstance(content, str):
        return content
    console = console_for(app)
    console.print(content)
    # Column widths follow the content: compare words, not spacing.
    return " ".join(console.export_text().split())


async def _open(app, pilot, lead_id: int) -> LeadScreen:
    await settle(pilot)
    app.open_lead(lead_id)
    await settle(pilot)
    assert isinstance(app.screen, LeadScreen) and app.screen.lead_id == lead_id
    return app.screen


async def test_full_referral_flow(db, db_url, frozen_now, draft):
    past = leads.add_lead(db, "bgsone", stage="completed", labels=["Past Client"])
    new = leads.add_lead(db, "inzoneagency", stage="hot lead")
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, new.id)
        assert _text(app, "#referral-links") == ""
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReferredByScreen)
        await fill(pilot, app.screen.query_one(Input), "bgs")
        await settle(pilot)
        matches = app.screen.query_one(OptionList)
        assert [matches.get_option_at_index(i).id for i in range(matches.option_count)] == [
            "bgsone"
        ]
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
        lead = leads.get_lead(db, "inzoneagency")
        assert lead.labels == ("Referral",) and lead.notes == "Referred by: bgsone"
        assert lead.referred_by == "bgsone"
        card = _text(app, "#lead-card")
        assert "Referred by: bgsone" in card and "[Referral]" in card
        assert "Referrer bgsone reward pending" in _text(app, "#referral-links")
        assert any("referred by bgsone" in n.message for n in notified(app))

        # The referred lead places its first order (the orders code runs the rules).
        place(db, "inzoneagency", draft, "FO100")
        assert tracking.list_referrals(db)[0].status == "earned"

        # The referrer's screen links to the lead it brought, and jumps there.
        await _open(app, pilot, past.id)
        assert "Brought inzoneagency (earned)" in _text(app, "#referral-links")
        await pilot.press("R")
        await settle(pilot)
        assert isinstance(app.screen, ReferralJumpScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen) and app.screen.lead_id == new.id
        links = _text(app, "#referral-links")
        assert "Referrer bgsone reward earned" in links
        assert "Referral ask not yet: No project has been delivered and accepted yet" in links

        # The report: what bgsone is owed, redeemed with a note.
        await pilot.press("f4")
        await settle(pilot)
        assert isinstance(app.screen, ReferralsScreen)
        table = app.screen.query_one(DataTable)
        assert [str(c) for c in table.get_row_at(0)] == ["bgsone", "1", "0", "1", "0"]
        assert "1 referrers brought 1: 0 pending, 1 rewards owed, 0 redeemed." in _text(
            app, "#referrals-totals"
        )
        assert "a 10% discount on the next Fiverr order" in _text(app, "#referrals-detail")
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, RedeemScreen)
        await fill(pilot, app.screen.query_one(Input), "applied to FO200")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReferralsScreen)
        used = tracking.list_referrals(db)[0]
        assert (used.status, used.redeemed_note) == ("redeemed", "applied to FO200")
        table = app.screen.query_one(DataTable)
        assert [str(c) for c in table.get_row_at(0)] == ["bgsone", "1", "0", "0", "1"]
        await pilot.press("x")
        await settle(pilot)
        assert not isinstance(app.screen, RedeemScreen)
        assert any("no earned reward to redeem" in n.message for n in notified(app))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen) and app.screen.lead_id == past.id
        assert "referral_redeemed" in [e.kind for e in app.screen.events]


async def test_recording_refusals_stay_in_the_dialog(db, db_url, frozen_now):
    lead = leads.add_lead(db, "maya")
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead.id)
        await pilot.press("r")
        await settle(pilot)
        await fill(pilot, app.screen.query_one(Input), "MAYA")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReferredByScreen)
        assert "maya cannot refer themselves." in _text(app, "#referred-by-error")
        await fill(pilot, app.screen.query_one(Input), " friend")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReferredByScreen)
        assert "is not a Fiverr username" in _text(app, "#referred-by-error")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
    assert tracking.list_referrals(db) == []
    assert leads.get_lead(db, "maya").labels == ()


async def test_the_lead_screen_says_why_an_ask_is_not_allowed_yet(db, db_url, frozen_now, draft):
    lead = leads.add_lead(db, "maya")
    place(db, "maya", draft, "FO1")
    complete(db, "FO1")
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open(app, pilot, lead.id)
        links = _text(app, "#referral-links")
        assert "Referral ask not yet: No positive feedback or review is recorded" in links
        feedback.record_feedback(db, "FO1", "positive", "Love it")
        screen.reload()
        await settle(pilot)
        assert "Referral ask allowed now" in _text(app, "#referral-links")
        assert screen.query_one(ReferralLinks).data.gate.holds


async def test_a_referrer_typed_on_the_record_asks_to_be_tracked(db, db_url, frozen_now):
    lead = leads.add_lead(db, "maya", referred_by="oldfriend")
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead.id)
        assert "oldfriend is not tracked yet (no reward): press r to record it" in _text(
            app, "#referral-links"
        )
        await pilot.press("f4")
        await settle(pilot)
        assert "Not tracked, no reward until recorded (r on the lead): maya (by oldfriend)" in (
            _text(app, "#referrals-totals")
        )
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        await fill(pilot, app.screen.query_one(Input), "oldfriend")
        await pilot.press("enter")
        await settle(pilot)
        assert _text(app, "#referral-links") == "Referrer oldfriend reward pending"
        await pilot.press("f4")
        await settle(pilot)
        assert "Not tracked" not in _text(app, "#referrals-totals")
        assert "1 referrers brought 1: 1 pending" in _text(app, "#referrals-totals")
    assert leads.get_lead(db, "oldfriend").labels == ("Past Client",)
