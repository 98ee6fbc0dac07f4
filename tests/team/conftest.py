"""Two people on one book: each has a database connection of their own (a
real second connection, on SQLite or the PostgreSQL server), signed with
their name, and the clock is frozen (Monday 2026-11-23 10:00 UTC)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from tests.conftest import order_draft

from sellerdesk.db.engine import Database
from sellerdesk.orders.gate import Draft


@pytest.fixture
def colleague(db_url, db, frozen_now) -> Iterator[Database]:
    """Sam, a teammate on the same book (opened after `db`, which migrated it)."""
    from sellerdesk.db.open import open_database

    other = open_database(db_url, author="Sam")
    yield other
    other.close()


def draft(number: str = "") -> Draft:
    return order_draft(number=number)


async def type_a_new_website(pilot, lead_id: int, website: str):
    """Open the lead, its edit form (e), and type another website (not saved yet);
    the website box."""
    from tests.tui.conftest import fill, settle

    app = pilot.app
    app.open_lead(lead_id)
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    box = app.screen.query_one("#f-website")
    box.value = ""
    await fill(pilot, box, website)
    return box

