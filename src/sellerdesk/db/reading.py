"""Reads by statement key on the driver connections beneath SQLAlchemy's.

The morning queue and the home screen's first page are read again and again
(every refresh, every change a teammate makes). They run the SQL generated
for their engine (`db/startup_sql.py`) on the driver's own connection, as the
first look does before SQLAlchemy is imported: no statement is compiled and
no row goes through SQLAlchemy's result machinery. On a server a read takes
two connections from the pool, so that the counts, which read thousands of
index entries, run while the other connection fetches the lists: each
statement sees its own snapshot there anyway (READ COMMITTED), as it did
through SQLAlchemy. A server with no second connection to spare gets every
read on the first.

A failure is raised as SQLAlchemy would raise it, so `db.engine.translate`
explains it, and a connection that broke is dropped from the pool.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any

from sellerdesk.db.statements import (
    CoreReader,
    Key,
    OneByOne,
    PsycopgReader,
    Reader,
    Request,
    Rows,
    SqliteReader,
)

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from sellerdesk.db.engine import Database


@contextmanager
def reading(db: Database) -> Iterator[Reader]:
    """A reader of `db` for the length of the block (see the module's docstring)."""
    with db.connect() as conn, ExitStack() as stack:
        other = _another(db, stack) if conn.dialect.driver == "psycopg" else None
        if other is None:
            yield driver_reader(conn)
            return
        readers = [PsycopgReader(c.connection.driver_connection, _pg()) for c in (conn, other)]
        yield _Translated([conn, other], SideBySide(readers))


def _another(db: Database, stack: ExitStack) -> Connection | None:
    """A second connection from the pool, or None where there is none to spare
    (a server at its `max_connections`, a role at its limit): one reads it all."""
    try:
        return stack.enter_context(db.connect())
    except Exception:
        return None


def driver_reader(conn: Connection) -> Reader:
    """A reader on the driver connection beneath `conn`, in its transaction;
    a `CoreReader` where no SQL was generated for the driver."""
    from sellerdesk.db.startup_sql import STATEMENTS

    driver = conn.dialect.driver
    if driver == "pysqlite":
        if not conn.in_transaction():
            conn.begin()  # one snapshot: the BEGIN comes from the engine's hook (db/engine.py)
        return _Translated([conn], SqliteReader(conn.connection.driver_connection, STATEMENTS))
    if driver == "psycopg":
        return _Translated([conn], PsycopgReader(conn.connection.driver_connection, _pg()))
    return CoreReader(conn)


def _pg() -> Any:
    from sellerdesk.db.startup_sql import PG_STATEMENTS

    return PG_STATEMENTS


class SideBySide(OneByOne):
    """Psycopg readers on connections of their own: `side_by_side` sends each
    group down its own connection before waiting for any."""

    def __init__(self, readers: Sequence[PsycopgReader]) -> None:
        self.readers = readers

    def rows(self, key: Key, params: Mapping[str, Any] | None = None) -> Rows:
        return self.readers[0].rows(key, params)

    def many(self, requests: Sequence[Request]) -> list[Rows]:
        return self.readers[0].many(requests)

    def side_by_side(self, groups: Sequence[Sequence[Request]]) -> list[list[Rows]]:
        if len(groups) > len(self.readers):
            return super().side_by_side(groups)
        with ExitStack() as stack:
            pairs = zip(self.readers, groups, strict=False)
            collects = [reader.send(group, stack) for reader, group in pairs]
        return [collect() for collect in collects]


class _Translated(OneByOne):
    """Driver errors raised as SQLAlchemy's, lost connections invalidated."""

    def __init__(self, conns: list[Connection], reader: Reader) -> None:
        self.conns = conns
        self.reader = reader

    def rows(self, key: Key, params: Mapping[str, Any] | None = None) -> Rows:
        return self.many([(key, params or {})])[0]

    def many(self, requests: Sequence[Request]) -> list[Rows]:
        with self._translated():
            return self.reader.many(requests)

    def side_by_side(self, groups: Sequence[Sequence[Request]]) -> list[list[Rows]]:
        with self._translated():
            return self.reader.side_by_side(groups)

    @contextmanager
    def _translated(self) -> Iterator[None]:
        from sqlalchemy.exc import DBAPIError

        dialect = self.conns[0].dialect
        try:
            yield
        except dialect.loaded_dbapi.Error as exc:
            lost = False
            for conn in self.conns:
                if dialect.is_disconnect(exc, conn.connection.driver_connection, None):
                    conn.invalidate()
                    lost = True
            raise DBAPIError.instance(
                None, None, exc, dialect.loaded_dbapi.Error, connection_invalidated=lost
            ) from exc
