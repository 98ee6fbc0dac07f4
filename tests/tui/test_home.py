"""The lead book: search as you type, filters, the count, and paging."""

from __future__ import annotations

import pytest
from tests.tui.conftest import (
    SIZE,
    drawn,
    notified,
    settle,
    type_text,
    wait_for_screen,
    wait_until,
)
from textual.widgets import Input, OptionList, Static

from sellerdesk import leads
from sellerdesk.db.models import LeadModel
from sellerdesk.screens.home import HomeScreen
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.vocab import STAGES
from sellerdesk.widgets.filter_choice import FilterChoice
from sellerdesk.widgets.filter_picker import FilterPicker
from sellerdesk.widgets.lead_list import ADD_ROW, LeadList


def _listed(app) -> list[str]:
    """The leads listed (not the last line offering to add what was typed)."""
    table = app.screen.query_one(LeadList)
    return [str(table.get_row(key)[0]) for key in table.rows if key.value != ADD_ROW]


def _count(app) -> str:
    return str(app.screen.query_one("#count", Static).render())


async def test_typing_part_of_a_website_finds_the_lead_and_enter_opens_it(app, db):
    leads.add_lead(db, "maria_bakes", display_name="Maria Lopez", website="mariasbakery.co")
    leads.add_lead(db, "roofpro_tx", website="roofprotx.com")
    leads.add_lead(db, "yogawithanna", website="yogawithanna.net")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(_listed(app)) == 3
        await type_text(pilot, "bakery")
        await settle(pilot)
        assert _listed(app) == ["maria_bakes"]
        assert _count(app) == "1 lead matches; nobody is called bakery: the last line adds them."
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
        assert app.screen.lead.username == "maria_bakes"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one("#search", Input).value == "bakery"


async def test_short_queries_and_no_match(app, db):
    leads.add_lead(db, "ab_studio")
    leads.add_lead(db, "zed")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "ze")  # under three characters: the plain scan, same result
        await settle(pilot)
        assert _listed(app) == ["zed"]
        await type_text(pilot, "nothing")
        await settle(pilot)
        assert _listed(app) == []
        assert _count(app) == "Nobody is called zenothing yet: enter adds them as a new lead."
        await type_text(pilot, " at all")  # not a username: nothing to add
        await settle(pilot)
        assert "No lead matches" in _count(app)
        assert app.screen.query_one(LeadList).row_count == 0
        await pilot.press("escape")
        await settle(pilot)
        assert sorted(_listed(app)) == ["ab_studio", "zed"]


async def test_only_the_newest_search_lands(app, db):
    leads.add_lead(db, "alpha_agency")
    leads.add_lead(db, "beta_builders")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        home = app.screen
        search = home.query_one("#search", Input)
        # Two searches started back to back: the first one's rows must never show.
        search.value = "alpha"
        home.search()
        search.value = "beta"
        home.search()
        await settle(pilot)
        assert _listed(app) == ["beta_builders"]


async def _pick(pilot, key: str, typed: str) -> list[str]:
    """Open a filter's picker with its key, jump by typing, pick with enter;
    the rows the picker listed."""
    await pilot.press(key)
    picker = await wait_for_screen(pilot, FilterPicker, f"the picker of {key!r}")
    options = picker.query_one(OptionList)
    rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    await type_text(pilot, typed)
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, HomeScreen)
    return rows


def _filter_shows(app, widget_id: str) -> str:
    return str(app.screen.query_one(f"#{widget_id}", FilterChoice).render()).rstrip(" ▼")


async def test_stage_and_label_filters(app, db):
    leads.add_lead(db, "inzoneagency", stage="hot_lead", labels=["Referral"])
    leads.add_lead(db, "bgsone", stage="completed", labels=["Past Client"])
    leads.add_lead(db, "greenthumb", labels=["Referral", "Past Client"])
    leads.add_lead(db, "plain_lead")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down")  # into the list, where l and s are the filters' keys
        list_ = app.focused
        rows = await _pick(pilot, "l", "ref")
        assert rows[0] == "All labels" and "Referral" in rows and "Past Client" in rows
        assert sorted(_listed(app)) == ["greenthumb", "inzoneagency"]
        assert _count(app) == "2 leads match"
        assert _filter_shows(app, "label-filter") == "Referral"
        assert app.focused is list_  # the focus stays where the key was pressed
        rows = await _pick(pilot, "s", "hot")
        assert rows == ["All stages", *(label for _key, label in STAGES.items)]
        assert _listed(app) == ["inzoneagency"]
        assert _filter_shows(app, "stage-filter") == "Hot Lead"
        await pilot.press("escape")  # clears search and both filters
        await settle(pilot)
        assert len(_listed(app)) == 4
        assert _count(app) == "4 leads"
        assert _filter_shows(app, "stage-filter") == "All stages"
        assert _filter_shows(app, "label-filter") == "All labels"


