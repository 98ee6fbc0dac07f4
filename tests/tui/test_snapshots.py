"""How the main screens look at the sizes a seller runs them (half a screen
beside the browser: 80×24 up to 120×40; the home screen also at 100×30 and
160×45, and in the light theme), pinned with the clock frozen and a fixed
book (`tests/tui/book.py`).

Update after a deliberate change with `pytest tests/tui/test_snapshots.py --snapshot-update`,
after looking at the new pictures.
"""

from __future__ import annotations

import pytest
from tests.tui.book import fill
from tests.tui.conftest import make_app, settle
from textual.widgets import Input

from sellerdesk.screens.order import OrderScreen
from sellerdesk.screens.queue import QueueScreen
from sellerdesk.screens.script import ScriptScreen

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


async def settle_still(pilot) -> None:
    """Settle, then hold the cursor still: a blinking cursor would make the
    picture depend on the moment it is taken."""
    await settle(pilot)
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize(
    "size",
    [*SIZES, pytest.param((100, 30), id="100x30"), pytest.param((160, 45), id="160x45")],
)
def test_home_screen(snap_compare, db, db_url, frozen_now, size):
    fill(db)
    assert snap_compare(make_app(db_url), terminal_size=size, run_before=settle_still)


def test_home_screen_in_the_light_theme(snap_compare, db, db_url, frozen_now):
    """The light theme, chosen from the palette's theme switcher as a person would."""
    from tests.tui.test_theme import choose_theme

    from sellerdesk.ui.theme import LIGHT

    fill(db)

    async def light(pilot) -> None:
        await settle(pilot)
        await choose_theme(pilot.app, pilot, LIGHT)
        assert pilot.app.theme == LIGHT
        await settle_still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=(120, 40), run_before=light)


def _shows(open_screen):
    """A snapshot test of the screen `open_screen(app, book)` opens over home."""

    def test(snap_compare, db, db_url, frozen_now, size):
        book = fill(db)

        async def opened(pilot) -> None:
            await settle(pilot)
            open_screen(pilot.app, book)
            await settle_still(pilot)

        assert snap_compare(make_app(db_url), terminal_size=size, run_before=opened)

    return pytest.mark.parametrize("size", SIZES)(test)


test_lead_screen = _shows(lambda app, book: app.open_lead(book.lead_id))
test_script_screen = _shows(lambda app, book: app.push_screen(ScriptScreen(book.lead_id)))
test_order_screen = _shows(lambda app, book: app.push_screen(OrderScreen(book.order_id)))
test_whole_queue_screen = _shows(lambda app, _book: app.push_screen(QueueScreen()))
