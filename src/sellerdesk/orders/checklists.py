"""Job-order checklists for hosting and domain work (seeds 000 and 001).

An order gets one: a new client's (registration, pointing, hosting, upload)
or a transferred client's (credentials secured and domain unlocked before
the transfer, email backed up, pointing, hosting, upload, and the 24–48 hour
propagation notice sent). Every tick is kept with who ticked it and when,
and lands on the lead's timeline.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk import clock
from sellerdesk.db.engine import Database
from sellerdesk.db.models import OrderCheckModel, OrderModel
from sellerdesk.errors import Invalid
from sellerdesk.orders.items import CheckItem
from sellerdesk.orders.rows import load
from sellerdesk.timeline import record


@dataclass(frozen=True)
class Checklist:
    key: str
    title: str
    items: tuple[tuple[str, str, str | None], ...]  # (item, label, template to copy)

    def label(self, item: str) -> str:
        return next((label for key, label, _ in self.items if key == item), item)


NEW_CLIENT = Checklist(
    "new_client",
    "New client job order",
    (
        ("domain_registration", "Domain registration", None),
        ("domain_pointing", "Domain pointing", None),
        ("hosting_creation", "Hosting creation", None),
        ("website_upload", "Website upload", None),
    ),
)
TRANSFERRED_CLIENT = Checklist(
    "transferred_client",
    "Transferred client job order",
    (
        ("credentials_secured", "Domain credentials secured (username and password)", None),
        ("domain_unlocked", "Domain unlocked and under public settings", None),
        ("domain_transfer", "Domain transfer", None),
        ("email_backed_up", "Email backed up (and a website copy)", None),
        ("domain_pointing", "Domain pointing", None),
        ("hosting_creation", "Hosting creation", None),
        ("website_upload", "Website upload", None),
        ("propagation_notice", "24–48 hour propagation notice sent", "hosting.propagation_notice"),
    ),
)
CHECKLISTS = {c.key: c for c in (NEW_CLIENT, TRANSFERRED_CLIENT)}
_ALIASES = {
    "new": "new_client",
    "transferred": "transferred_client",
    "transfer": "transferred_client",
}


def _norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def parse_checklist(text: str) -> Checklist:
    wanted = _norm(text)
    for key, checklist in CHECKLISTS.items():
        if wanted in (_norm(key), _norm(checklist.title)):
            return checklist
    for alias, key in _ALIASES.items():
        if wanted == _norm(alias):
            return CHECKLISTS[key]
    raise Invalid(f"'{text}' is not a checklist; choose new (client) or transferred (client).")


def parse_item(checklist: Checklist, text: str) -> str:
    """An item by its key, its label, a unique start of either, or its number (1-based)."""
    value = text.strip()
    if value.isdigit() and 1 <= int(value) <= len(checklist.items):
        return checklist.items[int(value) - 1][0]
    wanted = _norm(value)
    exact = [k for k, label, _ in checklist.items if wanted in (_norm(k), _norm(label))]
    if exact:
        return exact[0]
    starts = [
        k
        for k, label, _ in checklist.items
        if wanted and (_norm(k).startswith(wanted) or _norm(label).startswith(wanted))
    ]
    if len(starts) == 1:
        return starts[0]
    names = ", ".join(f"{n}. {label}" for n, (_, label, _) in enumerate(checklist.items, 1))
    raise Invalid(f"'{text}' is not an item of the {checklist.title.lower()}: {names}.")


def _rows(session: Session, order_id: int) -> list[OrderCheckModel]:
    return list(
        session.scalars(select(OrderCheckModel).where(OrderCheckModel.order_id == order_id))
    )


def _current(rows: list[OrderCheckModel]) -> Checklist | None:
    keys = {row.checklist for row in rows if row.checklist in CHECKLISTS}
    return CHECKLISTS[sorted(keys)[0]] if keys else None


def _items(checklist: Checklist, rows: list[OrderCheckModel]) -> list[CheckItem]:
    by_item = {row.item: row for row in rows if row.checklist == checklist.key}
    out = []
    for item, label, template in checklist.items:
        row = by_item.get(item)
        out.append(
            CheckItem(
                checklist=checklist.key,
                item=item,
                label=label,
                done=bool(row and row.done),
                done_at=row.done_at if row else None,
                done_by=row.done_by if row else None,
                template=template,
            )
        )
    return out


def checklist_of(db: Database, number: str) -> tuple[Checklist | None, list[CheckItem]]:
    """The order's job-order checklist and its items in order; (None, []) when none is chosen."""
    with db.read() as session:
        order, _ = load(session, number)
        rows = _rows(session, order.id)
    checklist = _current(rows)
    return checklist, _items(checklist, rows) if checklist else []


def _ensure(
    session: Session, order: OrderModel, checklist: Checklist, rows: list[OrderCheckModel]
) -> list[OrderCheckModel]:
    current = _current(rows)
    if current is not None and current.key != checklist.key:
        if any(row.done for row in rows):
            raise Invalid(
                f"Order {order.number} already has the {current.title.lower()} with items "
                "ticked; untick them first to switch."
            )
        for row in rows:
            session.delete(row)
        rows = []
    have = {row.item for row in rows}
    for item, _, _ in checklist.items:
        if item not in have:
            row = OrderCheckModel(order_id=order.id, checklist=checklist.key, item=item, done=False)
            session.add(row)
            rows.append(row)
    session.flush()
    return rows


def start(db: Database, number: str, checklist: str) -> list[CheckItem]:
    chosen = parse_checklist(checklist)
    with db.write() as session:
        order, lead = load(session, number)
        rows = _rows(session, order.id)
        if _current(rows) is chosen:
            return _items(chosen, rows)
        rows = _ensure(session, order, chosen, rows)
        record(
            session,
            lead,
            "order_checklist",
            f"Order {order.number}: {chosen.title.lower()} started",
            author=db.author,
            data={"order": order.number, "checklist": chosen.key},
        )
        return _items(chosen, rows)


def tick(
    db: Database, number: str, item: str, *, done: bool = True, checklist: str | None = None
) -> CheckItem:
    """Tick (or untick) one item; with `checklist`, that list is chosen first if need be."""
    with db.write() as session:
        order, lead = load(session, number)
        rows = _rows(session, order.id)
        chosen = parse_checklist(checklist) if checklist else _current(rows)
        if chosen is None:
            raise Invalid(
                f"Order {order.number} has no job-order checklist yet; choose new or "
                "transferred client first."
            )
        rows = _ensure(session, order, chosen, rows)
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
        return next(i for i in _items(chosen, rows) if i.item == key)
