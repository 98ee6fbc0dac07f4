"""The vocabularies of an order and the plain records handed to the CLI and the TUI."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sellerdesk.vocab import Vocabulary

STATUSES = Vocabulary(
    "order status",
    (
        ("under_review", "Under review"),
        ("in_progress", "In progress"),
        ("delivered", "Delivered"),
        ("revision", "Revision requested"),
        ("completed", "Completed (accepted)"),
        ("cancelled", "Cancelled"),
    ),
)

# Where an order may go from each status. A delivery may be taken back
# (delivered → in progress) because it is often marked a moment too early.
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    "under_review": ("in_progress", "delivered", "cancelled"),
    "in_progress": ("delivered", "cancelled"),
    "delivered": ("revision", "completed", "in_progress", "cancelled"),
    "revision": ("in_progress", "delivered", "cancelled"),
    "completed": (),
    "cancelled": (),
}

# Orders still being worked on or waiting for the client.
OPEN_STATUSES = ("under_review", "in_progress", "delivered", "revision")

# The lead's stage follows its latest order that was not cancelled.
STAGE_FOR_STATUS = {
    "under_review": "ordered",
    "in_progress": "in_progress",
    "delivered": "delivered",
    "revision": "in_progress",
    "completed": "completed",
}

REQUIREMENTS = Vocabulary(
    "requirements state",
    (
        ("submitted", "Submitted"),
        ("partial", "Partly incomplete"),
        ("incomplete", "Fully incomplete"),
    ),
)

# The approved message for each requirements state (seed 000, direct orders).
REQUIREMENTS_TEMPLATES = {
    "submitted": "order.requirements_submitted",
    "partial": "order.requirements_partial",
    "incomplete": "order.requirements_full",
}

KINDS = Vocabulary("order kind", (("fiverr", "Fiverr order"), ("direct", "Direct order")))

SATISFACTION = Vocabulary("satisfaction", (("positive", "Positive"), ("negative", "Negative")))

NEXT_STEPS_TEMPLATE = "order.next_steps"


def format_price(cents: int | None) -> str:
    if cents is None:
        return ""
    dollars, rest = divmod(cents, 100)
    return f"${dollars:,}" if rest == 0 else f"${dollars:,}.{rest:02d}"


def _jsonable(data: dict[str, Any]) -> dict[str, Any]:
    for key, value in data.items():
        if isinstance(value, datetime):
            data[key] = value.isoformat()
        elif isinstance(value, tuple):
            data[key] = [_jsonable(v) if isinstance(v, dict) else v for v in value]
        elif isinstance(value, dict):
            _jsonable(value)
    return data


@dataclass(frozen=True)
class Order:
    id: int
    lead_id: int
    username: str
    number: str
    kind: str
    pages: str
    design_direction: str
    price_cents: int
    delivery_days: int | None
    delivery_due_at: datetime | None
    requirements: str
    status: str
    consent_text: str
    consent_at: datetime
    prechecks: dict[str, bool]
    satisfaction: str | None
    feedback: str | None
    complaint_open: bool
    cancel_reason: str | None
    notes: str | None
    created_by: str
    created_at: datetime
    updated_at: datetime
    version: int
    walkthrough_text: str | None = None
    """The client's own words confirming the after-sales walkthrough."""
    walkthrough_at: datetime | None = None
    walkthrough_by: str | None = None

    @property
    def price(self) -> str:
        return format_price(self.price_cents)

    @property
    def status_label(self) -> str:
        return STATUSES.label(self.status)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def to_json(self) -> dict[str, Any]:
        data = _jsonable(asdict(self))
        data["price"] = self.price
        return data


@dataclass(frozen=True)
class OrderRow:
    """One line of an order list."""

    id: int
    number: str
    kind: str
    username: str
    status: str
    requirements: str
    price_cents: int
    delivery_due_at: datetime | None
    created_at: datetime

    @property
    def price(self) -> str:
        return format_price(self.price_cents)

    def to_json(self) -> dict[str, Any]:
        data = _jsonable(asdict(self))
        data["price"] = self.price
        return data


@dataclass(frozen=True)
class CheckItem:
    checklist: str
    item: str
    label: str
    done: bool
    done_at: datetime | None = None
    done_by: str | None = None
    template: str | None = None

    def to_json(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


@dataclass(frozen=True)
class Problem:
    """One reason an order cannot be created yet: which check, and why, in a sentence."""

    key: str
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class DeliveryDue:
    """An order whose delivery is due, for the morning queue."""

    order_id: int
    number: str
    lead_id: int
    username: str
    display_name: str | None
    status: str
    delivery_due_at: datetime
    late: bool = False

    @property
    def name(self) -> str:
        return self.display_name or self.username

    def to_json(self) -> dict[str, Any]:
        data = _jsonable(asdict(self))
        data["late"] = self.late
        return data
