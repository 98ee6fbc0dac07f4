"""Script runs, orders with their checklists, and referrals.

Revision ID: 0003_scripts_orders_referrals
Revises: 0002_followups
"""

import sqlalchemy as sa
from alembic import op

from sellerdesk.db.coltypes import UTCDateTime

revision = "0003_scripts_orders_referrals"
down_revision = "0002_followups"
branch_labels = None
depends_on = None


def _lead_fk(table: str, column: str = "lead_id") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], ["leads.id"], ondelete="CASCADE", name=f"fk_{table}_{column}_leads"
    )


def upgrade() -> None:
    op.create_table(
        "script_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("script", sa.String(48), nullable=False),
        sa.Column("step", sa.String(64), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("ticks", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_script_runs"),
        _lead_fk("script_runs"),
        sa.UniqueConstraint("lead_id", "script", name="uq_script_runs_lead_script"),
    )

    op.create_table(
        "orders",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("pages", sa.Text(), nullable=False),
        sa.Column("design_direction", sa.Text(), nullable=False),
        sa.Column("price_cents", sa.Integer(), nullable=False),
        sa.Column("delivery_days", sa.Integer()),
        sa.Column("delivery_due_at", UTCDateTime()),
        sa.Column("requirements", sa.String(16), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("consent_text", sa.Text(), nullable=False),
        sa.Column("consent_at", UTCDateTime(), nullable=False),
        sa.Column("prechecks", sa.Text(), nullable=False),
        sa.Column("satisfaction", sa.String(16)),
        sa.Column("feedback", sa.Text()),
        sa.Column("complaint_open", sa.Boolean(), nullable=False),
        sa.Column("cancel_reason", sa.Text()),
        sa.Column("notes", sa.Text()),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_orders"),
        _lead_fk("orders"),
        sa.UniqueConstraint("number", name="uq_orders_number"),
    )
    op.create_index("ix_orders_lead", "orders", ["lead_id", "created_at"])
    op.create_index("ix_orders_status_due", "orders", ["status", "delivery_due_at"])

    op.create_table(
        "order_checks",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("checklist", sa.String(48), nullable=False),
        sa.Column("item", sa.String(64), nullable=False),
        sa.Column("done", sa.Boolean(), nullable=False),
        sa.Column("done_at", UTCDateTime()),
        sa.Column("done_by", sa.String(100)),
        sa.PrimaryKeyConstraint("id", name="pk_order_checks"),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], ondelete="CASCADE", name="fk_order_checks_order_id_orders"
        ),
        sa.UniqueConstraint("order_id", "checklist", "item", name="uq_order_checks_item"),
    )

    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("referrer_id", sa.Integer(), nullable=False),
        sa.Column("referred_id", sa.Integer(), nullable=False),
        sa.Column("reward", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_by", sa.String(100), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("earned_at", UTCDateTime()),
        sa.Column("redeemed_at", UTCDateTime()),
        sa.Column("redeemed_note", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_referrals"),
        _lead_fk("referrals", "referrer_id"),
        _lead_fk("referrals", "referred_id"),
        sa.UniqueConstraint("referred_id", name="uq_referrals_referred_id"),
    )
    op.create_index("ix_referrals_referrer", "referrals", ["referrer_id", "status"])


def downgrade() -> None:
    op.drop_table("referrals")
    op.drop_table("order_checks")
    op.drop_table("orders")
    op.drop_table("script_runs")
