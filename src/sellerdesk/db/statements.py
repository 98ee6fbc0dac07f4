"""Named read statements: run through SQLAlchemy, or as plain SQLite SQL by
readers that must not wait ~0.3 s for SQLAlchemy to import (the home
screen's first look, `sellerdesk today`).

A builder registers under a name; a key is that name and the builder's
arguments, e.g. `("queue.lane", "today")`. Values that change from one read to
the next, a LIMIT included, are bound parameters, never part of the key.
Code that reads through a `Reader` (the morning queue's lanes, the home
screen's first page) runs the same keys either way:

- `CoreReader` builds each statement once and runs it on a SQLAlchemy
  connection;
- `SqliteReader` runs the SQLite SQL generated from the same statements at
  development time (`sellerdesk.db.startup_sql`, written by
  `sellerdesk.gen_statements`) through the standard library's sqlite3, and
  converts parameters and results as SQLAlchemy would;
- `PsycopgReader` does the same with the PostgreSQL SQL, through psycopg
  alone (a team's server).

A reader takes its reads one at a time (`rows`), all at once (`many`), or
in groups that may run at the same time (`side_by_side`): psycopg sends a
batch in one pipeline, each statement prepared, so a server answers a dozen
reads in one round trip and plans each once per connection. `db/reading.py`
runs the generated SQL on the driver connections beneath SQLAlchemy's.

This module imports nothing from SQLAlchemy until something is built.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from contextlib import ExitStack
from datetime import UTC, datetime
from functools import cache
from importlib import import_module
from typing import Any, NamedTuple, Protocol

Key = tuple[Any, ...]
# One read: a statement's key and its parameters.
Request = tuple[Key, Mapping[str, Any]]
Rows = Sequence[Sequence[Any]]

_BUILDERS: dict[str, Callable[..., Any]] = {}


def statement(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a statement builder under `name` (built once per arguments)."""

    def register(builder: Callable[..., Any]) -> Callable[..., Any]:
        built = cache(builder)
        _BUILDERS[name] = built
        return built

    return register


# Where each family of statements is registered, imported on first use.
_MODULES = {"queue": "sellerdesk.followups.queue", "search": "sellerdesk.search"}


def build(key: Key, *, fresh: bool = False) -> Any:
    """The statement of `key`; with `fresh`, built anew rather than taken
    from this process's cache (the generator must see the code as it is)."""
    name = key[0]
    if name not in _BUILDERS:
        import_module(_MODULES[name.split(".")[0]])
    builder = _BUILDERS[name]
    if fresh:
        builder = builder.__wrapped__  # type: ignore[attr-defined]  # functools.cache
    return builder(*key[1:])


class Reader(Protocol):
    def rows(self, key: Key, params: Mapping[str, Any] | None = None) -> Rows:
        """The result rows of the statement `key` with these parameters."""
        ...

    def many(self, requests: Sequence[Request]) -> list[Rows]:
        """The result rows of each request, in order."""
        ...

    def side_by_side(self, groups: Sequence[Sequence[Request]]) -> list[list[Rows]]:
        """The result rows of each group of requests: a reader holding more than
        one connection runs the groups at the same time."""
        ...


class OneByOne:
    """`many` as one read after another, and groups one after another
    (what a reader on one connection to a file gains nothing over)."""

    def rows(self, key: Key, params: Mapping[str, Any] | None = None) -> Rows:
        raise NotImplementedError

    def many(self, requests: Sequence[Request]) -> list[Rows]:
        return [self.rows(key, params) for key, params in requests]

    def side_by_side(self, groups: Sequence[Sequence[Request]]) -> list[list[Rows]]:
        results = iter(self.many([request for group in groups for request in group]))
        return [[next(results) for _ in group] for group in groups]


