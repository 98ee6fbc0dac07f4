"""Creating orders on a real database: the gate holds for every caller, and what follows
(stage, follow-ups, timeline, requirements reminders) happens in the same write."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from sellerdesk import clock, leads, rules
from sellerdesk.db.models import OrderModel
from sellerdesk.errors import Duplicate
from sellerdesk.followups import store as followups
from sellerdesk.orders import store
from sellerdesk.orders.requirements import set_requirements
from sellerdesk.orders.store import OrderRefused, create_order


def _order_count(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(OrderModel.id))) or 0


def test_an_order_is_created_with_the_yes_and_the_lead_moves_to_ordered(db, lead, draft):
    waiting = followups.for_lead(db, lead.id)
    assert [f.rule for f in waiting] == ["offer", "offer", "offer"]

    order = create_order(db, "brightsmile", draft.with_changes(number="#fo81a2b3c4d5"))

    assert order.number == "FO81A2B3C4D5" and order.kind == "fiverr"
    assert order.status == "under_review" and order.created_by == "tester"
    assert order.consent_text == "Yes, please place the order"
    assert order.prechecks == {
        "consent": True, "delivery": True, "pages": True, "price": True, "scope": True
    }  # fmt: skip
    assert order.delivery_due_at == clock.now() + timedelta(days=7)
    assert leads.get_lead(db, "brightsmile").stage == "ordered"
    # The offer follow-ups were cancelled; the delivery date waits in their place.
    (delivery,) = followups.for_lead(db, lead.id)
    assert (delivery.rule, delivery.reason) == (
        "delivery",
        "Delivery due: order FO81A2B3C4D5 ($450)",
    )
    assert (delivery.due_at, delivery.has_time) == (
        clock.now() + timedelta(days=7, hours=-10),
        False,
    )
    kinds = [e.kind for e in leads.lead_timeline(db, lead.id)]
    assert kinds[:6] == ["followup_scheduled"] + ["followup_cancelled"] * 3 + [
        "stage",
        "order_created",
    ]
    created = next(e for e in leads.lead_timeline(db, lead.id) if e.kind == "order_created")
    assert created.author == "tester" and "Yes, please place the order" in created.body
    assert created.data["prechecks"]["scope"] == "hand"


def test_a_refused_draft_leaves_nothing_behind_and_names_every_reason(db, lead, draft):
    before = leads.lead_timeline(db, lead.id)
    with pytest.raises(OrderRefused) as caught:
        create_order(db, "brightsmile", draft.with_changes(consent="maybe", pages="", number="a b"))
    assert [p.key for p in caught.value.problems] == ["consent", "pages", "number"]
    assert "No order was created." in str(caught.value)
    assert _order_count(db) == 0
    assert leads.get_lead(db, "brightsmile").stage == "offer_sent"
    assert leads.lead_timeline(db, lead.id) == before


def test_direct_orders_get_numbers_per_day_and_numbers_are_unique(db, lead, draft):
    first = create_order(db, "brightsmile", draft)
    second = create_order(db, "brightsmile", draft)
    assert (first.kind, first.number) == ("direct", "D-20261123-0001")
    assert second.number == "D-20261123-0002"
    create_order(db, "brightsmile", draft.with_changes(number="FO1234"))
    with pytest.raises(Duplicate, match="FO1234 is already recorded"):
        create_order(db, "brightsmile", draft.with_changes(number="#fo1234"))
    assert _order_count(db) == 3


def test_a_rule_that_fails_rolls_the_whole_order_back(db, lead, draft):
    calls = []

    def broken(session, order, old, new, author):
        calls.append((order.number, old, new, author))
        raise RuntimeError("rule failed")

    rules._load_rule_modules()
    rules._order_rules.append(broken)
    try:
        with pytest.raises(RuntimeError):
            create_order(db, "brightsmile", draft.with_changes(number="FO999"))
    finally:
        rules._order_rules.remove(broken)
    assert calls == [("FO999", None, "under_review", "tester")]
    assert _order_count(db) == 0
    assert leads.get_lead(db, "brightsmile").stage == "offer_sent"
    assert [f.rule for f in followups.for_lead(db, lead.id)] == ["offer"] * 3


def _reminders(db, lead_id):
    return [f for f in followups.for_lead(db, lead_id) if f.rule == "requirements"]


def test_incomplete_requirements_plan_a_reminder_until_submitted(db, lead, draft, frozen_now):
    order = create_order(db, "brightsmile", draft.with_changes(requirements="incomplete"))
    waiting = _reminders(db, lead.id)
    assert [(f.template, f.rule) for f in waiting] == [("order.requirements_full", "requirements")]
    assert waiting[0].due_at == frozen_now + timedelta(days=1)

    set_requirements(db, order.number, "partial", missing="logo, About page text")
    waiting = _reminders(db, lead.id)
    assert [f.template for f in waiting] == ["order.requirements_partial"]
    assert leads.get_lead(db, "brightsmile").values["missing_items"] == "logo, About page text"

    done = set_requirements(db, order.number, "submitted")
    assert done.requirements == "submitted"
    assert _reminders(db, lead.id) == []
    bodies = [e.body for e in leads.lead_timeline(db, lead.id) if e.kind == "order_requirements"]
    assert bodies[0] == f"Order {order.number}: requirements submitted"


def test_reminders_follow_the_settings_interval(db, lead, draft, frozen_now, isolated_home):
    config = isolated_home / "config" / "sellerdesk"
    config.mkdir(parents=True, exist_ok=True)
    (config / "settings.toml").write_text("[followups]\nrequirements_days = 3\n")
    create_order(db, "brightsmile", draft.with_changes(requirements="partial"))
    (reminder,) = _reminders(db, lead.id)
    assert reminder.due_at == frozen_now + timedelta(days=3)


def test_prechecks_are_stored_as_json(db, lead, draft):
    order = create_order(db, "brightsmile", draft)
    with db.read() as session:
        raw = session.scalar(select(OrderModel.prechecks).where(OrderModel.id == order.id))
    assert json.loads(raw)["consent"] is True


def test_lists_and_reads(db, lead, draft):
    create_order(db, "brightsmile", draft.with_changes(number="FO1"))
    leads.add_lead(db, "otherclient")
    create_order(db, "otherclient", draft.with_changes(number="FO2"))
    assert [r.number for r in store.list_orders(db)] == ["FO2", "FO1"]
    assert [r.number for r in store.list_orders(db, username="BrightSmile")] == ["FO1"]
    assert store.get_order(db, "#fo1").username == "brightsmile"


def test_a_reminder_marked_done_plans_the_next_until_requirements_are_in(
    db, lead, draft, frozen_now
):
    order = create_order(db, "brightsmile", draft.with_changes(requirements="partial"))
    (first,) = [f for f in _reminders(db, lead.id) if f.status == "open"]
    clock.freeze(frozen_now + timedelta(days=1, hours=2))
    followups.done(db, followup_id=first.id)
    waiting = [f for f in _reminders(db, lead.id) if f.status == "open"]
    assert [f.template for f in waiting] == ["order.requirements_partial"]
    assert waiting[0].due_at == frozen_now + timedelta(days=2, hours=2)
    assert leads.get_lead(db, "brightsmile").next_followup_at == waiting[0].due_at

    set_requirements(db, order.number, "submitted")
    followups_left = [f for f in _reminders(db, lead.id) if f.status == "open"]
    assert followups_left == []
