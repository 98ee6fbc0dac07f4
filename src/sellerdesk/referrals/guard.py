"""What the rule book reads for referral messages: a lead's orders as the
referral gate sees them, and what a referral text may not say.

No referral text (the ask, the ready-to-forward message, or any template of
the user's in the referral script) goes out with forbidden language or a
reward that disagrees with the setting, and every one of them, the
ready-to-forward text included, only once the gate holds (seed 002: after
acceptance, never during revisions or complaints). The rules themselves are
in `sellerdesk.rulebook.rules`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk import clock
from sellerdesk.config import Settings
from sellerdesk.db.engine import Database
from sellerdesk.db.models import OrderModel
from sellerdesk.referrals import reward
from sellerdesk.referrals.gate import Gate, OrderFacts, evaluate
from sellerdesk.templates.lint import (
    is_referral_template,
    lint_text,
    literal_text,
    reward_findings,
)
from sellerdesk.templates.model import Finding, Template

# Lint codes that stop a referral text outright (elsewhere they are shown).
REFUSING_CODES = ("forbidden-phrase", "reward-mismatch", "cash-reward", "referral-rating")


def order_facts(session: Session, lead_id: int) -> list[OrderFacts]:
    rows = session.execute(
        select(
            OrderModel.number,
            OrderModel.status,
            OrderModel.satisfaction,
            OrderModel.complaint_open,
            OrderModel.delivery_due_at,
            OrderModel.created_at,
        ).where(OrderModel.lead_id == lead_id)
    )
    return [OrderFacts(*row) for row in rows]


def gate_in_unit(session: Session, lead_id: int, now: datetime | None = None) -> Gate:
    return evaluate(order_facts(session, lead_id), now or clock.now())


def lead_gate(db: Database, lead_id: int) -> Gate:
    with db.read() as session:
        return gate_in_unit(session, lead_id)


def text_problems(template: Template, text: str, settings: Settings) -> list[str]:
    """Why this referral text cannot go out as written (empty when it can)."""
    if not is_referral_template(template):
        return []
    found: list[Finding] = [
        *lint_text(text, settings, field=template.field, referral=True),
        *lint_text(literal_text(template.body), settings, field=template.field, referral=True),
        *reward_findings(template, settings),
    ]
    found.extend(reward.text_findings(template, settings))
    out = _unique(f.message for f in found if f.code in REFUSING_CODES)
    if "{referral_reward}" in template.body:
        out.extend(reward.problems(settings))
    return out


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
