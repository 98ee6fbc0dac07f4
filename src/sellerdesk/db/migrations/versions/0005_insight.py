"""Summaries of the timeline for the insight figures (targets, funnel, first
replies, messages): per lead, per finished stay in a stage, per message
copied, per contact counted towards the daily targets.

They start empty, with the progress mark at zero: the first time the figures
are asked for, `sellerdesk.insight.summary.refresh` reads the timeline once
and fills them; from then on it reads only what was written since. Nothing a
person typed lives here, so the downgrade simply drops them.

Revision ID: 0005_insight
Revises: 0004_short_search
"""

import sqlalchemy as sa
from alembic import op

from sellerdesk.db.coltypes import UTCDateTime

revision = "0005_insight"
down_revision = "0004_short_search"
branch_labels = None
depends_on = None

TABLES = ("insight_contacts", "insight_copies", "insight_stays", "insight_leads")


def _lead_id(table: str) -> tuple[sa.Column, sa.ForeignKeyConstraint]:
    return (
        sa.Column("lead_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], ondelete="CASCADE", name=f"fk_{table}_lead_id_leads"
        ),
    )


def upgrade() -> None:
    progress = op.create_table(
        "insight_progress",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_event_id", sa.Integer(), nullable=False),
        sa.Column("last_lead_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_insight_progress"),
    )
    op.bulk_insert(progress, [{"id": 1, "last_event_id": 0, "last_lead_id": 0}])
    op.create_table(
        "insight_leads",
        *_lead_id("insight_leads"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("inquiry", sa.Boolean(), nullable=False),
        sa.Column("owner_key", sa.String(100)),
        sa.Column("project_type", sa.String(32)),
        sa.Column("reply_seconds", sa.Integer()),
        sa.Column("ordered_at", UTCDateTime()),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("furthest", sa.Integer(), nullable=False),
        sa.Column("lost_from", sa.String(32)),
        sa.PrimaryKeyConstraint("lead_id", name="pk_insight_leads"),
    )
    op.create_index(
        "ix_insight_leads_created",
        "insight_leads",
        ["created_at", "stage", "furthest", "lost_from"],
    )
    op.create_index(
        "ix_insight_leads_replies", "insight_leads", ["inquiry", "created_at", "reply_seconds"]
    )
    op.create_table(
        "insight_stays",
        sa.Column("id", sa.Integer(), nullable=False),
        *_lead_id("insight_stays"),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("seconds", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_insight_stays"),
    )
    op.create_index("ix_insight_stays_lead", "insight_stays", ["lead_id"])
    op.create_index(
        "ix_insight_stays_created", "insight_stays", ["created_at", "stage", "seconds", "lead_id"]
    )
    op.create_table(
        "insight_copies",
        sa.Column("event_id", sa.Integer(), autoincrement=False, nullable=False),
        *_lead_id("insight_copies"),
        sa.Column("template", sa.String(64), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("ordered_after", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_insight_copies"),
    )
    op.create_index(
        "ix_insight_copies_at", "insight_copies", ["at", "template", "lead_id", "ordered_after"]
    )
    op.create_index("ix_insight_copies_lead", "insight_copies", ["lead_id"])
    op.create_table(
        "insight_contacts",
        sa.Column("event_id", sa.Integer(), autoincrement=False, nullable=False),
        *_lead_id("insight_contacts"),
        sa.Column("target", sa.String(32), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_insight_contacts"),
    )
    op.create_index("ix_insight_contacts_at", "insight_contacts", ["at", "target", "lead_id"])


def downgrade() -> None:
    for table in (*TABLES, "insight_progress"):
        op.drop_table(table)
