"""The new/edit lead form: inline problems, nothing typed lost, no silent overwrite."""

from __future__ import annotations

from tests.tui.conftest import SIZE, fill, settle, type_text
from textual.widgets import Input, Select, Static, TextArea

from sellerdesk import leads, search
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.screens.lead_form import LeadFormScreen


def _error(app, name: str) -> str:
    widget = app.screen.query_one(f"#{name}-error", Static)
    return str(widget.content) if widget.has_class("shown") else ""


async def _field(app, pilot, name: str, text: str) -> None:
    await fill(pilot, app.screen.query_one(f"#f-{name}", Input), text)


async def test_a_lead_added_through_the_form_opens_and_is_stored(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")  # works while the search box has focus
        assert isinstance(app.screen, LeadFormScreen)
        await fill(pilot, app.focused, "luxe_realty")
        await _field(app, pilot, "display_name", "Luxe Realty Group")
        await _field(app, pilot, "website", "luxerealty.com")
        await _field(app, pilot, "labels", "Hot Lead, Referral")
        app.screen.query_one("#f-industry", Select).value = "real_estate"
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
        assert app.screen.lead.username == "luxe_realty"
    stored = leads.get_lead(db, "luxe_realty")
    assert stored.display_name == "Luxe Realty Group"
    assert stored.website == "luxerealty.com"
    assert stored.labels == ("Hot Lead", "Referral")
    assert stored.industry == "real_estate" and stored.stage == "new"
    assert stored.source == "fiverr_inbox"


async def test_bad_fields_are_named_inline_and_keep_what_was_typed(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await type_text(pilot, "has space")
        await _field(app, pilot, "website", "not a site")
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, LeadFormScreen)
        assert "is not a Fiverr username" in _error(app, "username")
        assert "does not look like a website" in _error(app, "website")
        assert app.screen.query_one("#f-username", Input).value == "has space"
        assert app.screen.query_one("#f-website", Input).value == "not a site"
        assert app.focused is app.screen.query_one("#f-username")
    assert search.count_leads(db) == 0


async def test_a_duplicate_username_is_named_before_saving_and_nothing_is_lost(app, db):
    leads.add_lead(db, "maria_bakes", website="mariasbakery.co")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await type_text(pilot, "Maria_Bakes")
        await settle(pilot)  # waits out the pause before the duplicate check, and the check
        assert "'maria_bakes' already exists" in _error(app, "username")
        await _field(app, pilot, "website", "newsite.com")
        app.screen.query_one("#f-notes", TextArea).text = "met on Fiverr"
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, LeadFormScreen)
        assert "already exists" in _error(app, "username")
        assert app.screen.query_one("#f-website", Input).value == "newsite.com"
        assert app.screen.query_one("#f-notes", TextArea).text == "met on Fiverr"
    assert search.count_leads(db) == 1
    assert leads.get_lead(db, "maria_bakes").website == "mariasbakery.co"


async def test_a_duplicate_saved_before_the_check_is_refused_by_the_database(app, db):
    leads.add_lead(db, "roofpro_tx")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        await type_text(pilot, "ROOFPRO_TX")
        await pilot.press("f2")  # at once, before the typing-pause check
        await settle(pilot)
        assert isinstance(app.screen, LeadFormScreen)
        assert "already exists" in _error(app, "username")
        assert app.screen.query_one("#f-username", Input).value == "ROOFPRO_TX"
    assert search.count_leads(db) == 1


async def test_editing_a_lead_someone_else_changed_is_refused(app, db):
    lead = leads.add_lead(db, "codecamp_io", website="codecamp.io")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(lead.id)
        await settle(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, LeadFormScreen)
        assert app.focused is app.screen.query_one("#f-display_name")
        await fill(pilot, app.focused, "CodeCamp Ltd")
        # Meanwhile a teammate saves a change to the same lead.
        leads.update_lead(db, "codecamp_io", owner="sam")
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, LeadFormScreen)
        assert "changed by tester" in _error(app, "form")
        assert "owner: — → sam" in _error(app, "form")
        assert app.screen.query_one("#f-display_name", Input).value == "CodeCamp Ltd"
        await pilot.press("escape")
        await settle(pilot)
        # Reopened, the form holds the teammate's change and saving works.
        await pilot.press("e")
        assert app.screen.query_one("#f-owner", Input).value == "sam"
        await fill(pilot, app.focused, "CodeCamp Ltd")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
    stored = leads.get_lead(db, "codecamp_io")
    assert stored.display_name == "CodeCamp Ltd" and stored.owner == "sam"
