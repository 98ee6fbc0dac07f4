"""Start-up: the app module leaves the database layer alone; a database the app
cannot open is explained on screen."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.conftest import raw_sql
from tests.tui.conftest import SIZE, TIMEOUT_S, make_app, settle, type_text
from textual.widgets import Input, OptionList, Select, Static

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
    # the filters' picker (an OptionList in a dialog) is imported when it is opened
    assert "sellerdesk.widgets.filter_choice" in loaded
    assert "sellerdesk.widgets.filter_picker" not in loaded


async def test_first_frame_comes_before_the_database_is_open(db_url):
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        # The home screen is up and the search box has focus at once.
        assert isinstance(app.screen, HomeScreen)
        assert isinstance(app.focused, Input) and app.focused.id == "search"
        # Nothing composed before the first frame that it does not show: no Select
        # (its hidden list and styles), and no list but the queue's.
        assert not app.screen.query(Select)
        assert [node.id for node in app.screen.query(OptionList)] == ["queue-list"]
        await settle(pilot)
        assert app.db is not None
        assert "No leads yet" in str(app.screen.query_one("#count", Static).render())


async def test_a_database_from_a_newer_sellerdesk_is_explained_on_screen(db_url, db):
    db.close()
    raw_sql(db_url, "UPDATE alembic_version SET version_num = '9999_from_the_future'")
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
        home = self.screen_stack[0]
        seen["sqlalchemy"] = "sqlalchemy" in sys.modules
        seen["home drawn"] = home.query_one("#search").region.width > 0
        seen["rows"] = home.query_one("#leads").row_count
        seen["queue shown"] = home.query_one("#queue-panel").loads
        super()._start_opening()
async def main():
    app = Probe(sys.argv[1], Settings())
    async with app.run_test() as pilot:
        while app.db is None and app.db_problem is None:
            await pilot.pause(0.01)
        seen["opened"] = app.db is not None
        await app.workers.wait_for_complete()  # the reads the open database started
print(asyncio.run(main()) or seen)
"""


@pytest.mark.sqlite_only("the first look reads a SQLite file; a server is read through SQLAlchemy")
def test_the_home_screen_fills_before_the_database_layer_is_imported(db_url, db):
    from sellerdesk import leads
    from sellerdesk.followups import store

    for name in ("ann", "ben", "cat"):
        leads.add_lead(db, name, stage="qualified")
    store.add(db, "ann", "today", reason="send the mockup")
    db.close()
    out = subprocess.run(
        [sys.executable, "-c", PROBE, db_url], capture_output=True, text=True, timeout=TIMEOUT_S
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == str(
        {"sqlalchemy": False, "home drawn": True, "rows": 3, "queue shown": 1, "opened": True}
    ), out.stderr[-2000:]


@pytest.mark.sqlite_only("the first look reads a SQLite file; a server is read through SQLAlchemy")
async def test_what_the_first_look_showed_is_replaced_once_the_database_is_open(
    db, db_url, frozen_now
):
    from sellerdesk import leads
    from sellerdesk.app import SellerdeskApp
    from sellerdesk.config import Settings
    from sellerdesk.followups import store
    from sellerdesk.widgets.lead_list import LeadList
    from sellerdesk.widgets.queue_panel import QueuePanel

    for name in ("ann", "ben", "cat"):
        leads.add_lead(db, name, stage="qualified")
    planned = store.add(db, "ann", "today", reason="send the mockup")
    shown = {}

    class Probe(SellerdeskApp):
        def _show_first_look(self, data) -> None:
            super()._show_first_look(data)
            home = self.screen_stack[0]
            panel = home.query_one(QueuePanel)
            shown["rows"] = home.query_one(LeadList).row_count
            shown["today"] = [item.username for item in panel.queue.today.items]
            shown["database open"] = self.db is not None
            # Another window changes the book before this one has opened it.
            store.done(db, followup_id=planned.id)
            leads.add_lead(db, "dee", stage="qualified")

    app = Probe(db_url, Settings())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert shown == {"rows": 3, "today": ["ann"], "database open": False}
        assert app.db is not None
        panel = app.screen.query_one(QueuePanel)
        assert panel.loads == 2
        assert panel.queue.today.count == 0 and panel.queue.today.items == ()
        table = app.screen.query_one(LeadList)
        assert table.row_count == 4
        assert str(table.get_row_at(0)[0]) == "dee"
        await type_text(pilot, "ben")
        await settle(pilot)
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == ["ben"]


@pytest.mark.sqlite_only("the first look reads a SQLite file; a server is read through SQLAlchemy")
async def test_the_app_removes_the_statements_file_earlier_versions_kept(db_url, db):
    from sellerdesk.paths import data_dir

    db.close()
    leftover = data_dir() / "startup-statements.json"
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_text('{"stamp": "old", "statements": {}}')
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.db is not None
    assert not leftover.exists()


FIRST_FRAME_PROBE = """
import sys
from textual import events
from textual._context import message_hook
from sellerdesk.launch import make_app

app = make_app(sys.argv[1])

def hook(message):
    if isinstance(message, events.Ready):
        print(" ".join(sorted(sys.modules)))
        app.exit()

message_hook.set(hook)
app.run(headless=True, size=(120, 40))
"""


def test_the_first_frame_waits_for_nothing_it_does_not_draw(db_url, db):
    """What is loaded when the first frame is out: the database layer, the
    follow-up records and the time zones come after it."""
    db.close()
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_PROBE, db_url],
        capture_output=True,
        text=True,
        check=True,
        timeout=TIMEOUT_S,
    )
    loaded = set(out.stdout.split())
    assert "sellerdesk.screens.home" in loaded
    assert not loaded & {"sqlalchemy", "zoneinfo", "sellerdesk.followups.items"}
    assert not {m for m in loaded if m.startswith("sellerdesk.db")}
