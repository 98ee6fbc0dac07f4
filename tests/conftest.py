"""Shared fixtures: every test gets its own config dir, data dir and database
file, so nothing depends on (or touches) the developer's own sellerdesk."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from sellerdesk import clock
from sellerdesk.config import Settings

# The suite draws the same examples on every run, so a landing never depends on
# luck; the long fuzz (bench/reliability.py) and SELLERDESK_TEST_EXPLORE=1 look
# for new ones.
hypothesis_settings.register_profile("suite", derandomize=True, database=None)
hypothesis_settings.register_profile("explore")
hypothesis_settings.load_profile(
    "explore" if os.environ.get("SELLERDESK_TEST_EXPLORE") else "suite"
)


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


# Every test that touches the database runs once per engine: its `db_url` is
# a SQLite file or a database of its own on a PostgreSQL server (tests/pg.py).
ENGINES = ("sqlite", "postgresql")


def pytest_configure(config) -> None:
    config.addinivalue_line(
        "markers",
        "sqlite_only(reason): the test is about the SQLite file itself; it runs on SQLite only",
    )
    config.addinivalue_line(
        "markers",
        "empty_database: on PostgreSQL the test's database starts with no tables "
        "(by default it is a copy of a migrated one, as a migrated SQLite file would be)",
    )


def pytest_generate_tests(metafunc) -> None:
    if "engine" not in metafunc.fixturenames:
        return
    only = metafunc.definition.get_closest_marker("sqlite_only")
    if only is not None and not only.args:
        raise pytest.UsageError(f"{metafunc.definition.nodeid}: sqlite_only needs a reason")
    metafunc.parametrize("engine", ("sqlite",) if only else ENGINES, indirect=True)


@pytest.fixture
def engine(request) -> str:
    """The database engine this run of the test is on."""
    return request.param


@pytest.fixture(scope="session")
def pg_server():
    """The PostgreSQL server of this run, or a skip that says why there is none."""
    from tests import pg

    url, cluster, why = pg.server_url()
    if url is None:
        pg.unavailable(why)
    server = pg.Server(url)
    try:
        yield server
    finally:
        server.close()
        if cluster is not None:
            cluster.stop()


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "desk.sqlite3"


@pytest.fixture
def db_url(engine, request) -> str:
    if engine == "sqlite":
        return f"sqlite:///{request.getfixturevalue('db_path')}"
    server = request.getfixturevalue("pg_server")
    name = server.new_database(empty=request.node.get_closest_marker("empty_database") is not None)
    request.addfinalizer(lambda: server.drop(name))
    return server.url_for(name)


@pytest.fixture
def other_db_url(engine, request, tmp_path) -> str:
    """A second book on the test's engine, with no leads in it (to copy or import into)."""
    if engine == "sqlite":
        return f"sqlite:///{tmp_path / 'other.sqlite3'}"
    server = request.getfixturevalue("pg_server")
    name = server.new_database()
    request.addfinalizer(lambda: server.drop(name))
    return server.url_for(name)


def raw_sql(db_url: str, sql: str, params: dict | None = None) -> list[tuple]:
    """One statement run on the test's database through a connection of the
    test's own, committed (either engine): to look at or spoil what sellerdesk wrote."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.pool import NullPool

    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params or {})
            return [tuple(row) for row in result] if result.returns_rows else []
    finally:
        engine.dispose()


@pytest.fixture
def db(db_url):
    from sellerdesk.db.open import open_database

    database = open_database(db_url, author="tester")
    yield database
    database.close()


@pytest.fixture
def run(db_url, capsys):
    """`sellerdesk ARGV` run in this process on the test's database, as typed in a
    shell: returns (exit code, stdout, stderr)."""
    from sellerdesk.cli.main import main

    def _run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", db_url, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


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


# Control sequences a lead's text may hold: one that blanks the screen, one that
# puts text on the clipboard (OSC 52), and CSI as a single C1 character.
CLEAR = "\x1b[2J"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
C1 = "\x9b2J"


@pytest.fixture
def lead_with_controls(db):
    """A lead whose every free-text field, note and follow-up reason holds controls."""
    from sellerdesk import leads
    from sellerdesk.followups import store

    lead = leads.add_lead(
        db,
        "eve",
        display_name=f"Eve{CLEAR}",
        website=f"eve.example{C1}",
        owner=f"ann{CLIPBOARD}",
        notes=f"call back{CLIPBOARD} soon\x00 ok\r{C1}",
        labels=[f"VIP{CLEAR}"],
        project_type="redesign",
    )
    leads.add_note(db, "eve", f"she said{CLIPBOARD}\nyes")
    store.add(db, "eve", "2d", reason=f"chase{CLEAR}", template="followup.offer_day1")
    return lead


def order_draft(**changes):
    """An order the client said yes to, with every pre-check met (scope, price,
    delivery time, pages); `changes` replace any of it."""
    from sellerdesk.orders.gate import Draft

    draft = Draft(
        consent="Yes, please place the order",
        number="FO1",
        price_cents=45000,
        delivery_days=7,
        pages="Home, About, Services, Contact",
        design_direction="brightclean.com",
        scope_confirmed=True,
    )
    return draft.with_changes(**changes)


def accept_project(db, username: str, number: str = "FO1") -> None:
    """Give `username` an order placed with their yes, delivered, accepted and praised:
    the referral gate holds for them."""
    from sellerdesk.orders import feedback
    from sellerdesk.orders.status import set_status
    from sellerdesk.orders.store import create_order

    create_order(db, username, order_draft(number=number))
    for status in ("in progress", "delivered", "completed"):
        set_status(db, number, status)
    feedback.record_feedback(db, number, "positive", "Looks great, thank you!")
