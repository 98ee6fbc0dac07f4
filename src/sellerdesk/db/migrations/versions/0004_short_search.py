"""Search by one or two characters through an index of character pairs.

The trigram index answers three characters and more; below that every search
read the whole leads table. `lead_grams` holds, per lead, each pair of
adjacent characters of its username, name and website (ASCII case folded, as
SQLite's LIKE folds it), plus each last character paired with a line break,
so a single character is a range of pairs. Triggers keep it in step, like the
trigram index. SQLite only: PostgreSQL searches with ILIKE.

Also drops `ix_leads_due`: `ix_leads_quiet` starts with the same two columns,
and with both present SQLite sometimes chose the narrower one and read every
lead without a follow-up.

Revision ID: 0004_short_search
Revises: 0003_scripts_orders_referrals
"""

from alembic import op

revision = "0004_short_search"
down_revision = "0003_scripts_orders_referrals"
branch_labels = None
depends_on = None

# Longest username + name + website, with a separator after each.
MAX_TEXT = 64 + 200 + 500 + 3


def _text(row: str) -> str:
    return (
        f"lower({row}.username) || char(10) || lower(coalesce({row}.display_name, '')) "
        f"|| char(10) || lower(coalesce({row}.website, '')) || char(10)"
    )


def _pairs(row: str) -> str:
    """SELECT (gram, lead_id) for every pair of one lead's searchable text."""
    return (
        f"SELECT substr(t.text, p.n, 2) AS gram, {row}.id AS lead_id "
        f"FROM (SELECT {_text(row)} AS text) AS t "
        "JOIN lead_gram_positions AS p ON p.n < length(t.text) "
        "WHERE substr(t.text, p.n, 1) <> char(10)"
    )


def upgrade() -> None:
    op.drop_index("ix_leads_due", table_name="leads")
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("CREATE TABLE lead_gram_positions (n INTEGER PRIMARY KEY)")
    op.execute(
        "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s "
        f"WHERE n < {MAX_TEXT}) INSERT INTO lead_gram_positions SELECT n FROM s"
    )
    op.execute(
        "CREATE TABLE lead_grams (gram TEXT NOT NULL, lead_id INTEGER NOT NULL, "
        "PRIMARY KEY (gram, lead_id)) WITHOUT ROWID"
    )
    # Sorted, so the index is written front to back rather than at random.
    op.execute(
        "INSERT OR IGNORE INTO lead_grams (gram, lead_id) "
        "SELECT substr(t.text, p.n, 2), t.id "
        f"FROM (SELECT leads.id AS id, {_text('leads')} AS text FROM leads) AS t "
        "JOIN lead_gram_positions AS p ON p.n < length(t.text) "
        "WHERE substr(t.text, p.n, 1) <> char(10) ORDER BY 1, 2"
    )
    forget_old = (
        "DELETE FROM lead_grams WHERE lead_id = old.id AND gram IN "
        f"(SELECT gram FROM ({_pairs('old')}));"
    )
    remember_new = f"INSERT OR IGNORE INTO lead_grams (gram, lead_id) {_pairs('new')};"
    op.execute(f"CREATE TRIGGER lead_grams_ai AFTER INSERT ON leads BEGIN {remember_new} END")
    op.execute(f"CREATE TRIGGER lead_grams_ad AFTER DELETE ON leads BEGIN {forget_old} END")
    op.execute(
        "CREATE TRIGGER lead_grams_au AFTER UPDATE OF username, display_name, website "
        f"ON leads BEGIN {forget_old} {remember_new} END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("lead_grams_ai", "lead_grams_ad", "lead_grams_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS lead_grams")
        op.execute("DROP TABLE IF EXISTS lead_gram_positions")
    op.create_index("ix_leads_due", "leads", ["do_not_contact", "next_followup_at"])
