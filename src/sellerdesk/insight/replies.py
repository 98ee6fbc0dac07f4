"""First replies: how soon new inquiries got their first answer, and the
response rate the way Fiverr counts it.

An inquiry is a lead from the Fiverr inbox; its first reply is the first
message copied to it, or note written on it, after it was created (see
`summary.lead_facts`). Fiverr's response rate is the share of the inquiries
of the last 90 days answered within 24 hours (the `first_reply_hours`
setting). An inquiry still inside its window with no answer yet is neither
answered in time nor late: it is left out until it is one or the other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sellerdesk import clock
from sellerdesk.db import insight_tables as summary
from sellerdesk.db import tables

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from sellerdesk.config import Settings
    from sellerdesk.insight.scope import Scope

INQUIRY_SOURCES = ("fiverr_inbox",)
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
    in_period = _inquiries(conn, scope, scope.start)
    recent = _inquiries(conn, scope, now - timedelta(days=RATE_DAYS))
    return Replies(len(in_period), buckets(in_period, hours, now), rate(recent, hours, now))


def _inquiries(conn: Connection, scope: Scope, start: datetime | None) -> list[tuple]:
    facts, leads = summary.insight_leads.c, tables.leads.c
    stmt = (
        select(facts.created_at, facts.first_reply_at)
        .join_from(summary.insight_leads, tables.leads, leads.id == facts.lead_id)
        .where(leads.source.in_(INQUIRY_SOURCES))
    )
    if start is not None:
        stmt = stmt.where(facts.created_at >= start)
    return list(conn.execute(stmt.where(*scope.conditions())))


def _wait(created: datetime, replied: datetime | None) -> float | None:
    return None if replied is None else (replied - created).total_seconds()


def buckets(inquiries: list[tuple], hours: int, now: datetime) -> tuple[Bucket, ...]:
    window = hours * HOUR
    # Fixed keys, so `--json` readers need not know the setting: the last one is the window.
    edges = tuple((f"{n}h", f"within {n} h", n * HOUR) for n in (1, 12) if n < hours)
    edges += (("window", f"within {hours} h", window),)
    counts = {key: 0 for key, _, _ in edges} | {"later": 0, "none": 0, "waiting": 0}
    for created, replied in inquiries:
        waited = _wait(created, replied)
        if waited is None:
            late = (now - created).total_seconds() > window
            counts["none" if late else "waiting"] += 1
            continue
        key = next((key for key, _, limit in edges if waited <= limit), "later")
        counts[key] += 1
    decided = len(inquiries) - counts["waiting"]
    labels = {key: label for key, label, _ in edges} | {
        "later": f"after {hours} h",
        "none": "no reply",
        "waiting": f"waiting (inside {hours} h)",
    }
    return tuple(
        Bucket(
            key,
            labels[key],
            count,
            round(count / decided, 4) if decided and key != "waiting" else None,
        )
        for key, count in counts.items()
    )


def rate(inquiries: list[tuple], hours: int, now: datetime) -> ResponseRate:
    window = hours * HOUR
    answered = waiting = 0
    for created, replied in inquiries:
        waited = _wait(created, replied)
        if waited is not None and waited <= window:
            answered += 1
        elif waited is None and (now - created).total_seconds() <= window:
            waiting += 1
    return ResponseRate(RATE_DAYS, hours, len(inquiries), answered, waiting)
