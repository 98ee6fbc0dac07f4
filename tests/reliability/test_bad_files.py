"""A database file that is not one, is damaged, is foreign or from a newer
sellerdesk, or sits where it cannot be made: one plain line, exit 1, and the
file exactly as it was."""

from __future__ import annotations

import os
import random
import sqlite3

import pytest
from tests.reliability.conftest import digest, run_cli, run_cli_process

from sellerdesk import leads
from sellerdesk.db.open import open_database

COMMANDS = (("lead", "list"), ("lead", "add", "newbie"), ("today",), ("note", "ann", "hi"))


def _real_database(path, leads_count: int = 300) -> None:
    db = open_database(f"sqlite:///{path}", author="tester")
    for i in range(leads_count):
        leads.add_lead(db, f"lead{i}", notes="n" * 400)
    leads.add_lead(db, "ann")
    db.close()


def _text_file(path) -> None:
    path.write_text("milk, eggs, bread\n" * 200)


def _random_bytes(path) -> None:
    path.write_bytes(random.Random(7).randbytes(20_000))


def _truncated(path) -> None:
    whole = path.with_name("whole.sqlite3")
    _real_database(whole, 50)
    path.write_bytes(whole.read_bytes()[:3000])


def _damaged_pages(path) -> None:
    """Page 1 (the schema) is fine; pages in the second half are scribbled over."""
    _real_database(path)
    data = bytearray(path.read_bytes())
    noise = random.Random(3)
    for offset in range(len(data) // 2, len(data) - 4096, 4096 * 3):
        data[offset : offset + 4096] = noise.randbytes(4096)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (_text_file, "is not a database at all (not an SQLite file)"),
        (_random_bytes, "is not a database at all (not an SQLite file)"),
        (_truncated, "is damaged"),
    ],
)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
def test_a_file_that_is_not_a_database_is_one_line_and_untouched(
    tmp_path, make, expected, command
):
    path = tmp_path / "desk.sqlite3"
    make(path)
    before = digest(path)
    ran = run_cli("--db", str(path), *command)
    line = ran.one_line_error()
    assert ran.code == 1
    assert expected in line and str(path) in line
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("desk")) == [path.name]


def test_damaged_pages_found_by_a_query_name_the_way_out(tmp_path):
    path = tmp_path / "desk.sqlite3"
    _damaged_pages(path)
    before = digest(path)
    ran = run_cli("--db", str(path), "lead", "list", "--limit", "1000")
    line = ran.one_line_error()
    assert "is damaged" in line
    assert "`sellerdesk paths`" in line and f"sqlite3 {path} .recover" in line
    assert digest(path) == before


def test_paths_names_the_newest_backup(tmp_path):
    path = tmp_path / "desk.sqlite3"
    _real_database(path, 1)
    older = tmp_path / "desk.before-0004_x-from-0003_y-20260101-100000.sqlite3"
    newer = tmp_path / "desk.before-0004_x-from-0003_y-20261101-100000.sqlite3"
    for copy in (older, newer):
        copy.write_bytes(path.read_bytes())
    ran = run_cli("--db", str(path), "paths")
    assert ran.code == 0
    line = next(line for line in ran.out.splitlines() if line.startswith("newest backup"))
    assert line.split()[-1] == str(newer)


def _rollback_journal_file(path, revision: str | None) -> None:
    """An SQLite file in the default rollback-journal mode, as another program leaves it."""
    con = sqlite3.connect(path)
    with con:
        con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        con.execute("INSERT INTO invoices VALUES (1, 9.5)")
        if revision is not None:
            con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
            con.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    con.close()
    assert path.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL


@pytest.mark.parametrize(
    ("revision", "expected"),
    [(None, "not a sellerdesk database"), ("9999_from_the_future", "newer sellerdesk")],
    ids=["foreign", "newer"],
)
def test_a_refused_rollback_journal_file_is_byte_identical(tmp_path, revision, expected):
    path = tmp_path / "other.sqlite3"
    _rollback_journal_file(path, revision)
    before = digest(path)
    ran = run_cli("--db", str(path), "lead", "list")
    assert expected in ran.one_line_error() and "Nothing was changed" in ran.err
    assert digest(path) == before  # header bytes 18-19 included: never switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


def test_a_database_under_a_file_or_with_a_name_too_long_is_one_line(tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    ran = run_cli("--db", str(blocker / "desk.sqlite3"), "lead", "list")
    assert "is a file, not a folder" in ran.one_line_error()
    ran = run_cli("--db", str(tmp_path / ("x" * 300 + ".sqlite3")), "lead", "list")
    assert "too long" in ran.one_line_error()
    ran = run_cli("--db", str(tmp_path), "lead", "list")
    assert "is a folder, not a file" in ran.one_line_error()
    assert blocker.read_text() == "a file, not a folder"


def test_a_folder_nobody_may_enter_or_a_file_nobody_may_write(tmp_path, without_root_override):
    locked = tmp_path / "locked"
    locked.mkdir()
    inside = locked / "desk.sqlite3"
    _real_database(inside, 1)
    readonly_file = tmp_path / "readonly.sqlite3"
    _real_database(readonly_file, 1)
    before = digest(readonly_file)
    if os.geteuid() == 0:
        os.chown(locked, 65534, 65534)
        os.chown(readonly_file, 65534, 65534)
    locked.chmod(0o700)
    readonly_file.chmod(0o444)
    try:
        ran = run_cli_process("--db", str(inside), "lead", "list", prefix=without_root_override)
        line = ran.one_line_error()
        assert (ran.code == 1 and "permission denied" in line.lower()) or "may not" in line, line
        ran = run_cli_process(
            "--db", str(readonly_file), "note", "ann", "hi", prefix=without_root_override
        )
        line = ran.one_line_error()
        assert ran.code == 1 and "may not read and write" in line, line
    finally:
        locked.chmod(0o755)
        readonly_file.chmod(0o644)
    assert digest(readonly_file) == before


def test_a_busy_database_is_one_line_and_saves_nothing(tmp_path, monkeypatch):
    import threading

    from sellerdesk.db import engine as engine_module

    path = tmp_path / "desk.sqlite3"
    _real_database(path, 1)
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_S", 0.2)
    started, release = threading.Event(), threading.Event()

    def hold() -> None:
        con = sqlite3.connect(path, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        started.set()
        release.wait(60)
        con.execute("COMMIT")
        con.close()

    holder = threading.Thread(target=hold)
    holder.start()
    started.wait()
    try:
        ran = run_cli("--db", str(path), "note", "ann", "while someone else writes")
    finally:
        release.set()
        holder.join()
    line = ran.one_line_error()
    assert ran.code == 1 and "busy" in line and "nothing was saved" in line
    db = open_database(f"sqlite:///{path}", author="tester")
    ann = leads.get_lead(db, "ann")
    assert [e.kind for e in leads.lead_timeline(db, ann.id)] == ["created"]
    db.close()
