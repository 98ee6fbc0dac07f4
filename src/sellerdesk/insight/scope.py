"""Which part of the book a figure looks at: a period and, optionally, one
owner and one project type.

The period runs from the start of a local day to now; every date is the
user's local one and everything stored is UTC. The owner and project type
are the lead's own fields, as summarised in `insight_leads`, which every
figure is narrowed through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, exists

from sellerdesk import clock
from sellerdesk.db import insight_tables as summary
from sellerdesk.errors import Invalid
from sellerdesk.followups.when import start_of_day
from sellerdesk.insight.summary import owner_key
from sellerdesk.vocab import PROJECT_TYPES

DEFAULT_DAYS = 90
# The periods offered on the screen, in days (None: since the first lead).
PERIODS = (30, 90, 365, None)
_AGO = re.compile(r"^(\d{1,4})\s*([dwm])$")
_UNIT_DAYS = {"d": 1, "w": 7, "m": 30}


@dataclass(frozen=True)
class Scope:
    since: date | None
    """The first local day counted; None for all time."""
    owner: str | None = None
    """Only leads with this owner (any case); None for everyone's."""
    project_type: str | None = None
    """Only leads of this project type (a key of PROJECT_TYPES); None for all."""

    @classmethod
    def last(cls, days: int | None, **narrowing: Any) -> Scope:
        """The last `days` local days, today included (None: all time)."""
        today = clock.local_now().date()
        return cls(None if days is None else today - timedelta(days=days - 1), **narrowing)

    @property
    def start(self) -> datetime | None:
        return None if self.since is None else start_of_day(self.since)

    @property
    def days(self) -> int | None:
        if self.since is None:
            return None
        return (clock.local_now().date() - self.since).days + 1

    def conditions(self) -> list[Any]:
        """What a lead's summary (`insight_leads`) must say to count in this scope."""
        facts = summary.insight_leads.c
        where = []
        if self.owner is not None:
            where.append(facts.owner_key == owner_key(self.owner))
        if self.project_type is not None:
            where.append(facts.project_type == self.project_type)
        return where

    def narrow(self, stmt: Select, lead_id: Any) -> Select:
        """`stmt` limited to the leads (`lead_id`) of this scope's owner and project type.

        Asked per row with EXISTS rather than joined: a join lets SQLite start
        from every lead of the owner instead of the statement's own index range.
        """
        where = self.conditions()
        if not where:
            return stmt
        facts = summary.insight_leads.c
        return stmt.where(exists().where(facts.lead_id == lead_id, *where))

    def in_period(self, stmt: Select, column: Any) -> Select:
        """`stmt` limited to rows whose `column` falls in the period (which runs to now)."""
        start = self.start
        return stmt if start is None else stmt.where(column >= start)

    def to_json(self, until: datetime) -> dict[str, Any]:
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": until.isoformat(),
            "days": self.days,
            "owner": self.owner,
            "project_type": self.project_type,
        }


def parse_since(text: str) -> date | None:
    """A date (2026-09-01), a span back from today (30d, 12w, 6m), or "all"."""
    words = text.strip().lower()
    if words in ("all", "ever", "all time"):
        return None
    match = _AGO.match(words)
    if match:
        days = int(match.group(1)) * _UNIT_DAYS[match.group(2)]
        if days < 1:
            raise Invalid("The period must be at least one day.")
        return clock.local_now().date() - timedelta(days=days - 1)
    try:
        day = date.fromisoformat(words)
    except ValueError:
        raise Invalid(
            f"'{text}' is not a date; use 2026-09-01, a span back from today (30d, 12w, 6m) or all."
        ) from None
    if day > clock.local_now().date():
        raise Invalid(f"{day.isoformat()} is in the future; the report looks back.")
    return day


def parse_project_type(text: str | None) -> str | None:
    return None if text is None or not text.strip() else PROJECT_TYPES.parse(text)


def clean_owner(text: str | None) -> str | None:
    return None if text is None or not text.strip() else text.strip()
