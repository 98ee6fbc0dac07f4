"""Price disputes (seed 004 §8): when a client says "I didn't agree to this price".

Everything the seller needs is put side by side: the client's yes in their
own words, when it was given, the agreed price and scope, the notes and the
earlier objections, with the scripted response. Cancelling, if it comes to
that, is `status.cancel_order` with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from sellerdesk.db.engine import Database
from sellerdesk.db.models import EventModel
from sellerdesk.orders.items import Order
from sellerdesk.orders.rows import load, to_record
from sellerdesk.records import Event
from sellerdesk.timeline import to_record as event_record

# The seed's four actions, for a fixed-price website order.
RESPONSE = (
    ("Check the notes", "Read the client's yes, the agreed price and the notes below first."),
    (
        "Re-explain the price",
        "Calmly restate what the fixed price covers: the agreed pages, the design direction "
        "and the delivery time, as confirmed in chat before the order.",
    ),
    (
        "Offer cancellation if required",
        "If the client still does not agree, offer to cancel the order; record the reason.",
    ),
    ("Do not argue", "Stay factual and polite; the chat is the record."),
)
ORDER_KINDS = (
    "order_created",
    "order_status",
    "order_requirements",
    "order_due",
    "order_checklist",
    "order_check",
    "order_note",
    "price_dispute",
    "order_feedback",
    "complaint_opened",
    "complaint_closed",
    "order_walkthrough",
)


@dataclass(frozen=True)
class Dispute:
    order: Order
    history: tuple[Event, ...]  # this order's entries on the timeline, oldest first
    response: tuple[tuple[str, str], ...] = RESPONSE

    @property
    def objections(self) -> tuple[Event, ...]:
        return tuple(e for e in self.history if e.kind == "price_dispute")


def view(db: Database, number: str, *, limit: int = 200) -> Dispute:
    with db.read() as session:
        order, lead = load(session, number)
        rows = session.scalars(
            select(EventModel)
            .where(EventModel.lead_id == lead.id, EventModel.kind.in_(ORDER_KINDS))
            .order_by(EventModel.at.desc(), EventModel.id.desc())
            .limit(limit)
        )
        events = [event_record(row) for row in rows]
        record = to_record(order, lead.username)
    mine = tuple(e for e in reversed(events) if (e.data or {}).get("order") == record.number)
    return Dispute(record, mine)
