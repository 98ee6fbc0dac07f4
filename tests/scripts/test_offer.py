"""The custom offer composed from the answers, with Fiverr's form fields and limits
(limits refuse: Fiverr would not take the offer)."""

from __future__ import annotations

import pytest
from tests.scripts.conftest import walk_to

from sellerdesk import leads
from sellerdesk.config import Settings
from sellerdesk.errors import Invalid
from sellerdesk.rulebook import Refused
from sellerdesk.scripts import runs
from sellerdesk.scripts.offer import compose_offer


def _compose(db, username, settings=None):
    run = runs.get_run(db, username, "redesign")
    lead = leads.get_lead(db, username)
    return compose_offer(run, lead, settings or Settings())


def test_the_offer_is_refused_before_scope_confirmation(db, lead):
    walk_to(db, lead.username, "scope_confirmation")
    runs.set_answers(db, lead.username, {"delivery_days": "10", "price": "650"})
    runs.tick(db, lead.username, "confirm_design")
    with pytest.raises(Invalid) as caught:
        _compose(db, lead.username)
    assert str(caught.value) == (
        "The offer cannot be composed yet: confirm in chat pages list (step 8) and "
        "focus (events / services) (step 8) first."
    )


def test_the_composed_offer_holds_every_answer_and_the_closing_line(db, lead):
    walk_to(db, lead.username, "custom_offer")
    runs.set_answers(
        db,
        lead.username,
        {
            "delivery_days": "10",
            "price": "$1,250",
            "revisions": "3",
            "milestones": "Design | 4 | 500\nBuild | 6 | 750",
        },
    )
    offer = _compose(db, lead.username)
    assert offer.description == (
        "Website redesign\n\n"
        "Pages: Home, About, Events, Gallery, Contact\n"
        "Design direction: acme.com\n"
        "Delivery time: 10 days\n"
        "Fixed price: $1250\n\n"
        "Once the order is placed, we’ll get started."
    )
    assert (offer.delivery_days, offer.price, offer.revisions) == (10, "1250", "3")
    assert [m["title"] for m in offer.milestones] == ["Design", "Build"]
    # The design direction the client named, as they named it: no link warning.
    assert offer.warnings == ()
    assert offer.counter == f"{len(offer.description)}/1,500 characters"
    form = offer.form_text()
    for part in (
        "Delivery: 10 days",
        "Revisions: 3",
        "Price: $1250",
        "Milestone 2: Build — 6 days, $750",
    ):
        assert part in form


def test_values_fiverr_would_refuse_are_refused(db, lead):
    walk_to(db, lead.username, "custom_offer")
    runs.set_answers(db, lead.username, {"delivery_days": "120", "price": "25000"})
    with pytest.raises(Refused) as caught:
        _compose(db, lead.username)
    assert str(caught.value) == (
        "redesign.custom_offer would be refused by Fiverr: Fiverr accepts offers from $5 to "
        "$20,000; the price $25000 would be refused. Fiverr accepts 1–90 days; delivery time "
        "of 120 days would be refused."
    )
    assert not caught.value.refusal.can_override


def test_milestones_that_do_not_add_up_are_warned(db, lead):
    walk_to(db, lead.username, "custom_offer")
    runs.set_answers(
        db,
        lead.username,
        {"delivery_days": "3", "price": "90", "milestones": "A | 1 | 40\nB | 1 | 40"},
    )
    warnings = _compose(db, lead.username).warnings
    assert "Fiverr allows milestones only on offers over $100; this one is $90." in warnings
    assert "The milestones add up to $80 but the fixed price is $90." in warnings
    assert "The milestones take 2 days in all; the offer says 3." in warnings


def test_a_description_over_the_limit_is_refused_with_what_to_cut(db, lead):
    walk_to(db, lead.username, "custom_offer")
    runs.set_answers(db, lead.username, {"delivery_days": "10", "price": "650"})
    settings = Settings()
    settings.limits.offer_description = 100
    with pytest.raises(Refused) as caught:
        _compose(db, lead.username, settings)
    over = len(_compose(db, lead.username).description) - 100
    assert str(caught.value) == (
        f"redesign.custom_offer is {over + 100} characters; the Fiverr offer description field "
        f"takes 100: cut {over}."
    )
