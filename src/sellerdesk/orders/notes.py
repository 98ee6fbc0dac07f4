"""Notes on an order: dated, signed lines kept with the order and on the timeline.

The notes are what the seller checks first in a price dispute (seed 004 §8).
"""

from __future__ import annotations

from sellerdesk import clock
from sellerdesk.db.engine import Database
from sellerdesk.db.models import LeadModel, OrderModel
from sellerdesk.errors import Invalid
from sellerdesk.orders.items import Order
from sellerdesk.orders.rows import load, to_record
from sellerdesk.timeline import record

MAX_NOTE = 4000


def append_note(order: OrderModel, author: str, text: str) -> None:
    stamp = clock.local_now().strftime("%Y-%m-%d %H:%M")
    line = f"{stamp} {author}: {text}"
    order.notes = f"{order.notes}\n{line}" if order.notes else line


def clean_note(text: str) -> str:
    value = (text or "").strip()
    if not value:
        raise Invalid("A note cannot be empty.")
    if len(value) > MAX_NOTE:
        raise Invalid(f"A note can be at most {MAX_NOTE} characters.")
    return value


def _write(db: Database, number: str, text: str, kind: str, prefix: str) -> Order:
    value = clean_note(text)
    with db.write() as session:
        order, lead = load(session, number)
        append_note(order, db.author, f"{prefix}{value}")
        _touch(order, lead)
        record(
            session,
            lead,
            kind,
            f"Order {order.number}: {prefix}{value}",
            author=db.author,
            data={"order": order.number},
        )
        session.flush()
        return to_record(order, lead.username)


def _touch(order: OrderModel, lead: LeadModel) -> None:
    order.updated_at = clock.now()
    lead.updated_at = order.updated_at


def add_note(db: Database, number: str, text: str) -> Order:
    return _write(db, number, text, "order_note", "")


def record_objection(db: Database, number: str, text: str) -> Order:
    """The client objects to the price: their words go on the order and the timeline."""
    return _write(db, number, text, "price_dispute", "Price objection: ")
