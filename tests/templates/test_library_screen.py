"""The template library, the fill-values form and the settings screen, driven
by keys through the real app on a real SQLite file. No X display here, so a
copy takes the terminal path (OSC 52) and lands in `app.clipboard`."""

from __future__ import annotations

import pytest
from tests.conftest import accept_project
from tests.tui.conftest import notified, settle

from sellerdesk import clipboard, leads, paths
from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings, load_settings
from sellerdesk.screens.settings import SettingsScreen
from sellerdesk.screens.templates import TemplateLibraryScreen
from sellerdesk.ui.fill_values import FillValuesScreen
from sellerdesk.ui.override import OverrideScreen
from sellerdesk.ui.show_text import ShowTextScreen

pytestmark = pytest.mark.usefixtures("no_display")

KEYS = {
    " ": "space",
    ".": "full_stop",
    "-": "minus",
    "_": "underscore",
    "/": "slash",
    ":": "colon",
    "+": "plus",
}


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[KEYS.get(ch, ch) for ch in text])


async def open_library(pilot, lead_id: int, template_id: str) -> TemplateLibraryScreen:
    await settle(pilot)
    screen = TemplateLibraryScreen(lead_id, template_id=template_id)
    pilot.app.push_screen(screen)
    await settle(pilot)
    assert screen.lead is not None and screen.current.id == template_id
    return screen


def copies(db, username: str):
    lead = leads.get_lead(db, username)
    return [e for e in leads.lead_timeline(db, lead.id) if e.kind == "message_copied"]


async def test_enter_copies_records_and_updates_last_messaged(
    db, db_url, frozen_now, seller_profile
):
    lead = leads.add_lead(db, "acme", display_name="Zoë")
    app = SellerdeskApp(db_url, seller_profile)
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_library(pilot, lead.id, "redesign.first_reply")
        preview = str(screen.query_one("#template-preview").render())
        assert "Hi Zoë, thank you for reaching out!" in preview
        await pilot.press("enter")
        await settle(pilot)
        text = app.clipboard
        assert text.startswith("Hi Zoë, thank you for reaching out!")
        [event] = copies(db, "acme")
        assert event.body == text
        assert event.data == {
            "template": "redesign.first_reply",
            "path": clipboard.TERMINAL,
            "chars": len(text),
            "moved": {"last_messaged_at": None},
        }
        assert leads.get_lead(db, "acme").last_messaged_at == frozen_now
        assert screen.lead.last_messaged_at == frozen_now
        assert any(f"Copied {len(text)} characters" in n.message for n in notified(app))


async def test_number_key_copies_that_step_of_the_script(db, db_url, seller_profile):
    lead = leads.add_lead(db, "acme")
    app = SellerdeskApp(db_url, seller_profile)
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_library(pilot, lead.id, "redesign.first_reply")
        await pilot.press("3")
        await settle(pilot)
        assert app.clipboard == "Please list the pages you want on the new website."
        assert screen.current.id == "redesign.pages"
        assert [e.data["template"] for e in copies(db, "acme")] == ["redesign.pages"]


async def test_missing_value_asks_then_copies_and_remembers(db, db_url, seller_profile):
    lead = leads.add_lead(db, "acme")
    accept_project(db, "acme")  # the forward text goes only to a client who accepted
    app = SellerdeskApp(db_url, seller_profile)
    async with app.run_test(size=(130, 40)) as pilot:
        await open_library(pilot, lead.id, "referral.forward")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FillValuesScreen)
        assert app.clipboard == "" and copies(db, "acme") == []
        await type_text(pilot, "acme.com")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TemplateLibraryScreen)
        assert "☺☺acme.com\n" in app.clipboard
        assert "{" not in app.clipboard
        assert copies(db, "acme")[0].body == app.clipboard
        # The website typed is remembered beside the order number its order left.
        assert leads.get_lead(db, "acme").values == {"website": "acme.com", "order_number": "FO1"}
        # Remembered: the next copy does not ask.
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FillValuesScreen)
        assert len(copies(db, "acme")) == 2


async def test_an_unfilled_placeholder_is_never_copied(db, db_url, seller_profile):
    lead = leads.add_lead(db, "acme")
    app = SellerdeskApp(db_url, seller_profile)
    async with app.run_test(size=(130, 40)) as pilot:
        await open_library(pilot, lead.id, "redesign.scope_confirmation")
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FillValuesScreen)
        assert [name for name, _ in form.fields] == ["design_direction", "pages", "focus"]
        await type_text(pilot, "Home")
        await pilot.press("f2")  # three still blank: refused, form stays
        await settle(pilot)
        assert app.screen is form
        assert "Still empty" in str(form.query_one("#fill-error").render())
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TemplateLibraryScreen)
        assert app.clipboard == "" and copies(db, "acme") == []
        assert leads.get_lead(db, "acme").last_messaged_at is None


