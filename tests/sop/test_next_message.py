"""Seed 002: the referral ask always goes with its ready-to-forward text (one
key after the ask, from the queue's referral item too), and a client who
came by referral is asked "Who referred you to us?" — offered on the new
inquiry and right after the first reply."""

from __future__ import annotations

import pytest
from tests.sop.conftest import make_app, timeline
from tests.tui.conftest import SIZE, settle

from sellerdesk import leads
from sellerdesk.orders import feedback
from sellerdesk.orders.status import set_status
from sellerdesk.orders.store import create_order
from sellerdesk.ui.next_message import NextMessageScreen
from sellerdesk.widgets.project_type import ProjectTypeChoice
from sellerdesk.widgets.queue_panel import QueuePanel

pytestmark = pytest.mark.usefixtures("no_display")


def _accepted(db, draft) -> None:
    """Delivered, accepted and praised: the referral gate holds."""
    leads.add_lead(db, "maya", display_name="Maya", website="mayasbakery.com")
    create_order(db, "maya", draft.with_changes(number="FO1"))
    for status in ("in progress", "delivered", "completed"):
        set_status(db, "FO1", status)
    feedback.record_feedback(db, "FO1", "positive", "Love it!")


async def _highlight(pilot, panel: QueuePanel, template: str) -> None:
    key = next(k for k, item in panel.entries.items() if getattr(item, "template", "") == template)
    options = panel.query_one("#queue-list")
    options.focus()
    options.highlighted = options.get_option_index(key)
    await pilot.pause()


async def test_the_queues_referral_item_copies_the_ask_then_the_forward_text_with_one_key(
    db, db_url, draft, seller_profile
):
    _accepted(db, draft)
    app = make_app(db_url, seller_profile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(QueuePanel)
        line = "\n".join(str(o.prompt) for o in panel.query_one("#queue-list").options)
        # The screen names messages by their titles (the commands by their ids).
        assert "→ Referral ask (after acceptance) + Ready-to-forward referral message" in line
        await _highlight(pilot, panel, "referral.ask")
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard.startswith("I'm really happy to hear you're pleased with the website")
        assert isinstance(app.screen, NextMessageScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert app.clipboard.startswith("Hi, I recently worked with Jehan from Fiverr")
        assert "☺☺mayasbakery.com" in app.clipboard
        assert not isinstance(app.screen, NextMessageScreen)
    copied = [e.data["template"] for e in reversed(timeline(db, "maya", "message_copied"))]
    assert copied == ["referral.ask", "referral.forward"]


async def test_escape_leaves_the_forward_text_for_later(db, db_url, draft, seller_profile):
    _accepted(db, draft)
    app = make_app(db_url, seller_profile)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(QueuePanel)
        await _highlight(pilot, panel, "referral.ask")
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, NextMessageScreen)
    copied = [e.data["template"] for e in timeline(db, "maya", "message_copied")]
    assert copied == ["referral.ask"]


async def test_a_referral_inquiry_is_asked_who_referred_them_after_the_first_reply(db, db_url):
    lead = leads.add_lead(db, "inzone", source="referral")
    leads.add_lead(db, "bgsone")
    leads.add_lead(db, "walkin")  # from the inbox: nobody to ask about
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(QueuePanel)
        lines = [str(o.prompt) for o in panel.query_one("#queue-list").options]
        inzone = next(text for text in lines if "inzone" in text)
        assert 'then ask "Who referred you to us?"' in inzone
        assert "Who referred" not in next(text for text in lines if "walkin" in text)
        options = panel.query_one("#queue-list")
        options.focus()
        options.highlighted = options.get_option_index(f"reply:{lead.id}")
        await pilot.press("c")  # the first reply: for a new lead, its kind is asked once
        await settle(pilot)
        assert isinstance(app.screen, ProjectTypeChoice)
        await pilot.press("1")  # a website redesign
        await settle(pilot)
        assert app.clipboard.startswith("Hi inzone, thank you for reaching out!")
        assert isinstance(app.screen, NextMessageScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert app.clipboard == "Who referred you to us?"
    copied = [e.data["template"] for e in reversed(timeline(db, "inzone", "message_copied"))]
    assert copied == ["redesign.first_reply", "referral_tracking.who_referred"]


def test_the_commands_say_the_forward_text_comes_next(db, draft, cli, seller_profile):
    from sellerdesk.config import save_settings

    save_settings(seller_profile)
    _accepted(db, draft)
    code, out, _ = cli("today")
    assert code == 0 and "→ referral.ask + referral.forward" in out
    code, out, err = cli("copy", "referral.ask", "--lead", "maya", "--print")
    assert code == 0 and out.startswith("I'm really happy to hear")
    assert (
        "Next: Seed 002: always include the ready-to-forward message with the referral ask. "
        "sellerdesk copy referral.forward --lead maya"
    ) in err
    leads.add_lead(db, "inzone", source="referral")
    code, out, _ = cli("today")
    assert "inzone" in out and 'then ask "Who referred you to us?"' in out
    code, _, err = cli("copy", "redesign.first_reply", "--lead", "inzone", "--print")
    assert code == 0 and "sellerdesk copy referral_tracking.who_referred --lead inzone" in err
    code, out, err = cli("copy", "referral_tracking.who_referred", "--lead", "inzone", "--print")
    assert (code, out) == (0, "Who referred you to us?\n") and "Next:" not in err
