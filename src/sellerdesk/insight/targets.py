"""Daily targets: new contacts, follow-ups and referral contacts on each of
the last 30 local days, against the targets in the settings (seed 001).

What counts is decided by `sellerdesk.followups.activity`, the very rules the
morning queue counts today with: each timeline entry is classified by its
`contact_kind` when it is summarised (`insight_contacts`), and each day is
counted by its `count_targets`. With no owner or project type chosen,
today's numbers here are the queue's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sellerdesk import clock
from sellerdesk.db import insight_tables as summary
from sellerdesk.followups.activity import TARGETS, count_targets, daily_targets
from sellerdesk.followups.when import start_of_day

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from sellerdesk.config import Settings
    from sellerdesk.insight.scope import Scope

DAYS = 30


@dataclass(frozen=True)
class Day:
    day: date
    counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), **self.counts}


@dataclass(frozen=True)
class Targets:
    days: tuple[Day, ...]  # oldest first; the last one is today
    targets: dict[str, int]

    @property
    def today(self) -> Day:
        return self.days[-1]

    def met(self, target: str) -> int:
        """On how many of the days this target was reached."""
        wanted = self.targets[target]
        return sum(day.counts[target] >= wanted for day in self.days)

    def to_json(self) -> dict[str, Any]:
        return {
            "targets": dict(self.targets),
            "today": self.today.day.isoformat(),
            "days": [day.to_json() for day in self.days],
            "days_met": {target: self.met(target) for target in TARGETS},
        }


def build(conn: Connection, settings: Settings, scope: Scope) -> Targets:
    today = clock.local_now().date()
    first = today - timedelta(days=DAYS - 1)
    contacts = summary.insight_contacts.c
    stmt = select(contacts.target, contacts.lead_id, contacts.at).where(
        contacts.at >= start_of_day(first),
        contacts.at < start_of_day(today + timedelta(days=1)),
    )
    by_day: dict[date, list[tuple[str, int]]] = {}
    for target, lead_id, at in conn.execute(scope.narrow(stmt, contacts.lead_id)):
        by_day.setdefault(clock.to_local(at).date(), []).append((target, lead_id))
    days = tuple(
        Day(day, count_targets(by_day.get(day, ())))
        for day in (first + timedelta(days=n) for n in range(DAYS))
    )
    return Targets(days, daily_targets(settings))
