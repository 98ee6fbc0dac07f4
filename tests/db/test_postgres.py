"""What only a PostgreSQL server has to get right: a database created from
nothing, the trigram index search reads through, URL options passed to the
driver, and the faults a server brings (down, wrong password, no such
database, a connection lost mid-write), each said in one line with nothing
half-written and no password shown. Run against the throwaway server of the
test run (tests/pg.py); skipped, saying why, where there is none."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from sellerdesk import leads, search, timeline
from sellerdesk.db.open import open_database
from sellerdesk.db.schema import HEAD
from sellerdesk.errors import DatabaseError, SellerdeskError


@pytest.fixture
def empty_url(pg_server, request) -> str:
    name = pg_server.new_database(empty=True)
    request.addfinalizer(lambda: pg_server.drop(name))
    return pg_server.url_for(name)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens once the probe is closed


def _one_line_without(error: BaseException, secret: str) -> str:
    message = str(error)
    assert "\n" not in message and secret not in message, message
    return message


def test_an_empty_database_is_given_the_schema_and_the_search_index(empty_url):
    db = open_database(empty_url, author="tester")
    with db.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == HEAD
        indexes = conn.scalars(text("SELECT indexname FROM pg_indexes WHERE tablename = 'leads'"))
        assert "ix_leads_search_trgm" in set(indexes)
    leads.add_lead(db, "RobertSmith", display_name="Bob", website="roberts-ROOFING.com")
    assert [row.username for row in search.list_leads(db, "roofing")] == ["RobertSmith"]
    assert search.count_leads(db, "BERTs") == 1
    assert search.count_leads(db, "100%") == 0  # a literal %, not a wildcard
    db.close()


def test_a_search_reads_the_trigram_index(empty_url):
    db = open_database(empty_url, author="tester")
    for n in range(300):
        leads.add_lead(db, f"user{n:03d}", website=f"site{n}.example")
    leads.add_lead(db, "needle", website="haystack-roofing.com")
    from sqlalchemy import select

    from sellerdesk.db.tables import leads as lead_table

    stmt = select(lead_table.c.id).where(search._like(db, "roofing"))
    with db.connect() as conn:
        conn.execute(text("ANALYZE leads"))
        conn.execute(text("SET enable_seqscan = off"))  # a few hundred rows: force the choice
        compiled = stmt.compile(conn, compile_kwargs={"literal_binds": True})
        plan = "\n".join(conn.scalars(text(f"EXPLAIN {compiled}")))
    assert "ix_leads_search_trgm" in plan, plan
    db.close()


def test_options_in_the_url_reach_the_driver(pg_server, empty_url):
    url = make_url(empty_url)
    plain = url.update_query_dict({"sslmode": "disable", "application_name": "desk-test"})
    db = open_database(plain.render_as_string(hide_password=False), author="tester")
    with db.connect() as conn:
        assert conn.scalar(text("SELECT current_setting('application_name')")) == "desk-test"
    db.close()
    # This server speaks no TLS: a URL that requires it is refused, in one line.
    secure = url.set(password="s3cret").update_query_dict({"sslmode": "require"})
    with pytest.raises(DatabaseError) as refused:
        open_database(secure.render_as_string(hide_password=False))
    message = _one_line_without(refused.value, "s3cret")
    assert "SSL" in message and "***" in message


def test_a_server_that_is_down_is_said_in_one_line_without_the_password():
    url = f"postgresql+psycopg://ann:s3cret@127.0.0.1:{_closed_port()}/desk?connect_timeout=5"
    with pytest.raises(DatabaseError) as refused:
        open_database(url)
    message = _one_line_without(refused.value, "s3cret")
    assert message.startswith("Cannot open the database at postgresql+psycopg://ann:***@127.0.0.1")
    assert message.endswith("nothing answers at that address (is the server running?)")


def test_a_server_that_accepts_and_never_answers_is_given_up_on_in_one_line(monkeypatch):
    import socket
    import threading

    from sellerdesk.db import engine

    monkeypatch.setattr(engine, "CONNECT_TIMEOUT_S", 1)  # the default waits 10 s
    with socket.socket() as silent:  # accepts connections, says nothing
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"postgresql+psycopg://ann@127.0.0.1:{silent.getsockname()[1]}/desk"
        refused: list[BaseException] = []

        def opening() -> None:
            try:
                open_database(url)
            except BaseException as exc:
                refused.append(exc)

        # In a thread: without a timeout of its own the opening never ends.
        worker = threading.Thread(target=opening, daemon=True)
        worker.start()
        worker.join(60)
        assert not worker.is_alive(), "the opening still waits for the silent server"
    assert len(refused) == 1 and isinstance(refused[0], DatabaseError), refused
    message = _one_line_without(refused[0], "s3cret")
    assert message.startswith("Cannot open the database at postgresql+psycopg://ann@127.0.0.1")
    assert message.endswith("the server did not answer in time")


def test_no_such_database_is_named(pg_server):
    url = pg_server.url_for("sdt_no_such_book")
    with pytest.raises(DatabaseError) as refused:
        open_database(url)
    assert _one_line_without(refused.value, "\t").endswith(
        'database "sdt_no_such_book" does not exist'
    )


@pytest.fixture
def password_role(pg_server):
    """A role that must give its password (the run's server trusts everyone else)."""
    admin = pg_server.admin()
    hba = admin.execute("SELECT current_setting('hba_file')").fetchone()[0]
    try:
        with open(hba, encoding="utf-8") as file:
            before = file.read()
        with open(hba, "w", encoding="utf-8") as file:
            file.write("host all sdt_pw_user 127.0.0.1/32 scram-sha-256\n" + before)
    except OSError as exc:
        pytest.skip(f"cannot ask this server for passwords ({exc})")
    admin.execute("DROP ROLE IF EXISTS sdt_pw_user")
    admin.execute("CREATE ROLE sdt_pw_user LOGIN PASSWORD 'right-one'")
    admin.execute("SELECT pg_reload_conf()")
    yield "sdt_pw_user"
    with open(hba, "w", encoding="utf-8") as file:
        file.write(before)
    admin.execute("SELECT pg_reload_conf()")
    admin.execute("DROP ROLE IF EXISTS sdt_pw_user")


def test_a_wrong_password_is_said_in_one_line_without_it(pg_server, password_role):
    url = make_url(pg_server.url_for("postgres")).set(username=password_role, password="wr0ng")
    with pytest.raises(DatabaseError) as refused:
        open_database(url.render_as_string(hide_password=False))
    message = _one_line_without(refused.value, "wr0ng")
    assert message.endswith("the server refused the user name or password")


def test_a_connection_lost_mid_write_saves_nothing_and_says_so(pg_db, pg_server, monkeypatch):
    """The server ends the connection between the lead's row and its timeline entry."""
    real = timeline.record

    def cut_then_record(session, *args, **kwargs):
        pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
        pg_server.admin().execute("SELECT pg_terminate_backend(%s)", (pid,))
        return real(session, *args, **kwargs)

    monkeypatch.setattr("sellerdesk.leads.record", cut_then_record)
    db = pg_db
    with pytest.raises(SellerdeskError) as lost:
        leads.add_lead(db, "halfway")
    message = _one_line_without(lost.value, "Traceback")
    assert message.startswith("The database server cannot be reached (")
    assert message.endswith("nothing was saved: try again once it is back.")
    monkeypatch.undo()
    assert leads.find_lead(db, "halfway") is None  # the same database, a new connection
    leads.add_lead(db, "halfway")  # and trying again works
    assert leads.get_lead(db, "halfway").username == "halfway"


def test_text_holding_a_nul_is_stored_as_it_is_shown(pg_db):
    db = pg_db
    lead = leads.add_lead(db, "nul", notes="before\x00after")
    assert leads.get_lead(db, "nul").notes == "before\\x00after"
    assert lead.notes == "before\x00after"  # as typed, until read back
