"""Which approved messages win: for each template, how often it was copied in
the period, when last, to how many leads, and the share of those leads that
reached Ordered after it was copied to them; and the templates nobody copied
in the last 90 days.

Every template of the library is listed (unused ones with zero), and so is
any template id found on the timeline that the library no longer has.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, distinct, func, select

from sellerdesk import clock
from sellerdesk.db import insight_tables as summary

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy import Connection

    from sellerdesk.insight.scope import Scope

UNUSED_DAYS = 90


@dataclass(frozen=True)
class Line:
    template: str
    title: str | None
    """From the template library; None when the library no longer has it."""
    copies: int
    last_used: datetime | None
    """The last copy in the period."""
    leads: int
    ordered: int
    """Leads that reached Ordered after it was copied to them."""

    @property
    def share(self) -> float | None:
        return round(self.ordered / self.leads, 4) if self.leads else None

    def to_json(self) -> dict[str, Any]:
        return {
            "template": self.template,
            "title": self.title,
            "copies": self.copies,
            "last_used": self.last_used.isoformat() if self.last_used else None,
            "leads": self.leads,
            "ordered": self.ordered,
            "share_ordered": self.share,
        }


@dataclass(frozen=True)
class Messages:
    lines: tuple[Line, ...]  # most copied first
    unused: tuple[tuple[str, str], ...]
    """(template, title) of library templates not copied in the last 90 days."""

    def line(self, template: str) -> Line:
        return next(line for line in self.lines if line.template == template)

    def to_json(self) -> dict[str, Any]:
        return {
            "templates": [line.to_json() for line in self.lines],
            "unused_days": UNUSED_DAYS,
            "unused": [{"template": tid, "title": title} for tid, title in self.unused],
        }


def build(conn: Connection, scope: Scope, titles: Mapping[str, str]) -> Messages:
    """`titles`: the library's template ids and titles."""
    copies, facts = summary.insight_copies.c, summary.insight_leads.c
    ordered_after = case((facts.ordered_at > copies.at, copies.lead_id))
    stmt = (
        select(
            copies.template,
            func.count(),
            func.max(copies.at),
            func.count(distinct(copies.lead_id)),
            func.count(distinct(ordered_after)),
        )
        .select_from(summary.insight_copies)
        .outerjoin(summary.insight_leads, facts.lead_id == copies.lead_id)
        .group_by(copies.template)
    )
    stmt = scope.narrow(scope.in_period(stmt, copies.at), copies.lead_id)
    found = {row[0]: row[1:] for row in conn.execute(stmt)}
    lines = [
        Line(tid, titles.get(tid), *found.get(tid, (0, None, 0, 0)))
        for tid in sorted(set(titles) | set(found))
    ]
    lines.sort(key=lambda line: -line.copies)
    return Messages(tuple(lines), _unused(conn, scope, titles))


def _unused(conn: Connection, scope: Scope, titles: Mapping[str, str]) -> tuple:
    copies = summary.insight_copies.c
    since = clock.now() - timedelta(days=UNUSED_DAYS)
    stmt = select(copies.template).distinct().where(copies.at >= since)
    used = set(conn.scalars(scope.narrow(stmt, copies.lead_id)))
    return tuple((tid, titles[tid]) for tid in sorted(titles) if tid not in used)
