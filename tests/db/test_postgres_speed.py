"""What keeps the morning queue and short searches fast on a PostgreSQL server
(migration 0009, docs/performance.md): the plans the server makes for them,
and the index of short terms answering exactly what ILIKE answers.

A test book holds a few dozen rows, where a server reads whole tables
whatever indexes exist; the plans are asked for with table scans turned off,
which shows what the server can answer from an index alone.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text

from sellerdesk import leads, search
from sellerdesk.db.open import open_database
from sellerdesk.db.statements import build
from sellerdesk.db.tables import leads as lead_table
from sellerdesk.followups.lanes import StaleRule, day_bounds

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _plan(db, stmt, params: dict | None = None) -> str:
    """The server's plan for `stmt` with table scans off, after fresh statistics."""
    with db.engine.connect() as conn:
        conn.commit()
        conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    with db.connect() as conn:
        for switch in ("enable_seqscan", "enable_bitmapscan"):
            conn.exec_driver_sql(f"SET LOCAL {switch} = off")
        compiled = stmt.compile(dialect=conn.dialect)
        values = {**compiled.params, **(params or {})}
        rows = conn.exec_driver_sql(f"EXPLAIN {compiled}", values)
        return "\n".join(row[0] for row in rows)


def _scans_testing(plan: str, column: str) -> list[str]:
    """Each scan of the plan whose conditions or filter test `column`."""
    found, scan = [], ""
    tested = re.compile(rf"(Cond|Filter): .*\b{column}\b")
    for line in plan.splitlines():
        if " Scan " in line:
            scan = line.strip()
        elif tested.search(line):
            found.append(scan)
    return found


def _fill_queue(db) -> None:
    # Every lane the counts draw: new inquiries, an imported lead never messaged,
    # quiet leads, stale ones, follow-ups due before, at and after now today.
    from sellerdesk.followups import store

    for n in range(12):
        lead = leads.add_lead(db, f"lead{n:02d}", source="imported" if n % 4 == 0 else None)
        if n % 3 == 0:
            store.add(db, lead.username, f"{n % 5}d")


def test_the_queue_counts_test_source_and_time_inside_their_indexes(pg_db):
    # The first replies and the quiet new leads test `source`, "due earlier today"
    # tests `has_time`: read from the table, they cost a visit per lead counted.
    _fill_queue(pg_db)
    start, tomorrow, week_end = day_bounds(NOW.date())
    stale = StaleRule({"new": 2, "qualified": 5}, NOW)
    lead_counts = _plan(pg_db, build(("queue.lead_counts", False)), stale.params())
    bounds = {"start": start, "tomorrow": tomorrow, "week_end": week_end, "now": NOW}
    lane_counts = _plan(pg_db, build(("queue.lane_counts", False, False)), bounds)
    for plan, column, count in ((lead_counts, "source", 2), (lane_counts, "has_time", 2)):
        scans = _scans_testing(plan, column)
        assert len(scans) == count, plan
        assert all(scan.startswith("->  Index Only Scan") for scan in scans), plan


@pytest.mark.parametrize("person", [None, "Tester"])
def test_every_queue_statement_reads_through_indexes_on_its_generic_plan(pg_db, person):
    # The queue's reads run on generic plans (db/statements.py): one plan for
    # any values must still walk an index, never a whole table.
    import psycopg

    from sellerdesk.config import Settings
    from sellerdesk.db.startup_sql import PG_STATEMENTS
    from sellerdesk.followups.lanes import QueueReads
    from sellerdesk.prefetch import libpq_url

    _fill_queue(pg_db)
    _plan(pg_db, select(1))  # fresh statistics
    reads = QueueReads(Settings(), limit=50, person=person)
    with psycopg.connect(libpq_url(pg_db.url)) as conn:
        cursor = psycopg.ClientCursor(conn)  # EXECUTE takes its values as literals
        for key, params in reads.counts + reads.lists:
            entry = PG_STATEMENTS[key]
            names = list(dict.fromkeys(re.findall(r"%\((\w+)\)s", entry.sql)))
            numbered = entry.sql
            for number, name in enumerate(names, 1):
                numbered = numbered.replace(f"%({name})s", f"${number}")
            values = {**entry.constants, **params}
            with conn.transaction(force_rollback=True):
                for switch in ("enable_seqscan = off", "enable_bitmapscan = off"):
                    conn.execute(f"SET LOCAL {switch}")
                conn.execute("SET LOCAL plan_cache_mode = force_generic_plan")
                conn.execute(f"PREPARE queue_read AS {numbered}")
                marks = ", ".join(["%s"] * len(names))
                cursor.execute(
                    f"EXPLAIN EXECUTE queue_read({marks})", [values[name] for name in names]
                )
                plan = "\n".join(row[0] for row in cursor.fetchall())
                conn.execute("DEALLOCATE queue_read")
            assert "Seq Scan" not in plan, (key, plan)


