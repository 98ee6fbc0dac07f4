"""The home screen's footer lists its keys after the screen's first data, not
before: at start-up the data is what the seller waits for."""

from __future__ import annotations

import threading

from tests.tui.conftest import SIZE, TIMEOUT_S, make_app, settle, wait_until
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input
from textual.widgets._footer import FooterKey

from sellerdesk import prefetch
from sellerdesk.leads import add_lead
from sellerdesk.widgets.data_first_footer import DataFirstFooter
from sellerdesk.widgets.lead_list import LeadList


def _keys(app) -> list[str]:
    return [key.description for key in app.screen.query(FooterKey)]


class Bare(App[None]):
    BINDINGS = [Binding("f2", "bell", "Ring")]

    def __init__(self, latest_s: float) -> None:
        super().__init__()
        self.latest_s = latest_s

    def compose(self) -> ComposeResult:
        yield Input()
        footer = DataFirstFooter()
        footer.LATEST_S = self.latest_s
        yield footer


async def test_the_keys_wait_for_the_data_then_follow_it():
    app = Bare(latest_s=600)
    async with app.run_test() as pilot:
        for _ in range(5):  # focus given, bindings published, refreshes done
            await pilot.pause()
        assert _keys(app) == []
        app.query_one(DataFirstFooter).data_shown()
        await wait_until(pilot, lambda: "Ring" in _keys(app), "the footer's keys")


async def test_data_that_never_comes_does_not_hide_the_keys():
    app = Bare(latest_s=0.01)
    async with app.run_test() as pilot:
        await wait_until(pilot, lambda: "Ring" in _keys(app), "the footer's keys")


async def test_on_the_home_screen_the_leads_are_listed_before_the_keys(db_url, db, monkeypatch):
    for n in range(30):
        add_lead(db, f"client{n}")
    # The first look is held until the test lets it go: whatever the footer
    # would do meanwhile, it has every chance to.
    release = threading.Event()
    read = prefetch.first_look

    def held_first_look(*args, **kwargs):
        release.wait(TIMEOUT_S)
        return read(*args, **kwargs)

    monkeypatch.setattr(prefetch, "first_look", held_first_look)
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        try:
            await wait_until(pilot, lambda: app.focused is not None, "the search box's focus")
            for _ in range(5):
                await pilot.pause()
            assert _keys(app) == []
        finally:
            release.set()
        await wait_until(pilot, lambda: _keys(app), "the footer's keys")
        assert app.screen.query_one(LeadList).row_count > 0
        await settle(pilot)
        assert "New lead" in _keys(app)
