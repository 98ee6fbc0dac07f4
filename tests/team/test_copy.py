"""`sellerdesk db copy`: a seller's own file moved to the team's database (a
PostgreSQL server in the second run, another file in the first) and back,
every row and timeline entry kept, the counts printed and checked; a book
that has leads is refused unless the copy merges, by username in any case."""

from __future__ import annotations

import pytest
from tests.transfer.test_round_trip import build_book, snapshot

from sellerdesk import leads
from sellerdesk.cli.main import main
from sellerdesk.db.open import open_database
from sellerdesk.followups import store


@pytest.fixture
def own_book(tmp_path, frozen_now):
    """The seller's own SQLite file, lived in a little (see the round trip's book)."""
    url = f"sqlite:///{tmp_path / 'own.sqlite3'}"
    database = open_database(url, author="tester")
    build_book(database, frozen_now)
    database.close()
    return url


def copy(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["db", "copy", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_book_copied_to_the_team_database_and_back_is_the_same_book(
    own_book, db_url, tmp_path, capsys
):
    code, out, err = copy(capsys, "--db", own_book, "--to", db_url)
    assert code == 0, err
    assert out.splitlines()[1:4] == [
        "  leads                          4",
        "  labels                         4",
        "  remembered values              2",  # alice's answer, carol's order number
    ]
    assert "Every table was counted in the target afterwards" in out
    assert snapshot(db_url) == snapshot(own_book)
    # ... and back, into a file of its own.
    back = f"sqlite:///{tmp_path / 'back.sqlite3'}"
    code, _, err = copy(capsys, "--db", back, "--from", db_url)
    assert code == 0, err
    assert snapshot(back) == snapshot(own_book)
    # The team's copy works like any book: search, the queue, new rows after the copied ones.
    team = open_database(db_url, author="Sam")
    assert [row.username for row in _leads(team, "ALI")] == ["alice"]
    later = leads.add_lead(team, "newcomer")
    assert later.id == 5
    team.close()


def test_a_book_with_leads_is_refused_unless_merging_by_username(
    own_book, db, db_url, capsys
):
    leads.add_lead(db, "ALICE", website="alice.example")  # the same person, in capitals
    store.add(db, "ALICE", "fri", reason="their own plan")
    code, out, err = copy(capsys, "--db", own_book, "--to", db_url)
    assert code == 1 and out == ""
    assert err.splitlines()[-1] == (
        "sellerdesk: The target already holds leads; nothing was copied. "
        "Add --merge to copy into it, matching leads by username."
    )
    assert [row.username for row in _leads(db)] == ["ALICE"]
    code, out, err = copy(capsys, "--db", own_book, "--to", db_url, "--merge")
    assert code == 0, err
    assert "  leads                          3   (1 already there by username: merged)" in out
    alice = leads.get_lead(db, "alice")
    assert alice.username == "ALICE" and alice.website == "alice.example"  # theirs kept
    assert alice.display_name == "Alice Doe"  # an empty field filled from the copy
    reasons = {f.reason for f in store.for_lead(db, alice.id, include_closed=True)}
    assert "their own plan" in reasons and len(reasons) > 1
    # Copying the same book again adds nothing.
    before = snapshot(db_url)
    code, out, _ = copy(capsys, "--db", own_book, "--to", db_url, "--merge")
    assert code == 0
    assert "  leads                          0   (4 already there by username: merged)" in out
    assert "  timeline entries               0   (" in out
    assert snapshot(db_url) == before


def _leads(db, search: str = ""):
    from sellerdesk.search import list_leads

    return list_leads(db, search)


@pytest.mark.sqlite_only("a missing file is a SQLite matter")
def test_a_source_book_that_is_not_there_is_refused_and_not_made(db_url, tmp_path, capsys):
    missing = tmp_path / "typo.sqlite3"
    code, out, err = copy(capsys, "--db", db_url, "--from", str(missing))
    assert code == 1 and out == ""
    assert err.strip() == f"sellerdesk: There is no lead book at {missing}; nothing was copied."
    assert not missing.exists()
