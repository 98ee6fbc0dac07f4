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
    "0006_sop_records",
    "0007_shown_not_copied",
    "0008_team",
    "0009_server_speed",
)
HEAD = REVISIONS[-1]


def current_revision(conn: Connection) -> str | None:
    """The database's revision, or None for a database with no sellerdesk schema."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    except DBAPIError as exc:
        # No version table yet; any other failure (busy, damaged) is the caller's to explain.
        if not _missing_table(exc):
            raise
        conn.rollback()
        return None
    return row[0] if row else None


def _missing_table(exc: Exception) -> bool:
    text = str(getattr(exc, "orig", None) or exc).lower()
    return "no such table" in text or "does not exist" in text


def has_foreign_tables(conn: Connection) -> bool:
    """True when the database holds tables but no sellerdesk version stamp."""
    from sqlalchemy import inspect

    names = set(inspect(conn).get_table_names())
    return bool(names - {"alembic_version"})
