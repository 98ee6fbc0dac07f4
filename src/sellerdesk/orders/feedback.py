"""The client's feedback on an order and complaints: what the referral gate reads.

A referral may be asked only after a completed order with positive feedback
and no complaint open (seed 002).
"""

from __future__ import annotations

from sellerdesk import clock, rules
from sellerdesk.db.engine import Database
from sellerdesk.errors import Invalid
from sellerdesk.orders.items import SATISFACTION, Order
from sellerdesk.orders.rows import check_version, load, to_record
from sellerdesk.timeline import record

MAX_TEXT = 4000


def _clean(text: str) -> str:
    value = (text or "").strip()
    if len(value) > MAX_TEXT:
        raise Invalid(f"That text is longer than {MAX_TEXT} characters.")
    return value


def record_feedback(
    db: Database,
    number: str,
    satisfaction: str,
    text: str = "",
    *,
    expected_version: int | None = None,
) -> Order:
    """Positive or negative, with the client's words when there are any."""
    mood = SATISFACTION.parse(satisfaction)
    words = _clean(text)
    with db.write() as session:
        order, lead = load(session, number)
        check_version(order, expected_version)
        order.satisfaction = mood
        order.feedback = words or None
        order.updated_at = clock.now()
        lead.updated_at = order.updated_at
        body = f"Order {order.number}: {SATISFACTION.label(mood).lower()} feedback"
        if words:
            body += f': "{words}"'
        record(
            session,
            lead,
            "order_feedback",
            body,
            author=db.author,
            data={"order": order.number, "satisfaction": mood},
        )
        # Same status, new feedback: the order rules re-read it (the referral gate).
        rules.order_changed(session, order, order.status, order.status, db.author)
        session.flush()
        return to_record(order, lead.username)


def set_complaint(
    db: Database,
    number: str,
    is_open: bool,
    text: str = "",
    *,
    expected_version: int | None = None,
) -> Order:
    """Open a complaint (what the client complains about is required) or close it."""
    words = _clean(text)
    if is_open and not words:
        raise Invalid("Say what the client complains about (it is kept on record).")
    with db.write() as session:
        order, lead = load(session, number)
        check_version(order, expected_version)
        if order.complaint_open == is_open:
            state = "open" if is_open else "closed"
            raise Invalid(f"Order {order.number} has its complaint {state} already.")
        order.complaint_open = is_open
        order.updated_at = clock.now()
        lead.updated_at = order.updated_at
        kind = "complaint_opened" if is_open else "complaint_closed"
        body = f"Order {order.number}: complaint {'opened' if is_open else 'closed'}"
        if words:
            body += f": {words}"
        record(session, lead, kind, body, author=db.author, data={"order": order.number})
        rules.order_changed(session, order, order.status, order.status, db.author)
        session.flush()
        return to_record(order, lead.username)
