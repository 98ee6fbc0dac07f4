"""The paste box on the lead screen, driven by keys through the real app on
a real SQLite file: `p` opens it, the pasted message is read, and `c`, `a`,
`f`, `r` and `d` each write only after their key (and their confirmation),
all of it on the lead's timeline. No X display here: a copy takes the
terminal path and lands in `app.clipboard`."""

from __future__ import annotations

import pytest
from tests.tui.conftest import SIZE, make_app, settle
from textual import events
from textual.widgets import Input, Static

from sellerdesk import clipboard, leads
from sellerdesk.followups import store
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.screens.script_dialogs import ScriptFieldsScreen
from sellerdesk.screens.suggest import ConfirmScreen, PasteBox, SuggestScreen
from sellerdesk.scripts import runs

pytestmark = pytest.mark.usefixtures("no_display")

SITE = (
    "Sure! Our current website is www.brightevents.com and competitors we like are "
    "eventify.com and partyplanners.com"
)


async def open_paste(app, pilot, lead_id: int) -> SuggestScreen:
    await settle(pilot)
    app.open_lead(lead_id)
    await settle(pilot)
    assert isinstance(app.screen, LeadScreen)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(app.screen, SuggestScreen)
    return app.screen


async def paste(pilot, screen: SuggestScreen, text: str) -> None:
    box = screen.query_one(PasteBox)
    box.post_message(events.Paste(text))
    await settle(pilot)


def view(screen) -> str:
    return str(screen.query_one("#suggest-view", Static).content)


def timeline(db, username: str) -> list:
    lead = leads.get_lead(db, username)
    return leads.lead_timeline(db, lead.id, 200)


@pytest.fixture
def lead(db, frozen_now):
    made = leads.add_lead(db, "brightevents", display_name="Bright Events", project_type="redesign")
    runs.start(db, "brightevents", "redesign")
    return made


async def test_p_reads_the_paste_and_c_copies_the_reply_through_the_copy_flow(db, db_url, lead):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_paste(app, pilot, lead.id)
        before = len(timeline(db, "brightevents"))
        await paste(pilot, screen, "Hi, I need my website redesigned. How much would it cost?")
        assert len(timeline(db, "brightevents")) == before  # reading wrote nothing
        shown = view(screen)
        assert "asks_price" in shown
        assert "First reply (control the frame)" in shown
        assert "redesign.budget" not in shown and "Do you have a budget" not in shown
        assert "The budget question comes after scope only" in shown
        await pilot.press("tab")
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard.startswith("Hi Bright Events, thank you for reaching out!")
        [copied] = [e for e in timeline(db, "brightevents") if e.kind == "message_copied"]
        assert copied.data["template"] == "redesign.first_reply"
        assert copied.data["path"] == clipboard.TERMINAL
        # Copied once, the next price question moves on to the next step.
        await pilot.press("e")
        screen.query_one(PasteBox).clear()
        await paste(pilot, screen, "How much?")
        assert "Ask for the website and competitors" in view(screen)


async def test_c_on_the_custom_offer_records_it_sent_in_the_copys_own_unit(db, db_url, lead):
    runs.set_answers(
        db,
        "brightevents",
        {
            "website": "brightevents.com",
            "pages": "Home, About, Events, Contact",
            "design_direction": "*eventify.com",
            "focus": "events",
            "delivery_days": "7",
            "price": "500",
        },
    )
    for item in ("confirm_design", "confirm_pages", "confirm_focus"):
        runs.tick(db, "brightevents", item)
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_paste(app, pilot, lead.id)
        await paste(pilot, screen, "Yes, that's all correct!")
        assert "Custom offer" in view(screen)
        await pilot.press("f2", "c")
        await settle(pilot)
        assert isinstance(app.screen, SuggestScreen)
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors == []
    [copied] = [e for e in timeline(db, "brightevents") if e.kind == "message_copied"]
    assert copied.data["template"] == "redesign.custom_offer"
    assert leads.get_lead(db, "brightevents").stage == "offer_sent"


async def test_a_shows_the_answers_before_they_are_saved(db, db_url, lead):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_paste(app, pilot, lead.id)
        await paste(pilot, screen, SITE)
        # The first reply has not gone out yet: it still comes first.
        assert "brightevents.com" in view(screen) and "First reply (control" in view(screen)
        await pilot.press("f2", "a")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, ScriptFieldsScreen)
        assert form.query_one("#answer-website", Input).value == "brightevents.com"
        assert form.query_one("#answer-competitors", Input).value == (
            "eventify.com, partyplanners.com"
        )
        assert runs.get_run(db, "brightevents").answers == {}  # nothing saved yet
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, SuggestScreen)
        answers = runs.get_run(db, "brightevents").answers
        assert answers["website"] == "brightevents.com"
        assert answers["competitors"] == ["eventify.com", "partyplanners.com"]
        kinds = [e.kind for e in timeline(db, "brightevents")]
        assert "script_answer" in kinds


