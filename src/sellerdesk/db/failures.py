"""What a failed database call means, said in one sentence the user can act on.

SQLite reports why it failed by an error name (`SQLITE_FULL`, `SQLITE_NOTADB`,
...); each is turned into one of `sellerdesk.errors`' classes with what was
kept, what was not, and what to do next. Errors not recognised here are left
for the caller.
"""

from __future__ import annotations

from sellerdesk.errors import (
    DatabaseDamaged,
    DatabaseError,
    DatabaseLocked,
    DiskFull,
    SellerdeskError,
    StorageError,
)

NOT_SAVED = "nothing was saved by this, and everything saved before is intact"
# Below this much free space a disk error is taken for a full disk (SQLite reports a
# -shm file it cannot grow as an I/O error, not as "full").
NEARLY_FULL_BYTES = 256 * 1024
BUSY = (
    "The database is busy (another sellerdesk is writing to it); "
    "nothing was saved — try again in a moment."
)


def damaged(where: str, detail: str) -> DatabaseDamaged:
    return DatabaseDamaged(
        f"The database at {where} is damaged ({detail}); nothing was changed. Restore the "
        f"newest backup listed by `sellerdesk paths`, or save what is readable with "
        f"`sqlite3 {where} .recover`."
    )


def explain(exc: BaseException, where: str) -> SellerdeskError | None:
    """The user's sentence for a DBAPI error (raw or wrapped by SQLAlchemy), or None."""
    orig = getattr(exc, "orig", None) or exc
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    detail = (str(orig).splitlines() or [type(orig).__name__])[0]
    if not name:
        return _explain_by_text(detail, where)
    if name == "SQLITE_NOTADB":
        return DatabaseError(
            f"{where} is not a database at all (not an SQLite file); nothing was changed. "
            "Check the path given with --db or $SELLERDESK_DB."
        )
    if name.startswith("SQLITE_CORRUPT"):
        return damaged(where, detail)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return DatabaseLocked(BUSY)
    if name == "SQLITE_FULL":
        return _full(where)
    if name.startswith("SQLITE_READONLY"):
        why = _access(where) or detail
        return StorageError(
            f"The database at {where} cannot be written ({why}): {NOT_SAVED}. It needs a "
            "writable file and folder (SQLite keeps its journal beside the file)."
        )
    if name.startswith("SQLITE_CANTOPEN") or name == "SQLITE_PERM":
        if _disk_full(where):
            return _full(where)
        denied = _access(where)
        if denied:
            return StorageError(
                f"Cannot open the database at {where}: {denied}. It needs a writable file and "
                "folder (SQLite keeps its journal beside the file)."
            )
        return StorageError(
            f"Cannot open the database at {where} ({detail}): check that its folder exists "
            "and that you may read and write there."
        )
    if name.startswith("SQLITE_IOERR"):
        if _disk_full(where):
            return _full(where)
        return StorageError(f"A disk error stopped sellerdesk at {where} ({detail}): {NOT_SAVED}.")
    if name == "SQLITE_TOOBIG":
        return DatabaseError(f"That is too large to store ({detail}); nothing was saved.")
    return None


def _full(where: str) -> DiskFull:
    return DiskFull(
        f"The disk holding {where} is full: {NOT_SAVED}. Free some space and try again."
    )


def _disk_full(where: str) -> bool:
    import shutil
    from pathlib import Path

    path = Path(where)
    if not path.is_absolute():
        return False
    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def _access(where: str) -> str | None:
    from pathlib import Path

    from sellerdesk.paths import access_problem

    return access_problem(Path(where)) if Path(where).is_absolute() else None


def _explain_by_text(detail: str, where: str) -> SellerdeskError | None:
    # Drivers without SQLite's error names (PostgreSQL): only what is unmistakable.
    lowered = detail.lower()
    if "locked" in lowered or "busy" in lowered or "lock timeout" in lowered:
        return DatabaseLocked(BUSY)
    if "no space left" in lowered or "disk full" in lowered:
        return _full(where)
    if "connection" in lowered and ("refused" in lowered or "failed" in lowered):
        return DatabaseError(f"Cannot reach the database at {where}: {detail}.")
    return None
