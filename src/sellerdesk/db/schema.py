"""Which schema revisions this sellerdesk knows, without importing Alembic.

Kept in step with `migrations/versions/` (a test checks it). Reading the
version table costs one query; Alembic itself is imported only when the
database is behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

# Oldest first; the last one is head.
REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_followups",
    "0003_scripts_orders_referrals",
    "0004_short_search",
    "0005_insight",
    "0007_team",
)
HEAD = REVISIONS[-1]


def current_revision(conn: Connection) -> str | None:
    """The database's revision, or None for a database with no sellerdesk schema."""
    from sqlalchemy import text

    try:
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    except Exception:  # no version table yet
        conn.rollback()
        return None
    return row[0] if row else None


def has_foreign_tables(conn: Connection) -> bool:
    """True when the database holds tables but no sellerdesk version stamp."""
    from sqlalchemy import inspect

    names = set(inspect(conn).get_table_names())
    return bool(names - {"alembic_version"})
