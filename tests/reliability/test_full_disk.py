"""A full disk and a read-only file system, on a real small tmpfs: every write
is refused in one line saying what was saved, nothing saved before is lost,
and an upgrade that cannot finish leaves no half-written copy behind."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
from tests.reliability.conftest import digest, run_cli

from sellerdesk import leads
from sellerdesk.db.open import _upgrade, open_database
from sellerdesk.db.schema import HEAD, REVISIONS


def _make(path, names=("ann",)) -> None:
    db = open_database(f"sqlite:///{path}", author="tester")
    for name in names:
        leads.add_lead(db, name)
    db.close()


def _usernames(path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT username FROM leads ORDER BY id")]
    finally:
        con.close()


@pytest.mark.parametrize(
    "command",
    [
        ("lead", "add", "bob"),
        ("note", "ann", "x" * 20_000),
        ("lead", "edit", "ann", "--notes", "y" * 20_000, "--stage", "qualified"),
        ("followup", "add", "ann", "tomorrow"),
    ],
    ids=lambda c: " ".join(c[:2]),
)
def test_a_write_on_a_full_disk_says_so_and_loses_nothing(small_disk, command):
    path = small_disk.root / "desk.sqlite3"
    _make(path)
    small_disk.fill()
    ran = run_cli("--db", str(path), *command)
    line = ran.one_line_error()
    assert ran.code == 1
    assert "is full" in line and "nothing was saved" in line and "busy" not in line
    small_disk.free_up()
    assert _usernames(path) == ["ann"]
    assert run_cli("--db", str(path), *command).code == 0  # with room again, the same works


def test_a_new_database_on_a_full_disk_leaves_no_empty_file(small_disk):
    small_disk.fill()
    path = small_disk.root / "new.sqlite3"
    ran = run_cli("--db", str(path), "lead", "add", "ann")
    assert "is full" in ran.one_line_error()
    assert not list(small_disk.root.glob("new.sqlite3*"))


def _older_database(path) -> None:
    """A database at the first revision, in WAL mode as earlier versions left it."""
    _upgrade(f"sqlite:///{path}", REVISIONS[0])
    con = sqlite3.connect(path)
    with con:
        con.execute("PRAGMA journal_mode = WAL")
        con.executemany(
            "INSERT INTO leads (username, username_key, source, stage, stage_since, "
            "do_not_contact, created_at, updated_at, version, notes) VALUES "
            "(?, ?, 'fiverr_inbox', 'new', '2026-01-01', 0, '2026-01-01', '2026-01-01', 1, ?)",
            [(f"u{i}", f"u{i}", "n" * 2000) for i in range(300)],
        )
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()


@pytest.mark.parametrize(
    ("room", "expected"),
    [
        (0, "is full"),
        (96 * 1024, "the copy kept before upgrading its schema could not be written"),
        ("size", "upgrading it to this sellerdesk's schema was rolled back"),
    ],
    ids=["no room", "room for less than the copy", "room for the copy only"],
)
def test_an_upgrade_on_a_full_disk_says_full_and_keeps_no_partial_copy(small_disk, room, expected):
    if len(REVISIONS) < 2:
        pytest.skip("needs an older revision to upgrade from")
    path = small_disk.root / "desk.sqlite3"
    _older_database(path)
    before = digest(path)
    small_disk.fill(leave=path.stat().st_size + 96 * 1024 if room == "size" else room)
    ran = run_cli("--db", str(path), "lead", "list")
    line = ran.one_line_error()
    assert expected in line and "busy" not in line, line
    assert "nothing was saved" in line or "nothing was changed" in line
    assert not list(small_disk.root.glob("*.before-*"))
    small_disk.free_up()
    assert digest(path) == before
    # with room again the upgrade goes through and keeps its copy, private from its first byte
    assert run_cli("--db", str(path), "lead", "list", "--limit", "1").code == 0
    copies = list(small_disk.root.glob(f"desk.before-{HEAD}-*"))
    assert len(copies) == 1 and copies[0].stat().st_mode & 0o077 == 0


def test_a_read_only_file_system_is_one_line_and_untouched(small_disk):
    ours = small_disk.root / "desk.sqlite3"
    _make(ours)
    older = small_disk.root / "old.sqlite3"
    _upgrade(f"sqlite:///{older}", REVISIONS[0])
    before = {path: digest(path) for path in (ours, older)}
    small_disk.read_only()
    try:
        for argv, path in (
            (("lead", "list"), ours),
            (("lead", "add", "bob"), ours),
            (("lead", "list"), older),
            (("lead", "list"), small_disk.root / "new.sqlite3"),
        ):
            ran = run_cli("--db", str(path), *argv)
            line = ran.one_line_error()
            assert ran.code == 1 and "read-only file system" in line, line
    finally:
        small_disk.writable()
    assert {path: digest(path) for path in before} == before
    assert not (small_disk.root / "new.sqlite3").exists()


def test_output_redirected_to_a_full_disk_is_one_line(small_disk, tmp_path):
    path = tmp_path / "desk.sqlite3"
    _make(path, [f"lead{i}" for i in range(200)])
    small_disk.fill()
    with open(small_disk.root / "out.txt", "w") as out:
        done = subprocess.run(
            [sys.executable, "-m", "sellerdesk", "--db", str(path), "lead", "list"],
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == 1 and len(lines) == 1, done.stderr
    assert "disk is full" in lines[0]


def test_a_copy_on_a_full_disk_says_the_text_went_out_but_is_not_on_the_timeline(
    small_disk, monkeypatch
):
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    from sellerdesk import copying

    path = small_disk.root / "desk.sqlite3"
    _make(path)
    prepare = copying.prepare_copy

    def prepare_then_the_disk_fills(*args, **kwargs):
        # The lead and the template are read and the rule book says yes; the disk
        # fills before the text goes out.
        result = prepare(*args, **kwargs)
        small_disk.fill()
        return result

    monkeypatch.setattr(copying, "prepare_copy", prepare_then_the_disk_fills)
    ran = run_cli("--db", str(path), "copy", "followup.offer_day1", "--lead", "ann", "--print")
    line = ran.one_line_error()
    assert ran.code == 1
    assert line.startswith("sellerdesk: The text was printed, but it is not on the timeline:")
    assert "is full" in line
    assert "custom offer" in ran.out  # the text itself was not lost
