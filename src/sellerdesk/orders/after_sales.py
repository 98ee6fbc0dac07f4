"""After-sales support (seed 001): "For Control panel Training, Email Set up
for Third party Email Access, or any client meeting concern that needed to
attend after sales ... a walkthrough Conforme" signed by the client.

When an order is delivered its after-sales checklist starts, and the
walkthrough waits in the morning queue (a follow-up by the "after_sales"
rule, with the message asking the client to confirm) and on the order until
the client confirms it in their own words. Those words pass the same reading
as consent does (`orders.gate.walkthrough_problem`) and are kept on the
order, with who recorded them and when. A reminder marked done without the
confirmation comes back `followups.after_sales_days` later.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk import clock, rules
from sellerdesk.config import load_settings
from sellerdesk.db.engine import Database
from sellerdesk.db.models import LeadModel, OrderModel
from sellerdesk.errors import Invalid
from sellerdesk.followups import store as followups
from sellerdesk.followups.when import after_days
from sellerdesk.orders.checklists import ensure, items_of, rows_of
from sellerdesk.orders.gate import walkthrough_problem
from sellerdesk.orders.items import Order
from sellerdesk.orders.job_order import AFTER_SALES, WALKTHROUGH_TEMPLATE
from sellerdesk.orders.rows import check_version, load, to_record
from sellerdesk.timeline import record

RULE = "after_sales"
# Statuses in which the project has reached the client.
AFTER_DELIVERY = ("delivered", "completed")


def reason(order: OrderModel) -> str:
    return f"After-sales walkthrough to confirm: order {order.number}"


def _waiting(session: Session, lead: LeadModel, order: OrderModel):
    return [
        f
        for f in followups.active_for(session, lead.id)
        if f.rule == RULE and f.reason == reason(order)
    ]


def plan(session: Session, lead: LeadModel, order: OrderModel, author: str, due=None) -> bool:
    """Put the walkthrough in the queue (now, unless `due`) while it is not confirmed."""
    if lead.do_not_contact or order.walkthrough_at is not None or _waiting(session, lead, order):
        return False
    made = followups.schedule(
        session, lead, due or clock.now(), reason(order), WALKTHROUGH_TEMPLATE, author,
        has_time=True, rule=RULE,
    )  # fmt: skip
    return made is not None


def start(session: Session, lead: LeadModel, order: OrderModel, author: str) -> None:
    """Inside a write unit: the after-sales checklist and its place in the queue."""
    rows = rows_of(session, order.id)
    if not any(row.checklist == AFTER_SALES.key for row in rows):
        ensure(session, order, AFTER_SALES, rows)
        covered = ", ".join(item.label.lower() for item in AFTER_SALES.items[:2])
        record(
            session,
            lead,
            "order_checklist",
            f"Order {order.number}: after-sales walkthrough to do ({covered}, any meeting "
            "needed) until the client confirms it",
            author=author,
            data={"order": order.number, "checklist": AFTER_SALES.key},
        )
    plan(session, lead, order, author)


@rules.on_order_change
def _order_changed(
    session: Session, order: OrderModel, old: str | None, new: str, author: str
) -> None:
    if old == new:
        return
    lead = session.get_one(LeadModel, order.lead_id)
    if new in AFTER_DELIVERY and order.walkthrough_at is None:
        start(session, lead, order, author)
    elif new in ("cancelled", "in_progress"):
        # Cancelled, or the delivery taken back: no walkthrough until it is delivered.
        why = "order cancelled" if new == "cancelled" else "delivery taken back"
        for followup in _waiting(session, lead, order):
            followups.mark_cancelled(session, lead, followup, author, why)
        followups.refresh_next(session, lead)


@rules.on_followup_done
def _again_until_confirmed(session: Session, lead: LeadModel, followup, author: str) -> None:
    if getattr(followup, "rule", None) != RULE:
        return
    session.flush()
    orders = session.scalars(
        select(OrderModel).where(
            OrderModel.lead_id == lead.id,
            OrderModel.status.in_(AFTER_DELIVERY),
            OrderModel.walkthrough_at.is_(None),
        )
    )
    every = max(1, load_settings().followups.after_sales_days)
    for order in orders.all():
        if followup.reason == reason(order):
            plan(session, lead, order, author, after_days(every))


def confirm_walkthrough(
    db: Database, number: str, words: str, *, expected_version: int | None = None
) -> Order:
    """Record the client's confirmation of the walkthrough, in their words."""
    text = (words or "").strip()
    problem = walkthrough_problem(text)
    if problem is not None:
        raise Invalid(f"Not recorded: {problem}")
    with db.write() as session:
        order, lead = load(session, number)
        check_version(order, expected_version)
        if order.walkthrough_at is not None:
            raise Invalid(f"Order {order.number}'s walkthrough is confirmed already.")
        rows = [r for r in rows_of(session, order.id) if r.checklist == AFTER_SALES.key]
        if not rows:
            raise Invalid(
                f"Order {order.number} is not delivered yet; the after-sales walkthrough "
                "comes after the delivery."
            )
        undone = [item.label.lower() for item in items_of(AFTER_SALES, rows) if not item.done]
        if undone:
            raise Invalid(
                f"Not recorded: tick what the walkthrough covered first ({'; '.join(undone)})."
            )
        now = clock.now()
        order.walkthrough_text = text
        order.walkthrough_at = now
        order.walkthrough_by = db.author
        order.updated_at = now
        lead.updated_at = now
        record(
            session,
            lead,
            "order_walkthrough",
            f'Order {order.number}: walkthrough confirmed by the client: "{text}"',
            author=db.author,
            data={"order": order.number},
        )
        for followup in _waiting(session, lead, order):
            followups.mark_done(session, lead, followup, db.author, "the client confirmed")
        followups.refresh_next(session, lead)
        session.flush()
        return to_record(order, lead.username)
