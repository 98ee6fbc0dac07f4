"""Summaries of the timeline that the insight figures read instead of the timeline.

Each is derived from `events` (and `leads`) alone and brought up to date by
`sellerdesk.insight.summary.refresh`, which reads only the events written
since it last ran (`insight_progress` keeps how far it got). Nothing here is
typed by a person: dropping every row and refreshing rebuilds them exactly.

- `insight_leads`: per lead, when it was created, its first reply (a message
  copied or a note of one's own) and when it first reached Ordered;
- `insight_stays`: each stay of a lead in a stage, from the move into it to
  the move out of it (still open: no end);
- `insight_copies`: each message copied, with its template id read out of
  the entry's data, so counting per template never parses JSON.
"""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Index, Integer, String, Table

from sellerdesk.db.coltypes import UTCDateTime
from sellerdesk.db.tables import metadata


def _lead_id(primary: bool = False) -> Column:
    return Column(
        "lead_id",
        Integer,
        ForeignKey("leads.id", ondelete="CASCADE"),
        primary_key=primary,
        nullable=False,
        autoincrement=False,
    )


insight_progress = Table(
    "insight_progress",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    # The newest event and lead already summarised.
    Column("last_event_id", Integer, nullable=False),
    Column("last_lead_id", Integer, nullable=False),
)

insight_leads = Table(
    "insight_leads",
    metadata,
    _lead_id(primary=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("first_reply_at", UTCDateTime()),
    Column("ordered_at", UTCDateTime()),
    # Leads created in a period: the cohort every funnel and reply figure starts from.
    Index("ix_insight_leads_created", "created_at", "lead_id"),
)

insight_stays = Table(
    "insight_stays",
    metadata,
    Column("id", Integer, primary_key=True),
    _lead_id(),
    Column("stage", String(32), nullable=False),
    Column("entered_at", UTCDateTime(), nullable=False),
    Column("left_at", UTCDateTime()),
    Index("ix_insight_stays_lead", "lead_id", "entered_at"),
)

insight_copies = Table(
    "insight_copies",
    metadata,
    Column("event_id", Integer, primary_key=True, autoincrement=False),
    _lead_id(),
    Column("template", String(64), nullable=False),
    Column("at", UTCDateTime(), nullable=False),
    # Copies in a period, per template, read from the index alone.
    Index("ix_insight_copies_at", "at", "template", "lead_id"),
)
