"""Copied is not always sent: the copy that moved a lead is taken back with one
key right after (or `sellerdesk take-back`), stage, follow-ups and script put
back, both entries kept on the timeline, and the taken-back copy counted
toward no daily target."""

from __future__ import annotations

import pytest
from tests.conftest import accept_project
from tests.rules.conftest import sellerdesk_cli
from tests.scripts.conftest import walk_to
from tests.tui.conftest import settle

from sellerdesk import leads
from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings
from sellerdesk.copying import commit_copy, prepare_copy
from sellerdesk.errors import Invalid
from sellerdesk.followups import queue, store
from sellerdesk.screens.script import ScriptScreen
from sellerdesk.scripts import runs
from sellerdesk.takeback import take_back
from sellerdesk.templates.loading import load_library


def _ready_offer(db, username: str = "eventhall_co"):
    leads.add_lead(db, username, project_type="redesign")
    leads.set_stage(db, username, "hot lead")
    walk_to(db, username, "custom_offer")
    runs.set_answers(db, username, {"delivery_days": "10", "price": "650"})
    return leads.get_lead(db, username)


def _copy(db, username: str, template_id: str, path: str = "printed"):
    template = load_library().get(template_id)
    prepared = prepare_copy(db, template, leads.get_lead(db, username), Settings())
    return commit_copy(db, prepared, path)


def _kinds(db, username: str) -> list[str]:
    lead = leads.get_lead(db, username)
    return [e.kind for e in leads.lead_timeline(db, lead.id)]


def _waiting(db, username: str) -> list:
    return store.for_lead(db, leads.get_lead(db, username).id)


def test_taking_back_the_offer_puts_everything_back(db, frozen_now):
    lead = _ready_offer(db)
    event = _copy(db, lead.username, "redesign.custom_offer")
    moved = leads.get_lead(db, lead.username)
    assert moved.stage == "offer_sent" and moved.last_messaged_at == frozen_now
    assert len(_waiting(db, lead.username)) == 3
    assert runs.get_run(db, lead.username).finished

    result = take_back(db, lead.username)

    assert result.sentence() == (
        "Taken back: redesign.custom_offer to eventhall_co was not sent (back at Hot Lead; "
        "3 follow-ups it planned cancelled; script back at step 9)."
    )
    after = leads.get_lead(db, lead.username)
    assert after.stage == "hot_lead" and after.last_messaged_at is None
    assert after.next_followup_at is None and _waiting(db, lead.username) == []
    run = runs.get_run(db, lead.username)
    assert run.step == "custom_offer" and not run.finished
    # Both entries stay: the copy (marked) and the taking back.
    timeline = leads.lead_timeline(db, lead.id)
    assert timeline[0].kind == "copy_taken_back" and timeline[0].body == result.sentence()
    copied = next(e for e in timeline if e.id == event.id)
    assert copied.kind == "message_copied" and copied.data["taken_back"]["by"] == "tester"
    with pytest.raises(Invalid, match="already taken back"):
        take_back(db, event_id=event.id)


def test_a_lead_that_moved_on_keeps_its_copy(db, frozen_now):
    lead = _ready_offer(db)
    _copy(db, lead.username, "redesign.custom_offer")
    leads.set_stage(db, lead.username, "ordered")
    with pytest.raises(Invalid, match=r"has moved on since the copy \(now at Order under review\)"):
        take_back(db, lead.username)
    assert leads.get_lead(db, lead.username).stage == "ordered"
    assert "copy_taken_back" not in _kinds(db, lead.username)


def test_only_the_latest_copy_is_taken_back(db):
    leads.add_lead(db, "acme")
    first = _copy(db, "acme", "redesign.first_reply")
    _copy(db, "acme", "redesign.pages")
    with pytest.raises(Invalid, match="Only acme's latest copy"):
        take_back(db, event_id=first.id)


