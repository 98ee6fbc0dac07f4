"""Start-up: the app module leaves the database layer alone; a database the app
cannot open is explained on screen."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time

import pytest
from tests.tui.conftest import SIZE, TIMEOUT_S, make_app, settle, type_text
from textual.widgets import Input, Static

from sellerdesk.screens.home import HomeScreen
from sellerdesk.screens.problem import ProblemScreen

UI_MODULES = [
    "sellerdesk.app",
    "sellerdesk.launch",
    "sellerdesk.commands",
    "sellerdesk.screens.home",
    "sellerdesk.screens.lead",
    "sellerdesk.screens.lead_form",
    "sellerdesk.screens.help",
    "sellerdesk.widgets.lead_list",
]


def test_importing_the_app_leaves_the_database_layer_unloaded():
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in UI_MODULES)
        + "print(' '.join(sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(out.stdout.split())
    assert "sellerdesk.app" in loaded and "textual.app" in loaded
    assert "sqlalchemy" not in loaded
    assert not {m for m in loaded if m.startswith("sellerdesk.db")}
    assert "sellerdesk.leads" not in loaded


async def test_first_frame_comes_before_the_database_is_open(db_url):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        # The home screen is up and the search box has focus at once.
        assert isinstance(app.screen, HomeScreen)
        assert isinstance(app.focused, Input) and app.focused.id == "search"
        await settle(pilot)
        assert app.db is not None
        assert "No leads yet" in str(app.screen.query_one("#count", Static).render())


async def test_a_database_from_a_newer_sellerdesk_is_explained_on_screen(db_url, db_path, db):
    db.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProblemScreen)
        message = str(app.screen.query_one("#problem-message", Static).render())
        assert "newer sellerdesk" in message
        assert "Traceback" not in message
        await pilot.press("q")
    assert app.db is None


async def test_a_file_that_is_not_a_database_is_explained_on_screen(tmp_path):
    junk = tmp_path / "notes.txt"
    junk.write_text("this is a shopping list, not a database\n" * 50)
    app = make_app(f"sqlite:///{junk}")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProblemScreen)
        message = str(app.screen.query_one("#problem-message", Static).render())
        assert "not a database" in message
    assert junk.read_text().startswith("this is a shopping list")


PROBE = """
import asyncio, sys
from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings
seen = {}
class Probe(SellerdeskApp):
    def _start_opening(self):
        seen["sqlalchemy"] = "sqlalchemy" in sys.modules
        seen["home drawn"] = self.screen.query_one("#search").region.width > 0
        super()._start_opening()
async def main():
    app = Probe(sys.argv[1], Settings())
    async with app.run_test() as pilot:
        while app.db is None and app.db_problem is None:
            await pilot.pause(0.01)
        seen["opened"] = app.db is not None
print(asyncio.run(main()) or seen)
"""


def test_the_database_layer_is_imported_only_after_the_first_frame(db_url, db):
    db.close()
    out = subprocess.run(
        [sys.executable, "-c", PROBE, db_url],
        capture_output=True,
        text=True,
        check=True,
        timeout=TIMEOUT_S,
    )
    assert out.stdout.strip() == str({"sqlalchemy": False, "home drawn": True, "opened": True}), (
        out.stderr[-2000:]
    )


async def test_launched_with_a_reader_the_home_screen_fills_before_the_database_opens(
    db, db_url, frozen_now
):
    if sys.platform != "linux":
        pytest.skip("the start-up reader forks on Linux only")
    from sellerdesk import leads, prefetch
    from sellerdesk.app import SellerdeskApp
    from sellerdesk.config import Settings
    from sellerdesk.followups import store
    from sellerdesk.widgets.lead_list import LeadList
    from sellerdesk.widgets.queue_panel import QueuePanel

    for name in ("ann", "ben", "cat"):
        leads.add_lead(db, name, stage="qualified")
    store.add(db, "ann", "today", reason="send the mockup")
    shown = {}

    class Probe(SellerdeskApp):
        def _prefetched(self, data) -> None:
            super()._prefetched(data)
            home = self.screen_stack[0]
            shown["rows"] = home.query_one(LeadList).row_count
            shown["queue shown"] = home.query_one(QueuePanel).loads
            shown["database open"] = self.db is not None

    reader = prefetch.start(db_url, Settings())
    assert reader is not None
    app = Probe(db_url, Settings(), prefetch=reader)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert shown == {"rows": 3, "queue shown": 1, "database open": False}
        assert app.db is not None
        panel = app.screen.query_one(QueuePanel)
        assert panel.loads == 1  # not read a second time once the database opened
        assert [item.username for item in panel.queue.today.items] == ["ann"]
        await type_text(pilot, "ben")
        await settle(pilot)
        table = app.screen.query_one(LeadList)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == ["ben"]


async def test_an_app_closed_before_its_first_frame_leaves_no_reader_waiting(db, db_url):
    if sys.platform != "linux":
        pytest.skip("the start-up reader forks on Linux only")
    import asyncio

    from sellerdesk import leads, prefetch
    from sellerdesk.app import SellerdeskApp
    from sellerdesk.config import Settings

    leads.add_lead(db, "ann")
    reader = prefetch.start(db_url, Settings())
    assert reader is not None

    class ClosesAtOnce(SellerdeskApp):
        def on_mount(self) -> None:  # runs after the app's own on_mount
            self.exit()

    app = ClosesAtOnce(db_url, Settings(), prefetch=reader)
    async with app.run_test(size=SIZE):
        pass
    # The worker waiting for the first frame was released and reaped the child.
    deadline = time.monotonic() + TIMEOUT_S
    while reader.pid != 0:
        assert time.monotonic() < deadline, "the forked reader was never reaped"
        await asyncio.sleep(0.02)  # a polling interval: the worker thread reaps it
