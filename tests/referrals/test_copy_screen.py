"""Copying referral texts from the template library in the real app: the
forward text stops for the client's website, the ask waits for the gate and
then carries the reward setting. No X display: copies land in `app.clipboard`."""

from __future__ import annotations

import pytest
from tests.conftest import accept_project
from tests.referrals.conftest import complete, place
from tests.tui.conftest import fill, notified, settle
from textual.widgets import Input

from sellerdesk import leads
from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings
from sellerdesk.orders import feedback
from sellerdesk.screens.fill_values import FillValuesScreen
from sellerdesk.screens.override import OverrideScreen
from sellerdesk.screens.templates import TemplateLibraryScreen

pytestmark = pytest.mark.usefixtures("no_display")


@pytest.fixture
def profile(seller_profile) -> Settings:
    """The ask quotes the reward, so these tests name one."""
    seller_profile.referral.kind = "amount"
    seller_profile.referral.value = "50"
    return seller_profile


def copies(db, username: str) -> list:
    lead = leads.get_lead(db, username)
    return [e for e in leads.lead_timeline(db, lead.id) if e.kind == "message_copied"]


async def _library(app, pilot, lead_id: int, template_id: str) -> None:
    await settle(pilot)
    app.push_screen(TemplateLibraryScreen(lead_id, template_id=template_id))
    await settle(pilot)


async def test_forward_text_asks_for_the_website_and_copies_nothing_without_it(db, db_url, profile):
    lead = leads.add_lead(db, "maya")
    accept_project(db, "maya")  # seed 002: the forward text too, only after acceptance
    app = SellerdeskApp(db_url, profile)
    async with app.run_test(size=(130, 40)) as pilot:
        await _library(app, pilot, lead.id, "referral.forward")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FillValuesScreen)
        assert [i.id for i in app.screen.query(Input)] == ["value-website"]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TemplateLibraryScreen)
        assert app.clipboard == "" and copies(db, "maya") == []
        assert any("Not copied" in n.message for n in notified(app))
        await pilot.press("enter")
        await settle(pilot)
        await fill(pilot, app.screen.query_one("#value-website", Input), "mayasbakery.com")
        await pilot.press("f2")
        await settle(pilot)
        assert "You can see my website here:\n\n☺☺mayasbakery.com\n" in app.clipboard
        assert "Jehan is a Top Rated Seller on Fiverr, has 6+ years of experience" in app.clipboard
        assert copies(db, "maya")[0].body == app.clipboard


async def test_the_ask_is_refused_naming_the_condition_then_copied_with_the_reward(
    db, db_url, frozen_now, draft, profile
):
    lead = leads.add_lead(db, "maya")
    place(db, "maya", draft, "FO1")
    complete(db, "FO1")
    feedback.set_complaint(db, "FO1", True, "Footer overlaps on mobile")
    app = SellerdeskApp(db_url, profile)
    async with app.run_test(size=(130, 40)) as pilot:
        await _library(app, pilot, lead.id, "referral.ask")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OverrideScreen)
        refusal = app.screen.sentence
        assert "a complaint is open on order FO1" in refusal and "No positive feedback" in refusal
        await pilot.press("escape")
        await settle(pilot)
        assert app.clipboard == "" and copies(db, "maya") == []
        # Escape leaves the rule standing, and the refusal is said once more.
        refusal = [n.message for n in notified(app) if n.message.startswith("Not done.")]
        assert refusal and "a complaint is open on order FO1" in refusal[-1]
        assert "No positive feedback" in refusal[-1]
        feedback.set_complaint(db, "FO1", False, "Fixed the footer")
        feedback.record_feedback(db, "FO1", "positive", "Looks great now")
        await pilot.press("enter")
        await settle(pilot)
        assert "As a small thank-you, I offer $50 off on your next project" in app.clipboard
        assert "10%" not in app.clipboard
        assert copies(db, "maya")[0].body == app.clipboard
