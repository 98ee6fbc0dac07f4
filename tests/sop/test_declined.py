"""Declined is not lost (seed 003: "If client does not accept and wishes not
to proceed - Return to Step 2"): back to Qualified with what the client said
and a nurture follow-up; Lost is chosen with its reason, or follows
do-not-contact."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tests.sop.conftest import make_app, timeline
from tests.tui.conftest import SIZE, fill, settle
from textual.widgets import Input, OptionList

from sellerdesk import clock, leads
from sellerdesk.config import Settings, save_settings
from sellerdesk.errors import NotFound
from sellerdesk.followups import store
from sellerdesk.screens.stage_picker import StagePickerScreen
from sellerdesk.ui.prompts import TextPromptScreen


def _waiting(db, username: str):
    return store.for_lead(db, leads.get_lead(db, username).id)


async def _pick(pilot, option: str) -> None:
    options = pilot.app.screen.query_one(OptionList)
    options.highlighted = options.get_option_index(option)
    await pilot.press("enter")
    await settle(pilot)


async def test_a_declined_offer_goes_back_to_qualification_with_a_nurture_follow_up(
    db, db_url, frozen_now
):
    lead = leads.add_lead(db, "maria", display_name="Maria")
    leads.set_stage(db, "maria", "offer sent")  # three offer follow-ups wait
    assert [f.rule for f in _waiting(db, "maria")] == ["offer"] * 3
    settings = Settings()
    settings.followups.nurture_days = 45  # a setting; 30 by default
    app = make_app(db_url, settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(lead.id)
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, StagePickerScreen)
        await _pick(pilot, "declined")
        assert isinstance(app.screen, TextPromptScreen)
        await pilot.press("enter")  # no reason: refused, the dialog stays
        await settle(pilot)
        assert isinstance(app.screen, TextPromptScreen)
        await fill(pilot, app.screen.query_one(Input), "Budget is too high this quarter")
        await pilot.press("enter")
        await settle(pilot)

    maria = leads.get_lead(db, "maria")
    assert maria.stage == "qualified"
    (note,) = timeline(db, "maria", "offer_declined")
    assert note.body == "Budget is too high this quarter"
    (nurture,) = _waiting(db, "maria")
    assert nurture.rule == "nurture" and nurture.template == "followup.nurture"
    assert clock.to_local(nurture.due_at).date() == (frozen_now + timedelta(days=45)).date()
    assert "Budget is too high this quarter" in nurture.reason
    cancelled = timeline(db, "maria", "followup_cancelled")
    assert len(cancelled) == 3 and all("did not accept" in e.body for e in cancelled)


async def test_lost_is_a_decision_with_its_reason(db, db_url, frozen_now):
    lead = leads.add_lead(db, "maria", stage="hot lead")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(lead.id)
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        await _pick(pilot, "lost")
        assert isinstance(app.screen, TextPromptScreen)
        await pilot.press("escape")  # changed their mind: nothing moves
        await settle(pilot)
        assert leads.get_lead(db, "maria").stage == "hot_lead"
        await pilot.press("s")
        await settle(pilot)
        await _pick(pilot, "lost")
        await fill(pilot, app.screen.query_one(Input), "Hired a local agency")
        await pilot.press("enter")
        await settle(pilot)
    assert leads.get_lead(db, "maria").stage == "lost"
    (moved,) = [e for e in timeline(db, "maria", "stage") if e.data["to"] == "lost"]
    assert moved.body == "Hot Lead → Lost (Hired a local agency)"


def test_from_the_shell_decline_lost_and_do_not_contact(db, cli):
    save_settings(Settings())  # the default nurture: 30 days
    leads.add_lead(db, "maria", stage="offer sent")
    leads.add_lead(db, "spam", stage="qualified")
    code, _, err = cli("lead", "edit", "maria", "--stage", "lost")
    assert code == 1 and err.count("\n") == 1 and "Say why the lead is lost" in err
    # A new lead can't start as Lost either: there is no reason to record yet.
    code, _, err = cli("lead", "add", "ghost", "--stage", "lost")
    assert code == 1 and err.count("\n") == 1 and "can't start as Lost" in err
    code, _, err = cli("lead", "add", "ghost", "--referred-by", "maria", "--stage", "lost")
    assert code == 1 and err.count("\n") == 1 and "can't start as Lost" in err
    with pytest.raises(NotFound):
        leads.get_lead(db, "ghost")
    assert leads.get_lead(db, "maria").stage == "offer_sent"
    code, out, err = cli("lead", "decline", "maria", "Went", "with", "a", "cheaper", "option")
    assert code == 0, err
    assert out.startswith("maria is back at Qualified; next follow-up ")
    (nurture,) = _waiting(db, "maria")
    days = (clock.to_local(nurture.due_at).date() - clock.local_now().date()).days
    assert nurture.rule == "nurture" and days == 30
    code, _, err = cli("lead", "edit", "maria", "--stage", "lost", "--reason", "Asked to stop")
    assert code == 0 and leads.get_lead(db, "maria").stage == "lost"
    code, _, err = cli("lead", "decline", "maria", "again")
    assert code == 1 and "Lost already" in err
    # Do-not-contact ends an open conversation: Lost, with that reason.
    code, _, _ = cli("lead", "edit", "spam", "--do-not-contact", "Asked to pay outside Fiverr")
    spam = leads.get_lead(db, "spam")
    assert code == 0 and spam.stage == "lost" and _waiting(db, "spam") == []
    (moved,) = [e for e in timeline(db, "spam", "stage") if e.data["to"] == "lost"]
    assert "do not contact: Asked to pay outside Fiverr" in moved.body


@pytest.mark.parametrize("stage", ["ordered", "completed"])
def test_a_client_past_the_offer_cannot_decline_it(db, stage):
    from sellerdesk.errors import Invalid
    from sellerdesk.outcomes import decline_offer

    leads.add_lead(db, "maria", stage=stage)
    with pytest.raises(Invalid, match="cancel the order instead"):
        decline_offer(db, "maria", "too expensive")
