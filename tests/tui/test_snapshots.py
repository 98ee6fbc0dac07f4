"""How the main screens look at the sizes a seller runs them (half a screen
beside the browser: 80×24 up to 120×40; the home screen also at 100×30 and
160×45), pinned with the clock frozen and a fixed book (`tests/tui/book.py`).

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


@pytest.mark.parametrize("size", SIZES)
def test_lead_screen(snap_compare, db, db_url, frozen_now, size):
    book = fill(db)

    async def open_lead(pilot) -> None:
        await settle(pilot)
        pilot.app.open_lead(book.lead_id)
        await settle_still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=size, run_before=open_lead)


@pytest.mark.parametrize("size", SIZES)
def test_script_screen(snap_compare, db, db_url, frozen_now, size):
    book = fill(db)

    async def open_script(pilot) -> None:
        await settle(pilot)
        pilot.app.push_screen(ScriptScreen(book.lead_id))
        await settle_still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=size, run_before=open_script)


@pytest.mark.parametrize("size", SIZES)
def test_order_screen(snap_compare, db, db_url, frozen_now, size):
    book = fill(db)

    async def open_order(pilot) -> None:
        await settle(pilot)
        pilot.app.push_screen(OrderScreen(book.order_id))
        await settle_still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=size, run_before=open_order)


@pytest.mark.parametrize("size", SIZES)
def test_whole_queue_screen(snap_compare, db, db_url, frozen_now, size):
    fill(db)

    async def open_queue(pilot) -> None:
        await settle(pilot)
        pilot.app.push_screen(QueueScreen())
        await settle_still(pilot)

    assert snap_compare(make_app(db_url), terminal_size=size, run_before=open_queue)
