"""Keeping the search indexes in step when thousands of leads arrive at once.

Two triggers index every new lead row by row: the trigram index (migration
0001) and the index of character pairs for one- and two-letter searches
(migration 0004). For a sheet of 100,000 rows they were most of the import's
time. Inside the import's own transaction, the bulk path drops those two
AFTER INSERT triggers, lets the rows in, fills both indexes for the new rows
with one statement each — the same text the triggers index — and creates the
triggers again exactly as they were. If anything fails, the transaction rolls
all of it back, triggers included.

It does so only when the triggers are exactly the ones written here; any
other version (a later migration) is left to do the work itself, slower but
the same (a test checks the bulk path is taken at the current schema).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

_TEXT = (
    "lower({p}username) || char(10) || lower(coalesce({p}display_name, '')) "
    "|| char(10) || lower(coalesce({p}website, '')) || char(10)"
)
_PAIRS = (
    "FROM ({source}) AS t JOIN lead_gram_positions AS p ON p.n < length(t.text) "
    "WHERE substr(t.text, p.n, 1) <> char(10)"
)

KNOWN = {
    "leads_fts_ai": (
        "CREATE TRIGGER leads_fts_ai AFTER INSERT ON leads BEGIN INSERT INTO "
        "leads_fts(rowid, username, display_name, website) VALUES (new.id, new.username, "
        "new.display_name, new.website); END"
    ),
    "lead_grams_ai": (
        "CREATE TRIGGER lead_grams_ai AFTER INSERT ON leads BEGIN INSERT OR IGNORE INTO "
        "lead_grams (gram, lead_id) SELECT substr(t.text, p.n, 2) AS gram, new.id AS lead_id "
        + _PAIRS.format(source=f"SELECT {_TEXT.format(p='new.')} AS text")
        + "; END"
    ),
}
FILL = {
    "leads_fts_ai": (
        "INSERT INTO leads_fts(rowid, username, display_name, website) "
        "SELECT id, username, display_name, website FROM leads WHERE id > ?"
    ),
    # Sorted, so the index is written front to back rather than at random.
    "lead_grams_ai": (
        "INSERT OR IGNORE INTO lead_grams (gram, lead_id) SELECT substr(t.text, p.n, 2), t.id "
        + _PAIRS.format(source=f"SELECT id, {_TEXT.format(p='')} AS text FROM leads WHERE id > ?")
        + " ORDER BY 1, 2"
    ),
}


def _flat(sql: str) -> str:
    return " ".join(sql.split())


def known_triggers(conn) -> dict[str, str] | None:
    """The insert triggers on leads, if they are exactly the ones this module can stand in for."""
    rows = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'leads'"
    ).all()
    found = {name: sql for name, sql in rows if " AFTER INSERT " in _flat(sql).upper()}
    if set(found) != set(KNOWN):
        return None
    if any(_flat(found[name]) != KNOWN[name] for name in KNOWN):
        return None
    return found


@contextmanager
def indexed_after(conn, after_id: int, bulk: bool) -> Iterator[bool]:
    """Around inserting leads with ids above `after_id`; yields whether the bulk path runs."""
    triggers = known_triggers(conn) if bulk and conn.dialect.name == "sqlite" else None
    if not triggers:
        yield False
        return
    for name in triggers:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    yield True
    for name, sql in triggers.items():
        conn.exec_driver_sql(FILL[name], (after_id,))
        conn.exec_driver_sql(sql)
