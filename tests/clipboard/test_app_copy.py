"""The app's copy key with real clipboards: the library, the script screen and
the morning queue report where the text went, and say so when the system
clipboard failed (a stale DISPLAY) before the terminal's took it."""

from __future__ import annotations

from tests.clipboard.test_end_to_end import copied_events
from tests.tui.conftest import settle

from sellerdesk import leads
from sellerdesk.app import SellerdeskApp
from sellerdesk.clipboard import SYSTEM, TERMINAL
from sellerdesk.config import Settings
from sellerdesk.followups import store
from sellerdesk.screens.script import ScriptScreen
from sellerdesk.screens.templates import TemplateLibraryScreen
from sellerdesk.widgets.queue_panel import QueuePanel

SIZE = (130, 40)


def failure_toast(app, display: str) -> str:
    [toast] = [n for n in app._notifications if "system clipboard failed" in n.message]
    assert toast.severity == "warning"
    assert f"(xclip failed: Error: Can't open display: {display})" in toast.message
    return toast.message


async def copy_in_library(app, pilot, lead_id: int, template_id: str) -> None:
    await settle(pilot)
    app.push_screen(TemplateLibraryScreen(lead_id, template_id=template_id))
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_library_copy_lands_in_the_x_clipboard(x_clipboard, db, db_url, seller_profile):
    lead = leads.add_lead(db, "acme", display_name="Zoë Ñandú 李")
    app = SellerdeskApp(db_url, seller_profile)
    async with app.run_test(size=SIZE) as pilot:
        await copy_in_library(app, pilot, lead.id, "redesign.first_reply")
        [event] = copied_events(db, "acme")
        assert event.data["path"] == SYSTEM and "Zoë Ñandú 李" in event.body
        assert x_clipboard.text() == event.body
        assert app.clipboard != event.body  # nothing went by OSC 52
        messages = [n.message for n in app._notifications]
        said = f"Copied {len(event.body)} characters to the {SYSTEM}."
        assert any(message.startswith(said) for message in messages)


async def test_library_copy_with_a_stale_display_says_so(stale_display, db, db_url, seller_profile):
    lead = leads.add_lead(db, "acme")
    app = SellerdeskApp(db_url, seller_profile)
    async with app.run_test(size=SIZE) as pilot:
        await copy_in_library(app, pilot, lead.id, "redesign.first_reply")
        [event] = copied_events(db, "acme")
        assert event.data["path"] == TERMINAL and app.clipboard == event.body
        message = failure_toast(app, stale_display)
        assert f"copied {len(event.body)} characters to the {TERMINAL} instead" in message
        assert "press v to see the text" in message


async def test_script_screen_copy_with_a_stale_display_says_so(stale_display, db, db_url):
    lead = leads.add_lead(db, "eventhall_co", project_type="redesign", industry="business")
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(140, 48)) as pilot:
        await settle(pilot)
        app.push_screen(ScriptScreen(lead.id))
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        [event] = copied_events(db, "eventhall_co")
        assert event.data["path"] == TERMINAL and app.clipboard == event.body
        failure_toast(app, stale_display)


async def test_queue_copy_with_a_stale_display_says_so(stale_display, db, db_url, frozen_now):
    leads.add_lead(db, "maria", display_name="Maria")
    leads.set_stage(db, "maria", "offer_sent")  # plans the offer follow-ups, day 1 first
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(QueuePanel)
        options = panel.query_one("#queue-list")
        options.focus()
        key = f"followup:{store.for_lead(db, 1)[0].id}"
        options.highlighted = options.get_option_index(key)
        await pilot.press("c")
        await settle(pilot)
        [event] = copied_events(db, "maria")
        assert event.data["template"] == "followup.offer_day1"
        assert event.data["path"] == TERMINAL and app.clipboard == event.body
        failure_toast(app, stale_display)
