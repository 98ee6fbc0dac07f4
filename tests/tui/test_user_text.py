"""User text is data: brackets a client wrote, a template's title, a settings
key are shown as written, never read as markup (no crash, no hyperlink); stored
control characters are drawn as visible escapes, never sent to the terminal.
Each case is driven as a person would and checked on what the screen draws
(with notifications shown, which tests otherwise leave out)."""

from __future__ import annotations

import pytest
from sqlalchemy import update
from tests.conftest import CLEAR, CLIPBOARD
from tests.tui.conftest import SIZE, drawn, drawn_links, fill, notified, settle
from textual.command import CommandPalette

from sellerdesk import leads, paths
from sellerdesk.app import SellerdeskApp
from sellerdesk.db import tables
from sellerdesk.followups import store
from sellerdesk.safe_text import CONTROLS
from sellerdesk.screens.labels import LabelsScreen
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.screens.lead_form import LeadFormScreen
from sellerdesk.screens.script import ScriptScreen
from sellerdesk.screens.templates import TemplateLibraryScreen
from sellerdesk.widgets.queue_panel import QueuePanel

pytestmark = pytest.mark.usefixtures("no_display")

def _controls(app) -> set[str]:
    return {repr(ch) for ch in drawn(app) if ord(ch) in CONTROLS and ch != "\n"}


async def _open(app, pilot, lead_id: int) -> None:
    await settle(pilot)
    app.open_lead(lead_id)
    await settle(pilot)
    assert isinstance(app.screen, LeadScreen) and app.screen.lead is not None


@pytest.mark.parametrize(
    "field,value",
    [
        ("notes", "wrote [/] [URGENT]"),
        ("website", "shop.example/[/]"),
        ("owner", "[/]"),
    ],
)
async def test_a_lead_with_markup_in_its_record_opens_and_shows_it_as_written(
    app, db, field, value
):
    lead = leads.add_lead(db, "eve", **{field: value})
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead.id)
        assert value in drawn(app)


async def test_a_label_with_markup_is_listed_as_written_where_labels_are_chosen(app, db):
    lead = leads.add_lead(db, "eve", labels=["[/]urgent"])
    leads.add_note(db, "eve", "she wrote [/] twice")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "l")  # from the list: the label filter's picker
        await settle(pilot)
        assert "[/]urgent" in drawn(app)
        await pilot.press("escape")
        await _open(app, pilot, lead.id)
        assert "[[/]urgent]" in drawn(app) and "she wrote [/] twice" in drawn(app)
        await pilot.press("l")  # the lead's labels dialog
        await settle(pilot)
        assert isinstance(app.screen, LabelsScreen)
        assert "[/]urgent" in drawn(app)


async def test_a_website_holding_a_link_tag_is_plain_text_not_a_hyperlink(app, db):
    lead = leads.add_lead(db, "eve", website="[link=https://e.vil/x]x.com[/link]")
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead.id)
        assert "[link=https://e.vil/x]x.com" in drawn(app)
        assert drawn_links(app) == []
        app.pop_screen()  # the lead book lists it too
        await settle(pilot)
        assert "[link=https://e.vi" in drawn(app)
        assert drawn_links(app) == []


async def test_the_new_lead_form_names_a_username_with_markup_as_typed(app, db):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, LeadFormScreen)
        await pilot.press("left_square_bracket", "slash", "right_square_bracket")
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, LeadFormScreen)
        assert "'[/]' is not a Fiverr username" in drawn(app)


async def test_errors_quoting_what_was_typed_show_it_as_typed(app, db):
    lead = leads.add_lead(db, "eve")
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead.id)
        await pilot.press("r")  # who referred this lead?
        await settle(pilot)
        await pilot.press("left_square_bracket", "slash", "right_square_bracket", "enter")
        await settle(pilot)
        assert "'[/]' is not a Fiverr username" in drawn(app)
        await pilot.press("escape", "escape")
        await settle(pilot)
        panel = app.screen.query_one(QueuePanel)
        options = panel.query_one("#queue-list")
        options.focus()
        options.highlighted = options.get_option_index(next(iter(panel.entries)))
        await pilot.press("a")  # plan a follow-up, typing a date that is not one
        await settle(pilot)
        await pilot.press("left_square_bracket", "slash", "right_square_bracket", "enter", "enter")
        await settle(pilot)
        assert "'[/]' is not a date I understand" in drawn(app)


