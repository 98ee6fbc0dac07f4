"""`sellerdesk backup` and `restore`, and the daily copies beside the database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date, timedelta

import pytest
from tests.transfer.conftest import count_leads

from sellerdesk import leads
from sellerdesk.db.open import _upgrade, open_database
from sellerdesk.transfer import backup as backups

# Holds a write transaction open on the database until told to commit.
WRITER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE leads SET notes = 'half-way' WHERE username_key = 'alice'")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""

# A server is backed up with its own tools (test_on_postgresql_it_says_how_with_pg_tools).
FILE_ONLY = pytest.mark.sqlite_only("backups copy a SQLite file")


@FILE_ONLY
def test_backup_is_consistent_while_another_process_writes(db, db_path, run, tmp_path):
    leads.add_lead(db, "alice", notes="before")
    leads.add_lead(db, "bob")
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "holding"
        target = tmp_path / "copy.sqlite3"
        code, out, err = run("backup", str(target))
        assert code == 0, err
        assert f"Backed up 2 leads to {target}" in out
    finally:
        writer.communicate("go\n", timeout=20)
    assert writer.returncode == 0
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)  # one file
        # What was committed when the copy was taken, not the write in progress.
        assert copy.execute("SELECT notes FROM leads WHERE username = 'alice'").fetchone() == (
            "before",
        )
    finally:
        copy.close()
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert leads.get_lead(db, "alice").notes == "half-way"


@FILE_ONLY
def test_backup_defaults_beside_the_database_and_never_overwrites(db, db_path, run, tmp_path):
    leads.add_lead(db, "alice")
    code, out, _ = run("backup")
    [made] = db_path.parent.glob("desk.backup-*.sqlite3")
    assert code == 0 and str(made) in out
    folder = tmp_path / "backups"
    folder.mkdir()
    code, out, _ = run("backup", str(folder))  # a folder: a file inside it
    [inside] = folder.glob("desk.backup-*.sqlite3")
    assert code == 0 and str(inside) in out
    code, _, err = run("backup", str(made))
    assert code == 1 and "already exists" in err


@FILE_ONLY
def test_restore_checks_the_file_and_keeps_what_it_replaces(db, db_path, run, tmp_path):
    leads.add_lead(db, "alice")
    saved = tmp_path / "saved.sqlite3"
    assert run("backup", str(saved))[0] == 0
    leads.add_lead(db, "bob")
    db.close()
    code, out, err = run("restore", str(saved))
    assert code == 0, err
    [kept] = db_path.parent.glob("desk.before-restore-*.sqlite3")
    assert f"Restored 1 lead from {saved}." in out and str(kept) in out
    assert count_leads(db_path) == 1 and count_leads(kept) == 2
    assert os.stat(kept).st_mode & 0o777 == 0o600


@FILE_ONLY
def test_backup_and_restore_take_a_path_relative_to_where_they_run(
    db, db_path, run, tmp_path, monkeypatch
):
    leads.add_lead(db, "alice")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("backup", "saved.sqlite3")
    assert code == 0, err
    assert "Backed up 1 lead to saved.sqlite3" in out
    leads.add_lead(db, "bob")
    db.close()
    code, out, err = run("restore", "saved.sqlite3")
    assert code == 0, err
    assert "Restored 1 lead from saved.sqlite3." in out
    assert count_leads(db_path) == 1


def _damaged(path):
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 100, len(data), 4096):  # scribble over every page but the first
        data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


@FILE_ONLY
@pytest.mark.parametrize("kind", ["text", "damaged", "newer", "foreign", "missing"])
def test_restore_refuses_a_bad_backup_and_replaces_nothing(db, db_path, run, tmp_path, kind):
    leads.add_lead(db, "alice")
    bad = tmp_path / "bad.sqlite3"
    if kind == "text":
        bad.write_text("Username\nalice\n")
        says = "is not a SQLite database"
    elif kind == "damaged":
        for number in range(300):
            leads.add_lead(db, f"lead{number}", notes="x" * 200)
        assert run("backup", str(bad))[0] == 0
        _damaged(bad)
        says = "is damaged"
    elif kind == "newer":
        assert run("backup", str(bad))[0] == 0
        conn = sqlite3.connect(bad)
        conn.execute("UPDATE alembic_version SET version_num = '0099_future'")
        conn.commit()
        conn.close()
        says = "written by a newer sellerdesk (schema 0099_future)"
    elif kind == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE notes (id INTEGER)")
        conn.close()
        says = "is not a sellerdesk database"
    else:
        says = "There is no file"
    before = db_path.read_bytes()
    code, _, err = run("restore", str(bad))
    assert code == 1 and says in err, err
    if kind != "missing":
        assert "nothing was replaced" in err.lower()
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("desk.before-restore-*"))


@FILE_ONLY
def test_a_backup_from_an_older_sellerdesk_is_restored_and_upgraded(db_path, run, tmp_path):
    old = tmp_path / "old.sqlite3"
    _upgrade(f"sqlite:///{old}", "0003_scripts_orders_referrals")
    conn = sqlite3.connect(old)
    conn.execute(
        "INSERT INTO leads (username, username_key, source, stage, stage_since, do_not_contact, "
        "created_at, updated_at, version) VALUES ('olga', 'olga', 'fiverr_inbox', 'new', "
        "'2026-01-01 00:00:00', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 1)"
    )
    conn.commit()
    conn.close()
    code, _out, err = run("restore", str(old))
    assert code == 0, err
    database = open_database(f"sqlite:///{db_path}", migrate=False)  # already at head
    try:
        assert leads.get_lead(database, "olga").username == "olga"
    finally:
        database.close()


@pytest.mark.parametrize("command", ["backup", "restore"])
def test_on_postgresql_it_says_how_with_pg_tools(capsys, command):
    from sellerdesk.cli.main import main

    url = "postgresql+psycopg://seller:s3cret@db.example:5432/desk"
    argv = ["--db", url, command] + (["x.dump"] if command == "restore" else [])
    assert main(argv) == 1
    err = capsys.readouterr().err
    tool = "pg_dump --format=custom" if command == "backup" else "pg_restore --clean"
    assert tool in err and "postgresql://seller@db.example:5432/desk" in err
    assert "s3cret" not in err and len(err.strip().splitlines()) == 1


@FILE_ONLY
def test_daily_copies_keep_the_last_seven(db, db_path, db_url):
    leads.add_lead(db, "alice")
    first = date(2026, 11, 1)
    for offset in range(10):
        made = backups.daily(db_url, keep=7, today=first + timedelta(days=offset))
        assert made == backups.daily_name(db_path, first + timedelta(days=offset))
    # Once a day: a second start the same day makes nothing.
    assert backups.daily(db_url, keep=7, today=first + timedelta(days=9)) is None
    names = [path.name for path in backups.daily_copies(db_path)]
    assert names == [f"desk.daily-2026-11-{day:02}.sqlite3" for day in range(4, 11)]
    assert count_leads(db_path.parent / names[-1]) == 1
    assert backups.daily(db_url, keep=2, today=first + timedelta(days=9)) is None
    assert len(backups.daily_copies(db_path)) == 2
    assert backups.daily(db_url, keep=0) is None  # 0 means none
