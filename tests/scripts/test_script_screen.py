"""The redesign chat walked through the real app on a real database: keys in,
screen and database out."""

from __future__ import annotations

from tests.tui.conftest import console_for, settle
from textual import events
from textual.keys import _character_to_key
from textual.widgets import Checkbox, Input, Static

from sellerdesk import leads
from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings
from sellerdesk.screens.script import ScriptScreen
from sellerdesk.screens.script_dialogs import ScriptFieldsScreen
from sellerdesk.scripts import runs
from sellerdesk.ui.fill_values import FillValuesScreen
from sellerdesk.ui.override import OverrideScreen

SIZE = (140, 48)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[_character_to_key(ch) for ch in text])


async def paste(pilot, text: str) -> None:
    """As the seller does with the client's own words from the Fiverr chat."""
    pilot.app.screen.focused.post_message(events.Paste(text))
    await pilot.pause()


def text_of(app, selector: str) -> str:
    """What a Static shows, as plain text (Text, tables and groups alike), on the
    topmost screen that has it (a dialog may be open over it)."""
    screen = next(s for s in reversed(app.screen_stack) if s.query(selector))
    content = screen.query_one(selector, Static).content
    if isinstance(content, str):
        return content
    console = console_for(app)
    console.print(content)
    return console.export_text().rstrip("\n")


async def open_script(pilot, lead_id: int) -> ScriptScreen:
    await settle(pilot)
    pilot.app.push_screen(ScriptScreen(lead_id))
    await settle(pilot)
    assert isinstance(pilot.app.screen, ScriptScreen)
    return pilot.app.screen


async def fill(pilot, answers: list[str], refused_ok: bool = False) -> None:
    """Open the answers form, type one answer a box (blank keeps the box as is)."""
    await pilot.press("f")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ScriptFieldsScreen)
    for answer in answers:
        if len(answer) > 3:
            await paste(pilot, answer)
        elif answer:
            await type_text(pilot, answer)
        await pilot.press("enter")
    if isinstance(pilot.app.screen, ScriptFieldsScreen) and not refused_ok:
        await pilot.press("f2")
    await settle(pilot)


def make_app(db_url: str) -> SellerdeskApp:
    return SellerdeskApp(db_url, Settings())


