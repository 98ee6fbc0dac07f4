"""Passing a rule on purpose: the seller gives a reason (scope agreed in an
earlier chat), and the timeline keeps the rule, the reason and who passed it.
Nothing passes silently."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sellerdesk.db.models import LeadModel
from sellerdesk.errors import Invalid
from sellerdesk.rulebook.rules import Refusal
from sellerdesk.timeline import record

OVERRIDE_KIND = "rule_override"
MAX_REASON = 500


def clean_reason(reason: str | None) -> str | None:
    """The reason on one line; None when none was given. Refuses one too long."""
    text = " ".join((reason or "").split())
    if not text:
        return None
    if len(text) > MAX_REASON:
        raise Invalid(f"A reason to pass a rule can be at most {MAX_REASON} characters.")
    return text


def record_override(
    session: Session,
    lead: LeadModel,
    refusal: Refusal,
    reason: str,
    author: str,
    *,
    template: str | None = None,
) -> None:
    """Inside the unit that does what the rule refused."""
    record(
        session,
        lead,
        OVERRIDE_KIND,
        f"Passed on purpose: {refusal.title}. Reason: {reason}",
        author=author,
        data={
            "rule": refusal.rule,
            "title": refusal.title,
            "refused": refusal.sentence,
            "reason": reason,
            "template": template,
        },
    )
