"""Fixtures of the database tests."""

from __future__ import annotations

import pytest

from sellerdesk.db.open import open_database


@pytest.fixture
def pg_db(pg_server, request):
    """A migrated book on a database of its own on the test run's PostgreSQL server."""
    name = pg_server.new_database()
    request.addfinalizer(lambda: pg_server.drop(name))
    db = open_database(pg_server.url_for(name), author="tester")
    yield db
    db.close()
