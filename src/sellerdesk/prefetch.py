"""The home screen's first data, read in a forked process while the app starts.

Drawing the first frame needs Textual; filling it needs SQLAlchemy, the
database and a few queries. In one process the second waits behind the first,
and both want the same interpreter lock. So on Linux, before Textual is
imported, the launcher forks: the child imports the database layer, reads the
morning queue, the first page of leads and the labels, sends them back through
a pipe as plain records and exits, while the parent draws on the other core.

The child only reads. If the database is missing, needs migrating or anything
at all goes wrong, it sends nothing, and the app opens the database the
ordinary way, which explains any problem to the user.

Importing SQLAlchemy is most of the child's time, so on SQLite it does without:
it replays statements compiled and kept by an earlier start
(`sellerdesk.db.statements`) through the standard library's sqlite3. The first
start after installing or upgrading reads through SQLAlchemy, answers, and
then keeps the compiled statements for the next.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from sellerdesk.paths import sqlite_path

if TYPE_CHECKING:
    from pathlib import Path

    from sellerdesk.config import Settings
    from sellerdesk.db.statements import Key, Reader
    from sellerdesk.followups.items import Queue

T = TypeVar("T")

# Leads per page of the home screen's list (the first page is read here).
PAGE_SIZE = 100
# Past this many matches a search stops counting where counting means testing
# row after row: "over 1,000" serves as well as the exact figure.
COUNT_CAP = 1000


class HomeData(NamedTuple):
    queue: Queue
    rows: list[Any]
    total: int
    labels: list[str]


def read_home(db, settings: Settings) -> HomeData:
    """What the home screen shows before anything is typed (through SQLAlchemy)."""
    from sellerdesk.db.statements import CoreReader

    with db.connect() as conn:
        return home_from(CoreReader(conn), settings)


def home_from(reader: Reader, settings: Settings) -> HomeData:
    """The home screen's first data, read by statement key (see db/statements.py)."""
    from sellerdesk.followups import lanes
    from sellerdesk.followups.items import PANEL_PER_LANE
    from sellerdesk.records import LeadRow

    rows = [LeadRow(*row) for row in reader.rows(("search.first_page", PAGE_SIZE))]
    total = reader.rows(("search.count_all",))[0][0] if len(rows) == PAGE_SIZE else len(rows)
    return HomeData(
        queue=lanes.assemble(reader, settings, limit=PANEL_PER_LANE),
        rows=rows,
        total=total,
        labels=[row[0] for row in reader.rows(("search.labels",))],
    )


def statements_file() -> Path:
    from sellerdesk.paths import data_dir

    return data_dir() / "startup-statements.json"


class Prefetch:
    """The parent's end: one answer, read once."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid = pid
        self._fd = fd
        self._lock = threading.Lock()
        self._raw: bytes | None = None

    def receive(self) -> bytes:
        """Block until the child has answered; the answer still packed.

        Waiting holds no interpreter lock; unpacking does (and imports the
        records' modules), so the app unpacks only once its first frame is drawn.
        """
        with self._lock:
            if self._raw is None:
                self._raw = self._read_all()
            return self._raw

    def wait(self) -> HomeData | None:
        """The child's answer, or None when it had none; the child is gone after."""
        answer = decode(self.receive())
        self.reap()
        return answer

    def reap(self) -> None:
        """Wait for the child to end (it may still be keeping compiled statements)."""
        with self._lock:
            if self.pid:
                os.waitpid(self.pid, 0)
                self.pid = 0

    def _read_all(self) -> bytes:
        chunks = []
        try:
            while chunk := os.read(self._fd, 1 << 16):
                chunks.append(chunk)
        finally:
            os.close(self._fd)
        return b"".join(chunks)


def decode(raw: bytes) -> HomeData | None:
    import pickle

    try:
        answer = pickle.loads(raw) if raw else None
    except Exception:
        return None
    return answer if isinstance(answer, HomeData) else None


def start(db_url: str, settings: Settings | None = None) -> Prefetch | None:
    """Fork a reader for the home screen's data, or None where that is not safe."""
    if not _can_fork():
        return None
    path = sqlite_path(db_url)
    if path is not None and not path.is_file():
        return None  # a first start: the app creates the file and its schema
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        _child(read_end, write_end, db_url, settings)
    os.close(write_end)
    return Prefetch(pid, read_end)


def _can_fork() -> bool:
    # Forking a process that already runs other threads can copy a lock held by
    # one of them; the launcher forks before any exist.
    return sys.platform == "linux" and threading.active_count() == 1


def _child(read_end: int, write_end: int, db_url: str, settings: Settings | None) -> None:
    """Runs in the forked child and never returns."""
    try:
        import pickle

        os.close(read_end)
        if settings is None:
            from sellerdesk.config import load_settings

            settings = load_settings()
        answer, through_sqlalchemy = _read(db_url, settings)
        payload = pickle.dumps(answer)
        view = memoryview(payload)
        while view:
            view = view[os.write(write_end, view) :]
        os.close(write_end)  # the parent has its answer; what follows is for next time
        if through_sqlalchemy and sqlite_path(db_url) is not None:
            keep_statements()
    except BaseException:
        pass  # the parent reads an empty answer and opens the database itself
    finally:
        # No atexit handlers, no flushing of buffers inherited from the parent.
        os._exit(0)


def _read(db_url: str, settings: Settings) -> tuple[HomeData | None, bool]:
    """The answer, and whether it was read through SQLAlchemy (not replayed)."""
    path = sqlite_path(db_url)
    if path is not None:
        try:
            return replay(path, lambda reader: home_from(reader, settings)), False
        except Exception:
            pass  # nothing kept, or it did not fit: read the ordinary way
    return _read_core(db_url, settings), True


class NotKept(Exception):
    """No statements kept for this sellerdesk, or not the ones needed."""


def replay(path: Path, read: Callable[[Reader], T]) -> T | None:
    """`read` through kept statements on a plain sqlite3 connection, or None
    when the database must be migrated first (the app does that, with a backup)."""
    import sqlite3

    from sellerdesk.db.schema import HEAD
    from sellerdesk.db.statements import SqliteReader, load_compiled

    compiled = load_compiled(statements_file())
    if compiled is None:
        raise NotKept
    conn = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        # The SQL comes from a file: whatever it says, this connection cannot write.
        conn.execute("PRAGMA query_only = ON")
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if revision != HEAD:
            return None
        conn.execute("BEGIN")  # one snapshot for every statement
        return read(SqliteReader(conn, compiled))
    except (KeyError, sqlite3.Error) as exc:
        raise NotKept from exc
    finally:
        conn.close()


def _read_core(db_url: str, settings: Settings) -> HomeData:
    from sellerdesk.db.open import open_database

    db = open_database(db_url, settings.author, migrate=False)
    try:
        return read_home(db, settings)
    finally:
        db.close()


def keep_statements() -> None:
    """Compile and keep what the reader and `sellerdesk today` replay."""
    from sellerdesk.db.statements import save_compiled
    from sellerdesk.followups import lanes
    from sellerdesk.followups.items import PANEL_PER_LANE, TODAY_PER_LANE

    keys: list[Key] = [("search.first_page", PAGE_SIZE), ("search.count_all",), ("search.labels",)]
    for limit in (PANEL_PER_LANE, TODAY_PER_LANE):
        keys += lanes.statement_keys(limit)
    save_compiled(statements_file(), keys)
