"""`lead edit` carries the version it read, as the app's form does: a change
saved by someone else in between is never overwritten silently; the edit is
refused whole, and running it again works."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.reliability.conftest import run_cli

from sellerdesk import leads


def _other_process_edits(db_url, *argv: str) -> None:
    """Someone else, in another process, saves a change to the lead."""
    done = subprocess.run(
        [sys.executable, "-m", "sellerdesk", "--db", db_url, "lead", "edit", *argv],
        capture_output=True,
        text=True,
        env={**os.environ, "SELLERDESK_USER": "someone-else"},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_a_change_saved_between_reading_and_writing_is_refused(db, db_url, monkeypatch):
    leads.add_lead(db, "race")
    real_get_lead = leads.get_lead

    def read_then_someone_else_writes(db_, username):
        lead = real_get_lead(db_, username)
        _other_process_edits(db_url, "race", "--notes", "B")
        return lead

    monkeypatch.setattr(leads, "get_lead", read_then_someone_else_writes)
    ran = run_cli("--db", db_url, "lead", "edit", "race", "--notes", "A", "--label", "Hot")
    line = ran.one_line_error()
    assert ran.code == 1 and "race was changed by someone-else at " in line
    assert "since you opened it (notes: — → B)" in line and "Nothing of yours was saved" in line
    lead = real_get_lead(db, "race")
    assert lead.notes == "B" and lead.labels == ()  # B kept, and none of A's edit half-applied

    monkeypatch.setattr(leads, "get_lead", real_get_lead)
    ran = run_cli("--db", db_url, "lead", "edit", "race", "--notes", "A", "--label", "Hot")
    assert ran.code == 0 and "Saved race." in ran.out
    lead = leads.get_lead(db, "race")
    assert (lead.notes, lead.labels) == ("A", ("Hot",))


def test_a_version_read_earlier_is_checked(db, db_url):
    leads.add_lead(db, "race")
    shown = json.loads(run_cli("--db", db_url, "lead", "show", "race", "--json").out)
    _other_process_edits(db_url, "race", "--stage", "qualified")
    ran = run_cli(
        "--db", db_url, "lead", "edit", "race", "--notes", "mine",
        "--expect-version", str(shown["version"]),
    )  # fmt: skip
    assert "race was changed by someone-else at " in ran.one_line_error()
    assert leads.get_lead(db, "race").notes is None


def test_every_part_of_one_edit_is_saved_together(db, db_url):
    leads.add_lead(db, "whole", labels=["Old"])
    ran = run_cli(
        "--db", db_url, "lead", "edit", "whole", "--notes", "n", "--stage", "qualified",
        "--label", "Hot", "--unlabel", "Old", "--do-not-contact", "asked us to stop",
    )  # fmt: skip
    assert ran.code == 0, ran.err
    lead = leads.get_lead(db, "whole")
    assert (lead.notes, lead.labels) == ("n", ("Hot",))
    assert lead.do_not_contact and lead.dnc_reason == "asked us to stop"
    # The stage was moved, then do-not-contact ended the open conversation as Lost.
    moves = [
        (e.data["from"], e.data["to"])
        for e in reversed(leads.lead_timeline(db, lead.id))
        if e.kind == "stage"
    ]
    assert (lead.stage, moves) == ("lost", [("new", "qualified"), ("qualified", "lost")])
    # a bad part refuses the whole edit: nothing of it is saved
    ran = run_cli("--db", db_url, "lead", "edit", "whole", "--notes", "m", "--stage", "zzz")
    assert ran.code == 1 and "is not a stage" in ran.one_line_error()
    assert leads.get_lead(db, "whole").notes == "n"