class CoreReader(OneByOne):
    """Runs keys on an open SQLAlchemy connection."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def rows(self, key: Key, params: Mapping[str, Any] | None = None) -> Rows:
        return self.conn.execute(build(key), dict(params or {})).all()


# ------------------------------------------------------------------ plain SQLite


class Compiled(NamedTuple):
    """One statement as SQL with named parameters (`:name` for SQLite,
    `%(name)s` for psycopg)."""

    sql: str
    # Parameters whose values were fixed when the statement was built
    # (already in the form SQLite stores).
    constants: dict[str, Any]
    # Parameters given at each read, and how each is stored: "utc" for an
    # aware datetime, "" for a value SQLite takes as it is.
    params: dict[str, str]
    # How each result column is read back: "utc", "bool", or "" (as stored).
    columns: tuple[str, ...]


def _utc_text(value: datetime) -> str:
    # How SQLAlchemy's SQLite dialect stores a UTCDateTime: naive UTC, microseconds.
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _utc(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def _flag(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def _as_is(value: Any) -> Any:
    return value


def _utc_moment(value: datetime) -> datetime:
    # How a UTCDateTime goes to PostgreSQL: an aware moment, in UTC.
    return value.astimezone(UTC)


def _utc_read(value: datetime | None) -> datetime | None:
    # psycopg gives a timestamptz in the session's zone; SQLAlchemy's type says UTC.
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class SqliteReader(OneByOne):
    """Runs keys on a standard-library sqlite3 connection, from their SQL
    generated at development time."""

    BINDS: Mapping[str, Callable[[Any], Any]] = {"utc": _utc_text, "": _as_is}
    RESULTS: Mapping[str, Callable[[Any], Any]] = {"utc": _utc, "bool": _flag}

    def __init__(self, conn: Any, compiled: Mapping[Key, Compiled]) -> None:
        self.conn = conn
        self.compiled = compiled

    def rows(self, key: Key, params: Mapping[str, Any] | None = None) -> Rows:
        entry = self.compiled[key]
        return self._converted(entry, self.conn.execute(entry.sql, self._args(entry, params)))

    def _args(self, entry: Compiled, params: Mapping[str, Any] | None) -> dict[str, Any]:
        given = params or {}
        args = dict(entry.constants)
        for name, kind in entry.params.items():
            args[name] = self.BINDS[kind](given[name])
        return args

    def _converted(self, entry: Compiled, cursor: Any) -> Rows:
        rows = cursor.fetchall()
        converted = [(i, self.RESULTS[kind]) for i, kind in enumerate(entry.columns) if kind]
        if not converted:
            return rows
        out = []
        for row in rows:
            values = list(row)
            for i, convert in converted:
                values[i] = convert(values[i])
            out.append(tuple(values))
        return out


class PsycopgReader(SqliteReader):
    """Runs keys on a psycopg connection, from their PostgreSQL SQL generated
    at development time (booleans come back as booleans there).

    Every statement is prepared: a connection the pool keeps plans each one
    once, not at every read. A batch goes in one pipeline.
    """

    BINDS = {"utc": _utc_moment, "": _as_is}
    RESULTS = {"utc": _utc_read, "bool": _flag}

    def __init__(self, conn: Any, compiled: Mapping[Key, Compiled]) -> None:
        super().__init__(conn, compiled)
        _quiet_psycopg()

    def rows(self, key: Key, params: Mapping[str, Any] | None = None) -> Rows:
        return self.many([(key, params or {})])[0]

    def many(self, requests: Sequence[Request]) -> list[Rows]:
        with ExitStack() as stack:
            collect = self.send(requests, stack)
        return collect()

    def send(self, requests: Sequence[Request], stack: ExitStack) -> Callable[[], list[Rows]]:
        """Queue `requests` down a pipeline: closing `stack` sends them and
        waits for every answer in one round trip (other connections' reads
        can be sent meanwhile), after which the call returned gives their rows.

        A connection not in a transaction reads in one of its own, committed:
        psycopg forgets every prepared statement at a ROLLBACK (the pool's reset
        on return is one), not at COMMIT. Its BEGIN and COMMIT go down the same
        pipeline (psycopg's own transaction blocks would wait on the server).
        """
        from psycopg.pq import TransactionStatus

        conn = self.conn
        own = conn.info.transaction_status == TransactionStatus.IDLE
        if own:
            stack.callback(self._restore, conn.autocommit)
            conn.autocommit = True
        stack.enter_context(conn.pipeline())
        if own:
            conn.execute("BEGIN")
        # Each statement walks its own index whatever the values: planning it
        # afresh at every read (custom plans) costs more than running it.
        conn.execute("SET LOCAL plan_cache_mode = force_generic_plan")
        entries = [self.compiled[key] for key, _ in requests]
        cursors = [
            conn.execute(entry.sql, self._args(entry, params), prepare=True)
            for entry, (_, params) in zip(entries, requests, strict=True)
        ]
        if own:
            conn.execute("COMMIT")
        return lambda: [
            self._converted(entry, cursor) for entry, cursor in zip(entries, cursors, strict=True)
        ]

    def _restore(self, autocommit: bool) -> None:
        conn = self.conn
        if conn.closed or conn.broken:
            return
        from psycopg.pq import TransactionStatus

        if conn.info.transaction_status != TransactionStatus.IDLE:
            conn.rollback()  # a read that failed left its transaction open
        conn.autocommit = autocommit


@cache
def _quiet_psycopg() -> None:
    # psycopg warns on stderr (logging's last resort) when a pipeline fails
    # while closing after an error; the error itself is what the user is told.
    logging.getLogger("psycopg").addHandler(logging.NullHandler())
