"""The lead screen: the record, the timeline, notes, stage moves, labels and
do-not-contact, each checked on screen and in the database."""

from __future__ import annotations

from tests.tui.conftest import SIZE, console_for, fill, settle, type_text
from textual.widgets import Input, SelectionList, Static

from sellerdesk import leads
from sellerdesk.screens.dnc import DoNotContactScreen
from sellerdesk.screens.labels import LabelsScreen
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.screens.note import NoteScreen


def _text(app, selector: str) -> str:
    """What a Static shows, as plain text (its Rich table rendered wide)."""
    content = app.screen.query_one(selector, Static).content
    if isinstance(content, str):
        return content
    console = console_for(app)
    console.print(content)
    return console.export_text()


async def _open(app, pilot, lead_id: int) -> None:
    await settle(pilot)
    app.open_lead(lead_id)
    await settle(pilot)
    assert isinstance(app.screen, LeadScreen)


async def test_the_record_follows_the_crm_card(app, db):
    lead = leads.add_lead(
        db,
        "inzoneagency",
        stage="hot_lead",
        labels=["Referral"],
        notes="Referred by: bgsone",
        referred_by="bgsone",
        source="referral",
    )
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead.id)
        card = _text(app, "#lead-card")
        order = [
            "Username",
            "Category / Stage",
            "Website",
            "Last messaged",
            "Next follow-up",
            "Labels",
            "Notes",
            "Source",
            "Project type",
            "Industry",
            "Referred by",
            "Owner",
            "Do not contact",
        ]
        labels = [line.split("  ")[0].strip() for line in card.splitlines() if line.strip()]
        assert [label for label in labels if label in order] == order
        assert "Hot Lead" in card and "[Referral]" in card and "Referred by: bgsone" in card
        assert app.screen.query_one("#script-step", Static) is not None
        assert "Lead created" in _text(app, "#timeline-body")


async def test_a_note_lands_on_the_timeline_and_in_the_database(app, db):
    lead = leads.add_lead(db, "maria_bakes")
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead.id)
        await pilot.press("a")
        assert isinstance(app.screen, NoteScreen)
        await pilot.press("f2")  # empty: refused, the box stays open
        assert isinstance(app.screen, NoteScreen)
        assert "cannot be empty" in _text(app, "#note-error")
        await type_text(pilot, "Wants 5 pages")
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
        timeline = _text(app, "#timeline-body")
        assert "Wants 5 pages" in timeline and "tester" in timeline
    events = leads.lead_timeline(db, lead.id)
    assert events[0].kind == "note" and events[0].body == "Wants 5 pages"
    assert events[0].author == "tester"


async def test_changing_the_stage_is_logged(app, db):
    lead = leads.add_lead(db, "roofpro_tx")
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead.id)
        await pilot.press("s")
        await pilot.press("down", "down", "enter")  # New → Qualified → Hot Lead
        await settle(pilot)
        assert "Hot Lead" in _text(app, "#lead-card")
        assert "New → Hot Lead" in _text(app, "#timeline-body")
    assert leads.get_lead(db, "roofpro_tx").stage == "hot_lead"
    stage_events = [e for e in leads.lead_timeline(db, lead.id) if e.kind == "stage"]
    assert [e.data for e in stage_events] == [{"from": "new", "to": "hot_lead"}]


async def test_do_not_contact_needs_a_reason_and_can_be_cleared(app, db):
    lead = leads.add_lead(db, "cheapwebs_now")
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead.id)
        await pilot.press("d")
        assert isinstance(app.screen, DoNotContactScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, DoNotContactScreen)
        assert "Say why" in _text(app, "#dnc-error")
        await fill(pilot, app.focused, "asked not to be messaged")
        await pilot.press("enter")
        await settle(pilot)
        assert "Yes — asked not to be messaged" in _text(app, "#lead-card")
        stored = leads.get_lead(db, "cheapwebs_now")
        assert stored.do_not_contact and stored.dnc_reason == "asked not to be messaged"
        await pilot.press("d", "f2")  # clear it again
        await settle(pilot)
        assert "Contact allowed again" in _text(app, "#timeline-body")
    stored = leads.get_lead(db, "cheapwebs_now")
    assert not stored.do_not_contact and stored.dnc_reason is None
    assert stored.stage == "lost"  # an open conversation ends with do-not-contact
    kinds = [e.kind for e in leads.lead_timeline(db, lead.id)]
    assert kinds[:3] == ["dnc_off", "stage", "dnc_on"]


async def test_labels_are_added_and_removed(app, db):
    lead = leads.add_lead(db, "petpalace", labels=["Hot Lead"])
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead.id)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.screen, LabelsScreen)
        selection = app.screen.query_one(SelectionList)
        assert selection.selected == ["Hot Lead"]
        await pilot.press("space")  # untick Hot Lead (the first option)
        app.screen.query_one("#labels-new", Input).focus()
        await type_text(pilot, "Shopify")
        await pilot.press("enter", "f2")
        await settle(pilot)
        assert "[Shopify]" in _text(app, "#lead-card")
        assert "[Hot Lead]" not in _text(app, "#lead-card")
    assert leads.get_lead(db, "petpalace").labels == ("Shopify",)
    kinds = {e.kind: e.body for e in leads.lead_timeline(db, lead.id)}
    assert kinds["label_added"] == "Shopify" and kinds["label_removed"] == "Hot Lead"
