"""The rules that plan and cancel follow-ups when a lead changes.

Registered with `sellerdesk.rules`, so they run inside the same write unit
as the stage change or the do-not-contact flag that triggers them.
The numbers come from `settings.followups`.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from sellerdesk import rules
from sellerdesk.config import load_settings
from sellerdesk.db.models import LeadModel
from sellerdesk.followups import store
from sellerdesk.followups.when import after_days
from sellerdesk.vocab import STAGES

OFFER_RULE = "offer"
OFFER_TEMPLATES = ("followup.offer_day1", "followup.offer_day3", "followup.offer_day7")
# Stages that mean the offer was answered one way or the other.
PAST_OFFER = ("ordered", "in_progress", "delivered", "completed", "lost")


def offer_template(position: int) -> str:
    """The template for the n-th offer follow-up (the last one repeats if more are set)."""
    return OFFER_TEMPLATES[min(position, len(OFFER_TEMPLATES) - 1)]


def schedule_offer_followups(
    session: Session, lead: LeadModel, author: str, days: list[int] | None = None
) -> int:
    """Plan the follow-ups after an offer (+1, +3, +7 days by default).

    Nothing happens when offer follow-ups are already waiting, so sending the
    offer again (or moving back to Offer Sent) never doubles them.
    """
    if lead.do_not_contact:
        return 0
    waiting = store.active_for(session, lead.id)
    if any(followup.rule == OFFER_RULE for followup in waiting):
        return 0
    if days is None:
        days = load_settings().followups.offer_days
    planned = 0
    for position, count in enumerate(sorted({d for d in days if d > 0})):
        made = store.schedule(
            session,
            lead,
            after_days(count),
            f"Offer follow-up (day {count})",
            offer_template(position),
            author,
            has_time=True,
            rule=OFFER_RULE,
        )
        planned += made is not None
    return planned


@rules.on_stage_change
def _stage_changed(session: Session, lead: LeadModel, old: str, new: str, author: str) -> None:
    if new == "offer_sent":
        schedule_offer_followups(session, lead, author)
    elif new == "lost":
        store.cancel_active(session, lead, author, "lead lost")
    elif new in PAST_OFFER:
        store.cancel_active(session, lead, author, f"moved to {STAGES.label(new)}", rule=OFFER_RULE)


@rules.on_do_not_contact
def _do_not_contact(session: Session, lead: LeadModel, author: str) -> None:
    store.cancel_active(session, lead, author, "marked do-not-contact")
