"""Order rows inside a write unit: load one (with its lead), turn it into a
plain `Order`, check its version, and move the lead's stage with its orders.

Every module that changes an order (status, requirements, deliveries,
feedback, disputes, notes, checklists) starts from these, as `store` does.
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk import clock, rules
from sellerdesk.db.models import LeadModel, OrderModel
from sellerdesk.errors import NotFound
from sellerdesk.orders.fields import clean_number
from sellerdesk.orders.items import STAGE_FOR_STATUS, Order
from sellerdesk.timeline import record
from sellerdesk.vocab import STAGES


def to_record(model: OrderModel, username: str) -> Order:
    return Order(
        id=model.id,
        lead_id=model.lead_id,
        username=username,
        number=model.number,
        kind=model.kind,
        pages=model.pages,
        design_direction=model.design_direction,
        price_cents=model.price_cents,
        delivery_days=model.delivery_days,
        delivery_due_at=model.delivery_due_at,
        requirements=model.requirements,
        status=model.status,
        consent_text=model.consent_text,
        consent_at=model.consent_at,
        prechecks=_decode(model.prechecks),
        satisfaction=model.satisfaction,
        feedback=model.feedback,
        complaint_open=model.complaint_open,
        cancel_reason=model.cancel_reason,
        notes=model.notes,
        created_by=model.created_by,
        created_at=model.created_at,
        updated_at=model.updated_at,
        version=model.version,
        walkthrough_text=model.walkthrough_text,
        walkthrough_at=model.walkthrough_at,
        walkthrough_by=model.walkthrough_by,
    )


def _decode(text: str | None) -> dict[str, bool]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return {str(k): bool(v) for k, v in value.items()} if isinstance(value, dict) else {}


def load(session: Session, number: str) -> tuple[OrderModel, LeadModel]:
    key = clean_number(number)
    order = (
        session.scalars(select(OrderModel).where(OrderModel.number == key)).first() if key else None
    )
    if order is None:
        raise NotFound(f"No order numbered '{number.strip()}'.")
    return order, session.get_one(LeadModel, order.lead_id)


def load_id(session: Session, order_id: int) -> tuple[OrderModel, LeadModel]:
    order = session.get(OrderModel, order_id)
    if order is None:
        raise NotFound(f"No order with id {order_id}.")
    return order, session.get_one(LeadModel, order.lead_id)


def check_version(order: OrderModel, expected: int | None, seen: Order | None = None) -> None:
    from sellerdesk.stale import refuse_if_stale

    if expected is None and seen is not None:
        expected = seen.version
    refuse_if_stale(order, expected, f"Order {order.number}", seen=seen)


def move_lead(session: Session, lead: LeadModel, new: str, author: str, why: str) -> None:
    """Move the lead's stage inside this unit, the way `leads.set_stage` does."""
    old = lead.stage
    if old == new:
        return
    now = clock.now()
    lead.stage = new
    lead.stage_since = now
    lead.updated_at = now
    body = f"{STAGES.label(old)} → {STAGES.label(new)}"
    if why:
        body += f" ({why})"
    record(session, lead, "stage", body, author=author, data={"from": old, "to": new})
    rules.stage_changed(session, lead, old, new, author)


def follow_stage(session: Session, lead: LeadModel, author: str, why: str) -> None:
    """The lead's stage follows its latest order that was not cancelled. With none
    left the client goes back to qualification with a nurture follow-up (seed 003),
    or is Lost when they must not be contacted."""
    session.flush()
    latest = session.scalar(
        select(OrderModel.status)
        .where(OrderModel.lead_id == lead.id, OrderModel.status != "cancelled")
        .order_by(OrderModel.created_at.desc(), OrderModel.id.desc())
        .limit(1)
    )
    if latest:
        move_lead(session, lead, STAGE_FOR_STATUS.get(latest, lead.stage), author, why)
    elif lead.do_not_contact:
        move_lead(session, lead, "lost", author, f"{why}; do not contact")
    else:
        from sellerdesk.outcomes import back_to_qualification

        back_to_qualification(session, lead, author, why, kind="order_cancelled")
