"""Creating and reading orders.

An order is created in one write unit with everything that follows from it:
the timeline entry, the lead's move to Ordered (which cancels the offer
follow-ups), the requirements reminder when they are missing, and the order
rules (e.g. a referral becoming earned). The gate runs here, not only in
the screens, so no entry point can save an order without the client's yes
and the pre-checks.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk import clock, rules
from sellerdesk.config import Settings, load_settings
from sellerdesk.db.engine import Database
from sellerdesk.db.models import LeadModel, OrderModel
from sellerdesk.errors import Duplicate, Invalid, NotFound
from sellerdesk.followups.when import after_days, describe
from sellerdesk.leads import _load as load_lead
from sellerdesk.orders import gate
from sellerdesk.orders.fields import clean_number
from sellerdesk.orders.items import (
    KINDS,
    REQUIREMENTS,
    STAGE_FOR_STATUS,
    STATUSES,
    Order,
    OrderRow,
    Problem,
    format_price,
)
from sellerdesk.timeline import record
from sellerdesk.vocab import STAGES

FIRST_STATUS = "under_review"


class OrderRefused(Invalid):
    """The gate said no; `problems` names every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("No order was created. " + " ".join(str(p) for p in problems))


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
    )


def _decode(text: str | None) -> dict[str, bool]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return {str(k): bool(v) for k, v in value.items()} if isinstance(value, dict) else {}


# ------------------------------------------------------------ inside a write unit


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
    """The lead's stage follows its latest order that was not cancelled; none left: Lost."""
    session.flush()
    latest = session.scalar(
        select(OrderModel.status)
        .where(OrderModel.lead_id == lead.id, OrderModel.status != "cancelled")
        .order_by(OrderModel.created_at.desc(), OrderModel.id.desc())
        .limit(1)
    )
    stage = STAGE_FOR_STATUS.get(latest, lead.stage) if latest else "lost"
    move_lead(session, lead, stage, author, why)


def _direct_number(session: Session) -> str:
    """D-YYYYMMDD-NNNN, numbered per local day."""
    prefix = f"D-{clock.local_now():%Y%m%d}-"
    # '.' sorts right after '-', so this range is exactly the day's numbers.
    last = session.scalar(
        select(func.max(OrderModel.number)).where(
            OrderModel.number >= prefix, OrderModel.number < prefix[:-1] + "."
        )
    )
    count = int(last.rsplit("-", 1)[1]) if last and last.rsplit("-", 1)[1].isdigit() else 0
    return f"{prefix}{count + 1:04d}"


def _delivery(draft: gate.Draft) -> tuple[int | None, datetime | None]:
    days, due = draft.delivery_days, draft.due_at
    if due is None and days is not None:
        due = after_days(days)
    if days is None and due is not None:
        local_days = (clock.to_local(due).date() - clock.local_now().date()).days
        days = max(1, local_days)
    return days, due


# ------------------------------------------------------------ one write unit each


def create_order(
    db: Database, username: str, draft: gate.Draft, *, settings: Settings | None = None
) -> Order:
    """Save the order if the client said yes and every pre-check holds; else refuse, naming why."""
    settings = settings or load_settings()
    now = clock.now()
    problems = gate.review(
        draft,
        now,
        max_price_cents=settings.limits.offer_max_price * 100,
        max_days=settings.limits.offer_max_days,
    )
    try:
        number = clean_number(draft.number)
    except Invalid as exc:
        problems.append(Problem("number", str(exc)))
        number = ""
    if problems:
        raise OrderRefused(problems)
    days, due = _delivery(draft)
    checks = gate.prechecks(draft, now)
    with db.write() as session:
        lead = load_lead(session, username)
        if number:
            taken = session.scalar(select(OrderModel.lead_id).where(OrderModel.number == number))
            if taken is not None:
                raise Duplicate(f"Order {number} is already recorded; nothing was created.")
            kind = "fiverr"
        else:
            number = _direct_number(session)
            kind = "direct"
        order = OrderModel(
            lead_id=lead.id,
            number=number,
            kind=kind,
            pages=draft.pages.strip(),
            design_direction=draft.design_direction.strip(),
            price_cents=draft.price_cents,
            delivery_days=days,
            delivery_due_at=due,
            requirements=draft.requirements,
            status=FIRST_STATUS,
            consent_text=draft.consent.strip(),
            consent_at=now,
            prechecks=json.dumps(
                {"consent": True, **{c.key: c.ok for c in checks}}, sort_keys=True
            ),
            complaint_open=False,
            notes=draft.notes.strip() or None,
            created_by=db.author,
            created_at=now,
            updated_at=now,
        )
        session.add(order)
        session.flush()
        lead.updated_at = now
        record(
            session,
            lead,
            "order_created",
            _created_body(order),
            author=db.author,
            data={
                "order": number,
                "order_id": order.id,
                "kind": kind,
                "consent": order.consent_text,
                "prechecks": {c.key: draft.source(c.key) for c in checks},
            },
        )
        follow_stage(session, lead, db.author, f"order {number}")
        from sellerdesk.orders.deliveries import plan as plan_delivery

        plan_delivery(session, lead, order, db.author)
        if draft.requirements != "submitted":
            from sellerdesk.orders.requirements import plan_reminder

            plan_reminder(session, lead, order, db.author, settings.followups.requirements_days)
        rules.order_changed(session, order, None, FIRST_STATUS, db.author)
        session.flush()
        return to_record(order, lead.username)


def _created_body(order: OrderModel) -> str:
    parts = [f"{KINDS.label(order.kind)} {order.number}", format_price(order.price_cents)]
    if order.delivery_due_at is not None:
        parts.append(f"due {describe(order.delivery_due_at, False)}")
    parts.append(f"requirements {REQUIREMENTS.label(order.requirements).lower()}")
    return ", ".join(parts) + f'. Client\'s yes: "{order.consent_text}"'


# ------------------------------------------------------------ reading


def get_order(db: Database, number: str) -> Order:
    with db.read() as session:
        order, lead = load(session, number)
        return to_record(order, lead.username)


def get_order_by_id(db: Database, order_id: int) -> Order:
    with db.read() as session:
        order, lead = load_id(session, order_id)
        return to_record(order, lead.username)


def list_orders(
    db: Database,
    *,
    status: str | None = None,
    username: str | None = None,
    lead_id: int | None = None,
    limit: int = 100,
) -> list[OrderRow]:
    """Newest first."""
    stmt = select(
        OrderModel.id,
        OrderModel.number,
        OrderModel.kind,
        LeadModel.username,
        OrderModel.status,
        OrderModel.requirements,
        OrderModel.price_cents,
        OrderModel.delivery_due_at,
        OrderModel.created_at,
    ).join(LeadModel, LeadModel.id == OrderModel.lead_id)
    if status:
        stmt = stmt.where(OrderModel.status == STATUSES.parse(status))
    if username:
        from sellerdesk.checks import clean_username

        stmt = stmt.where(LeadModel.username_key == clean_username(username).lower())
    if lead_id is not None:
        stmt = stmt.where(OrderModel.lead_id == lead_id)
    stmt = stmt.order_by(OrderModel.created_at.desc(), OrderModel.id.desc()).limit(limit)
    with db.read() as session:
        return [OrderRow(*row) for row in session.execute(stmt)]


def days_left(order: Order) -> int | None:
    if order.delivery_due_at is None:
        return None
    return (clock.to_local(order.delivery_due_at).date() - clock.local_now().date()).days
