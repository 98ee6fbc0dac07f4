"""ctrl+a selects everything wherever the app says so: in the `v` dialog (its help
says "ctrl+a: all") and in the boxes that edit an answer, where a seller who
presses it to replace the old list must not type in front of it instead. An
answer box opened on an answer holds it selected, so typing replaces it."""

from __future__ import annotations

from tests.scripts.conftest import walk_to
from tests.tui.conftest import settle
from textual.widgets import Input, TextArea

from sellerdesk import leads
from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings
from sellerdesk.screens.script import ScriptScreen
from sellerdesk.screens.script_dialogs import ScriptFieldsScreen
from sellerdesk.scripts import runs
from sellerdesk.ui.show_text import ShowTextScreen


async def _pages_form(pilot, db) -> Input:
    lead = leads.add_lead(db, "pagesedit", project_type="redesign")
    walk_to(db, "pagesedit", "pages")
    runs.set_answers(db, "pagesedit", {"pages": "Home, About, Contact"})
    await settle(pilot)
    pilot.app.push_screen(ScriptScreen(lead.id))
    await settle(pilot)
    await pilot.press("f")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ScriptFieldsScreen)
    return pilot.app.screen.query_one("#answer-pages", Input)


async def test_ctrl_a_in_an_answer_box_selects_the_old_answer(db, db_url):
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(140, 48)) as pilot:
        box = await _pages_form(pilot, db)
        await pilot.press("end", "ctrl+a")
        assert box.selected_text == "Home, About, Contact"
        await pilot.press("H", "o", "m", "e", "enter")
        await settle(pilot)
    assert runs.get_run(db, "pagesedit").answers["pages"] == ["Home"]


async def test_an_answer_box_opens_with_its_answer_selected(db, db_url):
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(140, 48)) as pilot:
        box = await _pages_form(pilot, db)
        assert box.selected_text == "Home, About, Contact"


async def test_ctrl_a_in_the_text_dialog_selects_all_as_its_help_says(db_url):
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(140, 48)) as pilot:
        await settle(pilot)
        app.push_screen(ShowTextScreen("A message", "First line\nSecond line"))
        await settle(pilot)
        assert "ctrl+a: all" in app.screen.query_one(".show-hint").render().plain
        await pilot.press("down", "ctrl+a")
        assert app.screen.query_one(TextArea).selected_text == "First line\nSecond line"
