"""A database result never crashes a screen: one still composing gets it once it
is composed, one that was closed (or is being removed) never gets it. The
results are made late on purpose, by signals the test controls, not by time."""

from __future__ import annotations

import asyncio

import pytest
from tests.referrals.conftest import draft, place  # noqa: F401 (draft is a fixture)
from tests.tui.conftest import (
    SIZE,
    HeldDatabase,
    make_app,
    settle,
    shown,
    wait_for_screen,
    wait_until,
)
from textual.widgets import Static

from sellerdesk import leads
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.screens.referral_links import ReferralJumpScreen, ReferralLinks
from sellerdesk.screens.referrals import ReferralsScreen
from sellerdesk.ui.tasks import run_db


class _NotYetComposedLeadScreen(LeadScreen):
    """A lead screen that stays attached but not composed until the test's signal,
    the state a busy machine leaves a screen in for a moment after it is pushed."""

    def __init__(self, lead_id: int, gate: asyncio.Event) -> None:
        super().__init__(lead_id)
        self.gate = gate

    async def _on_compose(self, event) -> None:
        await self.gate.wait()
        await super()._on_compose(event)


def _card(app) -> str:
    return shown(app.screen.query_one("#lead-card", Static))


async def test_a_result_for_a_screen_still_composing_waits_for_it(app, db):
    ann = leads.add_lead(db, "ann", display_name="Ann Lee")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        gate = asyncio.Event()
        screen = _NotYetComposedLeadScreen(ann.id, gate)
        app.push_screen(screen)
        # The screen on top is held on purpose: wait without asking it to be idle.
        await wait_until(
            pilot, lambda: screen.is_attached, "the screen to be attached", screen_idle=False
        )
        assert not screen.is_mounted

        def job(db):
            return leads.get_lead_by_id(db, ann.id), []

        worker = run_db(screen, job, screen._show)
        await wait_until(
            pilot, lambda: worker.is_finished, "the job to finish", screen_idle=False
        )
        assert not screen.is_mounted and not screen.children  # the result is in, no card yet
        gate.set()
        await wait_for_screen(pilot, LeadScreen)
        assert "Username ann" in _card(app)


async def test_a_result_for_a_closed_screen_is_dropped(app, db):
    ann = leads.add_lead(db, "ann")
    bob = leads.add_lead(db, "bob", display_name="Bob Ray")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        held = HeldDatabase(app.db)
        app.db = held
        held.hold()
        try:
            # ann's screen asks for its lead, then is replaced by bob's before the answer
            app.open_lead(ann.id)
            await wait_until(pilot, lambda: held.waiting >= 1, "ann's load to be held")
            app.open_lead(bob.id)
            await wait_until(pilot, lambda: held.waiting >= 2, "bob's load to be held")
            app.push_screen(ReferralsScreen())
            await wait_until(pilot, lambda: held.waiting >= 3, "the report to be held")
            app.pop_screen()
        finally:
            held.release()
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen) and app.screen.lead_id == bob.id
        assert "Username bob" in _card(app)


@pytest.mark.parametrize("release_after", ["jump opened", "jumped"])
async def test_the_referral_jump_with_every_result_late(
    db, db_url, frozen_now, draft, release_after  # noqa: F811 (the fixture imported above)
):
    """The flow that failed on a busy machine, with each database answer held until
    the screens have moved on."""
    past = leads.add_lead(db, "bgsone", stage="completed", labels=["Past Client"])
    new = leads.add_lead(db, "inzoneagency", stage="hot lead", referred_by=None)
    from sellerdesk.referrals import recording

    recording.record_referral(db, "inzoneagency", "bgsone")
    place(db, "inzoneagency", draft, "FO100")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(past.id)
        await wait_for_screen(pilot, LeadScreen)
        assert "Brought inzoneagency" in shown(app.screen.query_one(ReferralLinks))
        held = HeldDatabase(app.db)
        app.db = held
        held.hold()
        try:
            app.screen.reload()  # its answers (the lead, its links, its orders) now wait
            await wait_until(pilot, lambda: held.waiting >= 1, "the reload to be held")
            await pilot.press("R")
            await wait_until(
                pilot, lambda: isinstance(app.screen, ReferralJumpScreen), "the jump dialog"
            )
            if release_after == "jumped":
                await pilot.press("enter")
                await wait_until(
                    pilot,
                    lambda: isinstance(app.screen, LeadScreen) and app.screen.lead_id == new.id,
                    "the referred lead's screen",
                )
        finally:
            held.release()
        await settle(pilot)
        if release_after == "jump opened":
            await pilot.press("enter")
            await settle(pilot)
        assert isinstance(app.screen, LeadScreen) and app.screen.lead_id == new.id
        assert "Referrer bgsone reward earned" in shown(app.screen.query_one(ReferralLinks))
