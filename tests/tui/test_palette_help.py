"""The command palette jumps to a lead; the help screen lists the keys."""

from __future__ import annotations

import pytest
from tests.tui.conftest import SIZE, palette_hits, settle
from textual.widgets import Static

from sellerdesk import leads
from sellerdesk.screens.help import HelpScreen
from sellerdesk.screens.import_leads import ImportScreen
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.screens.lead_form import LeadFormScreen


async def test_the_palette_jumps_to_a_lead_by_part_of_its_website(app, db):
    leads.add_lead(db, "maria_bakes", display_name="Maria Lopez", website="mariasbakery.co")
    target = leads.add_lead(db, "roofpro_tx", display_name="RoofPro Texas", website="roofprotx.com")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        hits = await palette_hits(app, pilot, "roofprotx")
        # the lead first; "roofprotx" could also be a new username: offered after it
        assert len(hits) == 2 and "roofpro_tx" in hits[0] and hits[1].startswith("Add roofprotx")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
        assert app.screen.lead_id == target.id


@pytest.mark.parametrize(
    ("typed", "title", "screen"),
    [("new lead", "New lead", LeadFormScreen), ("import", "Import leads", ImportScreen)],
)
async def test_the_palette_offers_the_apps_commands(app, db, typed, title, screen):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        hits = await palette_hits(app, pilot, typed)
        assert title in hits[0]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, screen)


async def test_help_lists_the_keys_of_the_screen_beneath(app, db):
    lead = leads.add_lead(db, "bgsone")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys", Static).content.columns[1]._cells)
        assert "New lead" in keys and "Search" in keys and "Help" in keys
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        app.open_lead(lead.id)
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys", Static).content.columns[1]._cells)
        assert "Note" in keys and "Do not contact" in keys and "Back" in keys
        await pilot.press("escape")
        assert isinstance(app.screen, LeadScreen)


async def test_help_on_home_lists_the_keys_of_the_list_too(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        table = app.screen.query_one("#help-keys", Static).content
        sections = [str(cell) for cell in table.columns[0]._cells]
        described = [str(cell) for cell in table.columns[1]._cells]
        assert "In the lead list" in sections and "Lead book" in sections
        assert "Filter stage" in described and "Last" in described
        # Textual's own focus keys are not listed as if they were sellerdesk's.
        assert "Focus Next" not in described
