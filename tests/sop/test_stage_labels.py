"""Stages are shown as seed 000 writes them ("Qualified", "Hot Lead", "Offer
Sent", "order under review"); the stored values stay, and the names a seller
typed before are still understood."""

from __future__ import annotations

import json

import pytest
from tests.sop.conftest import make_app, rendered
from tests.tui.conftest import SIZE, settle

from sellerdesk import leads
from sellerdesk.vocab import STAGES


def test_the_labels_are_the_seeds_and_old_names_still_parse():
    assert [STAGES.label(k) for k in ("qualified", "hot_lead", "offer_sent", "ordered")] == [
        "Qualified", "Hot Lead", "Offer Sent", "Order under review",
    ]  # fmt: skip
    for typed in ("Order under review", "order-under-review", "Ordered", "ordered", "under review"):
        assert STAGES.parse(typed) == "ordered"


def test_the_commands_take_the_new_and_the_old_names(db, cli):
    code, out, _ = cli("lead", "add", "maya", "--stage", "Order under review")
    assert (code, out) == (0, "Added maya (Order under review).\n")
    code, _, _ = cli("lead", "add", "ben", "--stage", "Ordered")
    assert code == 0 and leads.get_lead(db, "ben").stage == "ordered"
    code, out, _ = cli("lead", "list", "--stage", "order under review")
    assert code == 0 and "Order under review" in out and "maya" in out and "ben" in out
    code, out, _ = cli("lead", "show", "maya", "--json")
    assert json.loads(out)["stage"] == "ordered"  # the stored value is unchanged
    code, out, _ = cli("lead", "add", "--help")
    assert "Order under review" in " ".join(out.split())
    code, _, err = cli("lead", "add", "zed", "--stage", "purchased")
    assert code == 1 and "Order under review" in err


@pytest.mark.usefixtures("no_display")
async def test_the_lead_card_shows_the_seeds_words(db, db_url):
    lead = leads.add_lead(db, "maya", stage="ordered")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(lead.id)
        await settle(pilot)
        assert "Category / Stage  Order under review" in rendered(app, "#lead-card")