async def test_malformed_user_template_is_refused(db, db_url, seller_profile):
    folder = paths.user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "x.txt").write_text("id: custom.x\n---\nHi {client_name!r}", encoding="utf-8")
    lead = leads.add_lead(db, "acme")
    app = SellerdeskApp(db_url, seller_profile)
    async with app.run_test(size=(130, 40)) as pilot:
        await open_library(pilot, lead.id, "custom.x")
        await pilot.press("enter")
        await settle(pilot)
        assert app.clipboard == "" and copies(db, "acme") == []
        assert any("malformed" in n.message for n in notified(app))


async def test_profile_values_typed_in_the_form_go_to_settings(db, db_url, seller_profile):
    lead = leads.add_lead(db, "acme", website="acme.com")
    accept_project(db, "acme")
    seller_profile.seller.name = ""
    app = SellerdeskApp(db_url, seller_profile)
    async with app.run_test(size=(130, 40)) as pilot:
        await open_library(pilot, lead.id, "referral.forward")
        await pilot.press("enter")
        await settle(pilot)
        assert [name for name, _ in app.screen.fields] == ["seller_name"]
        await type_text(pilot, "Jehan")
        await pilot.press("enter")
        await settle(pilot)
        assert app.clipboard.startswith("Hi, I recently worked with Jehan from Fiverr")
    assert load_settings().seller.name == "Jehan"
    assert "seller_name" not in leads.get_lead(db, "acme").values


async def test_show_text_view_holds_the_preview(db, db_url, seller_profile):
    lead = leads.add_lead(db, "acme")
    app = SellerdeskApp(db_url, seller_profile)
    async with app.run_test(size=(130, 40)) as pilot:
        screen = await open_library(pilot, lead.id, "redesign.pages")
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ShowTextScreen)
        expected = "Please list the pages you want on the new website."
        assert app.screen.query_one("#show-text").text == expected
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TemplateLibraryScreen)
        # A text the rule book refuses says so in the preview and is not handed out.
        await pilot.press("6")
        await settle(pilot)
        assert isinstance(app.screen, OverrideScreen)
        await pilot.press("escape")
        await settle(pilot)
        findings = str(screen.query_one("#template-findings").render())
        assert "Refused: The budget question comes after scope only" in findings
        await pilot.press("v")
        await settle(pilot)
        assert not isinstance(app.screen, ShowTextScreen)
        said = [n.message for n in app._notifications][-1]
        assert said.startswith("Not shown for copying. The budget question comes after scope")
        assert copies(db, "acme") == []


async def test_settings_screen_saves_the_profile_and_reward(db, db_url):
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot)
        app.push_screen(SettingsScreen())
        await settle(pilot)
        await type_text(pilot, "Jehan")
        await pilot.press("tab")
        await type_text(pilot, "https://www.fiverr.com/jehanzaib_007/")
        screen = app.screen
        reward = screen.query_one("#reward-value")
        reward.value = "abc"
        await pilot.press("f2")
        await settle(pilot)
        assert app.screen is screen and "not a number" in str(
            screen.query_one("#settings-error").render()
        )
        reward.value = "15"
        await settle(pilot)
        assert "a 15% discount" in str(screen.query_one("#reward-preview").render())
        await pilot.press("f2")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsScreen)
    saved = load_settings()
    assert saved.seller.name == "Jehan"
    assert saved.seller.profile_url == "https://www.fiverr.com/jehanzaib_007/"
    assert (saved.referral.kind, saved.referral.value) == ("percent", "15")


async def test_c_on_the_lead_screen_copies_and_the_timeline_shows_it(
    db, db_url, frozen_now, seller_profile
):
    lead = leads.add_lead(db, "acme", display_name="Zoë", project_type="redesign")
    app = SellerdeskApp(db_url, seller_profile)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot)
        app.open_lead(lead.id)
        await settle(pilot)
        lead_screen = app.screen
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, TemplateLibraryScreen)
        assert app.screen.current.id == "redesign.first_reply"  # what to send next
        await pilot.press("enter")
        await settle(pilot)
        assert app.clipboard and copies(db, "acme")[0].body == app.clipboard
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is lead_screen
        assert lead_screen.lead.last_messaged_at == frozen_now
        newest = lead_screen.events[0]
        assert (newest.kind, newest.body) == ("message_copied", app.clipboard)


async def test_f3_opens_settings(db, db_url):
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, SettingsScreen)


async def test_a_referral_ask_is_not_copied_before_the_gate_holds(db, db_url, seller_profile):
    lead = leads.add_lead(db, "acme")
    app = SellerdeskApp(db_url, seller_profile)
    async with app.run_test(size=(130, 40)) as pilot:
        await open_library(pilot, lead.id, "referral.ask")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OverrideScreen)  # it may be passed, with a reason
        await pilot.press("escape")
        await settle(pilot)
        assert app.clipboard == "" and copies(db, "acme") == []
        said = "referral.ask goes to acme only once the referral gate holds"
        assert any(said in n.message for n in notified(app))
