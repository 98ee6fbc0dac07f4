"""The SQLite and PostgreSQL SQL generated from the SQLAlchemy statements
(db/startup_sql.py): current with the code, and read back through sqlite3 and
psycopg exactly as SQLAlchemy reads it, for every statement and every column
type of the schema."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    Numeric,
    Table,
    bindparam,
    insert,
    select,
)

from sellerdesk import gen_statements, prefetch
from sellerdesk.config import Settings
from sellerdesk.db import models
from sellerdesk.db.coltypes import UTCDateTime
from sellerdesk.db.engine import make_engine
from sellerdesk.db.startup_sql import PG_STATEMENTS, STATEMENTS
from sellerdesk.db.statements import CoreReader, OneByOne, PsycopgReader, SqliteReader
from sellerdesk.followups import lanes
from sellerdesk.paths import sqlite_path

SOURCE = Path(__file__).resolve().parents[2] / "src" / "sellerdesk" / "db" / "startup_sql.py"
REGENERATE = "PYTHONPATH=src .venv/bin/python -m sellerdesk.gen_statements"


def typed(rows) -> list[tuple]:
    """Rows with each value's type beside it: 1 == True and two equal moments in
    different zones must not pass for the same answer."""
    return [
        tuple((type(value).__name__, value, getattr(value, "tzinfo", None)) for value in row)
        for row in rows
    ]


# ------------------------------------------------------------------ never stale


def test_the_checked_in_module_is_what_the_statements_compile_to_now():
    assert gen_statements.render() == SOURCE.read_text(encoding="utf-8"), (
        f"db/startup_sql.py is out of date with the statements: run {REGENERATE}"
    )


def test_the_module_covers_every_statement_the_first_look_and_today_read():
    assert list(STATEMENTS) == [*prefetch.STATEMENT_KEYS, *lanes.STATEMENT_KEYS]
    assert list(PG_STATEMENTS) == list(STATEMENTS)


@pytest.mark.parametrize(
    ("module", "name", "changed"),
    [
        # The follow-up statuses the queue waits on (followups/items.py) and the
        # stages it counts (vocab.py): a change in either changes the SQL.
        ("sellerdesk.followups.queue", "ACTIVE", ("open",)),
        ("sellerdesk.followups.queue", "OPEN_STAGES", ("new", "qualified")),
    ],
)
def test_a_change_to_what_the_statements_are_built_from_is_caught(
    monkeypatch, module, name, changed
):
    before = gen_statements.render()
    monkeypatch.setattr(f"{module}.{name}", changed)
    assert gen_statements.render() != before


@pytest.mark.parametrize(
    ("statements", "placeholder"),
    [(STATEMENTS, " LIMIT :limit"), (PG_STATEMENTS, " LIMIT %(limit)s")],
    ids=["sqlite", "postgresql"],
)
def test_limit_is_a_bound_parameter_in_every_listing(statements, placeholder):
    for key, entry in statements.items():
        if placeholder in entry.sql:
            assert entry.params["limit"] == "", key
    listings = [key for key, entry in statements.items() if "limit" in entry.params]
    assert sorted(listings) == sorted(
        [
            ("search.first_page",),
            *(
                ("queue.lane", key, mine)
                for key in ("overdue", "today", "upcoming")
                for mine in (False, True)
            ),
            *(("queue.first_replies", mine) for mine in (False, True)),
            *(("queue.quiet", mine) for mine in (False, True)),
        ]
    )


# ------------------------------------------------------------------ same answers


class Recording(OneByOne):
    """A reader that runs through SQLAlchemy and remembers every call."""

    def __init__(self, conn) -> None:
        self.core = CoreReader(conn)
        self.calls: list[tuple[tuple, dict]] = []

    def rows(self, key, params=None):
        self.calls.append((key, dict(params or {})))
        return self.core.rows(key, params)


def _plain_reader(db_url: str):
    """The reader the first look uses on this database, and how to close it."""
    path = sqlite_path(db_url)
    if path is not None:
        conn = sqlite3.connect(path)
        return SqliteReader(conn, STATEMENTS), conn.close
    import psycopg

    conn = psycopg.connect(prefetch.libpq_url(db_url))
    return PsycopgReader(conn, PG_STATEMENTS), conn.close


def test_every_statement_answers_the_same_replayed_and_through_sqlalchemy(
    every_statement_book, db_url
):
    db = every_statement_book
    with db.connect() as conn:
        recording = Recording(conn)
        prefetch.home_from(recording, Settings())  # the whole team's queue
        prefetch.home_from(recording, Settings(), person="Tester")  # one person's
        calls = list(recording.calls)
    # Both shapes of the lane counts, whichever the data chose, and the count
    # of leads a full first page asks for.
    for mine in (False, True):
        counts = next(p for key, p in calls if key[0] == "queue.lane_counts" and key[2] == mine)
        calls += [(("queue.lane_counts", flag, mine), counts) for flag in (False, True)]
    calls.append((("search.count_all",), {}))
    # And other limits than the panel's.
    calls += [
        (key, {**params, "limit": n})
        for key, params in calls
        if "limit" in params
        for n in (1, 2, 500)
    ]
    assert {key for key, _ in calls} == set(STATEMENTS)

    replayed, close = _plain_reader(db_url)
    values_seen: dict[tuple, set[int]] = {}
    try:
        with db.connect() as conn:
            core = CoreReader(conn)
            for key, params in calls:
                expected = typed(core.rows(key, params))
                assert typed(replayed.rows(key, params)) == expected, (key, params)
                for row in expected:
                    seen = values_seen.setdefault(key, set())
                    seen.update(i for i, (_, value, _) in enumerate(row) if value is not None)
    finally:
        close()
    # Every column of every statement held a value at least once: each
    # conversion (datetimes, flags, text, numbers) was compared, not skipped.
    for key, entry in STATEMENTS.items():
        assert values_seen.get(key) == set(range(len(entry.columns))), key


def _value(column: Column, row: int, big: int = 2**40):
    """A value for `column` in test row `row` (row 1: every nullable column NULL);
    `big` stands for a large number (PostgreSQL's INTEGER holds 32 bits)."""
    if row == 1 and column.nullable and not column.primary_key:
        return None
    if isinstance(column.type, UTCDateTime):
        if row == 0:
            return datetime(2026, 11, 23, 9, 30, 15, 123456, tzinfo=UTC)
        return datetime(2026, 11, 23, 12, 0, tzinfo=timezone(timedelta(hours=-5)))
    python_type = column.type.python_type
    if python_type is bool:
        return row == 0
    if python_type is int:
        return row + 1 if column.foreign_keys or column.primary_key else big + row
    text = f"{row} Zoë's \"{column.name}\" —"
    return text[: getattr(column.type, "length", None) or len(text)]


@pytest.mark.parametrize("table", models.Base.metadata.sorted_tables, ids=lambda t: t.name)
def test_every_column_of_every_table_reads_back_as_through_sqlalchemy(tmp_path, table):
    path = tmp_path / "types.sqlite3"
    engine = make_engine(f"sqlite:///{path}", foreign_keys=False)
    try:
        models.Base.metadata.create_all(engine)
        with engine.begin() as conn:
            for row in (0, 1):
                values = {c.name: _value(c, row) for c in table.c if c.computed is None}
                conn.execute(insert(table).values(values))
        stmt = select(table).order_by(*table.primary_key.columns)
        with engine.connect() as conn:
            expected = typed(conn.execute(stmt).all())
    finally:
        engine.dispose()
    compiled = gen_statements.compile_statement(stmt, table.name)
    plain = sqlite3.connect(path)
    try:
        got = typed(SqliteReader(plain, {("all",): compiled}).rows(("all",)))
    finally:
        plain.close()
    assert got == expected
    # Row 0 holds a value in every column: each type was compared, not a NULL.
    assert None not in [value for _, value, _ in expected[0]]


@pytest.mark.empty_database
# The models leave a computed column's storage to the server (the migrations say STORED).
@pytest.mark.filterwarnings("ignore:Computed column")
def test_every_column_of_every_table_reads_back_through_psycopg_as_through_sqlalchemy(
    db_url, engine
):
    """The same on a server: every table made from the models, two rows each
    (parents first, so that foreign keys hold), read both ways."""
    if engine != "postgresql":
        pytest.skip("the SQLite reading is compared table by table above")
    import psycopg

    server = make_engine(db_url)
    try:
        models.Base.metadata.create_all(server)
        with server.begin() as conn:
            for table in models.Base.metadata.sorted_tables:
                for row in (0, 1):
                    values = {
                        c.name: _value(c, row, big=2**30) for c in table.c if c.computed is None
                    }
                    conn.execute(insert(table).values(values))
        expected = {}
        with server.connect() as conn:
            for table in models.Base.metadata.sorted_tables:
                stmt = select(table).order_by(*table.primary_key.columns)
                expected[table.name] = (stmt, typed(conn.execute(stmt).all()))
    finally:
        server.dispose()
    with psycopg.connect(prefetch.libpq_url(db_url)) as conn:
        for name, (stmt, rows) in expected.items():
            compiled = gen_statements.compile_statement(stmt, name, gen_statements.PG_DIALECT)
            got = typed(PsycopgReader(conn, {("all",): compiled}).rows(("all",)))
            assert got == rows, name
            assert None not in [value for _, value, _ in rows[0]], name


# ------------------------------------------------------------------ refused


_ODD = Table("odd", MetaData(), Column("id", Integer, primary_key=True), Column("price", Numeric))


@pytest.mark.parametrize(
    ("stmt", "says"),
    [
        (select(_ODD.c.price), "column price"),
        (select(_ODD.c.id).where(_ODD.c.price == bindparam("p")), ":p"),
        (select(_ODD.c.id).where(_ODD.c.id.in_([1, 2])), "expanding IN"),
    ],
    ids=["numeric column", "numeric parameter", "expanding IN"],
)
def test_what_sqlite3_would_read_differently_stops_the_generator(stmt, says):
    with pytest.raises(gen_statements.NotReplayable, match=says):
        gen_statements.compile_statement(stmt, "odd")
