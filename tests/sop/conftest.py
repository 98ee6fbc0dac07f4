"""What the SOPs ask of the app, driven as a seller drives it: the real app
under the Pilot (no X display, so a copy lands in `app.clipboard`) and the
real `sellerdesk` command in a subprocess, on the test's own SQLite file."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.conftest import order_draft

from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings
from sellerdesk.orders.gate import Draft


@pytest.fixture
def cli(db_url):
    """`sellerdesk ARGS --db PATH` in its own process; returns (code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        done = subprocess.run(
            [sys.executable, "-m", "sellerdesk", *argv, "--db", db_url],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=120,
            start_new_session=True,
        )
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.fixture
def draft() -> Draft:
    return order_draft(number="")


def make_app(db_url: str, settings: Settings | None = None) -> SellerdeskApp:
    settings = settings or Settings()
    settings.backups.automatic = False
    return SellerdeskApp(db_url, settings)


def timeline(db, username: str, kind: str | None = None) -> list:
    from sellerdesk import leads

    lead = leads.get_lead(db, username)
    events = leads.lead_timeline(db, lead.id)
    return [e for e in events if kind is None or e.kind == kind]


def rendered(app, selector: str, width: int = 200) -> str:
    """What a Static on the current screen shows, as plain text (tables too)."""
    from tests.tui.conftest import console_for
    from textual.widgets import Static

    console = console_for(app, width)
    console.print(app.screen.query_one(selector, Static).content)
    return console.export_text()