def test_a_rare_short_term_reads_the_index_of_short_terms(pg_db):
    for n in range(40):
        leads.add_lead(pg_db, f"user{n:03d}", website=f"site{n}.example")
    leads.add_lead(pg_db, "needle", display_name="Xavier Quinn", website="xq-roofing.com")
    plan = _plan(pg_db, select(lead_table.c.id).where(search._short_grams("XQ")))
    assert "ix_leads_short_grams" in plan, plan
    assert [row.username for row in search.list_leads(pg_db, "XQ")] == ["needle"]
    assert search.count_leads(pg_db, "q", at_most=1000) == 1


# Names a person may type or paste: mixed case, digits, punctuation that LIKE
# treats specially, spaces, accents and other scripts, an empty name.
TEXTS = [
    ("RobertSmith", "Robert Smith", "roberts-ROOFING.com"),
    ("ann_lee", "Ann Lee (50% off)", None),
    ("Zoe2024", "ZOË Müller", "https://zoë.example/ÄÖÜ"),
    ("x", "back\\slash", "a-b.example"),
    ("omega", "ΣΊΣΥΦΟΣ ΩΜΕΓΑ", "Ωmega.gr"),
    ("dup", "", ""),
]


def test_the_index_of_short_terms_answers_as_ilike_does(pg_db):
    for username, name, website in TEXTS:
        leads.add_lead(pg_db, username, display_name=name, website=website)
    chars = sorted({c for row in TEXTS for value in row if value for c in value})
    terms = set(chars) | {c.upper() for c in chars} | {c.lower() for c in chars}
    for row in TEXTS:
        for value in row:
            for i in range(len(value or "") - 1):
                pair = value[i : i + 2]
                terms |= {pair, pair.upper(), pair.lower(), pair.swapcase()}
    terms |= {"%", "_", "%%", "\\", "zz", "q"}
    terms = {term for term in terms if term.strip() == term and term}
    with pg_db.connect() as conn:
        for term in sorted(terms):
            by_index = conn.scalars(
                select(lead_table.c.id).where(search._short_grams(term)).order_by("id")
            ).all()
            by_ilike = conn.scalars(
                select(lead_table.c.id).where(search._like(pg_db, term)).order_by("id")
            ).all()
            assert by_index == by_ilike, repr(term)


def test_the_short_terms_follow_every_change_of_a_lead(pg_db):
    leads.add_lead(pg_db, "someone", display_name="Old Name", website="old.example")
    assert search.count_leads(pg_db, "LD") == 1
    leads.update_lead(pg_db, "someone", display_name="New Name", website="qz.example")
    assert search.count_leads(pg_db, "ld") == 0
    assert search.count_leads(pg_db, "QZ") == 1
    with pg_db.engine.begin() as conn:
        conn.execute(text("DELETE FROM leads"))
    assert search.count_leads(pg_db, "qz") == 0


@pytest.fixture
def empty_url(pg_server, request) -> str:
    name = pg_server.new_database(empty=True)
    request.addfinalizer(lambda: pg_server.drop(name))
    return pg_server.url_for(name)


def _index_definitions(db) -> dict[str, str]:
    with db.connect() as conn:
        rows = conn.execute(text("SELECT indexname, indexdef FROM pg_indexes"))
        return {name: definition for name, definition in rows}


def test_the_upgrade_indexes_the_leads_already_there_and_goes_back(empty_url):
    from alembic import command

    from sellerdesk.db.engine import make_engine
    from sellerdesk.db.open import _upgrade, alembic_config

    _upgrade(empty_url, "0008_team")
    db = open_database(empty_url, author="tester")  # migrates to head
    db.close()
    engine = make_engine(empty_url, pooled=False)
    with engine.connect() as conn, conn.begin():
        command.downgrade(alembic_config(conn), "0008_team")
    engine.dispose()
    with make_engine(empty_url, pooled=False).begin() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0008_team"
        assert conn.scalar(text("SELECT to_regproc('sellerdesk_short_grams')")) is None
        conn.execute(
            text(
                "INSERT INTO leads (username, username_key, display_name, source, stage, "
                "stage_since, do_not_contact, created_at, updated_at, version) "
                "SELECT 'user' || n, 'user' || n, 'Name ' || n, 'fiverr_inbox', 'new', "
                "now(), false, now(), now(), 1 FROM generate_series(1, 30) AS n"
            )
        )
    db = open_database(empty_url, author="tester")  # up again, with leads in the book
    try:
        definitions = _index_definitions(db)
        assert "INCLUDE (source)" in definitions["ix_leads_quiet"]
        assert "INCLUDE (has_time)" in definitions["ix_followups_status_due"]
        with db.connect() as conn:
            found = conn.scalars(
                select(lead_table.c.username).where(search._short_grams("7")).order_by("id")
            ).all()
        assert found == ["user7", "user17", "user27"]
        assert search.count_leads(db, "R2") == 11
    finally:
        db.close()
