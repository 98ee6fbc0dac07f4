"""Words, not ids; the right first reply; focus that can be seen; help that
explains the screen it is on; `v` wherever a copy's message suggests it; and
a follow-up planned from the lead screen in the queue's own words."""

from __future__ import annotations

from tests.tui.conftest import drawn, make_app, settle
from textual.widgets import Checkbox, Static

from sellerdesk import leads
from sellerdesk.followups import store
from sellerdesk.screens.help import HelpScreen
from sellerdesk.screens.script import ScriptScreen
from sellerdesk.ui.show_text import ShowTextScreen
from sellerdesk.widgets.queue_panel import QueuePanel

SIZE = (120, 40)


async def test_the_queue_and_the_script_show_titles_not_ids(db, db_url, frozen_now):
    leads.add_lead(db, "maria", stage="qualified", project_type="redesign")
    store.add(db, "maria", "tomorrow", reason="chase", template="followup.offer_day1")
    leads.add_lead(db, "newsite", project_type="new_website")
    leads.add_lead(db, "unknown_kind")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = drawn(app)
        assert "→ Follow-up 1 day after the offer" in screen
        assert "First reply (new website)" in screen  # its own project type's reply
        assert "what kind of project? c asks" in screen  # none given: asked, not guessed
        assert "followup.offer_day1" not in screen and "first_reply" not in screen
        lead = leads.get_lead(db, "maria")
        app.push_screen(ScriptScreen(lead.id))
        await settle(pilot)
        screen = drawn(app)
        assert "First reply (control the frame)" in screen
        assert "redesign.first_reply" not in screen


async def test_copying_a_first_reply_of_no_known_kind_asks_which_and_keeps_the_answer(
    db, db_url, frozen_now, no_display
):
    leads.add_lead(db, "newbie")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(QueuePanel)
        options = panel.query_one("#queue-list")
        app.screen.set_focus(options)
        options.highlighted = options.get_option_index("reply:1")
        await pilot.press("c")
        await settle(pilot)
        assert type(app.screen).__name__ == "ProjectTypeChoice"
        await pilot.press("2")  # a new website from scratch
        await settle(pilot)
        assert leads.get_lead(db, "newbie").project_type == "new_website"
        assert "understand your business" in app.clipboard  # the new-website first reply


async def test_the_part_with_focus_is_marked_and_checkboxes_read_clearly(db, db_url, frozen_now):
    leads.add_lead(db, "maria", stage="qualified")
    store.add(db, "maria", "tomorrow", reason="chase")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        queue, leads_list = home.query_one("#queue"), home.query_one("#leads")
        unfocused = (queue.styles.border_top, leads_list.styles.border_left)
        home.set_focus(home.query_one("#queue-list"))
        await pilot.pause()
        assert queue.styles.border_top != unfocused[0]  # the queue's frame lights up
        home.set_focus(leads_list)
        await pilot.pause()
        assert queue.styles.border_top == unfocused[0]
        assert leads_list.styles.border_left != unfocused[1]  # the list's bar does

        app.push_screen(ScriptScreen(leads.get_lead(db, "maria").id))
        await settle(pilot)
        if type(app.screen).__name__ == "ScriptPickerScreen":
            await pilot.press("enter")
            await settle(pilot)
        # a checkbox: an empty box unticked, a visible mark ticked
        box = Checkbox("scope confirmed")
        await app.screen.mount(box)
        await pilot.pause()
        button = box.get_component_styles("toggle--button")
        assert button.color == button.background  # nothing drawn in an empty box
        box.value = True
        await pilot.pause()
        ticked = box.get_component_styles("toggle--button")
        assert ticked.color != ticked.background


async def test_each_screens_help_explains_that_screen(db, db_url, frozen_now):
    lead = leads.add_lead(db, "maria", project_type="redesign")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        texts = {}
        for name, opening in (
            ("home", None),
            ("lead", lambda: app.open_lead(lead.id)),
            ("script", lambda: app.push_screen(ScriptScreen(lead.id))),
        ):
            if opening:
                opening()
                await settle(pilot)
            await pilot.press("f1")
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
            texts[name] = str(app.screen.query_one("#help-about", Static).render())
            await pilot.press("escape")
            await settle(pilot)
        assert "adds them as a new lead" in texts["home"]
        assert "f plans a follow-up" in texts["lead"]
        script = texts["script"]
        for words in ("n passes this step", "gate holds", "Held back", "Blocked", "space ticks"):
            assert words in script, words
        assert len(set(texts.values())) == 3  # not one paragraph for every screen


async def test_v_shows_the_last_copy_on_the_script_screen(db, db_url, frozen_now, no_display):
    lead = leads.add_lead(db, "maria", project_type="redesign")
    app = make_app(db_url)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        app.push_screen(ScriptScreen(lead.id))
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert any("press v to see the text" in n.message for n in app._notifications)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ShowTextScreen)
        assert app.screen.text == app.clipboard and "thank you for reaching out" in app.clipboard


async def test_f_on_the_lead_screen_plans_a_follow_up_in_the_queues_words(db, db_url, frozen_now):
    lead = leads.add_lead(db, "maria", stage="qualified")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(lead.id)
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("2", "w", "enter")
        await pilot.press(*"call back", "enter")
        await settle(pilot)
        [planned] = store.for_lead(db, lead.id)
        assert planned.reason == "call back" and not planned.has_time
        assert planned.due_at.date().isoformat() == "2026-12-07"  # two weeks from Monday
        assert "2026-12-07" in drawn(app)  # the lead's Next follow-up shows it
