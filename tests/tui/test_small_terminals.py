"""Half a screen beside the browser: at 80×24, 100×30 and 160×45 the home
screen shows the queue and at least five rows of the lead list, and at 80
columns every screen's footer still shows the keys the README calls
essential, most used first."""

from __future__ import annotations

import pytest
from tests.tui.book import fill
from tests.tui.conftest import drawn, make_app, settle

from sellerdesk.screens.order import OrderScreen
from sellerdesk.screens.queue import QueueScreen
from sellerdesk.screens.script import ScriptScreen
from sellerdesk.widgets.lead_list import LeadList


@pytest.mark.parametrize(
    ("size", "queue_rows"), [((80, 24), 5), ((100, 30), 7), ((160, 45), 14)]
)
async def test_home_shows_the_queue_and_five_list_rows(db, db_url, frozen_now, size, queue_rows):
    fill(db)
    app = make_app(db_url)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        home = app.screen
        queue = home.query_one("#queue-list")
        # the queue's lines on screen (all it has, up to its share of the height)
        assert queue.region.height >= min(queue_rows, queue.option_count)
        assert queue.option_count >= queue_rows  # the book has that many lines to show
        table = home.query_one(LeadList)
        visible_rows = table.region.height - 1  # less the column titles
        assert visible_rows >= 5 and table.row_count >= 5
        assert home.region.height == size[1]
        # nothing overlaps: the list starts below the search line, which is below the queue
        search = home.query_one("#search")
        assert home.query_one("#queue").region.bottom <= search.region.y < table.region.y


ESSENTIAL = {
    "home": ["↑ Queue", "↓ List", "^n New lead", "esc Search", "^t Whole queue", "f1 Help"],
    "lead": ["c Copy", "g Script", "f Follow-up", "a Note", "s Stage", "o Order", "esc Back",
             "f1 Help"],
    "script": ["1 Copy 1–9", "n Next step", "f Answers", "b Step back", "o Offer", "esc Lead"],
    "order": ["n Next steps", "m Req. message", "t Status", "r Reqs", "j Job order"],
    "queue": ["c Copy", "d Done", "z Snooze", "r Move", "a Plan", "esc Back"],
}  # fmt: skip


def _footer(app) -> str:
    return drawn(app).splitlines()[-1]


async def test_every_footer_shows_its_essential_keys_at_80_columns(db, db_url, frozen_now):
    book = fill(db)
    app = make_app(db_url)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        footers = {"home": _footer(app)}
        app.open_lead(book.lead_id)
        await settle(pilot)
        footers["lead"] = _footer(app)
        app.push_screen(ScriptScreen(book.lead_id))
        await settle(pilot)
        footers["script"] = _footer(app)
        app.push_screen(OrderScreen(book.order_id))
        await settle(pilot)
        footers["order"] = _footer(app)
        app.push_screen(QueueScreen())
        await settle(pilot)
        footers["queue"] = _footer(app)
    for screen, keys in ESSENTIAL.items():
        line = footers[screen]
        for key in keys:
            assert key in line, (screen, key, line)
        # most used first: in the order listed
        positions = [line.index(key) for key in keys]
        assert positions == sorted(positions), (screen, line)