async def test_copying_from_a_queue_row_whose_template_is_markup_says_so(db_url, db):
    leads.add_lead(db, "eve", stage="qualified")
    store.add(db, "eve", "2d", reason="chase [b]", template="followup.offer_day1")
    # A template name no longer in the library (a user template removed since, an
    # older book): a follow-up made now must name one that exists.
    with db.write() as session:
        session.connection().execute(update(tables.followups).values(template="[/]"))
    app = SellerdeskApp(db_url)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(QueuePanel)
        assert "→ a missing message ([/])" in drawn(app) and "chase [b]" in drawn(app)
        options = panel.query_one("#queue-list")
        options.focus()
        options.highlighted = options.get_option_index(next(iter(panel.entries)))
        await pilot.press("c")
        await settle(pilot)
        assert "No template '[/]'" in drawn(app)


async def test_user_templates_with_markup_in_title_or_id_are_listed_and_reported(
    app, db, monkeypatch
):
    # Skipped templates are reported once per process: this run is reported again.
    monkeypatch.setattr("sellerdesk.screens.templates._problems_shown", False)
    folder = paths.user_templates_dir()
    folder.mkdir(parents=True)
    (folder / "mine.txt").write_text(
        # Its script sorts first, so the library opens on it.
        "id: redesign.mine\ntitle: Mine [/] [b]bold\nscript: a[/]\nstep: 1\n---\nHello [/]\n",
        encoding="utf-8",
    )
    (folder / "broken.txt").write_text("id: [/]\ntitle: x\n---\nHello\n", encoding="utf-8")
    lead = leads.add_lead(db, "eve")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _open(app, pilot, lead.id)
        app.push_screen(TemplateLibraryScreen(lead.id))  # the whole library, from the top
        await settle(pilot)
        assert isinstance(app.screen, TemplateLibraryScreen)
        screen = drawn(app)
        assert "A[/]" in screen and "1. Mine [/] [b]bold" in screen
        assert "Mine [/] [b]bold  A[/], step 1" in screen and "Hello [/]" in screen
        assert "id redesign.mine" in screen
        # The report is a notification: read as kept, since on a busy machine its
        # time on the screen may be over before the screen is read.
        assert any("id '[/]' should look like" in str(n.message) for n in notified(app))


async def test_a_settings_key_with_markup_is_reported_as_written(db_url, db):
    settings = paths.settings_file()
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('[seller]\n"[/]" = 1\n', encoding="utf-8")
    app = SellerdeskApp(db_url)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        assert "[/]" in drawn(app)


async def test_the_palette_shows_a_name_with_markup_as_written(app, db):
    leads.add_lead(db, "eve", display_name="Eve [/] [b]", website="[link=https://e.vil]x.co")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        await fill(pilot, app.screen.query_one("CommandInput"), "eve")
        options = app.screen.query_one("CommandList")
        for _ in range(40):  # hits are gathered in the background
            await pilot.pause(0.1)
            if options.option_count:
                break
        await pilot.pause(0.2)
        screen = drawn(app)
        assert "eve — Eve [/] [b]" in screen and "[link=https://e.vil]x.co" in screen
        assert drawn_links(app) == []


