"""Keys typed as fast as a terminal delivers them (one burst, no pause between
keys) land where they were meant to go: after Tab in the next field, after ↓
in the list, after a key that opens a dialog in that dialog."""

from __future__ import annotations

from tests.tui.burst import burst, typed
from tests.tui.conftest import make_app, settle
from textual.widgets import Input

from sellerdesk import leads


async def test_a_whole_order_form_typed_without_pauses_lands_field_by_field(db, db_url):
    lead = leads.add_lead(db, "maria_bakes", display_name="Maria", stage="hot_lead")
    app = make_app(db_url)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_lead(lead.id)
        await settle(pilot)
        await typed(pilot, "o")
        await settle(pilot)
        assert type(app.screen).__name__ == "OrderFormScreen"
        await typed(
            pilot,
            "text:Yes, please place the order", "tab",
            "text:FO81A2B3C4D5", "tab",
            "text:450", "tab",
            "text:7", "tab",
            "tab",  # the due date stays empty: the delivery days say it
            "text:Home, About, Services, Contact", "tab",
            "text:Clean and modern, like stripe.com",
        )  # fmt: skip
        values = {
            name: app.screen.query_one(f"#f-{name}", Input).value
            for name in ("consent", "number", "price", "days", "due", "pages", "design")
        }
        assert values == {
            "consent": "Yes, please place the order",
            "number": "FO81A2B3C4D5",
            "price": "450",
            "days": "7",
            "due": "",
            "pages": "Home, About, Services, Contact",
            "design": "Clean and modern, like stripe.com",
        }


async def test_a_new_lead_form_typed_without_pauses(db, db_url):
    app = make_app(db_url)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await typed(pilot, "ctrl+n")
        await settle(pilot)
        await typed(pilot, "text:newclient", "tab", "text:Ann Smith", "tab", "text:annsmith.com")
        form = app.screen
        assert form.query_one("#f-username", Input).value == "newclient"
        assert form.query_one("#f-display_name", Input).value == "Ann Smith"
        assert form.query_one("#f-website", Input).value == "annsmith.com"


async def test_down_then_letters_go_to_the_list_not_into_the_search(db, db_url):
    leads.add_lead(db, "maria_bakes")
    app = make_app(db_url)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await typed(pilot, "text:mar", "down", "n")
        await settle(pilot)
        # "n" pressed in the list opens the new-lead form; nothing more was typed in search
        assert type(app.screen).__name__ == "LeadFormScreen"
        assert app.screen_stack[0].query_one("#search", Input).value == "mar"


async def test_a_paste_right_after_tab_lands_in_the_next_field(db, db_url):
    from textual import events

    app = make_app(db_url)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await typed(pilot, "ctrl+n")
        await settle(pilot)
        burst(pilot, "text:ann", "tab")
        app._driver.send_message(events.Paste("Ann Smith"))  # the terminal's paste, right behind
        await typed(pilot)
        form = app.screen
        assert form.query_one("#f-username", Input).value == "ann"
        assert form.query_one("#f-display_name", Input).value == "Ann Smith"


async def test_keys_stay_in_order_when_the_machine_stalls_in_the_middle_of_a_burst(
    db, db_url, monkeypatch
):
    """A busy machine can stop the app for a second while a Tab is on its way;
    the letters typed after it still wait for the focus to move."""
    import asyncio
    import time

    stalled = []
    on_key = Input._on_key

    async def stalling(self, event):
        if event.key == "tab" and not stalled:
            stalled.append(self.id)
            await asyncio.sleep(0)  # whatever else was ready runs first
            time.sleep(1.0)  # the whole event loop stops, as when the process is not scheduled
        await on_key(self, event)

    monkeypatch.setattr(Input, "_on_key", stalling)
    app = make_app(db_url)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await typed(pilot, "ctrl+n")
        await settle(pilot)
        await typed(pilot, "text:ann", "tab", "text:Ann Smith")
        form = app.screen
        assert stalled == ["f-username"]
        assert form.query_one("#f-username", Input).value == "ann"
        assert form.query_one("#f-display_name", Input).value == "Ann Smith"
