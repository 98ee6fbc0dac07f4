"""Moving an order through its statuses; the lead's stage follows.

under review → in progress → delivered → completed (accepted), with
revision requested after a delivery and cancelled (with its reason) from
any open status. Each change lands on the timeline and runs the order rules
in the same write unit (the referral gate reads completed orders).
"""

from __future__ import annotations

from sellerdesk import clock, rules
from sellerdesk.db.engine import Database
from sellerdesk.errors import Invalid
from sellerdesk.orders.deliveries import settle as settle_delivery
from sellerdesk.orders.items import NEXT_STATUSES, STATUSES, Order
from sellerdesk.orders.requirements import cancel_reminders
from sellerdesk.orders.rows import check_version, follow_stage, load, to_record
from sellerdesk.timeline import record

MAX_REASON = 1000


def allowed_next(status: str) -> tuple[str, ...]:
    return NEXT_STATUSES.get(status, ())


def set_status(
    db: Database,
    number: str,
    status: str,
    *,
    reason: str = "",
    expected_version: int | None = None,
) -> Order:
    new = STATUSES.parse(status)
    reason = " ".join((reason or "").split())
    if new == "cancelled" and not reason:
        raise Invalid("Say why the order is cancelled (the reason is kept on record).")
    if len(reason) > MAX_REASON:
        raise Invalid(f"A reason can be at most {MAX_REASON} characters.")
    with db.write() as session:
        order, lead = load(session, number)
        check_version(order, expected_version)
        old = order.status
        if old == new:
            return to_record(order, lead.username)
        if new not in allowed_next(old):
            choices = ", ".join(STATUSES.label(s) for s in allowed_next(old)) or "none"
            raise Invalid(
                f"Order {order.number} is {STATUSES.label(old)}; it cannot become "
                f"{STATUSES.label(new)} (next: {choices})."
            )
        now = clock.now()
        order.status = new
        order.updated_at = now
        lead.updated_at = now
        if new == "cancelled":
            order.cancel_reason = reason
        body = f"Order {order.number}: {STATUSES.label(old)} → {STATUSES.label(new)}"
        if reason:
            body += f" ({reason})"
        record(
            session,
            lead,
            "order_status",
            body,
            author=db.author,
            data={"order": order.number, "from": old, "to": new},
        )
        if new in ("completed", "cancelled"):
            cancel_reminders(session, lead, db.author, f"order {order.number} {new}")
        settle_delivery(session, lead, order, db.author, f"order {STATUSES.label(new).lower()}")
        why = f"order {order.number} {STATUSES.label(new).lower()}"
        follow_stage(session, lead, db.author, f"{why}: {reason}" if reason else why)
        rules.order_changed(session, order, old, new, db.author)
        session.flush()
        return to_record(order, lead.username)


def cancel_order(
    db: Database, number: str, reason: str, *, expected_version: int | None = None
) -> Order:
    return set_status(db, number, "cancelled", reason=reason, expected_version=expected_version)