def test_a_copy_taken_back_counts_toward_no_target(db, frozen_now):
    leads.add_lead(db, "maria")
    leads.set_stage(db, "maria", "offer sent")
    leads.add_lead(db, "maya")
    accept_project(db, "maya")
    _copy(db, "maria", "followup.offer_day1")
    _copy(db, "maya", "referral.ask")
    activity = queue.build(db, Settings()).activity
    assert (activity.followups, activity.referral_contacts) == (1, 1)
    take_back(db, "maria")
    take_back(db, "maya")
    activity = queue.build(db, Settings()).activity
    assert (activity.followups, activity.referral_contacts) == (0, 0)


def test_an_ask_taken_back_was_never_asked(db, frozen_now):
    """The referral ask copied, then taken back: the queue may plan it again."""
    from sellerdesk.orders import feedback

    lead = leads.add_lead(db, "maya")
    accept_project(db, "maya")
    ask = next(f for f in _waiting(db, "maya") if f.rule == "referral")
    store.cancel(db, ask.id, "asking now, by hand")
    _copy(db, "maya", "referral.ask")
    feedback.record_feedback(db, "FO1", "positive", "Told a friend")
    assert not [f for f in _waiting(db, "maya") if f.rule == "referral"]
    take_back(db, "maya")
    feedback.record_feedback(db, "FO1", "positive", "Told another friend")
    assert [f.template for f in _waiting(db, "maya") if f.rule == "referral"] == ["referral.ask"]
    assert lead.id


def test_take_back_from_the_shell(db, db_url, frozen_now):
    lead = _ready_offer(db)

    copied = sellerdesk_cli(db_url, "script", "offer", lead.username, "--sent")
    assert copied.returncode == 0, copied.stderr
    assert f"sellerdesk take-back {lead.username}" in copied.stderr
    assert leads.get_lead(db, lead.username).stage == "offer_sent"
    back = sellerdesk_cli(db_url, "take-back", lead.username)
    assert back.returncode == 0, back.stderr
    assert back.stdout.startswith("Taken back: redesign.custom_offer to eventhall_co was not sent")
    assert leads.get_lead(db, lead.username).stage == "hot_lead"
    again = sellerdesk_cli(db_url, "take-back", lead.username)
    assert again.returncode == 1
    assert again.stderr == "sellerdesk: That copy to eventhall_co was already taken back.\n"


@pytest.mark.usefixtures("no_display")
async def test_one_key_takes_back_the_offer_just_copied(db, db_url):
    lead = _ready_offer(db)
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(140, 48)) as pilot:
        await settle(pilot)
        app.push_screen(ScriptScreen(lead.id))
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert leads.get_lead(db, lead.username).stage == "offer_sent"
        said = [n.message for n in app._notifications]
        assert any(
            "The lead is at Offer Sent. Not sent after all? u takes it back." in m for m in said
        )
        await pilot.press("u")
        await settle(pilot)
        assert leads.get_lead(db, lead.username).stage == "hot_lead"
        assert _waiting(db, lead.username) == []
        said = [n.message for n in app._notifications]
        assert any(m.startswith("Taken back: redesign.custom_offer") for m in said)
        screen = app.screen
        assert isinstance(screen, ScriptScreen) and screen.run.step == "custom_offer"
        assert not screen.run.finished
        await pilot.press("u")  # nothing more to take back
        await settle(pilot)
        assert "Nothing to take back" in [n.message for n in app._notifications][-1]


async def test_the_timeline_marks_a_copy_taken_back_in_the_shell_and_the_app(db, db_url, run):
    from tests.tui.conftest import settle, shown
    from textual.widgets import Static

    from sellerdesk.app import SellerdeskApp
    from sellerdesk.config import Settings
    from sellerdesk.screens.lead import LeadScreen

    lead = leads.add_lead(db, "markme")
    code, _out, err = run("copy", "chat.stay_on_fiverr", "--lead", "markme", "--print")
    assert code == 0, err
    assert run("take-back", "markme")[0] == 0
    code, out, _err = run("lead", "show", "markme")
    assert code == 0
    assert "Message copied · printed · taken back" in out
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(140, 48)) as pilot:
        await settle(pilot)
        app.push_screen(LeadScreen(lead.id))
        await settle(pilot)
        body = shown(app.screen.query_one("#timeline-body", Static))
        assert "Message copied · printed · taken back" in body
