"""Which approved messages win: for each template, how often it was copied in
the period, when last, to how many leads, and the share of those leads that
reached Ordered after it was copied to them; and the templates nobody copied
in the last 90 days.

Every template of the library is listed (unused ones with zero), and so is
any template id found on the timeline that the library no longer has. "The
last 90 days" are 90 local days, today included, as the default period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import case, distinct, func, select

from sellerdesk.db import insight_tables as summary
from sellerdesk.insight.scope import Scope

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy import Connection

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
    copies = summary.insight_copies.c
    ordered_after = case((copies.ordered_after == True, copies.lead_id))  # noqa: E712
    stmt = select(
        copies.template,
        func.count(),
        func.max(copies.at),
        func.count(distinct(copies.lead_id)),
        func.count(distinct(ordered_after)),
    ).group_by(copies.template)
    stmt = scope.narrow(scope.in_period(stmt, copies.at), copies.lead_id)
    found = {row[0]: row[1:] for row in conn.execute(stmt)}
    lines = [
        Line(tid, titles.get(tid), *found.get(tid, (0, None, 0, 0)))
        for tid in sorted(set(titles) | set(found))
    ]
    lines.sort(key=lambda line: -line.copies)
    recent = Scope.last(UNUSED_DAYS, owner=scope.owner, project_type=scope.project_type)
    used = set(found) if recent == scope else _used(conn, recent)
    unused = tuple((tid, titles[tid]) for tid in sorted(titles) if tid not in used)
    return Messages(tuple(lines), unused)


def _used(conn: Connection, scope: Scope) -> set[str]:
    copies = summary.insight_copies.c
    stmt = scope.in_period(select(copies.template).distinct(), copies.at)
    return set(conn.scalars(scope.narrow(stmt, copies.lead_id)))
