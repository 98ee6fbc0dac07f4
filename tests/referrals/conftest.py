"""Referrals are tested on a real SQLite file, with real orders made by the
orders code, and the clock frozen (Monday 2026-11-23 10:00 UTC)."""

from __future__ import annotations

import pytest
from tests.conftest import order_draft

from sellerdesk.orders.gate import Draft


@pytest.fixture
def draft() -> Draft:
    return order_draft(number="")


def place(db, username: str, draft: Draft, number: str):
    from sellerdesk.orders.store import create_order

    return create_order(db, username, draft.with_changes(number=number))


def complete(db, number: str) -> None:
    """Deliver an order and have the client accept it."""
    from sellerdesk.orders.status import set_status

    set_status(db, number, "in progress")
    set_status(db, number, "delivered")
    set_status(db, number, "completed")
