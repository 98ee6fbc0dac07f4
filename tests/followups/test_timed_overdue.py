"""A follow-up due at a time today is overdue once that time has passed, the
same in the SQLAlchemy queue, in `sellerdesk today` (read through the SQL
generated ahead) and in the app's queue panel."""

from __future__ import annotations

import json

from tests.tui.conftest import make_app, settle

from sellerdesk import leads
from sellerdesk.cli.main import main
from sellerdesk.config import Settings
from sellerdesk.followups import queue, store
from sellerdesk.widgets.queue_panel import QueuePanel


def _book(db, set_clock) -> None:
    set_clock("2026-11-23 08:00", "Europe/Berlin")
    leads.add_lead(db, "morning", stage="qualified")
    leads.add_lead(db, "evening", stage="qualified")
    leads.add_lead(db, "allday", stage="qualified")
    store.add(db, "morning", "today 09:30", reason="call at half nine")
    store.add(db, "evening", "today 23:59", reason="late call")
    store.add(db, "allday", "today", reason="some time today")


def _lanes(result) -> dict[str, list[str]]:
    return {lane.key: [item.username for item in lane.items] for lane in result.lanes[1:]}


def test_a_timed_follow_up_is_overdue_once_its_time_has_passed(db, db_url, set_clock, capsys):
    _book(db, set_clock)
    before = queue.build(db, Settings())
    assert _lanes(before) == {
        "overdue": [],
        "today": ["allday", "morning", "evening"],
        "upcoming": [],
    }

    set_clock("2026-11-23 23:58", "Europe/Berlin")
    after = queue.build(db, Settings())
    assert _lanes(after) == {"overdue": ["morning"], "today": ["allday", "evening"], "upcoming": []}
    assert (after.overdue.count, after.today.count) == (1, 2)

    # `sellerdesk today` reads the same through sqlite3 and the generated SQL
    assert main(["--db", db_url, "today", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    by_key = {lane["key"]: lane for lane in printed["lanes"]}
    assert [i["username"] for i in by_key["overdue"]["items"]] == ["morning"]
    assert [i["username"] for i in by_key["today"]["items"]] == ["allday", "evening"]
    assert (by_key["overdue"]["count"], by_key["today"]["count"]) == (1, 2)


async def test_the_queue_panel_moves_it_to_overdue_too(db, db_url, set_clock):
    _book(db, set_clock)
    set_clock("2026-11-23 23:59", "Europe/Berlin")
    app = make_app(db_url)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(QueuePanel)
        assert panel.queue is not None
        assert _lanes(panel.queue)["overdue"] == ["morning"]
        assert _lanes(panel.queue)["today"] == ["allday", "evening"]
