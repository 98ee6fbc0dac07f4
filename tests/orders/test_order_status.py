"""Statuses drive the lead's stage and the order rules; feedback, complaints and disputes."""

from __future__ import annotations

import pytest

from sellerdesk import leads, rules
from sellerdesk.errors import Conflict, Invalid
from sellerdesk.followups import store as followups
from sellerdesk.orders import disputes, feedback, notes
from sellerdesk.orders.status import cancel_order, set_status
from sellerdesk.orders.store import create_order


@pytest.fixture
def seen():
    """The order rule calls, as the referral gate would receive them."""
    calls: list[tuple[str, str | None, str]] = []

    def watch(session, order, old, new, author):
        calls.append((order.number, old, new))

    rules._load_rule_modules()
    rules._order_rules.append(watch)
    yield calls
    rules._order_rules.remove(watch)


def test_the_stage_follows_each_status_and_the_rules_hear_every_change(db, lead, draft, seen):
    create_order(db, "brightsmile", draft.with_changes(number="FO1"))
    stages = []
    for status in ("in progress", "delivered", "revision requested", "delivered", "completed"):
        set_status(db, "FO1", status)
        stages.append(leads.get_lead(db, "brightsmile").stage)
    assert stages == ["in_progress", "delivered", "in_progress", "delivered", "completed"]
    assert seen == [
        ("FO1", None, "under_review"),
        ("FO1", "under_review", "in_progress"),
        ("FO1", "in_progress", "delivered"),
        ("FO1", "delivered", "revision"),
        ("FO1", "revision", "delivered"),
        ("FO1", "delivered", "completed"),
    ]
    bodies = [e.body for e in leads.lead_timeline(db, lead.id) if e.kind == "order_status"]
    assert bodies[0] == "Order FO1: Delivered → Completed (accepted)"


def test_impossible_moves_are_refused_with_the_choices(db, lead, draft):
    create_order(db, "brightsmile", draft.with_changes(number="FO1"))
    with pytest.raises(Invalid, match=r"cannot become Completed .*next: In progress, Delivered"):
        set_status(db, "FO1", "completed")
    with pytest.raises(Invalid, match="not a order status"):
        set_status(db, "FO1", "shipped")
    assert leads.get_lead(db, "brightsmile").stage == "ordered"


def test_cancelling_needs_a_reason_and_a_lead_with_no_live_order_returns_to_qualification(
    db, lead, draft, frozen_now
):
    order = create_order(db, "brightsmile", draft.with_changes(requirements="incomplete"))
    with pytest.raises(Invalid, match="Say why"):
        set_status(db, order.number, "cancelled")
    done = cancel_order(db, order.number, "Client did not agree to the price")
    assert done.status == "cancelled" and done.cancel_reason == "Client did not agree to the price"
    # Not lost by default (seed 003: back to step 2), with a nurture follow-up in 30 days.
    assert leads.get_lead(db, "brightsmile").stage == "qualified"
    (waiting,) = followups.for_lead(db, lead.id)  # the requirements reminder went
    assert waiting.rule == "nurture" and waiting.template == "followup.nurture"
    assert (waiting.due_at.date() - frozen_now.date()).days == 30
    assert "Client did not agree to the price" in waiting.reason
    with pytest.raises(Invalid, match="next: none"):
        set_status(db, order.number, "in progress")


def test_a_past_order_keeps_the_stage_when_a_new_one_is_cancelled(db, lead, draft):
    create_order(db, "brightsmile", draft.with_changes(number="FO1"))
    for status in ("in progress", "delivered", "completed"):
        set_status(db, "FO1", status)
    create_order(db, "brightsmile", draft.with_changes(number="FO2"))
    assert leads.get_lead(db, "brightsmile").stage == "ordered"
    cancel_order(db, "FO2", "ordered twice by mistake")
    assert leads.get_lead(db, "brightsmile").stage == "completed"


def test_a_stale_version_is_refused(db, lead, draft):
    order = create_order(db, "brightsmile", draft)
    set_status(db, order.number, "in progress")
    with pytest.raises(Conflict, match="changed by tester at 10:00 since you opened it"):
        set_status(db, order.number, "delivered", expected_version=order.version)


def test_feedback_and_complaints_are_kept_for_the_referral_gate(db, lead, draft):
    order = create_order(db, "brightsmile", draft)
    got = feedback.record_feedback(db, order.number, "positive", "Love the new homepage!")
    assert (got.satisfaction, got.feedback) == ("positive", "Love the new homepage!")
    with pytest.raises(Invalid, match="Say what the client complains about"):
        feedback.set_complaint(db, order.number, True)
    assert feedback.set_complaint(db, order.number, True, "Contact form broken").complaint_open
    with pytest.raises(Invalid, match="complaint open already"):
        feedback.set_complaint(db, order.number, True, "again")
    assert not feedback.set_complaint(db, order.number, False, "Fixed the form").complaint_open
    kinds = [e.kind for e in leads.lead_timeline(db, lead.id)][:3]
    assert kinds == ["complaint_closed", "complaint_opened", "order_feedback"]


def test_a_price_dispute_shows_the_yes_the_price_and_the_notes(db, lead, draft):
    order = create_order(db, "brightsmile", draft.with_changes(notes="Quoted $450 for 4 pages"))
    notes.record_objection(db, order.number, "I didn't agree to this price")
    view = disputes.view(db, order.number)
    assert view.order.consent_text == "Yes, please place the order"
    assert view.order.price == "$450"
    assert view.order.notes.splitlines()[0] == "Quoted $450 for 4 pages"
    assert view.order.notes.splitlines()[1].endswith(
        "tester: Price objection: I didn't agree to this price"
    )
    assert [e.kind for e in view.history] == ["order_created", "price_dispute"]
    assert [step for step, _ in view.response] == [
        "Check the notes", "Re-explain the price", "Offer cancellation if required", "Do not argue"
    ]  # fmt: skip
    with pytest.raises(Invalid, match="cannot be empty"):
        notes.add_note(db, order.number, "  ")