async def test_escape_on_the_form_saves_nothing(db, db_url, lead):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_paste(app, pilot, lead.id)
        await paste(pilot, screen, SITE)
        await pilot.press("f2", "a")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert runs.get_run(db, "brightevents").answers == {}


async def test_f_plans_the_follow_up_the_client_asked_for(db, db_url, lead):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_paste(app, pilot, lead.id)
        await paste(pilot, screen, "We're not ready yet, can you call me back in 2 weeks?")
        assert "No problem" not in view(screen)  # the reply is named by title, not pasted in
        assert "Not now: we'll follow up" in view(screen)
        await pilot.press("f2", "f")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert store.for_lead(db, lead.id) == []
        await pilot.press("enter")
        await settle(pilot)
        [planned] = store.for_lead(db, lead.id)
        assert planned.due_at.date().isoformat() == "2026-12-07"
        assert "call me back" not in planned.reason and "in 2 weeks" in planned.reason
        assert "followup_scheduled" in [e.kind for e in timeline(db, "brightevents")]


async def test_r_records_the_referral_named_in_the_message(db, db_url, lead):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_paste(app, pilot, lead.id)
        await paste(pilot, screen, "Hi! bgsone referred me to you, he loved his site.")
        assert "referrer: bgsone" in view(screen)
        await pilot.press("f2", "r")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await settle(pilot)
    record = leads.get_lead(db, "brightevents")
    assert record.referred_by == "bgsone" and "Referral" in record.labels
    assert "Referred by: bgsone" in (record.notes or "")


async def test_o_opens_the_order_form_with_the_clients_yes(db, db_url, lead):
    from sellerdesk.screens.order_form import OrderFormScreen

    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_paste(app, pilot, lead.id)
        await paste(pilot, screen, "The offer looks good. Yes, please place the order.")
        await pilot.press("f2", "o")
        await settle(pilot)
        assert isinstance(app.screen, OrderFormScreen)
        assert app.screen.query_one("#f-consent", Input).value == "Yes, please place the order."
        await pilot.press("escape")
        await settle(pilot)


async def test_d_marks_do_not_contact_with_the_clients_words(db, db_url, lead):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_paste(app, pilot, lead.id)
        await paste(pilot, screen, "Please don't contact me again, we went with someone else.")
        await pilot.press("f2", "d", "enter")
        await settle(pilot)
    record = leads.get_lead(db, "brightevents")
    assert record.do_not_contact and "don't contact me again" in record.dnc_reason


async def test_client_text_is_never_markup_and_controls_never_reach_the_screen(db, db_url, lead):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_paste(app, pilot, lead.id)
        hostile = (
            "Yes, please place the order [/] [bold red]now[/bold red]\x1b]52;c;aGk=\x07 thanks"
        )
        await paste(pilot, screen, hostile)
        box_text = screen.query_one(PasteBox).text
        assert "\x1b" not in box_text and "\x07" not in box_text
        shown = view(screen)
        # The client's words are shown as written: brackets and all, not read as markup.
        assert "[/] [bold red]now[/bold red]" in shown
        await pilot.press("f2", "c")
        await settle(pilot)
        assert isinstance(app.screen, SuggestScreen)


@pytest.mark.parametrize("text", ["", "😀😀😀", "x" * 100_000, "<div><p>Hi</p></div>"])
async def test_bad_input_says_so_and_nothing_is_applied(db, db_url, lead, text):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_paste(app, pilot, lead.id)
        await paste(pilot, screen, text)
        assert "other" in view(screen) and "none to copy" in view(screen)
        await pilot.press("f2", "c", "a", "f", "r", "d")
        await settle(pilot)
        assert isinstance(app.screen, SuggestScreen)
    kinds = [e.kind for e in timeline(db, "brightevents")]
    assert kinds.count("message_copied") == 0 and "script_answer" not in kinds


async def test_escape_goes_back_to_the_lead(db, db_url, lead):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await open_paste(app, pilot, lead.id)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)


async def test_copying_the_offer_from_a_suggestion_moves_the_lead_once_and_quietly(
    db, db_url, lead
):
    """The copy's own write unit moves the lead to Offer Sent (as from the script
    screen); nothing else runs after it that could fail."""
    from tests.scripts.conftest import walk_to

    walk_to(db, "brightevents", "custom_offer")
    runs.set_answers(db, "brightevents", {"delivery_days": "10", "price": "650"})
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_paste(app, pilot, lead.id)
        await paste(pilot, screen, "Sounds good, please send me the offer")
        assert "step 9/9: Custom Offer Sent" in view(screen)
        await pilot.press("tab")
        await pilot.press("c")
        await settle(pilot)
        [copied] = [e for e in timeline(db, "brightevents") if e.kind == "message_copied"]
        assert copied.data["template"] == "redesign.custom_offer"
        assert leads.get_lead(db, "brightevents").stage == "offer_sent"
        said = [n.message for n in app._notifications]
        assert not [n for n in app._notifications if n.severity == "error"], said
        assert any("The lead is at Offer Sent." in line for line in said)
