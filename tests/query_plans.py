"""Filling a database at a busy seller's scale inside SQLite, and checking that
the statements a feature runs read through indexes, never a whole table.

Shared by the scale tests of the morning queue and of the insight figures.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy import event


def moment(now: datetime) -> str:
    """SQL for `now` as a UTC text literal."""
    return "'" + now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S") + "'"


def shifted(at: str, offset: str) -> str:
    """SQL for a stored UTC moment (SQLAlchemy's SQLite text form) shifted by `offset`."""
    return f"strftime('%Y-%m-%d %H:%M:%S', {at}, {offset}) || '.000000'"


@contextmanager
def bulk_fill(db_path) -> Iterator[sqlite3.Connection]:
    """One transaction to fill the book fast: room for every index in memory, the
    leads table's per-row triggers (the search indexes) set aside meanwhile and
    the trigram index rebuilt in one pass after, then ANALYZE."""
    con = sqlite3.connect(db_path)
    # Random-order inserts into many indexes otherwise spend their time re-reading pages.
    con.execute("PRAGMA cache_size = -262144")
    triggers = con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'leads'"
    ).fetchall()
    try:
        with con:
            for name, _ in triggers:
                con.execute(f"DROP TRIGGER {name}")
            yield con
            for _, sql in triggers:
                con.execute(sql)
            if triggers:
                con.execute("INSERT INTO leads_fts(leads_fts) VALUES ('rebuild')")
            con.execute("ANALYZE")
    finally:
        con.close()


def recorded(db) -> list[tuple[str, tuple]]:
    """Every statement `db` runs on its SQLite file from now on, with its
    parameters written in (the list fills up): those run through SQLAlchemy
    and those run on the driver's connection beneath it (db/reading.py)."""
    statements: list[tuple[str, tuple]] = []

    @event.listens_for(db.engine, "checkout")
    def _watch(dbapi_conn, _record, _proxy) -> None:
        dbapi_conn.set_trace_callback(lambda sql: statements.append((sql, ())))

    return statements


def selects(statements: Iterable[tuple[str, tuple]]) -> list[tuple[str, tuple]]:
    return [(sql, args) for sql, args in statements if sql.lstrip().startswith("SELECT")]


def whole_scans(
    db_path, queries: Iterable[tuple[str, tuple]], small_tables: tuple[str, ...] = ()
) -> list[tuple[str, list[str]]]:
    """The queries whose plan reads a whole table or index, with that plan.

    Scanning a one-row constant or a subquery's few merged rows is no such read,
    nor is scanning one of `small_tables`.
    """
    found = []
    con = sqlite3.connect(db_path)
    try:
        for sql, args in queries:
            plan = [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + sql, args)]
            whole = [
                step
                for step in plan
                if step.startswith("SCAN")
                and not step.startswith(("SCAN CONSTANT ROW", "SCAN anon_"))
                and not any(step.startswith(f"SCAN {table}") for table in small_tables)
            ]
            if whole:
                found.append((sql, plan))
    finally:
        con.close()
    return found
