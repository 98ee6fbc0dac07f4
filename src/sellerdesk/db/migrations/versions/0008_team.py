"""A team on one book: who is responsible, who changed what, and search on PostgreSQL.

- Follow-ups get the person responsible for them (`assignee`, seed 003's
  "responsible person"), taken from the lead's owner where one is named;
  none named means anyone on the team.
- Leads and follow-ups get a case-folded key of that person, computed by the
  database itself (a generated column), so every path that writes an owner,
  bulk imports included, keeps it right. The morning queue's indexes end
  with it, so "mine" reads the same index ranges as the whole team's queue.
- Follow-ups and referrals get a version, like leads, orders and script runs,
  and all five say who last changed them (`updated_by`): a stale write is
  refused naming who changed the record and when.
- PostgreSQL gets a trigram index (`pg_trgm`) over the username, name and
  website, which answers the search's case-insensitive substring test (ILIKE).
  SQLite keeps its own search indexes (migrations 0001 and 0004).

Revision ID: 0008_team
Revises: 0007_shown_not_copied
"""

import sqlalchemy as sa
from alembic import op

from sellerdesk.db.coltypes import UTCDateTime

revision = "0008_team"
down_revision = "0007_shown_not_copied"
branch_labels = None
depends_on = None

# Old and new column lists of the queue's indexes (the new ones end with the person's key).
LEAD_INDEXES = {
    "ix_leads_first_reply": ["stage", "last_messaged_at", "do_not_contact", "created_at"],
    "ix_leads_quiet": [
        "do_not_contact",
        "next_followup_at",
        "stage",
        "stage_since",
        "last_messaged_at",
    ],
    "ix_leads_stage_since": ["stage", "do_not_contact", "stage_since"],
}
FOLLOWUP_INDEX = ("ix_followups_status_due", ["status", "due_at", "lead_id"])
VERSIONED = ("leads", "followups", "orders", "script_runs", "referrals")
SEARCH_INDEX = "ix_leads_search_trgm"


def _key_of(column: str) -> sa.Computed:
    # SQLite can add only a virtual generated column to an existing table;
    # PostgreSQL computes only stored ones.
    stored = op.get_bind().dialect.name != "sqlite"
    return sa.Computed(f"lower({column})", persisted=stored)


def upgrade() -> None:
    op.add_column("leads", sa.Column("owner_key", sa.String(100), _key_of("owner")))
    op.add_column("followups", sa.Column("assignee", sa.String(100)))
    op.add_column("followups", sa.Column("assignee_key", sa.String(100), _key_of("assignee")))
    for table in ("followups", "referrals"):
        op.add_column(
            table, sa.Column("version", sa.Integer(), nullable=False, server_default="1")
        )
        op.add_column(table, sa.Column("updated_at", UTCDateTime()))
    for table in VERSIONED:
        op.add_column(table, sa.Column("updated_by", sa.String(100)))
    # A follow-up waiting on an owned lead is the owner's to do.
    op.execute(
        "UPDATE followups SET assignee = (SELECT leads.owner FROM leads "
        "WHERE leads.id = followups.lead_id) "
        "WHERE status IN ('open', 'snoozed')"
    )

    for name, columns in LEAD_INDEXES.items():
        op.drop_index(name, table_name="leads")
        op.create_index(name, "leads", [*columns, "owner_key"])
    name, columns = FOLLOWUP_INDEX
    op.drop_index(name, table_name="followups")
    op.create_index(name, "followups", [*columns, "assignee_key"])

    if op.get_bind().dialect.name == "postgresql":
        _create_trigram_index()


def _create_trigram_index() -> None:
    bind = op.get_bind()
    # pg_trgm is a trusted extension: a database owner may create it. Where the
    # server lacks it or refuses, search still works, reading every lead.
    savepoint = bind.begin_nested()
    try:
        bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return
    savepoint.commit()
    bind.exec_driver_sql(
        f"CREATE INDEX {SEARCH_INDEX} ON leads USING gin ("
        "username gin_trgm_ops, display_name gin_trgm_ops, website gin_trgm_ops)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {SEARCH_INDEX}")
    name, columns = FOLLOWUP_INDEX
    op.drop_index(name, table_name="followups")
    op.create_index(name, "followups", columns)
    for name, columns in LEAD_INDEXES.items():
        op.drop_index(name, table_name="leads")
        op.create_index(name, "leads", columns)
    # Generated keys first: a column cannot go while one computed from it remains.
    drops = [("leads", "owner_key"), ("followups", "assignee_key"), ("followups", "assignee")]
    drops += [(table, "version") for table in ("followups", "referrals")]
    drops += [(table, "updated_at") for table in ("followups", "referrals")]
    drops += [(table, "updated_by") for table in VERSIONED]
    for table, column in drops:
        op.drop_column(table, column)
