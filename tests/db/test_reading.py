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