async def test_a_filter_opens_with_enter_from_its_place_and_the_picker_jumps_as_typed(app, db):
    leads.add_lead(db, "bgsone", stage="completed")
    leads.add_lead(db, "newbie")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        stage_filter = app.screen.query_one("#stage-filter", FilterChoice)
        await pilot.press("tab")  # from the search box to the stage filter
        assert app.focused is stage_filter
        await pilot.press("enter")
        picker = await wait_for_screen(pilot, FilterPicker)
        options = picker.query_one(OptionList)
        assert options.highlighted == 0  # "All stages": nothing chosen yet
        await pilot.press("o")  # Offer Sent, the first word starting with o
        assert str(options.get_option_at_index(options.highlighted).prompt) == "Offer Sent"
        await pilot.press("o")  # the same letter again: the next one (Order under review)
        assert str(options.get_option_at_index(options.highlighted).prompt) == (
            "Order under review"
        )
        await pilot.press("c", "o")  # "co": Completed
        assert str(options.get_option_at_index(options.highlighted).prompt) == "Completed"
        await pilot.press("enter")
        await settle(pilot)
        assert _listed(app) == ["bgsone"]
        assert app.focused is stage_filter
        await pilot.press("space")  # opens again, on the stage chosen
        picker = await wait_for_screen(pilot, FilterPicker)
        options = picker.query_one(OptionList)
        assert str(options.get_option_at_index(options.highlighted).prompt) == "Completed"
        await pilot.press("home", "enter")  # "All stages"
        await settle(pilot)
        assert sorted(_listed(app)) == ["bgsone", "newbie"]
        assert stage_filter.value is None


@pytest.mark.parametrize("label", ["[/]", "[b]x[/b]"])
async def test_escape_in_a_picker_keeps_the_filter_and_labels_show_as_written(app, db, label):
    leads.add_lead(db, "marked", labels=[label])
    leads.add_lead(db, "referred", labels=["Referral"])
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "l")
        picker = await wait_for_screen(pilot, FilterPicker)
        assert label in drawn(app)  # listed as written: no markup read, no crash
        options = picker.query_one(OptionList)
        rows = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        options.highlighted = rows.index(label)
        await pilot.press("enter")
        await settle(pilot)
        assert _listed(app) == ["marked"]
        assert _filter_shows(app, "label-filter") == label
        assert label in drawn(app)  # and so is it in the filter's place
        await pilot.click("#label-filter")  # a click opens it too
        picker = await wait_for_screen(pilot, FilterPicker)
        await pilot.press("r")  # Referral highlighted, then cancelled
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#label-filter", FilterChoice).value == label
        assert _listed(app) == ["marked"]


def _bulk_insert(db, count: int) -> None:
    from sellerdesk import clock

    now = clock.now()
    with db.write() as session:
        session.add_all(
            LeadModel(
                username=f"lead{n:04d}",
                username_key=f"lead{n:04d}",
                stage="new",
                stage_since=now,
                source="fiverr_inbox",
                do_not_contact=False,
                created_at=now,
                updated_at=now,
            )
            for n in range(count)
        )


async def test_the_list_loads_a_page_at_a_time(app, db):
    _bulk_insert(db, 250)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one(LeadList)
        assert table.row_count == 100
        assert table.total == 250
        assert "250 leads" in _count(app) and "showing 100" in _count(app)
        await pilot.press("down")  # from the search box into the list
        assert app.focused is table
        await pilot.press("pagedown")
        await settle(pilot)
        assert table.row_count == 100  # not near the end yet: nothing more loaded
        await pilot.press("end")
        await settle(pilot)
        assert table.row_count == 200
        await pilot.press("end")
        await settle(pilot)
        assert table.row_count == 250
        assert not table.has_more
        assert _count(app) == "250 leads"
        assert len(set(_listed(app))) == 250


async def test_a_short_search_with_very_many_matches_says_over_and_still_pages(
    app, db, monkeypatch
):
    from sellerdesk import search
    from sellerdesk.screens import home

    # The real limits need tens of thousands of leads; the rule is the same smaller.
    monkeypatch.setattr(search, "_COMMON", 50)
    monkeypatch.setattr(home, "COUNT_CAP", 120)
    _bulk_insert(db, 250)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await type_text(pilot, "d0")
        await settle(pilot)
        table = app.screen.query_one(LeadList)
        assert table.row_count == 100 and table.total_is_floor
        assert _count(app).startswith("Over 120 leads match")
        await pilot.press("down", "end")
        await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        assert table.row_count == 250 and not table.has_more
        assert _count(app) == "250 leads match"


async def test_a_search_typed_while_the_database_opens_waits_for_it(db, db_url):
    import threading

    from sellerdesk.app import SellerdeskApp
    from sellerdesk.config import Settings

    for name in ("ann", "ben", "cat"):
        leads.add_lead(db, name)
    release = threading.Event()

    class SlowToOpen(SellerdeskApp):
        def _open_database(self) -> None:
            release.wait(10)
            super()._open_database()

    app = SlowToOpen(db_url, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await type_text(pilot, "ben")
        await wait_until(
            pilot,
            lambda: not app.screen.typing_pending and app._waiting,
            "the search to be asked for (past the debounce) and left waiting for the database",
        )
        assert app.db is None
        assert not [n for n in notified(app) if "opening" in n.message]
        release.set()
        await settle(pilot)
        assert _listed(app) == ["ben"]
