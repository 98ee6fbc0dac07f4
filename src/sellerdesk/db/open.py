"""Opening a database: check its schema revision, migrate it if it is behind.

The fast path (revision == head) is one query and never imports Alembic.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.exc import OperationalError

from sellerdesk import clock
from sellerdesk.db.engine import Database, make_engine
from sellerdesk.db.schema import HEAD, REVISIONS, current_revision, has_foreign_tables
from sellerdesk.errors import DatabaseError, DatabaseLocked, DatabaseTooNew
from sellerdesk.paths import shown_url, sqlite_path


def open_database(url: str, author: str | None = None, *, migrate: bool = True) -> Database:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            revision = current_revision(conn)
            foreign = revision is None and has_foreign_tables(conn)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(
            f"Cannot open the database at {shown_url(url)}: {_why(engine, exc)}"
        ) from exc
    if foreign:
        engine.dispose()
        raise DatabaseError(
            f"{shown_url(url)} holds tables but is not a sellerdesk database; refusing to touch it."
        )
    if revision is not None and revision not in REVISIONS:
        engine.dispose()
        raise DatabaseTooNew(
            f"This database was written by a newer sellerdesk (schema {revision}); "
            "upgrade sellerdesk to open it. Nothing was changed."
        )
    if revision != HEAD:
        if not migrate:
            engine.dispose()
            raise DatabaseError(f"The database is at schema {revision}, not {HEAD}.")
        backup = backup_before_migration(url, revision)
        try:
            _upgrade(url)
        except OperationalError as exc:
            raise DatabaseLocked(
                "The database is busy and could not be upgraded; nothing was changed. "
                "Close other sellerdesk windows and try again."
            ) from exc
        except Exception as exc:
            kept = f" A copy from before the upgrade is at {backup}." if backup else ""
            raise DatabaseError(
                f"Upgrading the database failed and was rolled back: {exc}.{kept}"
            ) from exc
    return Database(url, engine, author)


def _why(engine, exc: OperationalError) -> str:
    if engine.dialect.name == "postgresql":
        from sellerdesk.db.postgres import describe_error

        return describe_error(exc)
    return str(exc.orig)


def backup_before_migration(url: str, revision: str | None) -> Path | None:
    """Keep a copy of an existing SQLite file beside it before its schema changes."""
    path = sqlite_path(url)
    if path is None or revision is None:
        return None
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{HEAD}-from-{revision}-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    target.chmod(0o600)
    return target


def _upgrade(url: str, target: str = "head") -> None:
    """Run every pending migration (up to `target`) as one transaction.

    On SQLite foreign keys are switched off for the run (batch migrations drop
    and recreate tables) and checked before committing.
    """
    from alembic import command

    engine = make_engine(url, pooled=False, foreign_keys=False)
    try:
        with engine.connect() as conn:
            sqlite = engine.dialect.name == "sqlite"
            if sqlite:
                conn = conn.execution_options(sqlite_immediate=True)
            with conn.begin():
                config = alembic_config(conn)
                command.upgrade(config, target)
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise DatabaseError(f"foreign key check failed: {broken[:3]}")
    finally:
        engine.dispose()


def alembic_config(conn):
    """An Alembic config built in code: no alembic.ini, the package's own scripts."""
    from alembic.config import Config

    from sellerdesk.db import migrations

    config = Config()
    config.set_main_option("script_location", str(Path(migrations.__file__).parent))
    config.attributes["connection"] = conn
    return config
