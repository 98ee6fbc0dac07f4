"""Driving the real app on the test's own SQLite file."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from textual.worker import WorkerCancelled

from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings

SIZE = (130, 40)


def make_app(db_url: str, **kwargs) -> SellerdeskApp:
    settings = Settings()
    settings.backups.automatic = False  # tests of the daily copy turn it on themselves
    return SellerdeskApp(db_url, settings, **kwargs)


async def settle(pilot, rounds: int = 3) -> None:
    """Let timers fire and thread workers finish until the app is quiet."""
    app = pilot.app
    for _ in range(200):
        if app.db is not None or app.db_problem is not None:
            break
        await pilot.pause(0.02)
    quiet = 0
    for _ in range(100):
        with contextlib.suppress(WorkerCancelled):  # a search replaced by a newer one
            await app.workers.wait_for_complete()
        await pilot.pause()
        busy = any(w.is_running for w in app.workers) or any(
            getattr(screen, "typing_pending", False) for screen in app.screen_stack
        )
        quiet = 0 if busy else quiet + 1
        if quiet >= rounds:
            return
        if busy:
            await pilot.pause(0.02)


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
    seen = -1
    for _ in range(40):  # the palette gathers hits in the background: wait until they settle
        await pilot.pause(0.1)
        if options.option_count and options.option_count == seen:
            break
        seen = options.option_count
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
