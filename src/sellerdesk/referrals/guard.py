"""The copy path's check for referral messages.

No referral text (the ask, the ready-to-forward message, or any template of
the user's in the referral script) is copied with forbidden language or a
reward that disagrees with the setting. Asking is gated: every referral text
but the ready-to-forward one is copied only when the lead passes the gate.
The forward text asks nothing of the client (they pass it on, often because
they asked for something to send), so it goes out whenever they want it.
The copy code calls `check_copy` before anything reaches a clipboard, and
`check_in_unit` again inside the write unit that records it.
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
from sellerdesk.errors import Invalid
from sellerdesk.referrals import reward
from sellerdesk.referrals.gate import Gate, OrderFacts, evaluate
from sellerdesk.templates.lint import lint_text, literal_text, reward_findings
from sellerdesk.templates.model import Finding, Template

# Lint codes that stop a referral text outright (elsewhere they are shown).
REFUSING_CODES = ("forbidden-phrase", "reward-mismatch", "cash-reward")


class ReferralRefused(Invalid):
    """The referral text may not be copied for this lead; the message says why."""


# Referral texts that are not an ask, so the gate does not apply.
NOT_ASKING = ("referral.forward",)


def is_referral(template: Template) -> bool:
    return template.id.startswith("referral.") or template.script == "referral"


def is_ask(template: Template) -> bool:
    return is_referral(template) and template.id not in NOT_ASKING


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
    if not is_referral(template):
        return []
    found: list[Finding] = [
        *lint_text(text, settings, field=template.field),
        *lint_text(literal_text(template.body), settings, field=template.field),
        *reward_findings(template, settings),
    ]
    found.extend(reward.text_findings(template, settings))
    out = _unique(f.message for f in found if f.code in REFUSING_CODES)
    if "{referral_reward}" in template.body:
        out.extend(reward.problems(settings))
    return out


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def refusal_for_gate(template: Template, gate: Gate, username: str) -> str:
    return (
        f"Not copied: {template.id} may be sent to {username} only once the referral gate "
        f"holds. {gate.reason()}"
    )


def check_copy(
    db: Database, template: Template, lead_id: int, username: str, text: str, settings: Settings
) -> Gate | None:
    """Raise `ReferralRefused` naming the failing condition or text problem. Returns
    the gate for an ask, None for other texts."""
    if not is_referral(template):
        return None
    problems = text_problems(template, text, settings)
    if problems:
        raise ReferralRefused(f"Not copied: {template.id} " + " ".join(problems))
    if not is_ask(template):
        return None
    gate = lead_gate(db, lead_id)
    if not gate.holds:
        raise ReferralRefused(refusal_for_gate(template, gate, username))
    return gate


def check_in_unit(
    session: Session, template: Template, lead_id: int, username: str, findings: list[Finding]
) -> None:
    """The last word inside the write unit that records the copy."""
    if not is_referral(template):
        return
    stopped = _unique(f.message for f in findings if f.code in REFUSING_CODES)
    if stopped:
        raise ReferralRefused(f"Not copied: {template.id} " + " ".join(stopped))
    if not is_ask(template):
        return
    gate = gate_in_unit(session, lead_id)
    if not gate.holds:
        raise ReferralRefused(refusal_for_gate(template, gate, username))
