"""Summaries of the timeline for the insight figures (targets, funnel, first
replies, messages): per lead, per stay in a stage, per message copied.

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


def _lead_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["lead_id"], ["leads.id"], ondelete="CASCADE", name=f"fk_{table}_lead_id_leads"
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
        sa.Column("lead_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("first_reply_at", UTCDateTime()),
        sa.Column("ordered_at", UTCDateTime()),
        sa.PrimaryKeyConstraint("lead_id", name="pk_insight_leads"),
        _lead_fk("insight_leads"),
    )
    op.create_index("ix_insight_leads_created", "insight_leads", ["created_at", "lead_id"])
    op.create_table(
        "insight_stays",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("entered_at", UTCDateTime(), nullable=False),
        sa.Column("left_at", UTCDateTime()),
        sa.PrimaryKeyConstraint("id", name="pk_insight_stays"),
        _lead_fk("insight_stays"),
    )
    op.create_index("ix_insight_stays_lead", "insight_stays", ["lead_id", "entered_at"])
    op.create_table(
        "insight_copies",
        sa.Column("event_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("template", sa.String(64), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_insight_copies"),
        _lead_fk("insight_copies"),
    )
    op.create_index("ix_insight_copies_at", "insight_copies", ["at", "template", "lead_id"])


def downgrade() -> None:
    for table in ("insight_copies", "insight_stays", "insight_leads", "insight_progress"):
        op.drop_table(table)
