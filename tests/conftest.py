"""Shared fixtures: every test gets its own config dir, data dir and database
file, so nothing depends on (or touches) the developer's own sellerdesk."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from sellerdesk import clock
from sellerdesk.config import Settings


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("SELLERDESK_CONFIG_DIR", str(home / "config" / "sellerdesk"))
    monkeypatch.delenv("SELLERDESK_DB", raising=False)
    monkeypatch.setenv("SELLERDESK_USER", "tester")
    return home


@pytest.fixture(autouse=True)
def _notifications_are_kept(monkeypatch) -> None:
    """Every notification an app shows is kept past its timeout (read it with
    `tests.tui.conftest.notified`): a timeout is time, and a test on a busy
    machine may look after it has passed."""
    from textual.notifications import Notifications

    show = Notifications.add

    def add(self, notification):
        self.__dict__.setdefault("shown", []).append(notification)
        return show(self, notification)

    monkeypatch.setattr(Notifications, "add", add)


@pytest.fixture(autouse=True)
def _unfreeze_clock() -> Iterator[None]:
    yield
    clock.freeze(None)
    clock.set_local_zone(None)


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "desk.sqlite3"


@pytest.fixture
def db_url(db_path) -> str:
    return f"sqlite:///{db_path}"


@pytest.fixture
def db(db_url):
    from sellerdesk.db.open import open_database

    database = open_database(db_url, author="tester")
    yield database
    database.close()


@pytest.fixture
def frozen_now() -> datetime:
    """A fixed moment (a Monday, 10:00 UTC) with the local zone set to UTC."""
    moment = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    clock.freeze(moment)
    clock.set_local_zone(UTC)
    return moment


@pytest.fixture
def no_display(monkeypatch) -> Iterator[None]:
    """No X or Wayland display, so a copy takes the terminal path (OSC 52) and lands in
    `app.clipboard`; the template cache is emptied so each test reads its own folders."""
    from sellerdesk.templates import loading

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    loading._cache.clear()
    yield
    loading._cache.clear()


@pytest.fixture
def seller_profile() -> Settings:
    """Settings with the seller's profile filled in, so templates that quote it render."""
    return seller_settings()


def seller_settings() -> Settings:
    settings = Settings()
    settings.seller.name = "Jehan"
    settings.seller.level = "Top Rated Seller"
    settings.seller.years_experience = "6+"
    settings.seller.projects_completed = "2500+"
    settings.seller.profile_url = "https://www.fiverr.com/jehanzaib_007/"
    return settings
