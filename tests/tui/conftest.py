"""Driving the real app on the test's own SQLite file, and waiting for it.

Tests wait for signals, never for time: `wait_until` waits for a condition
the app makes true (a worker finished, a screen composed, a panel loaded) and
fails saying what it waited for; `settle` waits until the database is open and
no worker, nor anything a worker set off, is left. `HeldDatabase` holds every
database job until the test releases it, to deliver results late on purpose.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from time import monotonic

import pytest
from rich.console import Console
from textual.worker import WorkerCancelled

from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings

SIZE = (130, 40)
# Long enough for a machine shared with CPU burners; a test that passes waits
# only as long as the app needs.
TIMEOUT_S = 60.0


def make_app(db_url: str, **kwargs) -> SellerdeskApp:
    settings = Settings()
    settings.backups.automatic = False  # tests of the daily copy turn it on themselves
    return SellerdeskApp(db_url, settings, **kwargs)


async def wait_until(
    pilot,
    condition: Callable[[], object],
    what: str,
    timeout: float = TIMEOUT_S,
    *,
    screen_idle: bool = True,
) -> None:
    """Let the app work until `condition()` holds; fail naming `what` if it never does.

    With `screen_idle` (the default) each round first lets the screen on top handle
    what is pending; a test that holds that screen on purpose turns it off.
    """
    deadline = monotonic() + timeout
    while True:
        if screen_idle:
            await pilot.pause()  # the app handles what is pending first
        if condition():
            return
        if monotonic() > deadline:
            pytest.fail(f"waited {timeout:.0f} s for {what}; it never happened")
        await asyncio.sleep(0.01)  # a polling interval, not a wait: threads get the lock


async def settle(pilot, rounds: int = 3, timeout: float = TIMEOUT_S) -> None:
    """Until the database is open (or refused) and no worker, nor what it set off, is left."""
    app = pilot.app
    await wait_until(
        pilot,
        lambda: app.db is not None or app.db_problem is not None,
        "the database to open",
        timeout,
    )
    deadline = monotonic() + timeout
    quiet = 0
    while quiet < rounds:
        with contextlib.suppress(WorkerCancelled):  # a search replaced by a newer one
            await app.workers.wait_for_complete()
        await pilot.pause()
        busy = _busy(app)
        quiet = 0 if busy else quiet + 1
        if busy and monotonic() > deadline:
            pytest.fail(f"waited {timeout:.0f} s for the app to be quiet; still busy: {busy}")


def _busy(app) -> list[str]:
    """What is still going on: running workers and searches about to start."""
    busy = [f"worker {w.name or w.group}" for w in app.workers if not w.is_finished]
    busy += [
        f"typing on {type(screen).__name__}"
        for screen in app.screen_stack
        if getattr(screen, "typing_pending", False)
    ]
    return busy


def notified(app) -> list:
    """Every notification the app has shown, expired ones too (tests/conftest.py keeps them)."""
    return list(getattr(app._notifications, "shown", []))


def shown(widget) -> str:
    """What a Static shows, as plain words (tables and styled text included)."""
    content = widget.content
    if isinstance(content, str):
        return content
    console = console_for(widget.app)
    console.print(content)
    return " ".join(console.export_text().split())


async def wait_for_screen(pilot, kind: type, what: str | None = None):
    """Until the screen on top is a `kind`, composed and settled; returns it."""
    app = pilot.app
    await wait_until(
        pilot,
        lambda: isinstance(app.screen, kind) and app.screen.is_mounted,
        what or f"{kind.__name__} to open",
    )
    await settle(pilot)
    return app.screen


class HeldDatabase:
    """The app's database with every job held until `release()`: results then
    arrive late, after the screens that asked for them have moved on."""

    def __init__(self, db) -> None:
        self._db = db
        self._gate = threading.Event()
        self.waiting = 0
        self._lock = threading.Lock()

    def release(self) -> None:
        self._gate.set()

    def hold(self) -> None:
        self._gate.clear()

    def __getattr__(self, name: str):
        return getattr(self._db, name)

    def _held(self, name: str):
        @contextlib.contextmanager
        def opened():
            with self._lock:
                self.waiting += 1
            try:
                if not self._gate.wait(TIMEOUT_S):
                    raise TimeoutError("a held database job was never released")
            finally:
                with self._lock:
                    self.waiting -= 1
            with getattr(self._db, name)() as inner:
                yield inner

        return opened

    def read(self):
        return self._held("read")()

    def write(self):
        return self._held("write")()

    def connect(self):
        return self._held("connect")()


async def type_text(pilot, text: str) -> None:
    """Type key by key (about 0.1 s a key under the Pilot: keep it short)."""
    await pilot.press(*[_key(ch) for ch in text])


async def fill(pilot, widget, text: str) -> None:
    """Put text into an Input as a paste would: one change, not one per key."""
    widget.focus()
    widget.insert_text_at_cursor(text)
    await pilot.pause()


async def palette_hits(app, pilot, text: str) -> list[str]:
    """Open the command palette, type `text`, and return the hits once they settle."""
    from textual.command import CommandPalette

    await pilot.press("ctrl+p")
    await settle(pilot)
    assert isinstance(app.screen, CommandPalette)
    return await typed_in_palette(app, pilot, text)


async def typed_in_palette(app, pilot, text: str) -> list[str]:
    """Type `text` into the open command palette; the hits once they settle."""
    await fill(pilot, app.screen.query_one("CommandInput"), text)
    options = app.screen.query_one("CommandList")
    await settle(pilot)  # the palette gathers hits in a worker; settle waits for it
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def console_for(app, width: int = 200) -> Console:
    """A console that prints what a screen holds (a Rich table, a text) as the
    app draws it: it knows the app's tones, in the theme in use."""
    from sellerdesk.ui.theme import rich_theme

    return Console(
        width=width, record=True, file=io.StringIO(), theme=rich_theme(app.theme_variables)
    )


def _key(ch: str) -> str:
    names = {" ": "space", ".": "full_stop", "-": "minus", "_": "underscore", "/": "slash"}
    return names.get(ch, ch)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory) -> Path:
    """One freshly migrated database per run; each test gets its own copy of it,
    so the migrations run once rather than once per test."""
    from sellerdesk.db.open import open_database

    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(f"sqlite:///{path}", author="tester").close()
    return path


@pytest.fixture
def db_path(tmp_path, migrated_template) -> Path:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(migrated_template, path)
    path.chmod(0o600)
    return path


@pytest.fixture
def app(db_url, db):
    """The app on the test database (already created and migrated by `db`)."""
    return make_app(db_url)


def drawn(app) -> str:
    """What the terminal is sent for the screen as it is now (toasts included), as text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def drawn_links(app) -> list[str]:
    """Every hyperlink on the screen as it is now."""
    strips = app.screen._compositor.render_strips()
    return [
        segment.style.link
        for strip in strips
        for segment in strip
        if segment.style is not None and segment.style.link
    ]
