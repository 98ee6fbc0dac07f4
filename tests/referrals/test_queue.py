"""The referral ask in the morning queue: there the moment the gate holds,
copied once, counted as a referral contact, and never twice."""

from __future__ import annotations

import pytest
from tests.referrals.conftest import complete, place

from sellerdesk import leads
from sellerdesk.config import Settings
from sellerdesk.copying import commit_copy, prepare_copy
from sellerdesk.followups import queue
from sellerdesk.orders import feedback
from sellerdesk.rulebook import Refused
from sellerdesk.templates.loading import load_library


def _asks(q) -> list[str]:
    return [
        item.username
        for lane in (q.overdue, q.today, q.upcoming)
        for item in lane.items
        if item.template == "referral.ask"
    ]


def test_the_ask_is_due_today_once_the_gate_holds(db, frozen_now, draft):
    leads.add_lead(db, "maya")
    place(db, "maya", draft, "FO1")
    complete(db, "FO1")
    assert _asks(queue.build(db, Settings())) == []
    feedback.record_feedback(db, "FO1", "positive", "Perfect, thank you!")
    q = queue.build(db, Settings())
    assert [i.username for i in q.today.items if i.template == "referral.ask"] == ["maya"]
    item = next(i for i in q.today.items if i.template == "referral.ask")
    assert item.due_at == frozen_now
    assert item.reason == "Ask for a referral: project accepted, client satisfied"


def test_copying_the_ask_counts_and_it_is_never_planned_again(db, frozen_now, draft):
    lead = leads.add_lead(db, "maya")
    place(db, "maya", draft, "FO1")
    complete(db, "FO1")
    ask = load_library().get("referral.ask")
    early = prepare_copy(db, ask, leads.get_lead(db, "maya"), Settings())
    assert early.blocked is not None and "No positive feedback" in early.blocked.sentence
    with pytest.raises(Refused, match="No positive feedback"):
        commit_copy(db, early, "system clipboard")  # the last check, inside the write unit
    feedback.record_feedback(db, "FO1", "positive")
    prepared = prepare_copy(db, ask, leads.get_lead(db, "maya"), Settings())
    commit_copy(db, prepared, "system clipboard")
    assert queue.build(db, Settings()).activity.referral_contacts == 1
    # The follow-up is closed by hand; feedback recorded again plans nothing new.
    from sellerdesk.followups import store

    # (The after-sales walkthrough waits on the lead too: close the ask itself.)
    waiting = store.for_lead(db, lead.id)
    store.done(db, followup_id=next(f.id for f in waiting if f.rule == "referral"))
    feedback.record_feedback(db, "FO1", "positive", "Told my friend about you")
    assert _asks(queue.build(db, Settings())) == []
    planned = store.for_lead(db, lead.id, include_closed=True)
    assert [f.template for f in planned if f.rule == "referral"] == ["referral.ask"]


def test_an_ask_copied_before_the_rule_ran_is_not_planned(db, frozen_now, draft):
    """A seller who asked right away (the gate held) gets no second ask in the queue."""
    from sellerdesk.followups import store

    lead = leads.add_lead(db, "maya")
    place(db, "maya", draft, "FO1")
    feedback.record_feedback(db, "FO1", "positive")
    complete(db, "FO1")
    ask = next(f for f in store.for_lead(db, lead.id) if f.rule == "referral")
    store.cancel(db, ask.id, "asked in person")
    text = load_library().get("referral.ask")
    commit_copy(db, prepare_copy(db, text, leads.get_lead(db, "maya"), Settings()), "printed")
    feedback.set_complaint(db, "FO1", True, "Logo is blurry")
    feedback.set_complaint(db, "FO1", False, "Sent a sharper logo")
    assert _asks(queue.build(db, Settings())) == []
