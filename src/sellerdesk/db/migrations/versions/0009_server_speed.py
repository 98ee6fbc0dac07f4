"""The morning queue and short searches at full speed on PostgreSQL.

PostgreSQL only; a SQLite book is left exactly as it was.

- The queue's counts read indexes alone there too. Two of its lead lanes
  test `source` ("an imported lead was never waiting for a first reply"),
  which their indexes did not hold: PostgreSQL visited the table for each
  of ~3,000 leads (6 ms of the queue's 8 at 100k leads). `ix_leads_quiet`
  and `ix_leads_first_reply` now carry `source` (INCLUDE, so their order is
  unchanged), and `ix_followups_status_due` carries `has_time`, which the
  "due earlier today" ranges test.
- Terms of one or two characters get an index, as SQLite's `lead_grams`
  (migration 0004) gives them there. The trigram index answers three
  characters and more; below that every search read all leads.
  `sellerdesk_short_grams(username, display_name, website)` is every
  character and every pair of adjacent characters of the three, each folded
  by `lower()`, as ILIKE folds both sides before comparing; a GIN index over
  it answers "which leads contain these one or two characters" exactly as
  ILIKE would, and PostgreSQL keeps it in step itself, without triggers. The
  function is costly to run row by row (~0.1 ms a lead), so it is declared
  so, and parallel-restricted: the planner reads it through its index only.

Revision ID: 0009_server_speed
Revises: 0008_team
"""

from alembic import op

revision = "0009_server_speed"
down_revision = "0008_team"
branch_labels = None
depends_on = None

# name: (table, columns, carried along) -- the columns as migration 0008 left them.
COVERING = {
    "ix_leads_quiet": (
        "leads",
        [
            "do_not_contact",
            "next_followup_at",
            "stage",
            "stage_since",
            "last_messaged_at",
            "owner_key",
        ],
        ["source"],
    ),
    "ix_leads_first_reply": (
        "leads",
        ["stage", "last_messaged_at", "do_not_contact", "created_at", "owner_key"],
        ["source"],
    ),
    "ix_followups_status_due": (
        "followups",
        ["status", "due_at", "lead_id", "assignee_key"],
        ["has_time"],
    ),
}
GRAMS_FUNCTION = "sellerdesk_short_grams"
GRAMS_INDEX = "ix_leads_short_grams"


def _on_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    if not _on_postgresql():
        return
    for name, (table, columns, carried) in COVERING.items():
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, postgresql_include=carried)
    op.execute(
        f"CREATE FUNCTION {GRAMS_FUNCTION}(text, text, text) RETURNS text[] "
        "LANGUAGE sql IMMUTABLE PARALLEL RESTRICTED COST 10000 AS $$ "
        "SELECT coalesce(array_agg(DISTINCT substr(t, n, k)), '{}') "
        "FROM unnest(ARRAY[lower($1), lower($2), lower($3)]) AS t, "
        "generate_series(1, length(t)) AS n, generate_series(1, 2) AS k "
        "WHERE n + k - 1 <= length(t) $$"
    )
    op.execute(
        f"CREATE INDEX {GRAMS_INDEX} ON leads USING gin "
        f"({GRAMS_FUNCTION}(username, display_name, website))"
    )


def downgrade() -> None:
    if not _on_postgresql():
        return
    op.execute(f"DROP INDEX IF EXISTS {GRAMS_INDEX}")
    op.execute(f"DROP FUNCTION IF EXISTS {GRAMS_FUNCTION}(text, text, text)")
    for name, (table, columns, _carried) in COVERING.items():
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns)
