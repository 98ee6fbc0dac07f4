"""Live chat at the speed of the inbox: the first minute on an empty book,
adding a lead mid-chat (from the search, the palette, the form, a pasted
Fiverr link), and the keys from an open app to the first reply on the
clipboard, counted (the README's live-chat figures come from here)."""

from __future__ import annotations

from tests.tui.burst import typed
from tests.tui.conftest import make_app, settle
from textual.keys import key_to_character
from textual.widgets import Input

from sellerdesk import leads
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.screens.lead_form import LeadFormScreen
from sellerdesk.widgets.lead_list import LeadList

SIZE = (100, 30)
LINK = "https://www.fiverr.com/inbox/newclient?source=inbox_list&ref=42"


class Keys:
    """Presses keys and counts them: the username typed apart from the rest."""

    def __init__(self, pilot) -> None:
        self.pilot = pilot
        self.count = 0
        self.typed = ""

    async def press(self, *keys: str) -> None:
        self.count += len(keys)
        await self.pilot.press(*keys)
        await settle(self.pilot)

    async def type(self, text: str) -> None:
        """A username, typed: not counted as keys."""
        self.typed += text
        await self.pilot.press(*[{"_": "underscore"}.get(ch, ch) for ch in text])
        await settle(self.pilot)

    async def paste(self, text: str) -> None:
        """A link, pasted from the browser (the terminal's paste: one event)."""
        self.typed += text
        from textual import events

        self.pilot.app.post_message(events.Paste(text))
        await settle(self.pilot)


def _count(app) -> str:
    return str(app.screen_stack[0].query_one("#count").render())


# ------------------------------------------------------------------ the first minute


async def test_on_an_empty_book_the_screens_own_instruction_works(db, db_url):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        instruction = _count(app)
        assert instruction.startswith("No leads yet: type a client's Fiverr username")
        assert "press enter to add the first one" in instruction
        assert app.focused is app.screen.query_one("#search")  # where it points
        keys = Keys(pilot)
        await keys.type("newclient")
        assert _count(app) == "Nobody is called newclient yet: enter adds them as a new lead."
        await keys.press("enter")
        assert isinstance(app.screen, LeadScreen)
        assert app.screen.lead.username == "newclient"
        assert leads.get_lead(db, "newclient").stage == "new"


def _footer_keys(app) -> list[tuple[str, str]]:
    return [
        (key, binding.action)
        for key, (_node, binding, enabled, _tip) in app.screen.active_bindings.items()
        if binding.show and enabled
    ]


PRINTABLE = {"slash": "/", "question_mark": "?"}


async def test_every_key_the_home_footer_shows_works_wherever_the_focus_is(db, db_url):
    leads.add_lead(db, "maria_bakes", stage="qualified")
    app = make_app(db_url)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        home = app.screen
        for target in ("#search", "#queue-list", "#leads", "#stage-filter", "#label-filter"):
            widget = home.query_one(target)
            home.set_focus(widget)
            await pilot.pause()
            for key, action in _footer_keys(app):
                character = PRINTABLE.get(key) or key_to_character(key)
                # a key the focused widget would swallow (typing) must not be offered
                assert not widget.check_consume_key(key, character), (target, key, action)
        # "/" and "n" are offered from the list and work from there
        home.set_focus(home.query_one("#leads"))
        await pilot.pause()
        shown = dict(_footer_keys(app))
        assert shown.get("slash") == "focus_search" and shown.get("n") == "new_lead"
        await pilot.press("slash")
        assert app.focused is home.query_one("#search")
        # in the search box the same two are typing, and the footer offers ctrl+n instead
        shown = dict(_footer_keys(app))
        assert "slash" not in shown and "n" not in shown and shown["ctrl+n"] == "new_lead"
        await pilot.press("n", "question_mark", "slash")
        assert home.query_one("#search", Input).value == "n?/"
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, LeadFormScreen)


# ------------------------------------------------------------------ adding mid-chat


async def test_a_link_typed_at_a_terminals_speed_is_made_a_username_once_the_keys_stop(
    db, db_url
):
    """A terminal without bracketed paste types the link key by key, fast: it is
    read once complete, never cut short half-way ("https://www.fiverr.com/i")."""
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await typed(pilot, "text:" + LINK)
        await settle(pilot)
        assert app.screen.query_one("#search", Input).value == "newclient"
        assert app.screen.query_one(LeadList).add_name == "newclient"


