"""Deliveries due in the morning queue.

Each open order's delivery date waits on its lead as a follow-up made by the
"delivery" rule, due at the start of the local due day, so it shows in the
queue's Overdue / Today / Upcoming lanes with their indexes and limits, and
do-not-contact leads stay out of it. It goes away when the order is
delivered, completed or cancelled, and comes back if a delivery is taken back.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from sellerdesk import clock
from sellerdesk.db.models import LeadModel, OrderModel
from sellerdesk.followups import store as followups
from sellerdesk.followups.when import start_of_day
from sellerdesk.orders.items import format_price

DELIVERY_RULE = "delivery"
# Statuses in which the seller still owes a delivery.
OWED = ("under_review", "in_progress", "revision")


def reason(order: OrderModel) -> str:
    return f"Delivery due: order {order.number} ({format_price(order.price_cents)})"


def plan(session: Session, lead: LeadModel, order: OrderModel, author: str) -> bool:
    if lead.do_not_contact or order.delivery_due_at is None or order.status not in OWED:
        return False
    if any(
        f.rule == DELIVERY_RULE and f.reason == reason(order)
        for f in followups.active_for(session, lead.id)
    ):
        return False
    day = clock.to_local(order.delivery_due_at).date()
    made = followups.schedule(
        session, lead, start_of_day(day), reason(order), None, author,
        has_time=False, rule=DELIVERY_RULE,
    )  # fmt: skip
    return made is not None


def settle(session: Session, lead: LeadModel, order: OrderModel, author: str, why: str) -> None:
    """After a status change: plan the delivery while one is owed, else cancel this order's."""
    if order.status in OWED:
        plan(session, lead, order, author)
        return
    mine = reason(order)
    done = [
        f for f in followups.active_for(session, lead.id)
        if f.rule == DELIVERY_RULE and f.reason == mine
    ]  # fmt: skip
    for followup in done:
        followups.mark_cancelled(session, lead, followup, author, why)
    if done:
        followups.refresh_next(session, lead)


def move_due(db, number: str, due, *, expected_version: int | None = None):
    """A new delivery date (an extension agreed in chat): the queue entry moves with it."""
    from sellerdesk.errors import Invalid
    from sellerdesk.followups.when import describe
    from sellerdesk.orders.rows import check_version, load, to_record
    from sellerdesk.timeline import record

    if due is None:
        raise Invalid("Say when the delivery is due now (e.g. 3d, fri, 2026-12-01).")
    if due <= clock.now():
        raise Invalid("The new delivery date is in the past.")
    with db.write() as session:
        order, lead = load(session, number)
        check_version(order, expected_version)
        if order.status not in OWED:
            raise Invalid(f"Order {order.number} is {order.status}; no delivery is owed.")
        before = order.delivery_due_at
        order.delivery_due_at = due
        order.updated_at = clock.now()
        lead.updated_at = order.updated_at
        was = describe(before, False) if before else "none"
        record(
            session,
            lead,
            "order_due",
            f"Order {order.number}: delivery due {describe(due, False)} (was {was})",
            author=db.author,
            data={"order": order.number},
        )
        for followup in followups.active_for(session, lead.id):
            if followup.rule == DELIVERY_RULE and followup.reason == reason(order):
                followups.mark_cancelled(session, lead, followup, db.author, "delivery date moved")
        session.flush()
        plan(session, lead, order, db.author)
        followups.refresh_next(session, lead)
        return to_record(order, lead.username)
