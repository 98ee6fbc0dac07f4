"""Reads on the driver connections beneath SQLAlchemy's (db/reading.py): the
same answers as through SQLAlchemy, prepared statements kept between reads on
a server, the two groups of the queue on two connections, and failures
raised as SQLAlchemy raises them."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy.exc import DBAPIError
from tests.conftest import raw_sql

from sellerdesk import prefetch
from sellerdesk.config import Settings
from sellerdesk.db.reading import reading
from sellerdesk.db.statements import CoreReader
from sellerdesk.errors import DatabaseError
from sellerdesk.followups import lanes, queue


@pytest.mark.parametrize("person", [None, "Tester"])
def test_the_first_page_and_queue_read_the_same_as_through_sqlalchemy(
    every_statement_book, person
):
    db = every_statement_book
    with db.connect() as conn:
        expected = prefetch.home_from(CoreReader(conn), Settings(), person)
    got = prefetch.read_home(db, Settings(), person)
    assert got == expected
    # The book has a waiting follow-up on a do-not-contact lead today: the
    # counts are read again without it, to match the lane.
    assert got.queue.today.count == len(got.queue.today.items) == 2
    with db.connect() as conn:
        expected_queue = lanes.assemble(CoreReader(conn), Settings(), limit=50, person=person)
    assert queue.build(db, Settings(), limit=50, person=person) == expected_queue


def _prepared(db) -> list[tuple[int, int, int]]:
    """What each of the pool's two connections holds prepared: how many
    statements, and how many times they ran on a generic and a custom plan."""
    sql = (
        "SELECT count(*), coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0) "
        "FROM pg_prepared_statements"
    )
    with db.connect() as one, db.connect() as two:
        return [tuple(conn.exec_driver_sql(sql).one()) for conn in (one, two)]


def test_a_server_keeps_the_queue_prepared_on_both_connections(pg_db):
    queue.build(pg_db, Settings())
    queue.build(pg_db, Settings())
    reads = lanes.QueueReads(Settings(), limit=5)
    one, two = _prepared(pg_db)
    # Both connections read (which takes the counts and which the lists may
    # change from one read to the next), their statements still prepared after
    # the pool took the connections back...
    assert one[0] > 0 and two[0] > 0
    # ...and every statement of both reads ran on its one generic plan, none
    # planned again for its values.
    statements = len(reads.counts) + len(reads.lists)
    assert (one[1] + two[1], one[2] + two[2]) == (2 * statements, 0)


def test_a_server_lost_in_the_middle_of_a_read_is_one_sentence_then_reconnects(pg_db):
    queue.build(pg_db, Settings())
    url = prefetch.libpq_url(pg_db.url)
    with (
        pytest.raises(DatabaseError, match="cannot be reached") as caught,
        reading(pg_db) as reader,
    ):
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        lanes.assemble(reader, Settings(), limit=5)
    assert "\n" not in str(caught.value)
    assert queue.build(pg_db, Settings()).due_count == 0


def test_a_failing_read_is_raised_as_sqlalchemy_raises_it(db, db_url):
    raw_sql(db_url, "ALTER TABLE followups RENAME TO followups_gone")
    with pytest.raises(DBAPIError, match="followups"):
        queue.build(db, Settings())


def test_a_server_answers_each_connection_s_reads_in_one_round_trip(pg_db, tmp_path):
    import re

    from psycopg import pq
    from sqlalchemy import event

    queue.build(pg_db, Settings())
    traced = []
    trace = (tmp_path / "protocol.txt").open("w")

    @event.listens_for(pg_db.engine, "checkout")
    def _trace(dbapi_conn, _record, _proxy) -> None:
        pgconn = dbapi_conn.pgconn
        pgconn.trace(trace.fileno())
        pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS)
        traced.append(pgconn)

    try:
        queue.build(pg_db, Settings())
    finally:
        event.remove(pg_db.engine, "checkout", _trace)
        for pgconn in traced:
            pgconn.untrace()
        trace.close()
    sent = re.findall(r"^F\t\d+\t(\w+)", (tmp_path / "protocol.txt").read_text(), re.MULTILINE)
    reads = lanes.QueueReads(Settings(), limit=5)
    # Two connections, each: BEGIN, the plan setting, its group, COMMIT, then
    # one Sync, the only time it waits for the server.
    assert len(traced) == 2
    assert sent.count("Execute") == len(reads.counts) + len(reads.lists) + 2 * 3
    assert sent.count("Sync") == 2
    assert "Query" not in sent


def test_a_server_with_no_second_connection_to_spare_reads_on_one(pg_db, frozen_now):
    # A role allowed one connection: the queue's second connection is refused,
    # and the read goes on, whole, on the first.
    import secrets

    from sqlalchemy.engine import make_url

    from sellerdesk.db.open import open_database

    role = f"sd_one_{secrets.token_hex(4)}"
    for sql in (
        f"CREATE ROLE {role} LOGIN CONNECTION LIMIT 1",
        f"GRANT ALL ON SCHEMA public TO {role}",
        f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}",
    ):
        raw_sql(pg_db.url, sql)
    expected = queue.build(pg_db, Settings())
    limited = open_database(
        make_url(pg_db.url).set(username=role).render_as_string(hide_password=False),
        author="tester",
    )
    try:
        with limited.connect(), pytest.raises(DatabaseError, match="too many connections"):
            limited.connect().__enter__()
        assert queue.build(limited, Settings()) == expected
    finally:
        limited.close()
        raw_sql(pg_db.url, f"DROP OWNED BY {role}")
        raw_sql(pg_db.url, f"DROP ROLE {role}")


def test_a_read_that_fails_on_one_connection_leaves_both_ready(pg_db):
    # Only the lists read the timeline: their connection fails, the counts' does not.
    queue.build(pg_db, Settings())
    raw_sql(pg_db.url, "ALTER TABLE events RENAME TO events_gone")
    with pytest.raises(DBAPIError, match="events"):
        queue.build(pg_db, Settings())
    raw_sql(pg_db.url, "ALTER TABLE events_gone RENAME TO events")
    with pg_db.connect() as one, pg_db.connect() as two:
        drivers = [conn.connection.driver_connection for conn in (one, two)]
        assert [(d.info.transaction_status, d.autocommit) for d in drivers] == [(0, False)] * 2
    assert queue.build(pg_db, Settings()).due_count == 0