async def test_walk_the_whole_redesign_chat(db, db_url):
    lead = leads.add_lead(db, "eventhall_co", project_type="redesign", industry="business")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_script(pilot, lead.id)
        assert "Step 1 of 9: First Reply (Control the Frame)" in text_of(app, "#step-head")
        assert "No pricing. No mockups. No promises." in text_of(app, "#step-rules")
        assert "If it’s not written in chat, it doesn’t exist." in text_of(app, "#step-rules")
        messages = text_of(app, "#step-messages")
        assert "1. First reply (control the frame)" in messages
        assert "2. Mockup objection" in messages

        await pilot.press("1")  # the first reply, copied and recorded
        await settle(pilot)
        copied = [e for e in leads.lead_timeline(db, lead.id) if e.kind == "message_copied"]
        assert copied and copied[0].body.startswith("Hi eventhall_co, thank you for reaching out!")
        assert app.clipboard == copied[0].body or copied[0].data["path"] == "system clipboard"

        await pilot.press("n")
        await settle(pilot)
        assert "Step 2 of 9" in text_of(app, "#step-head")
        assert "Discovery questions: business" in text_of(app, "#step-messages")
        await pilot.press("n")  # no website yet: the gate says so in words
        await settle(pilot)
        assert "capture the current website (step 2) first" in text_of(app, "#step-gate")
        assert screen.run.step == "site_competitors"

        await fill(pilot, ["oldhall.example", "acme.com, best.co", "2", "events", "booking"])
        assert screen.run.answers["focus"] == "events"
        assert "acme.com, best.co" in text_of(app, "#step-fields")
        await pilot.press("n")
        await settle(pilot)

        # Step 3 is mandatory: no moving on without the pages (and no passing it on purpose).
        await pilot.press("n")
        await settle(pilot)
        assert screen.run.step == "pages"
        assert text_of(app, "#step-gate") == (
            "Blocked. Pages discovery is mandatory: capture the pages (step 3) first."
        )
        await pilot.press("N")
        await settle(pilot)
        assert not isinstance(app.screen, OverrideScreen)
        assert "This one cannot be passed." in [n.message for n in app._notifications][-1]
        await fill(
            pilot, [", ,"], refused_ok=True
        )  # an empty list is refused in the form, nothing lost
        assert isinstance(app.screen, ScriptFieldsScreen)
        assert "The pages list is empty" in text_of(app, "#script-fields-error")
        box = app.screen.query_one("#answer-pages", Input)
        box.value = ""
        await paste(pilot, "Home, About, Events, Gallery, Contact")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.run.answers["pages"] == ["Home", "About", "Events", "Gallery", "Contact"]

        # Past the design direction without one: the budget stays held back two steps later.
        await pilot.press("n", "n")
        await settle(pilot)
        assert screen.run.step == "homepage_embedding"
        assert "· 6. Budget Alignment" in text_of(app, "#script-progress")
        await pilot.press("n")
        await settle(pilot)
        assert screen.run.step == "homepage_embedding"
        assert text_of(app, "#step-gate") == (
            "Blocked. The budget question comes after scope only: capture the design direction "
            "(step 4) first."
        )
        said = [n.message for n in app._notifications]
        assert said[-1].endswith("N passes it on purpose, with a reason.")
        await pilot.press("N")  # this gate may be passed, with a reason
        await settle(pilot)
        assert isinstance(app.screen, OverrideScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert screen.run.step == "homepage_embedding"
        await pilot.press("b")
        await settle(pilot)
        assert screen.run.step == "design_direction"
        await fill(pilot, ["*acme.com, best.co"])
        await pilot.press("n", "n")
        await settle(pilot)
        assert screen.run.step == "budget"
        assert "1. Budget alignment" in text_of(app, "#step-messages")
        await fill(pilot, ["$500-$800"])

        # The mockup objection answers from here too, without moving.
        await pilot.press("2")
        await settle(pilot)
        assert screen.run.step == "budget"
        last = leads.lead_timeline(db, lead.id)[0]
        assert last.kind == "message_copied" and "WordPress" in last.body
        await pilot.press("n", "n")
        await settle(pilot)
        assert screen.run.step == "scope_confirmation"

        # The offer is refused until the scope is confirmed, naming what is missing.
        await pilot.press("n")
        await settle(pilot)
        assert "confirm in chat design direction (step 8), pages list (step 8)" in text_of(
            app, "#step-gate"
        )
        await pilot.press("1")  # the confirmation message, filled from the answers
        await settle(pilot)
        confirm = leads.lead_timeline(db, lead.id)[0].body
        assert "Design direction: acme.com" in confirm and "Focus: Events" in confirm
        for box_id in ("#tick-confirm_design", "#tick-confirm_pages"):
            app.screen.query_one(box_id, Checkbox).focus()
            await pilot.press("space")
            await settle(pilot)
        assert screen.run.ticks == {"confirm_design", "confirm_pages"}
        await pilot.press("n")
        await settle(pilot)
        assert "focus (events / services) (step 8)" in text_of(app, "#step-gate")
        app.screen.query_one("#tick-confirm_focus", Checkbox).focus()
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert screen.run.step == "custom_offer"
        assert "capture the delivery time (step 9)" in text_of(app, "#offer-panel")
        await pilot.press("1")
        await settle(pilot)
        # The small form asks for them (what it takes is the script's answers too).
        assert isinstance(app.screen, FillValuesScreen)
        assert [name for name, _ in app.screen.fields] == ["delivery_days", "price"]
        await pilot.press("escape")
        await settle(pilot)
        assert leads.get_lead(db, lead.id and "eventhall_co").stage == "new"

        # The form counts the offer description live as the answers are typed.
        await pilot.press("f")
        await settle(pilot)
        assert "capture the delivery time" in text_of(app, "#script-fields-preview")
        await type_text(pilot, "10")
        await pilot.press("enter")
        await type_text(pilot, "650")
        await settle(pilot)
        live = text_of(app, "#script-fields-preview")
        assert live.startswith("Offer description: ") and "/1,500 characters" in live
        await pilot.press("enter")
        await type_text(pilot, "2")
        await pilot.press("f2")
        await settle(pilot)
        panel = text_of(app, "#offer-panel")
        assert "Description: " in panel and "/1,500 characters" in panel
        assert "price $650" in panel
        await pilot.press("1")
        await settle(pilot)
        offer = leads.lead_timeline(db, lead.id)
        sent = next(e for e in offer if e.kind == "message_copied")
        for part in (
            "Pages: Home, About, Events, Gallery, Contact",
            "Design direction: acme.com",
            "Delivery time: 10 days",
            "Fixed price: $650",
            "Once the order is placed, we’ll get started.",
        ):
            assert part in sent.body
        record = leads.get_lead(db, "eventhall_co")
        assert record.stage == "offer_sent"
        assert screen.run.finished
        toast = app._notifications
        assert any(
            "The lead is at Offer Sent. Not sent after all? u takes it back." in n.message
            for n in toast
        )

    steps = [e for e in leads.lead_timeline(db, lead.id) if e.kind == "script_step"]
    passed = [e.data["from"] for e in steps if e.data.get("move") == "next"]
    for step in ("first_reply", "site_competitors", "pages", "design_direction", "budget"):
        assert step in passed
    assert steps[0].data["move"] == "offer"


async def test_the_run_resumes_after_the_app_restarts(db, db_url):
    lead = leads.add_lead(db, "comeback_co", project_type="redesign")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await open_script(pilot, lead.id)
        await pilot.press("n")
        await settle(pilot)
        await fill(pilot, ["comeback.example"])
        await pilot.press("n")
        await settle(pilot)
    again = make_app(db_url)
    async with again.run_test(size=SIZE) as pilot:
        screen = await open_script(pilot, lead.id)
        assert screen.run.step == "pages"
        assert "Step 3 of 9: Pages Discovery (Mandatory)" in text_of(again, "#step-head")
        assert "✓ 2. Website & Competitor Review" in text_of(again, "#script-progress")
    assert runs.get_run(db, "comeback_co").answers["website"] == "comeback.example"


async def test_a_lead_without_project_type_picks_a_script(db, db_url):
    lead = leads.add_lead(db, "who_knows")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(ScriptScreen(lead.id))
        await settle(pilot)
        await pilot.press("down", "down", "down", "down", "down", "enter")  # hosting, the 6th
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ScriptScreen)
        assert screen.run.script == "hosting"
        assert "Identify the Scenario" in text_of(app, "#step-head")


async def test_started_from_the_lead_screen_and_shown_on_it(db, db_url):
    lead = leads.add_lead(db, "from_lead", project_type="redesign")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(lead.id)
        await settle(pilot)
        assert "g starts the Website Redesign chat" in text_of(app, "#script-step")
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, ScriptScreen)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        panel = text_of(app, "#script-step")
        assert "Step 2/9: Website & Competitor Review" in panel
        assert "Waiting: Review the website before the pages" in panel


async def test_the_lead_list_shows_each_leads_step(db, db_url):
    first = leads.add_lead(db, "list_one", project_type="redesign")
    leads.add_lead(db, "list_two")
    runs.start(db, "list_one")
    runs.next_step(db, "list_one")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#leads")
        cells = {str(table.get_row(key)[0]): str(table.get_cell(key, "step")) for key in table.rows}
        assert cells == {"list_one": "2/9", "list_two": ""}
        assert first.id
