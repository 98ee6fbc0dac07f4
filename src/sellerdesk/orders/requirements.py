"""Order requirements (seed 000, direct orders): submitted, partly or fully incomplete.

While they are incomplete a reminder follow-up waits on the lead, with the
approved message for that state; it is re-planned when the state changes
and cancelled when they are complete (or the order ends).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from sellerdesk import clock
from sellerdesk.config import load_settings
from sellerdesk.db.engine import Database
from sellerdesk.db.models import LeadModel, OrderModel
from sellerdesk.errors import Invalid
from sellerdesk.followups import store as followups
from sellerdesk.followups.when import after_days
from sellerdesk.leads import set_value
from sellerdesk.orders.items import REQUIREMENTS, REQUIREMENTS_TEMPLATES, Order
from sellerdesk.orders.rows import check_version, load, to_record
from sellerdesk.timeline import record

REMINDER_RULE = "requirements"
# The partly-incomplete message lists what is missing from this lead value.
MISSING_VALUE = "missing_items"


def template_for(state: str) -> str:
    return REQUIREMENTS_TEMPLATES[state]


def plan_reminder(
    session: Session, lead: LeadModel, order: OrderModel, author: str, every_days: int
) -> bool:
    """Plan the next requirements reminder for this order (never on a do-not-contact lead)."""
    if lead.do_not_contact or order.requirements == "submitted":
        return False
    made = followups.schedule(
        session,
        lead,
        after_days(max(1, every_days)),
        f"Requirements for order {order.number} {REQUIREMENTS.label(order.requirements).lower()}",
        template_for(order.requirements),
        author,
        rule=REMINDER_RULE,
    )
    return made is not None


def cancel_reminders(session: Session, lead: LeadModel, author: str, why: str) -> int:
    return followups.cancel_active(session, lead, author, why, rule=REMINDER_RULE)


def set_requirements(
    db: Database,
    number: str,
    state: str,
    *,
    missing: str = "",
    expected_version: int | None = None,
) -> Order:
    """Record where the requirements stand; what is missing fills the partly-incomplete message."""
    new = REQUIREMENTS.parse(state)
    missing = " ".join((missing or "").split()) if new != "partial" else (missing or "").strip()
    settings = load_settings()
    with db.write() as session:
        order, lead = load(session, number)
        check_version(order, expected_version)
        if order.status in ("completed", "cancelled"):
            raise Invalid(f"Order {order.number} is {order.status}; its requirements are closed.")
        old = order.requirements
        if old == new and not missing:
            return to_record(order, lead.username)
        order.requirements = new
        order.updated_at = clock.now()
        lead.updated_at = order.updated_at
        if missing:
            set_value(lead, MISSING_VALUE, missing)
        body = f"Order {order.number}: requirements {REQUIREMENTS.label(new).lower()}"
        if missing:
            body += f" (missing: {missing})"
        record(
            session,
            lead,
            "order_requirements",
            body,
            author=db.author,
            data={"order": order.number, "from": old, "to": new, "template": template_for(new)},
        )
        if new == "submitted":
            cancel_reminders(session, lead, db.author, "requirements submitted")
        elif old != new:
            cancel_reminders(session, lead, db.author, f"requirements now {new}")
            plan_reminder(session, lead, order, db.author, settings.followups.requirements_days)
        else:
            plan_reminder(session, lead, order, db.author, settings.followups.requirements_days)
        session.flush()
        return to_record(order, lead.username)