async def test_stored_controls_are_drawn_as_escapes_on_every_screen(app, lead_with_controls):
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.screen.query_one("#queue-list").focus()
        await pilot.press("t")  # eve is ann's: the whole team's queue shows her
        await settle(pilot)
        assert _controls(app) == set()  # the lead book and the morning queue
        assert "Eve\\x1b[2J" in drawn(app) and "chase\\x1b[2J" in drawn(app)
        await _open(app, pilot, lead_with_controls.id)
        assert _controls(app) == set()
        screen = drawn(app)
        assert "she said\\x1b]52;c;cm0gLXJmIH4=\\x07" in screen
        assert "ann\\x1b]52;c;cm0gLXJmIH4=\\x" in screen  # folded after this
        await pilot.press("e")  # the edit form holds the stored values
        await settle(pilot)
        assert isinstance(app.screen, LeadFormScreen)
        assert _controls(app) == set()
        assert "call back\\x1b]52;c;cm0gLXJmIH4=\\x07" in drawn(app)
        await pilot.press("escape", "c")  # the template library, filled for this lead
        await settle(pilot)
        assert isinstance(app.screen, TemplateLibraryScreen)
        assert _controls(app) == set()
        assert "Hi Eve\\x1b[2J" in drawn(app)
        await pilot.press("v")  # text holding controls is refused, not shown to copy
        await settle(pilot)
        assert isinstance(app.screen, TemplateLibraryScreen)
        assert any("control" in n.message for n in app._notifications)
        assert _controls(app) == set()
        await pilot.press("escape", "g")  # the sales script
        await settle(pilot)
        assert isinstance(app.screen, ScriptScreen)
        assert _controls(app) == set()
        assert "Hi Eve\\x1b[2J" in drawn(app)


async def test_saving_the_edit_form_untouched_keeps_the_stored_text_exact(
    app, db, lead_with_controls
):
    # As stored (a server keeps a NUL as the escape it is shown as: db/postgres.py).
    before = leads.get_lead(db, "eve")
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead_with_controls.id)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
    stored = leads.get_lead(db, "eve")
    assert (stored.notes, stored.website) == (before.notes, before.website)
    assert (stored.display_name, stored.owner) == (before.display_name, before.owner)


async def test_pasted_controls_are_made_visible_before_an_input_holds_them(app, db):
    from textual import events
    from textual.widgets import TextArea

    lead = leads.add_lead(db, "eve")
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead.id)
        await pilot.press("a")  # a note, pasted from a chat
        await settle(pilot)
        app.post_message(events.Paste(f"she said{CLIPBOARD}\r\nok"))
        await settle(pilot)
        assert app.screen.query_one(TextArea).text == "she said\\x1b]52;c;cm0gLXJmIH4=\\x07\nok"
        assert _controls(app) == set()


async def test_orders_the_dispute_settings_and_referrals_draw_stored_controls_as_escapes(
    db_url, db, lead_with_controls
):
    from sellerdesk.config import Settings
    from sellerdesk.orders.gate import Draft
    from sellerdesk.orders.store import create_order
    from sellerdesk.referrals.recording import add_referred_lead
    from sellerdesk.screens.order import OrderScreen
    from sellerdesk.screens.order_dispute import DisputeScreen
    from sellerdesk.screens.referrals import ReferralsScreen
    from sellerdesk.screens.settings import SettingsScreen

    settings = Settings()
    settings.seller.name = f"Jehan{CLEAR}"
    settings.referral.kind, settings.referral.value = "addon", f"a free logo{CLEAR}"
    draft = Draft(
        consent=f"Yes{CLIPBOARD}, please place the order",
        price_cents=45000,
        delivery_days=7,
        pages=f"Home{CLEAR}, About",
        design_direction="brightclean.com",
        scope_confirmed=True,
        notes=f"agreed{CLEAR}",
    )
    create_order(db, "eve", draft)
    add_referred_lead(db, "bob", "eve", settings=settings)
    app = SellerdeskApp(db_url, settings)
    async with app.run_test(size=SIZE) as pilot:
        await _open(app, pilot, lead_with_controls.id)
        await pilot.press("O")  # its only order
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)
        assert _controls(app) == set() and "Home\\x1b[2J" in drawn(app)
        await pilot.press("p")  # the price dispute, quoting the client's yes
        await settle(pilot)
        assert isinstance(app.screen, DisputeScreen)
        assert _controls(app) == set() and "Yes\\x1b]52;c;" in drawn(app)
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert _controls(app) == set() and "Jehan\\x1b[2J" in drawn(app)
        await pilot.press("escape", "f4")
        await settle(pilot)
        assert isinstance(app.screen, ReferralsScreen)
        assert _controls(app) == set() and "a free logo\\x1b[2J" in drawn(app)
