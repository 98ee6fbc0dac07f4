"""The referral ask in the morning queue: planned for today once the gate
holds (once per lead), taken back out when it no longer does.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sellerdesk import clock
from sellerdesk.db.models import EventModel, FollowUpModel, LeadModel
from sellerdesk.event_kinds import COPIED_KIND
from sellerdesk.followups.activity import sent_template
from sellerdesk.referrals.guard import gate_in_unit

ASK_TEMPLATE = "referral.ask"
ASK_RULE = "referral"


def _ask_already_planned_or_sent(session: Session, lead_id: int) -> bool:
    planned = session.scalar(
        select(func.count(FollowUpModel.id)).where(
            FollowUpModel.lead_id == lead_id,
            FollowUpModel.rule == ASK_RULE,
            FollowUpModel.status != "cancelled",
        )
    )
    if planned:
        return True
    copies = session.scalars(
        select(EventModel.data).where(EventModel.lead_id == lead_id, EventModel.kind == COPIED_KIND)
    )
    return any(sent_template(COPIED_KIND, data) == ASK_TEMPLATE for data in copies)


def review_ask(session: Session, lead: LeadModel, author: str) -> FollowUpModel | None:
    """Inside a write unit: plan the referral ask for today once the gate holds
    (only once per lead); take a waiting ask back out of the queue when it no
    longer holds."""
    from sellerdesk.followups import store

    gate = gate_in_unit(session, lead.id)
    if not gate.holds:
        store.cancel_active(session, lead, author, f"referral gate: {gate.reason()}", rule=ASK_RULE)
        return None
    if lead.do_not_contact or _ask_already_planned_or_sent(session, lead.id):
        return None
    return store.schedule(
        session,
        lead,
        clock.now(),
        "Ask for a referral: project accepted, client satisfied",
        ASK_TEMPLATE,
        author,
        has_time=True,
        rule=ASK_RULE,
    )
