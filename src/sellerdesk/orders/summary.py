"""The review summary (seed 004 step 6): what is about to be saved, read back
to the seller before they confirm, and the same facts for a saved order."""

from __future__ import annotations

from datetime import datetime

from sellerdesk import clock
from sellerdesk.followups.when import after_days, describe
from sellerdesk.orders.gate import Draft, prechecks
from sellerdesk.orders.items import KINDS, REQUIREMENTS, SATISFACTION, Order, format_price

Row = tuple[str, str]


def _due_text(due: datetime | None, days: int | None) -> str:
    if due is None and days is None:
        return ""
    if due is None and days is not None:
        due = after_days(days)
    text = describe(due, False) if due else ""
    return f"{days} days, due {text}" if days else f"due {text}"


def draft_rows(draft: Draft, username: str) -> list[Row]:
    kind = "fiverr" if draft.number.strip() else "direct"
    number = draft.number.strip().lstrip("#").upper() or "(a direct order number is generated)"
    return [
        ("Client", username),
        ("Order", f"{KINDS.label(kind)} {number}"),
        ("Pages", draft.pages.strip()),
        ("Design direction", draft.design_direction.strip()),
        ("Price", format_price(draft.price_cents)),
        ("Delivery", _due_text(draft.due_at, draft.delivery_days)),
        ("Requirements", REQUIREMENTS.label(draft.requirements)),
        ("Client's yes", f'"{draft.consent.strip()}"' if draft.consent.strip() else ""),
    ]


def check_rows(draft: Draft) -> list[tuple[str, bool, str]]:
    """(label, holds, where it came from or why not) for each pre-check."""
    out = []
    for check in prechecks(draft, clock.now()):
        origin = "from the script" if draft.source(check.key) == "script" else "confirmed by hand"
        out.append((check.label, check.ok, origin if check.ok else check.detail))
    return out


def order_rows(order: Order) -> list[Row]:
    rows: list[Row] = [
        ("Order", f"{KINDS.label(order.kind)} {order.number}"),
        ("Client", order.username),
        ("Status", order.status_label),
        ("Requirements", REQUIREMENTS.label(order.requirements)),
        ("Pages", order.pages),
        ("Design direction", order.design_direction),
        ("Price", order.price),
        ("Delivery", _due_text(order.delivery_due_at, order.delivery_days)),
        ("Client's yes", f'"{order.consent_text}"'),
        ("Yes recorded", clock.to_local(order.consent_at).strftime("%Y-%m-%d %H:%M")),
        ("Created by", order.created_by),
    ]
    if order.satisfaction:
        feedback = SATISFACTION.label(order.satisfaction)
        if order.feedback:
            feedback += f': "{order.feedback}"'
        rows.append(("Feedback", feedback))
    rows.append(("Complaint", "open" if order.complaint_open else "none"))
    if order.walkthrough_at is not None:
        when = clock.to_local(order.walkthrough_at).strftime("%Y-%m-%d %H:%M")
        rows.append(("Walkthrough", f'"{order.walkthrough_text}" ({order.walkthrough_by}, {when})'))
    if order.cancel_reason:
        rows.append(("Cancelled because", order.cancel_reason))
    if order.notes:
        rows.append(("Notes", order.notes))
    return rows
