"""The tables the busiest reads go through, in SQLAlchemy Core.

The morning queue, the lead search and the start-up reader use these alone,
so a process that only reads (the start-up reader, `sellerdesk today`) never
imports the ORM, which costs as much again as SQLAlchemy itself. The ORM
models in `sellerdesk.db.models` map onto these same tables.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Computed,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from sellerdesk.db.coltypes import UTCDateTime

# Named constraints keep Alembic batch migrations on SQLite predictable.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)


def _lead_id() -> Column:
    return Column("lead_id", Integer, ForeignKey("leads.id", ondelete="CASCADE"), nullable=False)


leads = Table(
    "leads",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False),
    # Fiverr usernames are unique regardless of case; the key enforces it portably.
    Column("username_key", String(64), nullable=False, unique=True),
    Column("display_name", String(200)),
    Column("source", String(32), nullable=False, default="fiverr_inbox"),
    Column("stage", String(32), nullable=False, default="new"),
    Column("stage_since", UTCDateTime(), nullable=False),
    Column("website", String(500)),
    Column("last_messaged_at", UTCDateTime()),
    Column("next_followup_at", UTCDateTime()),
    Column("do_not_contact", Boolean, nullable=False, default=False),
    Column("dnc_reason", Text),
    Column("referred_by", String(64)),
    Column("project_type", String(32)),
    Column("industry", String(32)),
    Column("owner", String(100)),
    # The owner case folded, computed by the database (migration 0008): "mine"
    # in the queue compares it, at the end of each lane's index.
    Column("owner_key", String(100), Computed("lower(owner)")),
    Column("notes", Text),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("updated_at", UTCDateTime(), nullable=False),
    # Bumped on every update: a stale write from another person raises instead of
    # silently overwriting (optimistic concurrency; see the model).
    Column("version", Integer, nullable=False, default=1),
    Column("updated_by", String(100)),
    Index("ix_leads_updated", "updated_at", "id"),
    Index("ix_leads_stage", "stage"),
    # The morning queue's lead lanes, each served by one index that also covers
    # its COUNT: unanswered new inquiries (oldest first), open leads with nothing
    # planned, leads sitting too long in one stage, and the do-not-contact check
    # when a lane joins its follow-ups to their leads (migration 0002). Each ends
    # with the owner's key, which one person's queue tests (migration 0008).
    Index(
        "ix_leads_first_reply",
        "stage",
        "last_messaged_at",
        "do_not_contact",
        "created_at",
        "owner_key",
        # On PostgreSQL the lanes' test of `source` reads it here, not in the
        # table (migration 0009); SQLite ignores the option.
        postgresql_include=["source"],
    ),
    Index(
        "ix_leads_quiet",
        "do_not_contact",
        "next_followup_at",
        "stage",
        "stage_since",
        "last_messaged_at",
        "owner_key",
        postgresql_include=["source"],
    ),
    Index("ix_leads_stage_since", "stage", "do_not_contact", "stage_since", "owner_key"),
    Index("ix_leads_id_dnc", "id", "do_not_contact"),
)

lead_labels = Table(
    "lead_labels",
    metadata,
    Column("id", Integer, primary_key=True),
    _lead_id(),
    Column("label", String(64), nullable=False),
    Column("label_key", String(64), nullable=False),
    UniqueConstraint("lead_id", "label_key", name="uq_lead_labels_lead_label"),
    Index("ix_lead_labels_key", "label_key", "lead_id"),
)

events = Table(
    "events",
    metadata,
    Column("id", Integer, primary_key=True),
    _lead_id(),
    Column("at", UTCDateTime(), nullable=False),
    Column("author", String(100), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("body", Text, nullable=False, default=""),
    Column("data", Text),  # JSON, for details a kind needs
    Index("ix_events_lead_at", "lead_id", "at"),
    Index("ix_events_kind_at", "kind", "at"),
)

# `due_at` is the moment a follow-up is due now (snoozing and rescheduling move
# it), so one index on (status, due_at) serves the morning queue; `first_due_at`
# keeps when it was first planned. Date-only follow-ups are due at the start of
# that local day and carry `has_time = False`.
followups = Table(
    "followups",
    metadata,
    Column("id", Integer, primary_key=True),
    _lead_id(),
    Column("due_at", UTCDateTime(), nullable=False),
    Column("has_time", Boolean, nullable=False, default=False),
    Column("first_due_at", UTCDateTime(), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("template", String(64)),
    # Which cadence rule made it ("offer", ...); None when typed by a person.
    Column("rule", String(32)),
    Column("status", String(16), nullable=False, default="open"),
    Column("created_by", String(100), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("done_at", UTCDateTime()),
    Column("snoozed_until", UTCDateTime()),
    # Who is responsible for it (seed 003); None: anyone on the team.
    Column("assignee", String(100)),
    Column("assignee_key", String(100), Computed("lower(assignee)")),
    Column("version", Integer, nullable=False, default=1, server_default="1"),
    Column("updated_at", UTCDateTime()),
    Column("updated_by", String(100)),
    # lead_id rides along so counting a lane never reads the table; so does the
    # assignee's key, so one person's lanes read the same ranges.
    Index(
        "ix_followups_status_due",
        "status",
        "due_at",
        "lead_id",
        "assignee_key",
        # "Due earlier today" tests it (PostgreSQL only, migration 0009).
        postgresql_include=["has_time"],
    ),
    Index("ix_followups_lead_status", "lead_id", "status", "due_at"),
)
