"""When a referral may be asked (seed 002, non-negotiable): pure, no database.

All three must hold: the project is delivered and accepted, the client is
satisfied (positive feedback or review recorded), and nothing is pending (no
revision, no open complaint, no late delivery: "never ask during revisions or
delays"). Every condition is reported, so the app can say which one fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

# Orders still being worked on; one of them past its due date is a delay.
WORKING = ("under_review", "in_progress", "revision")


@dataclass(frozen=True)
class OrderFacts:
    """What the gate needs to know about one of the lead's orders."""

    number: str
    status: str
    satisfaction: str | None = None
    complaint_open: bool = False
    delivery_due_at: datetime | None = None
    created_at: datetime | None = None


@dataclass(frozen=True)
class Condition:
    key: str
    label: str
    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class Gate:
    conditions: tuple[Condition, ...]

    @property
    def holds(self) -> bool:
        return all(c.ok for c in self.conditions)

    @property
    def failing(self) -> tuple[Condition, ...]:
        return tuple(c for c in self.conditions if not c.ok)

    def reason(self) -> str:
        """One sentence naming every condition that fails; empty when the gate holds."""
        return " ".join(c.detail for c in self.failing)


LABELS = {
    "accepted": "Project delivered and accepted",
    "satisfied": "Client satisfied (positive feedback or review)",
    "nothing_pending": "No pending revision, complaint or delay",
}


def evaluate(orders: Sequence[OrderFacts], now: datetime) -> Gate:
    """The gate for a lead with these orders (any order; cancelled ones are ignored)."""
    live = [o for o in orders if o.status != "cancelled"]
    completed = [o for o in live if o.status == "completed"]
    # The project the ask is about: the most recently created accepted one.
    project = max(completed, key=_created, default=None)

    if project is None:
        accepted = Condition(
            "accepted",
            LABELS["accepted"],
            False,
            "No project has been delivered and accepted yet (an order must be Completed).",
        )
    else:
        accepted = Condition("accepted", LABELS["accepted"], True)

    if project is None:
        satisfied = Condition(
            "satisfied",
            LABELS["satisfied"],
            False,
            "No positive feedback or review is recorded for an accepted project.",
        )
    elif project.satisfaction == "positive":
        satisfied = Condition("satisfied", LABELS["satisfied"], True)
    elif project.satisfaction == "negative":
        satisfied = Condition(
            "satisfied",
            LABELS["satisfied"],
            False,
            f"The client's feedback on order {project.number} is negative.",
        )
    else:
        satisfied = Condition(
            "satisfied",
            LABELS["satisfied"],
            False,
            f"No positive feedback or review is recorded on order {project.number} yet.",
        )

    pending: list[str] = []
    for order in live:
        if order.status == "revision":
            pending.append(f"a revision is pending on order {order.number}")
        if order.complaint_open:
            pending.append(f"a complaint is open on order {order.number}")
        due = order.delivery_due_at
        if order.status in WORKING and due is not None and due < now:
            pending.append(f"order {order.number} is past its delivery date")
    nothing_pending = Condition(
        "nothing_pending",
        LABELS["nothing_pending"],
        not pending,
        ("Never ask during revisions or delays: " + "; ".join(pending) + ".") if pending else "",
    )
    return Gate((accepted, satisfied, nothing_pending))


def _created(order: OrderFacts) -> tuple[int, datetime | str]:
    return (0, order.created_at) if order.created_at is not None else (-1, order.number)
