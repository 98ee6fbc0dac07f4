"""The app meets the same failures of the world as the CLI: a damaged file or one
on a read-only file system is explained on screen in one message with the way
out; a full disk under a note is one notification, the note is kept in its box,
and the app keeps running."""

from __future__ import annotations

import random

from tests.reliability.conftest import digest
from tests.tui.conftest import SIZE, make_app, notified, settle, shown, wait_for_screen, wait_until
from textual.widgets import Static, TextArea

from sellerdesk import leads
from sellerdesk.db.open import open_database
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.screens.note import NoteScreen
from sellerdesk.screens.problem import ProblemScreen


def _problem(app) -> str:
    return shown(app.screen.query_one("#problem-message", Static))


async def test_a_damaged_file_is_explained_with_the_way_out(tmp_path):
    path = tmp_path / "desk.sqlite3"
    open_database(f"sqlite:///{path}", author="tester").close()
    path.write_bytes(path.read_bytes()[:3000])  # cut short, as a failed copy leaves it
    before = digest(path)
    app = make_app(f"sqlite:///{path}")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProblemScreen)
        message = _problem(app)
        assert "is damaged" in message and "sellerdesk paths" in message and ".recover" in message
        assert "Traceback" not in message and "\n" not in message
        await pilot.press("q")
    assert digest(path) == before


async def test_random_bytes_are_explained_and_left_alone(tmp_path):
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(random.Random(1).randbytes(8192))
    before = digest(path)
    app = make_app(f"sqlite:///{path}")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ProblemScreen)
        assert "not a database at all" in _problem(app)
    assert digest(path) == before


async def test_a_read_only_file_system_is_explained_on_screen(small_disk):
    path = small_disk.root / "desk.sqlite3"
    open_database(f"sqlite:///{path}", author="tester").close()
    small_disk.read_only()
    try:
        app = make_app(f"sqlite:///{path}")
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, ProblemScreen)
            assert "read-only file system" in _problem(app)
    finally:
        small_disk.writable()


async def test_a_note_on_a_full_disk_is_one_notification_and_stays_in_its_box(small_disk):
    path = small_disk.root / "desk.sqlite3"
    db = open_database(f"sqlite:///{path}", author="tester")
    ann = leads.add_lead(db, "ann")
    db.close()
    app = make_app(f"sqlite:///{path}")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(ann.id)
        await wait_for_screen(pilot, LeadScreen)
        small_disk.fill()
        await pilot.press("a")
        note = await wait_for_screen(pilot, NoteScreen)
        note.query_one(TextArea).text = "call back on Friday " * 500
        await pilot.press("f2")
        await wait_until(
            pilot,
            lambda: any("is full" in n.message for n in notified(app)),
            "the full disk to be reported",
        )
        await wait_for_screen(pilot, NoteScreen, "the note to come back in its box")
        assert app.screen.query_one(TextArea).text.startswith("call back on Friday")
        errors = [n.message for n in notified(app) if n.severity == "error"]
        assert len(errors) == 1 and "nothing was saved" in errors[0] and "\n" not in errors[0]
        small_disk.free_up()
        await pilot.press("f2")
        await wait_for_screen(pilot, LeadScreen)
        await wait_until(
            pilot, lambda: any(n.message == "Note added." for n in notified(app)), "the save"
        )
    db = open_database(f"sqlite:///{path}", author="tester")
    bodies = [e.body for e in leads.lead_timeline(db, ann.id)]
    db.close()
    assert any(body.startswith("call back on Friday") for body in bodies)
