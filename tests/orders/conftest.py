"""Orders are tested on a real SQLite file with the clock frozen (Monday 2026-11-23 10:00 UTC)."""

from __future__ import annotations

import pytest
from tests.conftest import order_draft

from sellerdesk import leads
from sellerdesk.orders.gate import Draft


@pytest.fixture
def draft() -> Draft:
    return order_draft(number="")


@pytest.fixture
def lead(db, frozen_now):
    """A lead who was sent an offer, so the offer follow-ups are waiting."""
    leads.add_lead(db, "brightsmile", display_name="Maya")
    return leads.set_stage(db, "brightsmile", "offer sent")
