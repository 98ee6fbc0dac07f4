"""Follow-ups, and the lead indexes the morning queue reads through.

Revision ID: 0002_followups
Revises: 0001_initial
"""

import sqlalchemy as sa
from alembic import op

from sellerdesk.db.coltypes import UTCDateTime

revision = "0002_followups"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "followups",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("due_at", UTCDateTime(), nullable=False),
        sa.Column("has_time", sa.Boolean(), nullable=False),
        sa.Column("first_due_at", UTCDateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("template", sa.String(64)),
        sa.Column("rule", sa.String(32)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("done_at", UTCDateTime()),
        sa.Column("snoozed_until", UTCDateTime()),
        sa.PrimaryKeyConstraint("id", name="pk_followups"),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], ondelete="CASCADE", name="fk_followups_lead_id_leads"
        ),
    )
    op.create_index("ix_followups_status_due", "followups", ["status", "due_at", "lead_id"])
    op.create_index("ix_followups_lead_status", "followups", ["lead_id", "status", "due_at"])
    op.create_index(
        "ix_leads_first_reply",
        "leads",
        ["stage", "last_messaged_at", "do_not_contact", "created_at"],
    )
    op.create_index(
        "ix_leads_quiet",
        "leads",
        ["do_not_contact", "next_followup_at", "stage", "stage_since", "last_messaged_at"],
    )
    op.create_index("ix_leads_stage_since", "leads", ["stage", "do_not_contact", "stage_since"])
    op.create_index("ix_leads_id_dnc", "leads", ["id", "do_not_contact"])


def downgrade() -> None:
    lead_indexes = ("ix_leads_id_dnc", "ix_leads_stage_since", "ix_leads_quiet")
    for name in (*lead_indexes, "ix_leads_first_reply"):
        op.drop_index(name, table_name="leads")
    op.drop_table("followups")
