"""A big import fills the search indexes in bulk, to exactly what the triggers would
have written, and leaves the triggers as they were."""

from __future__ import annotations

import sqlite3

import pytest

from sellerdesk import search
from sellerdesk.db.open import open_database
from sellerdesk.transfer import apply
from sellerdesk.transfer.search_index import KNOWN, known_triggers

SHEET = "Username,Name,Website\n" + "".join(
    f"user{n}_x,Ærø Smith {n},https://www.Example{n}.com\n" for n in range(40)
)


def _import(tmp_path, name: str) -> tuple:
    from sellerdesk.cli.main import main

    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    path = tmp_path / name
    assert main(["--db", str(path), "import", str(sheet)]) == 0
    conn = sqlite3.connect(path)
    try:
        return (
            conn.execute("SELECT gram, lead_id FROM lead_grams ORDER BY 1, 2").fetchall(),
            conn.execute("SELECT rowid FROM leads_fts WHERE leads_fts MATCH '\"ærø\"'").fetchall(),
            conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            ).fetchall(),
        )
    finally:
        conn.close()


def test_the_bulk_path_indexes_exactly_what_the_triggers_would(tmp_path, monkeypatch, capsys):
    by_triggers = _import(tmp_path, "slow.sqlite3")
    taken: list[bool] = []
    from sellerdesk.transfer import search_index

    original = search_index.indexed_after

    def spy(conn, after_id, bulk):
        manager = original(conn, after_id, bulk)

        class Spy:
            def __enter__(self):
                taken.append(manager.__enter__())
                return taken[-1]

            def __exit__(self, *exc):
                return manager.__exit__(*exc)

        return Spy()

    monkeypatch.setattr(search_index, "indexed_after", spy)
    monkeypatch.setattr(apply, "BIG", 1)
    in_bulk = _import(tmp_path, "fast.sqlite3")
    assert taken == [True]
    assert len(by_triggers[0]) > 1000 and len(by_triggers[1]) == 40
    assert in_bulk == by_triggers

    db = open_database(f"sqlite:///{tmp_path / 'fast.sqlite3'}")
    try:
        assert len(search.list_leads(db, "x", limit=100)) == 40  # one letter: the pairs index
        assert [row.username for row in search.list_leads(db, "example17")] == ["user17_x"]
    finally:
        db.close()


@pytest.mark.sqlite_only("SQLite's search index triggers")
def test_triggers_it_does_not_know_are_left_to_do_the_work(db, tmp_path, monkeypatch):
    conn = sqlite3.connect(tmp_path / "desk.sqlite3")
    changed = KNOWN["lead_grams_ai"].replace("INSERT OR IGNORE", "INSERT OR REPLACE")
    conn.executescript(f"DROP TRIGGER lead_grams_ai; {changed};")
    conn.close()
    with db.connect() as connection:
        assert known_triggers(connection) is None
    from sellerdesk.cli.main import main

    monkeypatch.setattr(apply, "BIG", 1)
    sheet = tmp_path / "s.csv"
    sheet.write_text("Username\nanna\n")
    assert main(["--db", str(tmp_path / "desk.sqlite3"), "import", str(sheet)]) == 0
    assert [row.username for row in search.list_leads(db, "a")] == ["anna"]


@pytest.mark.sqlite_only("SQLite's search index triggers")
@pytest.mark.parametrize("name", sorted(KNOWN))
def test_the_current_schema_has_the_triggers_the_bulk_path_knows(db, name):
    with db.connect() as connection:
        found = known_triggers(connection)
    assert found is not None and name in found