async def test_a_pasted_inbox_link_becomes_the_username_and_enter_adds_it(db, db_url):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = Keys(pilot)
        await keys.paste(LINK)
        search = app.screen.query_one("#search", Input)
        assert search.value == "newclient"
        table = app.screen.query_one(LeadList)
        assert table.add_name == "newclient" and table.add_name_at_cursor() == "newclient"
        await keys.press("enter")
        assert isinstance(app.screen, LeadScreen) and app.screen.lead.username == "newclient"


async def test_a_partial_match_is_opened_first_and_the_offer_to_add_comes_last(db, db_url):
    leads.add_lead(db, "annabelle_designs")
    leads.add_lead(db, "anna")  # exactly what is typed: first, whatever recency says
    leads.add_lead(db, "joanna_k")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = Keys(pilot)
        await keys.type("anna")
        table = app.screen.query_one(LeadList)
        assert str(table.get_row_at(0)[0]) == "anna" and table.add_name is None
        await keys.type("b")  # "annab": one lead matches, nobody is called that
        rows = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert rows == ["annabelle_designs", "+ Add annab"]
        assert "nobody is called annab: the last line adds them" in _count(app)
        await keys.press("enter")  # the match under the cursor is opened, nothing added
        assert app.screen.lead.username == "annabelle_designs"
        assert leads.find_lead(db, "annab") is None


async def test_ctrl_n_takes_the_typed_name_and_the_form_takes_a_link(db, db_url):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = Keys(pilot)
        await keys.type("bob_smith")
        await keys.press("ctrl+n")
        assert isinstance(app.screen, LeadFormScreen)
        username = app.screen.query_one("#f-username", Input)
        assert username.value == "bob_smith"
        referred = app.screen.query_one("#f-referred_by", Input)
        app.screen.set_focus(referred)
        await pilot.pause()
        await keys.paste("https://www.fiverr.com/old_client?source=gig_page")
        await keys.press("tab")  # on leaving the field: the username in the link
        assert referred.value == "old_client"


async def test_the_palette_offers_to_add_what_nobody_is_called(db, db_url):
    leads.add_lead(db, "maria_bakes")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"fiverr.com/", "n", "e", "w", "b", "i", "e")
        await settle(pilot)
        from textual.command import CommandList

        for _ in range(100):  # the palette searches in the background
            await pilot.pause(0.02)
            listed = app.screen.query_one(CommandList)
            prompts = [str(option.prompt) for option in listed.options]
            if any("Add newbie" in p for p in prompts):
                break
        assert any("Add newbie" in p for p in prompts)
        assert prompts[0].startswith("Add newbie")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen) and app.screen.lead.username == "newbie"


# ------------------------------------------------------------------ keys to the first reply


async def test_keys_to_a_new_inquirys_first_reply_on_the_clipboard(db, db_url, no_display):
    """From the open app: the username, then enter (added and opened), c (the
    message), 1 (what kind of project: a redesign), enter (copied)."""
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = Keys(pilot)
        await keys.paste(LINK)
        await keys.press("enter")
        await keys.press("c")
        assert type(app.screen).__name__ == "ProjectTypeChoice"
        await keys.press("1")
        await keys.press("enter")
        lead = leads.get_lead(db, "newclient")
        assert lead.project_type == "redesign"
        assert app.clipboard.startswith("Hi newclient, thank you for reaching out!")
        assert lead.last_messaged_at is not None
        assert keys.count == 4  # plus the username: the README's figure


async def test_keys_to_an_existing_leads_first_reply_on_the_clipboard(db, db_url, no_display):
    """Part of the username, enter (opened), c (the library is on the first
    reply for its project type), enter (copied)."""
    leads.add_lead(db, "greenthumb_gardens", display_name="Greenthumb", project_type="new_website")
    leads.add_lead(db, "yogawithanna", project_type="redesign")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        keys = Keys(pilot)
        await keys.type("greenth")
        await keys.press("enter")
        await keys.press("c")
        await keys.press("enter")
        assert app.clipboard.startswith("Hi Greenthumb, thank you for reaching out!")
        assert "understand your business" in app.clipboard  # the new-website first reply
        assert keys.count == 3
