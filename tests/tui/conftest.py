"""Driving the real app on the test's own SQLite file."""

from __future__ import annotations

import pytest

from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings

SIZE = (130, 40)


def make_app(db_url: str, **kwargs) -> SellerdeskApp:
    return SellerdeskApp(db_url, Settings(), **kwargs)


async def settle(pilot, rounds: int = 3) -> None:
    """Let timers fire and thread workers finish until the app is quiet."""
    app = pilot.app
    for _ in range(200):
        if app.db is not None or app.db_problem is not None:
            break
        await pilot.pause(0.02)
    for _ in range(rounds):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause()


async def type_text(pilot, text: str) -> None:
    await pilot.press(*[_key(ch) for ch in text])


def _key(ch: str) -> str:
    names = {" ": "space", ".": "full_stop", "-": "minus", "_": "underscore", "/": "slash"}
    return names.get(ch, ch)


@pytest.fixture
def app(db_url, db):
    """The app on the test database (already created and migrated by `db`)."""
    return make_app(db_url)
