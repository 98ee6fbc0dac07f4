"""Opening a database: check that it is ours and its schema revision, migrate it
if it is behind.

The fast path (revision == head) is two small queries and never imports Alembic.
Nothing is written to a file before it is known to be a sellerdesk database
this version can open: a refused file is left byte for byte as it was (even
its journal mode, which lives in the file's header, is only switched to WAL
after the checks).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from sellerdesk import clock
from sellerdesk.db.engine import Database, create_file_private, make_engine, translate, where
from sellerdesk.db.failures import explain
from sellerdesk.db.schema import HEAD, REVISIONS, current_revision, has_foreign_tables
from sellerdesk.errors import (
    DatabaseError,
    DatabaseLocked,
    DatabaseTooNew,
    DiskFull,
    SellerdeskError,
    StorageError,
)
from sellerdesk.paths import backup_name, os_problem, sqlite_path


def open_database(url: str, author: str | None = None, *, migrate: bool = True) -> Database:
    shown = where(url)
    path = sqlite_path(url)
    try:
        created = path is not None and create_file_private(path)
        engine = make_engine(url)
    except OSError as exc:
        raise StorageError(f"Cannot create the database at {shown}: {os_problem(exc)}.") from exc
    except UnicodeError as exc:
        raise StorageError(f"The database path {shown!r} is not valid UTF-8 text.") from exc
    try:
        revision = _admit(engine, url, shown)
        if revision != HEAD:
            if not migrate:
                raise DatabaseError(f"The database is at schema {revision}, not {HEAD}.")
            _migrate(url, shown, revision)
    except BaseException:
        engine.dispose()
        if created and path is not None:
            _remove_unused(path)
        raise
    return Database(url, engine, author)


def _remove_unused(path: Path) -> None:
    """A file this call created and could not fill (a full disk) goes again, so the
    next start is a clean first start; one that holds anything at all stays."""
    wal = path.with_name(path.name + "-wal")
    try:
        if path.stat().st_size or (wal.exists() and wal.stat().st_size):
            return
    except OSError:
        return
    for leftover in (path, wal, path.with_name(path.name + "-shm")):
        _remove(leftover)


def _admit(engine, url: str, shown: str) -> str | None:
    """The database's revision once it is known to be one this sellerdesk may open;
    WAL is switched on only then. Raises (leaving the file untouched) otherwise."""
    sqlite = engine.dialect.name == "sqlite"
    # A server's refusals are said by `_why`; SQLite's by `translate`.
    guard = translate(shown) if sqlite else contextlib.nullcontext()
    try:
        with guard, engine.connect() as conn:
            if sqlite:
                # The first read of the file: "not a database" and damaged headers show here.
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").fetchall()
            revision = current_revision(conn)
            if revision is None and has_foreign_tables(conn):
                raise DatabaseError(
                    f"{shown} holds tables but is not a sellerdesk database; refusing to touch "
                    "it. Nothing was changed."
                )
            if revision is not None and revision not in REVISIONS:
                raise DatabaseTooNew(
                    f"This database was written by a newer sellerdesk (schema {revision}); "
                    "upgrade sellerdesk to open it. Nothing was changed."
                )
            conn.commit()
            if sqlite:
                # Outside any transaction (SQLite refuses the switch inside one).
                conn.connection.dbapi_connection.execute("PRAGMA journal_mode = WAL").fetchall()
            return revision
    except SellerdeskError:
        raise
    except UnicodeError as exc:
        raise StorageError(f"The database path {shown!r} is not valid UTF-8 text.") from exc
    except DBAPIError as exc:
        raise DatabaseError(f"Cannot open the database at {shown}: {_why(engine, exc)}") from exc


def _why(engine, exc: DBAPIError) -> str:
    if engine.dialect.name == "postgresql":
        from sellerdesk.db.postgres import describe_error

        return describe_error(exc)
    detail = str(exc.orig).splitlines()[0] if exc.orig is not None else str(exc)
    return f"{detail}."


def _migrate(url: str, shown: str, revision: str | None) -> None:
    """Upgrade to head with a copy of the file kept first. A failed upgrade is rolled
    back whole, so its copy (the same as the untouched file) is removed."""
    backup = backup_before_migration(url, revision)
    try:
        _upgrade(url)
    except Exception as exc:
        _remove(backup)
        raise _upgrade_failed(exc, shown) from exc
    except BaseException:
        _remove(backup)
        raise


def _upgrade_failed(exc: Exception, shown: str) -> SellerdeskError:
    plain = explain(exc, shown) if isinstance(exc, DBAPIError) else None
    if isinstance(plain, DiskFull):
        return DiskFull(
            f"The disk holding {shown} is full, so upgrading it to this sellerdesk's schema "
            "was rolled back; nothing was changed. Free some space and start again."
        )
    if isinstance(plain, DatabaseLocked):
        return DatabaseLocked(
            "The database is busy and could not be upgraded; nothing was changed. "
            "Close other sellerdesk windows and try again."
        )
    if plain is not None:
        return plain
    detail = (str(getattr(exc, "orig", None) or exc).splitlines() or [type(exc).__name__])[0]
    return DatabaseError(
        f"Upgrading the database failed and was rolled back: {detail}. Nothing was changed."
    )


def backup_before_migration(url: str, revision: str | None) -> Path | None:
    """Keep a copy of an existing SQLite file beside it before its schema changes.

    The copy is readable by its owner only from its first byte. It is written
    under a ".partial" name and renamed once whole, so a copy that could not be
    finished (a full disk, a killed process) is never taken for a backup; one
    that fails here is removed.
    """
    path = sqlite_path(url)
    if path is None or revision is None:
        return None
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    target = backup_name(path, HEAD, revision, stamp)
    partial = target.with_name(target.name + ".partial")
    try:
        fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.close(fd)
    except OSError as exc:
        raise _backup_failed(path, os_problem(exc), exc) from exc
    try:
        source = sqlite3.connect(path)
        try:
            dest = sqlite3.connect(partial)
            try:
                source.backup(dest)
            finally:
                dest.close()
        finally:
            source.close()
        partial.replace(target)
    except (sqlite3.Error, OSError) as exc:
        _remove(partial)
        detail = os_problem(exc) if isinstance(exc, OSError) else str(exc)
        raise _backup_failed(path, detail, exc) from exc
    return target


def _backup_failed(path: Path, detail: str, exc: BaseException) -> SellerdeskError:
    name = str(getattr(exc, "sqlite_errorname", ""))
    if name == "SQLITE_FULL" or "disk is full" in detail:
        return DiskFull(
            f"The disk holding {path} is full, so the copy kept before upgrading its schema "
            "could not be written; nothing was changed. Free some space (at least the size of "
            "the database) and start again."
        )
    return StorageError(
        f"Could not keep a copy of {path} before upgrading it ({detail}); nothing was changed."
    )


def _remove(path: Path | None) -> None:
    if path is None:
        return
    # The message already says what to do; a leftover copy harms nothing.
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


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
