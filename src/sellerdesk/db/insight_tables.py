"""Summaries of the timeline that the insight figures read instead of the timeline.

Each is derived from `events` and `leads` alone and brought up to date by
`sellerdesk.insight.summary.refresh`, which reads only the events written
since it last ran (`insight_progress` keeps how far it got). Nothing here is
typed by a person: dropping every row and refreshing rebuilds them exactly.
Each figure reads one of them through an index that covers what it needs,
so opening the insight screen reads a few thousand small index entries,
never the timeline.

- `insight_leads`: per lead, when it was created, whether it is an inquiry,
  its owner and project type, how long its first reply took, when it first
  reached Ordered, its stage now, the furthest stage it reached and the
  stage it was lost from;
- `insight_stays`: each finished stay of a lead in a stage, and its length;
- `insight_copies`: each message sent (`followups.activity.sent_template`:
  copied, not only shown, not taken back), its template id read out of the
  entry's data, and whether the lead reached Ordered after it;
- `insight_contacts`: each timeline entry that counts towards a daily target
  (`sellerdesk.followups.activity`), and which.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table

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
    # What the figures are narrowed by, as the lead said when last summarised
    # (every change to them is on its timeline, so it is summarised again).
    Column("inquiry", Boolean, nullable=False),  # came in through the Fiverr inbox
    Column("owner_key", String(100)),  # the owner, case folded
    Column("project_type", String(32)),
    Column("reply_seconds", Integer),  # None: no reply yet
    Column("ordered_at", UTCDateTime()),
    Column("stage", String(32), nullable=False),
    Column("furthest", Integer, nullable=False),  # index into the ladder; -1: only ever lost
    Column("lost_from", String(32)),
    # The cohort of a period: the funnel reads this index alone, first replies the next.
    Index("ix_insight_leads_created", "created_at", "stage", "furthest", "lost_from"),
    Index("ix_insight_leads_replies", "inquiry", "created_at", "reply_seconds"),
)

insight_stays = Table(
    "insight_stays",
    metadata,
    Column("id", Integer, primary_key=True),
    _lead_id(),
    Column("created_at", UTCDateTime(), nullable=False),  # the lead's, to pick a cohort
    Column("stage", String(32), nullable=False),
    Column("seconds", Integer, nullable=False),
    Index("ix_insight_stays_lead", "lead_id"),
    Index("ix_insight_stays_created", "created_at", "stage", "seconds", "lead_id"),
)

insight_copies = Table(
    "insight_copies",
    metadata,
    Column("event_id", Integer, primary_key=True, autoincrement=False),
    _lead_id(),
    Column("template", String(64), nullable=False),
    Column("at", UTCDateTime(), nullable=False),
    Column("ordered_after", Boolean, nullable=False),
    Index("ix_insight_copies_at", "at", "template", "lead_id", "ordered_after"),
    Index("ix_insight_copies_lead", "lead_id"),
)

insight_contacts = Table(
    "insight_contacts",
    metadata,
    Column("event_id", Integer, primary_key=True, autoincrement=False),
    _lead_id(),
    Column("target", String(32), nullable=False),
    Column("at", UTCDateTime(), nullable=False),
    Index("ix_insight_contacts_at", "at", "target", "lead_id"),
)
