"""Walking a lead through a script on the test's own database."""

from __future__ import annotations

import pytest

from sellerdesk import leads
from sellerdesk.scripts import runs

DISCOVERY = {
    "website": "oldsite.example",
    "competitors": "acme.com, best.co",
    "content": "content-heavy",
    "focus": "events",
    "conversion": "booking",
}
SCOPE = {"pages": "Home, About, Events, Gallery, Contact", "design_direction": "*acme.com, best.co"}
OFFER = {"delivery_days": "10", "price": "650", "revisions": "2"}


def walk_to(db, username: str, step: str) -> runs.Run:
    """Fill what each step needs and move on until the run stands at `step`."""
    run = runs.start(db, username, "redesign")
    fills = {
        "site_competitors": DISCOVERY,
        "pages": {"pages": SCOPE["pages"]},
        "design_direction": {"design_direction": SCOPE["design_direction"]},
    }
    while run.step != step:
        if run.step in fills:
            runs.set_answers(db, username, fills[run.step], script="redesign")
        if run.step == "scope_confirmation":
            for item in ("confirm_design", "confirm_pages", "confirm_focus"):
                runs.tick(db, username, item, script="redesign")
        run = runs.next_step(db, username, script="redesign")
    return run


@pytest.fixture
def lead(db):
    return leads.add_lead(
        db, "eventhall_co", display_name="Nora", project_type="redesign", industry="business"
    )
