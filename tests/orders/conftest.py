"""Orders are tested on a real SQLite file with the clock frozen (Monday 2026-11-23 10:00 UTC)."""

from __future__ import annotations

import pytest

from sellerdesk import leads
from sellerdesk.orders.gate import Draft


@pytest.fixture
def draft() -> Draft:
    return Draft(
        consent="Yes, please place the order",
        price_cents=45000,
        delivery_days=7,
        pages="Home, About, Services, Contact",
        design_direction="brightclean.com",
        scope_confirmed=True,
    )


@pytest.fixture
def lead(db, frozen_now):
    """A lead who was sent an offer, so the offer follow-ups are waiting."""
    leads.add_lead(db, "brightsmile", display_name="Maya")
    return leads.set_stage(db, "brightsmile", "offer sent")
