"""Backups of the SQLite file: taken while the app is open, restored only
after the copy is checked, and a daily copy beside the database.

SQLite's online backup API copies a consistent snapshot even while another
process writes (the app and `sellerdesk backup` may run at once). A copy is
written under a temporary name and renamed when whole, in rollback-journal
mode so it is one self-contained file, readable by its owner only. On
PostgreSQL, `pg_dump` is the tool, and these functions say how to use it.
"""

from __future__ import annotations

import glob
import os
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sellerdesk import clock
from sellerdesk.errors import DatabaseError, Invalid
from sellerdesk.paths import sqlite_path, user_path

MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class Copy:
    path: Path
    leads: int
    size: int


@dataclass(frozen=True)
class Restored:
    source: Path
    kept: Path | None
    leads: int
    revision: str


def pg_url(url: str) -> str:
    """The URL as pg_dump takes it: no driver name, and no password (pg_dump asks,
    or reads PGPASSWORD or ~/.pgpass)."""
    from sqlalchemy.engine import URL, make_url

    given = make_url(url)
    bare = URL.create(
        "postgresql",
        username=given.username,
        host=given.host,
        port=given.port,
        database=given.database,
        query=given.query,
    )
    return bare.render_as_string()


def _stamp() -> str:
    return clock.local_now().strftime("%Y%m%d-%H%M%S")


def _file(url: str, doing: str) -> Path:
    path = sqlite_path(url)
    if path is None:
        today = clock.local_now().strftime("%Y%m%d")
        if doing == "restore":
            raise Invalid(
                "The database is on PostgreSQL; restore a dump with: pg_restore --clean "
                f"--if-exists --dbname='{pg_url(url)}' sellerdesk-{today}.dump"
            )
        raise Invalid(
            "The database is on PostgreSQL; back it up with: pg_dump --format=custom "
            f"--file=sellerdesk-{today}.dump '{pg_url(url)}'"
        )
    return path


def backup(url: str, target: Path | None = None) -> Copy:
    """Copy the database to `target` (a file or a folder; default: beside it)."""
    source = _file(url, "backup")
    if not source.exists():
        raise Invalid(f"There is no database at {source} to back up.")
    name = f"{source.stem}.backup-{_stamp()}{source.suffix}"
    if target is None:
        target = source.with_name(name)
    elif target.is_dir():
        target = target / name
    if target.exists():
        raise Invalid(f"{target} already exists; choose another name.")
    if not target.parent.is_dir():
        raise Invalid(f"There is no folder {target.parent}.")
    _copy(source, target)
    return Copy(target, _leads(target), target.stat().st_size)


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        # A file URI is absolute: a path given relative to where the command runs is made so.
        uri = path.resolve().as_uri()
        return sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)


def _copy(source: Path, target: Path) -> None:
    """A consistent copy of `source` at `target` (created 0600, whole or not at all)."""
    temporary = target.with_name(f".{target.name}.partial")
    temporary.unlink(missing_ok=True)
    os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        src = _connect(source)
        try:
            dest = sqlite3.connect(temporary)
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        finally:
            src.close()
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _leads(path: Path) -> int:
    conn = _connect(path, read_only=True)
    try:
        return conn.execute("SELECT count(*) FROM leads").fetchone()[0]
    finally:
        conn.close()


def check(path: Path) -> tuple[str, int]:
    """Is `path` a whole sellerdesk database this version can open? Its (revision, leads)."""
    from sellerdesk.db.schema import REVISIONS

    if not path.is_file():
        raise Invalid(f"There is no file {path}.")
    with path.open("rb") as handle:
        if handle.read(16) != MAGIC:
            raise Invalid(f"{path} is not a SQLite database; nothing was replaced.")
    try:
        conn = _connect(path, read_only=True)
    except sqlite3.Error as exc:
        raise Invalid(f"{path} cannot be opened ({exc}); nothing was replaced.") from exc
    try:
        result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise Invalid(
                f"{path} is damaged ({result[0][0]}); nothing was replaced."
            )
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            leads = conn.execute("SELECT count(*) FROM leads").fetchone()[0]
        except sqlite3.Error:
            raise Invalid(f"{path} is not a sellerdesk database; nothing was replaced.") from None
    except sqlite3.DatabaseError as exc:
        raise Invalid(f"{path} is damaged ({exc}); nothing was replaced.") from exc
    finally:
        conn.close()
    revision = row[0] if row else None
    if revision not in REVISIONS:
        raise Invalid(
            f"{path} was written by a newer sellerdesk (schema {revision}); upgrade "
            "sellerdesk to restore it. Nothing was replaced."
        )
    return revision, leads


def restore(url: str, source: Path) -> Restored:
    """Replace the database with the backup at `source`, after checking it.

    The database it replaces is kept beside it first. A backup from an older
    sellerdesk is upgraded the next time the database is opened.
    """
    target = _file(url, "restore")
    source = user_path(str(source))
    revision, leads = check(source)
    if target.exists() and target.resolve() == source.resolve():
        raise Invalid(f"{source} is the database itself; nothing to restore.")
    kept = None
    if target.exists() and target.stat().st_size > 0:
        kept = target.with_name(f"{target.stem}.before-restore-{_stamp()}{target.suffix}")
        _copy(target, kept)
    elif not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    src = _connect(source, read_only=True)
    try:
        dest = _connect(target)
        try:
            # Through SQLite rather than a file copy: the app may have the file open.
            src.backup(dest)
        except sqlite3.Error as exc:
            raise DatabaseError(
                f"Restoring failed ({exc}); the database was not changed"
                + (f" and a copy of it is at {kept}." if kept else ".")
            ) from exc
        finally:
            dest.close()
    finally:
        src.close()
    return Restored(source, kept, leads, revision)


# ---------------------------------------------------------------- daily copies


def daily_name(path: Path, day: date) -> Path:
    return path.with_name(f"{path.stem}.daily-{day.isoformat()}{path.suffix}")


def daily(url: str, keep: int, today: date | None = None) -> Path | None:
    """Today's automatic copy beside the database, once a day; older ones beyond
    `keep` are deleted. Returns the new copy, or None when there was nothing to do."""
    path = sqlite_path(url)
    if path is None or keep < 1 or not path.exists():
        return None
    target = daily_name(path, today or clock.local_now().date())
    made = None
    if not target.exists():
        _copy(path, target)
        made = target
    prune(path, keep)
    return made


def daily_copies(path: Path) -> list[Path]:
    pattern = f"{glob.escape(path.stem)}.daily-*{glob.escape(path.suffix)}"
    return sorted(path.parent.glob(pattern))


def prune(path: Path, keep: int) -> list[Path]:
    removed = []
    for old in daily_copies(path)[:-keep]:
        old.unlink(missing_ok=True)
        removed.append(old)
    return removed
