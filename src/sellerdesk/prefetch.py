"""The home screen's first look, read without waiting for SQLAlchemy.

Filling the home screen through SQLAlchemy means importing it first (~0.3 s
here, more than the reads themselves). On a SQLite file the app does not
wait: right after its first frame, a thread worker reads the morning queue,
the first page of leads and the labels through the standard library's
sqlite3, running the SQL generated from the very same SQLAlchemy statements
at development time (`sellerdesk.db.startup_sql`); only then is the database
opened the ordinary way, and the screen is read again through it. `sellerdesk
today` reads its queue the same way. Nothing is written anywhere: not to the
database (the connection is query-only), not to the data folder.

On a team's PostgreSQL server the same is done through psycopg alone, with
the same statements compiled for PostgreSQL (`PG_STATEMENTS`), in one
read-only snapshot: psycopg imports in well under half the time SQLAlchemy
and its dialect take.

Where this does not apply the ordinary path alone fills the screen: another
kind of database, a file that does not exist yet, one that needs migrating
(the app migrates it, with a backup) or any error at all (opening the
database explains it to the user).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from sellerdesk.paths import sqlite_path

if TYPE_CHECKING:
    from pathlib import Path

    from sellerdesk.config import Settings
    from sellerdesk.db.statements import Reader, Request
    from sellerdesk.followups.items import Queue

T = TypeVar("T")

# Leads per page of the home screen's list (the first page is read here).
PAGE_SIZE = 100
# Past this many matches a search stops counting where counting means testing
# row after row: "over 1,000" serves as well as the exact figure.
COUNT_CAP = 1000

# What `home_from` reads besides the queue (whose keys are in followups/lanes.py).
STATEMENT_KEYS: list[tuple] = [("search.first_page",), ("search.count_all",), ("search.labels",)]

# Seconds the first look waits for a server to answer, or for a lock.
SERVER_WAIT_S = 5

# Kept in the data folder by versions that replayed SQL saved at run time.
LEFTOVERS = ("startup-statements.json", "startup-statements.partial")


class HomeData(NamedTuple):
    queue: Queue
    rows: list[Any]
    total: int
    labels: list[str]


def read_home(db, settings: Settings, person: str | None = None) -> HomeData:
    """What the home screen shows before anything is typed (through SQLAlchemy);
    the queue is `person`'s, or the whole team's."""
    from sellerdesk.db.reading import reading

    with reading(db) as reader:
        return home_from(reader, settings, person)


def home_from(reader: Reader, settings: Settings, person: str | None = None) -> HomeData:
    """The home screen's first data, read by statement key (see db/statements.py)
    in one batch of two groups (`lanes.QueueReads`)."""
    from sellerdesk.followups.lane_size import PANEL_PER_LANE
    from sellerdesk.followups.lanes import QueueReads
    from sellerdesk.records import LeadRow

    queue = QueueReads(settings, limit=PANEL_PER_LANE, person=person)
    mine: list[Request] = [
        (("search.first_page",), {"limit": PAGE_SIZE}),
        # Asked for with the rest, not after the page: one round trip fewer
        # to a server, for a count that costs little where the page is short.
        (("search.count_all",), {}),
        (("search.labels",), {}),
    ]
    counts, lists = reader.side_by_side([queue.counts, [*mine, *queue.lists]])
    page, count, labels = lists[: len(mine)]
    rows = [LeadRow(*row) for row in page]
    return HomeData(
        queue=queue.queue(reader, counts + lists[len(mine) :]),
        rows=rows,
        total=count[0][0] if len(rows) == PAGE_SIZE else len(rows),
        labels=[row[0] for row in labels],
    )


def first_look(db_url: str, settings: Settings, person: str | None = None) -> HomeData | None:
    """The home screen's first data read through sqlite3 or psycopg, or None
    where the ordinary path must do it (see the module's docstring)."""
    try:
        return replay_url(db_url, lambda reader: home_from(reader, settings, person))
    except Exception:
        return None


def replay_url(db_url: str, read: Callable[[Reader], T]) -> T | None:
    """`read` through the generated SQL of the database at `db_url` (see
    `replay` and `replay_server`); None for a kind of database neither serves."""
    path = sqlite_path(db_url)
    if path is not None:
        return replay(path, read)
    conninfo = libpq_url(db_url)
    if conninfo is not None:
        return replay_server(conninfo, read)
    return None


def libpq_url(db_url: str) -> str | None:
    """A PostgreSQL URL as libpq takes it (without SQLAlchemy's driver name);
    None for any other database."""
    scheme, sep, rest = db_url.partition("://")
    if sep and scheme in ("postgresql", "postgresql+psycopg", "postgres"):
        return "postgresql://" + rest
    return None


def replay(path: Path, read: Callable[[Reader], T]) -> T | None:
    """`read` through the generated SQL on a plain sqlite3 connection, in one
    snapshot; None when the file is missing or not at this sellerdesk's schema.

    Errors (not a database, locked past the timeout, ...) are raised for the
    caller to fall back on the ordinary path, which explains them.
    """
    import sqlite3

    from sellerdesk.db.schema import HEAD
    from sellerdesk.db.startup_sql import STATEMENTS
    from sellerdesk.db.statements import SqliteReader

    if not path.is_file():
        return None  # a first start: the app creates the file and its schema
    # mode=rw: never create a file, whatever happens between the check and here.
    uri = path.resolve().as_uri() + "?mode=rw"
    conn = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
    try:
        conn.execute("PRAGMA query_only = ON")  # a reader, whatever it runs
        conn.execute("BEGIN")  # one snapshot for every statement
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None or row[0] != HEAD:
            return None  # the app migrates it first, with a backup
        return read(SqliteReader(conn, STATEMENTS))
    finally:
        conn.close()


def replay_server(conninfo: str, read: Callable[[Reader], T]) -> T | None:
    """`read` through the generated PostgreSQL SQL on a psycopg connection, in
    one read-only snapshot; None when the server's book is not at this
    sellerdesk's schema. Errors are raised, as in `replay`."""
    import psycopg

    from sellerdesk.db.schema import HEAD
    from sellerdesk.db.startup_sql import PG_STATEMENTS
    from sellerdesk.db.statements import PsycopgReader

    # The ordinary path says why a server cannot be reached: here a short wait.
    with psycopg.connect(conninfo, connect_timeout=SERVER_WAIT_S, autocommit=True) as conn:
        # A migration holding its lock must not hold the first look for longer.
        # Nor a statement stuck on a server that stopped answering mid-way.
        wait_ms = SERVER_WAIT_S * 1000
        conn.execute(f"SET lock_timeout = {wait_ms}; SET statement_timeout = {2 * wait_ms}")
        conn.read_only = True
        conn.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        with conn.transaction():
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if row is None or row[0] != HEAD:
                return None  # the app migrates it first
            return read(PsycopgReader(conn, PG_STATEMENTS))


def remove_leftovers() -> None:
    """Delete the statements file earlier versions kept in the data folder."""
    from sellerdesk.paths import data_dir

    folder = data_dir()
    for name in LEFTOVERS:
        # One that cannot be deleted is harmless where it stays: nothing reads it.
        with suppress(OSError):
            (folder / name).unlink(missing_ok=True)
