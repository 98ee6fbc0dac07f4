"""Leads, labels, remembered values and the timeline.

Revision ID: 0001_initial
Revises:
"""

import sqlalchemy as sa
from alembic import op

from sellerdesk.db.coltypes import UTCDateTime

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "leads",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("username_key", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(200)),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("stage", sa.String(32), nullable=False),
        sa.Column("stage_since", UTCDateTime(), nullable=False),
        sa.Column("website", sa.String(500)),
        sa.Column("last_messaged_at", UTCDateTime()),
        sa.Column("next_followup_at", UTCDateTime()),
        sa.Column("do_not_contact", sa.Boolean(), nullable=False),
        sa.Column("dnc_reason", sa.Text()),
        sa.Column("referred_by", sa.String(64)),
        sa.Column("project_type", sa.String(32)),
        sa.Column("industry", sa.String(32)),
        sa.Column("owner", sa.String(100)),
        sa.Column("notes", sa.Text()),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_leads"),
        sa.UniqueConstraint("username_key", name="uq_leads_username_key"),
    )
    op.create_index("ix_leads_updated", "leads", ["updated_at", "id"])
    op.create_index("ix_leads_stage", "leads", ["stage"])
    op.create_index("ix_leads_due", "leads", ["do_not_contact", "next_followup_at"])

    op.create_table(
        "lead_labels",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(64), nullable=False),
        sa.Column("label_key", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_lead_labels"),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], ondelete="CASCADE", name="fk_lead_labels_lead_id_leads"
        ),
        sa.UniqueConstraint("lead_id", "label_key", name="uq_lead_labels_lead_label"),
    )
    op.create_index("ix_lead_labels_key", "lead_labels", ["label_key", "lead_id"])

    op.create_table(
        "lead_values",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_lead_values"),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], ondelete="CASCADE", name="fk_lead_values_lead_id_leads"
        ),
        sa.UniqueConstraint("lead_id", "name", name="uq_lead_values_lead_name"),
    )

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("author", sa.String(100), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("data", sa.Text()),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["leads.id"], ondelete="CASCADE", name="fk_events_lead_id_leads"
        ),
    )
    op.create_index("ix_events_lead_at", "events", ["lead_id", "at"])
    op.create_index("ix_events_kind_at", "events", ["kind", "at"])

    if op.get_bind().dialect.name == "sqlite":
        _create_sqlite_search()


def _create_sqlite_search() -> None:
    # Substring search as you type: a trigram index over username, name and website,
    # kept in step with the leads table by triggers.
    op.execute(
        "CREATE VIRTUAL TABLE leads_fts USING fts5("
        "username, display_name, website, content='leads', content_rowid='id', "
        "tokenize='trigram')"
    )
    op.execute(
        "CREATE TRIGGER leads_fts_ai AFTER INSERT ON leads BEGIN "
        "INSERT INTO leads_fts(rowid, username, display_name, website) "
        "VALUES (new.id, new.username, new.display_name, new.website); END"
    )
    op.execute(
        "CREATE TRIGGER leads_fts_ad AFTER DELETE ON leads BEGIN "
        "INSERT INTO leads_fts(leads_fts, rowid, username, display_name, website) "
        "VALUES ('delete', old.id, old.username, old.display_name, old.website); END"
    )
    op.execute(
        "CREATE TRIGGER leads_fts_au AFTER UPDATE OF username, display_name, website ON leads "
        "BEGIN "
        "INSERT INTO leads_fts(leads_fts, rowid, username, display_name, website) "
        "VALUES ('delete', old.id, old.username, old.display_name, old.website); "
        "INSERT INTO leads_fts(rowid, username, display_name, website) "
        "VALUES (new.id, new.username, new.display_name, new.website); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS leads_fts")
    op.drop_table("events")
    op.drop_table("lead_values")
    op.drop_table("lead_labels")
    op.drop_table("leads")
