"""An order's checklists, ticked and kept: its job order (seed 001, new or
transferred client, defined once in `orders.job_order` and shared with the
hosting script) and its after-sales checklist (started when it is delivered).

Every tick is kept with who ticked it and when, and lands on the lead's
timeline as part of the order's history.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk import clock
from sellerdesk.db.engine import Database
from sellerdesk.db.models import OrderCheckModel, OrderModel
from sellerdesk.errors import Invalid
from sellerdesk.orders.items import CheckItem
from sellerdesk.orders.job_order import (
    AFTER_SALES,
    JOB_ORDERS,
    NEW_CLIENT,
    TRANSFERRED_CLIENT,
    Checklist,
    parse_checklist,
    parse_item,
)
from sellerdesk.orders.rows import load
from sellerdesk.timeline import record

# The job orders by key (the after-sales list is not one: an order has both).
CHECKLISTS = JOB_ORDERS
__all__ = [
    "AFTER_SALES",
    "CHECKLISTS",
    "NEW_CLIENT",
    "TRANSFERRED_CLIENT",
    "after_sales_of",
    "checklist_of",
    "start",
    "tick",
]


def rows_of(session: Session, order_id: int) -> list[OrderCheckModel]:
    return list(
        session.scalars(select(OrderCheckModel).where(OrderCheckModel.order_id == order_id))
    )


def _job_rows(rows: list[OrderCheckModel]) -> list[OrderCheckModel]:
    return [row for row in rows if row.checklist in JOB_ORDERS]


def _current(rows: list[OrderCheckModel]) -> Checklist | None:
    keys = {row.checklist for row in _job_rows(rows)}
    return JOB_ORDERS[sorted(keys)[0]] if keys else None


def items_of(checklist: Checklist, rows: list[OrderCheckModel]) -> list[CheckItem]:
    by_item = {row.item: row for row in rows if row.checklist == checklist.key}
    out = []
    for item in checklist.items:
        row = by_item.get(item.key)
        out.append(
            CheckItem(
                checklist=checklist.key,
                item=item.key,
                label=item.label,
                done=bool(row and row.done),
                done_at=row.done_at if row else None,
                done_by=row.done_by if row else None,
                template=item.template,
            )
        )
    return out


def checklist_of(db: Database, number: str) -> tuple[Checklist | None, list[CheckItem]]:
    """The order's job-order checklist and its items in order; (None, []) when none is chosen."""
    with db.read() as session:
        order, _ = load(session, number)
        rows = rows_of(session, order.id)
    checklist = _current(rows)
    return checklist, items_of(checklist, rows) if checklist else []


def after_sales_of(db: Database, number: str) -> list[CheckItem]:
    """The order's after-sales items; empty until it has been delivered."""
    with db.read() as session:
        order, _ = load(session, number)
        rows = [r for r in rows_of(session, order.id) if r.checklist == AFTER_SALES.key]
    return items_of(AFTER_SALES, rows) if rows else []


def ensure(
    session: Session, order: OrderModel, checklist: Checklist, rows: list[OrderCheckModel]
) -> list[OrderCheckModel]:
    """Inside a write unit: every item of `checklist` has its row. Choosing another
    job order replaces the first one, but only while nothing of it is ticked."""
    if checklist.key in JOB_ORDERS:
        current = _current(rows)
        if current is not None and current.key != checklist.key:
            old = [row for row in rows if row.checklist == current.key]
            if any(row.done for row in old):
                raise Invalid(
                    f"Order {order.number} already has the {current.title.lower()} with items "
                    "ticked; untick them first to switch."
                )
            for row in old:
                session.delete(row)
            rows = [row for row in rows if row.checklist != current.key]
    have = {(row.checklist, row.item) for row in rows}
    for item in checklist.items:
        if (checklist.key, item.key) not in have:
            row = OrderCheckModel(
                order_id=order.id, checklist=checklist.key, item=item.key, done=False
            )
            session.add(row)
            rows.append(row)
    session.flush()
    return rows


def start(db: Database, number: str, checklist: str) -> list[CheckItem]:
    chosen = parse_checklist(checklist)
    with db.write() as session:
        order, lead = load(session, number)
        rows = rows_of(session, order.id)
        if _current(rows) is chosen:
            return items_of(chosen, rows)
        rows = ensure(session, order, chosen, rows)
        record(
            session,
            lead,
            "order_checklist",
            f"Order {order.number}: {chosen.title.lower()} started",
            author=db.author,
            data={"order": order.number, "checklist": chosen.key},
        )
        return items_of(chosen, rows)


def tick(
    db: Database, number: str, item: str, *, done: bool = True, checklist: str | None = None
) -> CheckItem:
    """Tick (or untick) one item; with `checklist`, that list is chosen first if need be
    ("after-sales" names the after-sales list, once the order is delivered)."""
    with db.write() as session:
        order, lead = load(session, number)
        rows = rows_of(session, order.id)
        chosen = parse_checklist(checklist, after_sales=True) if checklist else _current(rows)
        if chosen is None:
            raise Invalid(
                f"Order {order.number} has no job-order checklist yet; choose new or "
                "transferred client first."
            )
        if chosen is AFTER_SALES and not any(r.checklist == AFTER_SALES.key for r in rows):
            raise Invalid(
                f"Order {order.number} has no after-sales checklist yet; it starts when the "
                "order is delivered."
            )
        rows = ensure(session, order, chosen, rows)
        key = parse_item(chosen, item)
        row = next(r for r in rows if r.checklist == chosen.key and r.item == key)
        if row.done != done:
            row.done = done
            row.done_at = clock.now() if done else None
            row.done_by = db.author if done else None
            mark = "✓" if done else "unticked:"
            record(
                session,
                lead,
                "order_check",
                f"Order {order.number}, {chosen.title.lower()}: {mark} {chosen.label(key)}",
                author=db.author,
                data={"order": order.number, "checklist": chosen.key, "item": key, "done": done},
            )
        session.flush()
        return next(i for i in items_of(chosen, rows) if i.item == key)
