"""Requirements reminders repeat until the requirements are complete.

When a requirements reminder is marked done and the order's requirements are
still incomplete, the next one is planned (settings.followups.requirements_days).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk import rules
from sellerdesk.config import load_settings
from sellerdesk.db.models import LeadModel, OrderModel
from sellerdesk.orders.items import OPEN_STATUSES
from sellerdesk.orders.requirements import REMINDER_RULE, plan_reminder


@rules.on_followup_done
def plan_next_reminder(session: Session, lead: LeadModel, followup, author: str) -> None:
    if getattr(followup, "rule", None) != REMINDER_RULE:
        return
    orders = session.scalars(
        select(OrderModel).where(
            OrderModel.lead_id == lead.id,
            OrderModel.requirements != "submitted",
            OrderModel.status.in_(OPEN_STATUSES),
        )
    )
    every = load_settings().followups.requirements_days
    session.flush()
    for order in orders.all():
        plan_reminder(session, lead, order, author, every)
