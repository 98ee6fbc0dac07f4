"""Driving the real app on the test's own SQLite file."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
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
