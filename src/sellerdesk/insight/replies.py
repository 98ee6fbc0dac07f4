"""First replies: how soon new inquiries got their first answer, and the
response rate the way Fiverr counts it.

An inquiry is a lead from the Fiverr inbox (`summary.INQUIRY_SOURCES`); its
first reply is the first message sent to it (copied, not taken back), or
note written on it, after it was created (see `summary.lead_facts`).
Fiverr's response rate is the share of the inquiries of the last 90 days
answered within 24 hours (the `first_reply_hours` setting). An inquiry still
inside its window with no answer yet is neither answered in time nor late:
it is left out until it is one or the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, func, literal, select

from sellerdesk import clock
from sellerdesk.db import insight_tables as summary

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from sellerdesk.config import Settings
    from sellerdesk.insight.scope import Scope

RATE_DAYS = 90
HOUR = 3600


@dataclass(frozen=True)
class Bucket:
    key: str
    label: str
    count: int
    share: float | None
    """Of the inquiries decided (answered, or past their window)."""

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "label": self.label, "count": self.count, "share": self.share}


@dataclass(frozen=True)
class ResponseRate:
    days: int
    hours: int
    inquiries: int
    answered_in_time: int
    waiting: int
    """Not answered yet and still inside the window: left out of the rate."""

    @property
    def counted(self) -> int:
        return self.inquiries - self.waiting

    @property
    def rate(self) -> float | None:
        return round(self.answered_in_time / self.counted, 4) if self.counted else None

    def to_json(self) -> dict[str, Any]:
        return {
            "days": self.days,
            "hours": self.hours,
            "inquiries": self.inquiries,
            "answered_in_time": self.answered_in_time,
            "waiting": self.waiting,
            "counted": self.counted,
            "rate": self.rate,
        }


@dataclass(frozen=True)
class Replies:
    inquiries: int
    buckets: tuple[Bucket, ...]
    response_rate: ResponseRate

    def bucket(self, key: str) -> Bucket:
        return next(b for b in self.buckets if b.key == key)

    def to_json(self) -> dict[str, Any]:
        return {
            "inquiries": self.inquiries,
            "buckets": [bucket.to_json() for bucket in self.buckets],
            "response_rate": self.response_rate.to_json(),
        }


def build(conn: Connection, settings: Settings, scope: Scope) -> Replies:
    hours = settings.followups.first_reply_hours
    now = clock.now()
    edges = _edges(hours)
    in_period = _counts(conn, scope, scope.start, edges, now)
    recent = _counts(conn, scope, now - timedelta(days=RATE_DAYS), edges, now)
    answered = sum(recent.get(key, 0) for key, _, _ in edges)
    return Replies(
        sum(in_period.values()),
        _buckets(in_period, edges, hours),
        ResponseRate(RATE_DAYS, hours, sum(recent.values()), answered, recent.get("waiting", 0)),
    )


def _edges(hours: int) -> tuple[tuple[str, str, int], ...]:
    """(key, label, limit in seconds) of the buckets answered in time, shortest first.

    Fixed keys, so `--json` readers need not know the setting: "window" is the last.
    """
    edges = tuple((f"{n}h", f"within {n} h", n * HOUR) for n in (1, 12) if n < hours)
    return (*edges, ("window", f"within {hours} h", hours * HOUR))


def _counts(
    conn: Connection, scope: Scope, start: datetime | None, edges, now: datetime
) -> dict[str, int]:
    """Inquiries created since `start`, counted per bucket in the database."""
    facts = summary.insight_leads.c
    waited = facts.reply_seconds
    window = edges[-1][2]
    bucket = case(
        *((waited <= limit, literal(key)) for key, _, limit in edges),
        (waited.is_not(None), literal("later")),
        (facts.created_at < now - timedelta(seconds=window), literal("none")),
        else_=literal("waiting"),
    ).label("bucket")
    rows = select(bucket).where(facts.inquiry == True, *scope.conditions())  # noqa: E712
    if start is not None:
        rows = rows.where(facts.created_at >= start)
    inner = rows.subquery()
    stmt = select(inner.c.bucket, func.count()).group_by(inner.c.bucket)
    return {key: count for key, count in conn.execute(stmt)}


def _buckets(counts: dict[str, int], edges, hours: int) -> tuple[Bucket, ...]:
    labels = {key: label for key, label, _ in edges} | {
        "later": f"after {hours} h",
        "none": "no reply",
        "waiting": f"waiting (inside {hours} h)",
    }
    decided = sum(counts.values()) - counts.get("waiting", 0)
    return tuple(
        Bucket(
            key,
            label,
            counts.get(key, 0),
            round(counts.get(key, 0) / decided, 4) if decided and key != "waiting" else None,
        )
        for key, label in labels.items()
    )
