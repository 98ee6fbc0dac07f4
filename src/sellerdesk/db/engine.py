"""Engines and sessions.

SQLite runs in WAL mode (readers never wait for a writer) with foreign keys
on and a busy timeout long enough for the app and a CLI command to write at
the same time. WAL is switched on by `db.open` once the file is known to be
ours: the journal mode is written into the file's header, so it is never set
on a file that is about to be refused. pysqlite's own transaction handling is
switched off so that write units can begin with `BEGIN IMMEDIATE`: a deferred
transaction that reads and then writes after another process committed fails
at once with SQLITE_BUSY_SNAPSHOT, which the busy timeout does not cover.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from sellerdesk.db.failures import explain
from sellerdesk.errors import Conflict, DatabaseError
from sellerdesk.paths import ensure_parent, shown_url, sqlite_path

if TYPE_CHECKING:
    # The ORM is imported when a session is first asked for: a process that only
    # reads through Core (the queue, search) never pays for it.
    from sqlalchemy.orm import Session

BUSY_TIMEOUT_S = 10.0
# Seconds a server has to answer a new connection (unless the URL says).
CONNECT_TIMEOUT_S = 10


def _install_sqlite_hooks(engine: Engine, foreign_keys: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        if conn.get_execution_options().get("sqlite_immediate"):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        else:
            conn.exec_driver_sql("BEGIN")


def create_file_private(path: Path) -> bool:
    """Create the SQLite file readable by its owner only (SQLite gives its
    -wal and -shm files the same mode); True when this call created it."""
    ensure_parent(path)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def make_engine(url: str, *, pooled: bool = True, foreign_keys: bool = True) -> Engine:
    path = sqlite_path(url)
    if path is not None:
        create_file_private(path)
        engine = create_engine(
            url,
            connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
            poolclass=None if pooled else NullPool,
        )
        _install_sqlite_hooks(engine, foreign_keys)
        return engine
    from sqlalchemy.engine import make_url

    from sellerdesk.db import postgres

    parsed = make_url(url)
    server = parsed.get_backend_name() == "postgresql"
    # A server that accepts the connection and never answers would otherwise
    # hold the app (and its Quit) for as long as the network lets it.
    waits = server and "connect_timeout" not in parsed.query
    connect_args = {"connect_timeout": CONNECT_TIMEOUT_S} if waits else {}
    engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    if server:
        postgres.install_hooks(engine, lock_timeout_s=BUSY_TIMEOUT_S)
    return engine


def where(url: str) -> str:
    """The database as shown to the user: the file, or the URL with any password masked."""
    return shown_url(url)


def default_author() -> str:
    from sellerdesk.people import login_name

    return login_name()


class Database:
    """An open sellerdesk database. Hands out short sessions; never holds one."""

    def __init__(self, url: str, engine: Engine, author: str | None = None) -> None:
        self.url = url
        self.engine = engine
        self.author = author or default_author()
        self.is_sqlite = engine.dialect.name == "sqlite"
        self.where = where(url)
        # Signs this database's write units, so its own change notices can be told apart.
        self.token = secrets.token_hex(6)
        self._write_engine = engine.execution_options(
            sqlite_immediate=True, write_unit=self.token
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        from sqlalchemy.orm import Session

        with Session(self.engine, expire_on_commit=False) as session, translate(self.where):
            yield session

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A read through Core alone, in one transaction (one consistent snapshot)."""
        with translate(self.where), self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One unit of work: committed whole on success, rolled back whole on error."""
        from sqlalchemy.orm import Session

        with (
            translate(self.where),
            # Who writes: stamped on each changed record (`updated_by`, see models).
            Session(
                self._write_engine, expire_on_commit=False, info={"author": self.author}
            ) as session,
            session.begin(),
        ):
            yield session

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def translate(where: str) -> Iterator[None]:
    """Database failures the user can act on become one plain sentence."""
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        lost = _server_lost(exc)
        if lost is not None:
            raise lost from exc
        plain = explain(exc, where)
        if plain is not None:
            raise plain from exc
        raise
    except Exception as exc:
        if _is_stale_write(exc):
            raise Conflict(
                "Someone else changed this lead since you read it; nothing was saved. "
                "Reload it and try again."
            ) from exc
        raise


def _is_stale_write(exc: Exception) -> bool:
    # Only the ORM raises it: a process that never loaded the ORM need not load it now.
    if "sqlalchemy.orm" not in sys.modules:
        return False
    from sqlalchemy.orm.exc import StaleDataError

    return isinstance(exc, StaleDataError)


def _server_lost(exc: BaseException) -> DatabaseError | None:
    """A server connection that broke: the server rolls back whatever the lost
    connection had not committed, so nothing was saved."""
    if not isinstance(exc, DBAPIError):
        return None
    server = type(exc.orig).__module__.startswith("psycopg")
    detail = str(exc.orig).lower()
    if not (exc.connection_invalidated or (server and "connection" in detail)):
        return None
    from sellerdesk.db.postgres import describe_error

    return DatabaseError(
        f"The database server cannot be reached ({describe_error(exc)}); "
        "nothing was saved: try again once it is back."
    )
