"""Every insight figure at once, for the screen and `sellerdesk report`.

`build` brings the timeline summaries up to date (reading only what was
written since the last time), then computes each figure in one read
transaction, so all of them describe the same moment of the book.
`Insight.to_json` is the documented, stable `--json` form
(`docs/report.schema.json`): fields may be added, none renamed or removed
without raising `SCHEMA_VERSION`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sellerdesk import clock
from sellerdesk.db import tables
from sellerdesk.insight import funnel, messages, orders, replies, summary, targets
from sellerdesk.insight.scope import Scope

if TYPE_CHECKING:
    from sellerdesk.config import Settings
    from sellerdesk.db.engine import Database

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Insight:
    generated_at: datetime
    scope: Scope
    targets: targets.Targets
    funnel: funnel.Funnel
    replies: replies.Replies
    messages: messages.Messages
    orders: orders.OrdersReferrals

    def to_json(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "generated_at": self.generated_at.isoformat(),
            "scope": self.scope.to_json(until=self.generated_at),
            "targets": self.targets.to_json(),
            "funnel": self.funnel.to_json(),
            "first_replies": self.replies.to_json(),
            "messages": self.messages.to_json(),
            "orders_referrals": self.orders.to_json(),
        }


def build(
    db: Database,
    settings: Settings,
    scope: Scope | None = None,
    *,
    titles: Mapping[str, str] | None = None,
    progress: summary.Progress | None = None,
) -> Insight:
    """The figures for `scope` (default: the last 90 days, everyone's leads).

    `titles` are the template library's ids and titles (default: the library
    as loaded for this process).
    """
    scope = scope or Scope.last(90)
    if titles is None:
        titles = library_titles()
    summary.refresh(db, progress)
    with db.connect() as conn:
        return Insight(
            generated_at=clock.now(),
            scope=scope,
            targets=targets.build(conn, settings, scope),
            funnel=funnel.build(conn, scope),
            replies=replies.build(conn, settings, scope),
            messages=messages.build(conn, scope, titles),
            orders=orders.build(conn, scope),
        )


def library_titles() -> dict[str, str]:
    from sellerdesk.templates.loading import library

    return {template.id: template.title for template in library().templates.values()}


def owners(db: Database) -> list[str]:
    """Every owner named on a lead, for the owner filter."""
    leads = tables.leads.c
    with db.connect() as conn:
        names = conn.scalars(select(leads.owner).distinct().where(leads.owner.is_not(None)))
        return sorted({name for name in names if name.strip()}, key=str.lower)
