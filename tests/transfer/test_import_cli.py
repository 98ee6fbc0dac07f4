"""`sellerdesk import`: seed 002's record, the dry run, updates, mappings, and every
kind of bad input, each refused with its line, column and reason, nothing half-imported."""

from __future__ import annotations

import csv
import json
import os
import stat

import pytest
from tests.conftest import raw_sql
from tests.transfer.conftest import SEED_002_HEADER, SEED_002_ROW, count_leads


def test_seed_002_record_imports_from_a_csv_typed_as_the_screenshot_shows(run, write):
    path = write("crm.csv", f"{SEED_002_HEADER}\n{SEED_002_ROW}\n")
    code, out, err = run("import", str(path))
    assert code == 0, err
    assert "Imported 1 new lead (1 referral recorded)." in out

    lead = json.loads(run("lead", "show", "inzoneagency", "--json")[1])
    assert lead["stage"] == "hot_lead"  # Category
    assert lead["website"] is None  # "Click to add website" is the empty field
    assert lead["last_messaged_at"] is None  # "MM/DD/YYYY" likewise
    assert lead["next_followup_at"] is None
    assert lead["labels"] == ["Referral"]
    assert lead["notes"] == "Referred by: bgsone"
    assert lead["referred_by"] == "bgsone" and lead["source"] == "referral"
    kinds = [event["kind"] for event in lead["timeline"]]
    assert kinds[-1] == "created" and "Imported as Hot Lead from crm.csv (line 2)" in [
        event["body"] for event in lead["timeline"]
    ]
    # "If the referral source is not logged in the CRM, the referral does not exist":
    # it is logged, with its reward owed when the new client orders.
    referrals = json.loads(run("referrals", "--json")[1])
    assert "bgsone" in json.dumps(referrals) and "inzoneagency" in json.dumps(referrals)


def test_seed_002_record_with_its_dates_filled_plans_the_follow_up(run, write, frozen_now):
    path = write(
        "crm.csv",
        f"{SEED_002_HEADER}\nHot Lead,inzoneagency,inzone.agency,11/20/2026,"
        "11/27/2026,\"Referral, Hot Lead\",Referred by: bgsone\n",
    )
    assert run("import", str(path))[0] == 0
    lead = json.loads(run("lead", "show", "inzoneagency", "--json")[1])
    assert lead["website"] == "inzone.agency"
    assert lead["last_messaged_at"].startswith("2026-11-20")
    assert lead["next_followup_at"].startswith("2026-11-27")
    assert lead["labels"] == ["Referral", "Hot Lead"]
    code, _out, _ = run("today")
    assert code == 0
    followups = json.loads(run("today", "--json")[1])
    assert "inzoneagency" in json.dumps(followups)


def test_dry_run_says_row_by_row_what_would_happen_and_changes_nothing(run, write, db_url):
    run("lead", "add", "bob", "--stage", "new")
    path = write(
        "leads.csv",
        "Username,Category,Labels\n"
        "anna,Qualified,Hot Lead\n"
        "BOB,Hot Lead,\n"
        "carl,Warm,\n"
        "bob,New,\n",
    )
    code, out, _ = run("import", str(path), "--dry-run", "--update")
    assert code == 1  # some rows would be refused
    lines = out.splitlines()
    assert "line 2: add anna (Qualified; labels Hot Lead)" in lines
    assert "line 3: update bob: stage → Hot Lead" in lines
    assert any(line.startswith("line 4, column Category: 'Warm' is not a stage") for line in lines)
    assert "line 5, column Username: bob is already on line 3" in lines
    assert lines[-1] == (
        "Would add 1, update 1, leave 0 unchanged; 2 rows refused. Nothing was changed."
    )
    assert count_leads(db_url) == 1


def test_existing_leads_are_updated_only_when_asked(run, write):
    run("lead", "add", "inzoneagency", "--stage", "new")
    row = SEED_002_ROW.replace("inzoneagency", "InZoneAgency")  # matched ignoring case
    path = write("crm.csv", f"{SEED_002_HEADER}\n{row}\n")
    code, _, err = run("import", str(path))
    assert code == 1
    assert "line 2, column Username: inzoneagency is already in your book; " in err
    assert "import with --update" in err
    assert json.loads(run("lead", "show", "inzoneagency", "--json")[1])["stage"] == "new"

    code, out, err = run("import", str(path), "--update")
    assert code == 0, err
    assert "updated 1" in out
    lead = json.loads(run("lead", "show", "inzoneagency", "--json")[1])
    assert lead["stage"] == "hot_lead" and lead["referred_by"] == "bgsone"
    assert lead["labels"] == ["Referral"]
    kinds = {event["kind"] for event in lead["timeline"]}
    assert {"stage", "edited", "referral_recorded", "note"} & kinds >= {"stage", "edited", "note"}

    # The same file again: nothing left to change.
    code, out, _ = run("import", str(path), "--update")
    assert code == 0 and "Nothing to import: 1 row already as the file says." in out


BAD_ROWS = [
    # (row after "Username,Category,Labels,Last Messaged,Notes", column, reason)
    ("good one,New,,,", "Username", "'good one' is not a Fiverr username"),
    ("anna,Warm,,,", "Category", "'Warm' is not a stage; choose one of: New"),
    ("anna,New,Refferal,,", "Labels", "'Refferal' is not a label in your book"),
    ("anna,New,,02/30/2026,", "Last Messaged", "does not exist: February 2026 has 28 days"),
    ("anna,New,,23/11/2026,", "Last Messaged", "reads day first"),
    ("anna,New,,,Referred by: Jane Smith", "Notes", "Jane Smith', which is not a Fiverr username"),
    ("anna,New,,,Referred by: anna", "Notes", "a lead cannot refer itself"),
    (",New,,,", "Username", "a Fiverr username is needed"),
    ("anna,New,,,,extra", "", "has 6 cells; the header has 5"),
]


@pytest.mark.parametrize(("row", "column", "why"), BAD_ROWS)
def test_a_bad_row_is_refused_with_line_column_and_why_and_nothing_is_imported(
    run, write, db_url, row, column, why
):
    path = write(
        "leads.csv",
        f"Username,Category,Labels,Last Messaged,Notes\nfirst,New,,,\n{row}\nlast,New,,,\n",
    )
    code, _out, err = run("import", str(path))
    assert code == 1
    where = f"line 3, column {column}: " if column else "line 3: "
    refusal = next(line for line in err.splitlines() if line.startswith("line 3"))
    assert refusal.startswith(where) and why in refusal, err
    assert "nothing was imported: 1 row refused" in err
    assert count_leads(db_url) == 0  # not the good rows either


def test_a_megabyte_in_one_cell_is_refused_without_being_printed(run, write, db_url):
    path = write("big.csv", f"Username,Notes\nanna,{'x' * 1_048_576}\n")
    code, _out, err = run("import", str(path))
    assert code == 1
    assert "line 2, column Notes: is 1,048,576 characters long; at most 20,000" in err
    assert len(err) < 1000 and count_leads(db_url) == 0


def test_usernames_repeated_in_the_file_are_refused_case_insensitively(run, write, db_url):
    path = write("dup.csv", "Username\nanna\nbob\nANNA\n")
    code, _, err = run("import", str(path))
    assert code == 1 and "line 4, column Username: ANNA is already on line 2" in err
    assert count_leads(db_url) == 0


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty"),
        (b"Username,Notes\n", "but no rows to import"),
        (bytes(range(256)) * 4, "not a text file"),
    ],
)
def test_files_with_nothing_to_import_say_so_in_one_line(run, write, db_url, content, says):
    code, _out, err = run("import", str(write("bad.csv", content)))
    assert code == 1 and says in err and len(err.strip().splitlines()) == 1
    assert count_leads(db_url) == 0


def test_unknown_labels_are_created_only_when_asked(run, write, db_url):
    path = write("l.csv", "Username,Labels\nanna,VIP; referral\n")
    assert run("import", str(path))[0] == 1
    code, _, err = run("import", str(path), "--new-labels")
    assert code == 0, err
    # A known label keeps the book's spelling.
    assert json.loads(run("lead", "show", "anna", "--json")[1])["labels"] == ["VIP", "Referral"]


def test_skip_bad_imports_the_rest_and_writes_the_refused_rows_beside_the_file(run, write, db_url):
    path = write("leads.csv", "Username,Category\nanna,New\nbad name,New\ncarl,Warm\n")
    code, out, err = run("import", str(path), "--skip-bad")
    assert code == 0, err
    refused = path.with_name("leads.refused.csv")
    assert f"2 rows refused, written to {refused}." in out
    assert count_leads(db_url) == 1
    assert stat.S_IMODE(os.stat(refused).st_mode) == 0o600
    rows = list(csv.reader(refused.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["Username", "Category", "Refused because"]
    assert rows[1][:2] == ["bad name", "New"]
    assert rows[1][2].startswith("Username: 'bad name' is not a Fiverr username")
    assert rows[2][:2] == ["carl", "Warm"]
    assert rows[2][2].startswith("Category: 'Warm' is not a stage")

    # Fixed, the same file imports; its reason column is ignored.
    fixed = refused.read_text(encoding="utf-8-sig").replace("bad name", "badname")
    fixed = fixed.replace("Warm", "Qualified")
    refused.write_text(fixed, encoding="utf-8")
    code, out, err = run("import", str(refused))
    assert code == 0, err
    assert count_leads(db_url) == 3


def test_unrecognised_columns_need_a_mapping(run, write, db_url):
    path = write("other.csv", "Buyer Handle,Email Address,Stage\nanna,anna@example.com,Qualified\n")
    code, _, err = run("import", str(path))
    assert code == 1
    assert "Columns not recognised: 'Buyer Handle', 'Email Address'" in err
    assert "--map 'COLUMN=FIELD'" in err
    code, _out, err = run(
        "import", str(path), "--map", "Buyer Handle=username", "--map", "email address=email"
    )
    assert code == 0, err
    lead = json.loads(run("lead", "show", "anna", "--json")[1])
    assert lead["stage"] == "qualified" and lead["notes"] == "Email: anna@example.com"
    code, _, err = run("import", str(path), "--map", "Phone=note")
    assert code == 1 and "There is no column 'Phone'" in err


def test_european_excel_semicolons_and_utf16_import_end_to_end(run, write, db_url):
    run_code, _, err = run(
        "import",
        str(write("eu.csv", "Username;Category;Next Follow-up\nanna;Qualified;23/11/2026\n")),
        "--day-first",
    )
    assert run_code == 0, err
    text = "\ufeffUsername\tNotes\nbjörn\tCafé\n"
    code, _, err = run("import", str(write("u16.txt", text.encode("utf-16"))))
    assert code == 1 and "'björn' is not a Fiverr username" in err
    text = "\ufeffUsername\tNotes\nbjorn\tCafé ☺\n"
    code, _, err = run("import", str(write("u16.txt", text.encode("utf-16"))))
    assert code == 0, err
    assert json.loads(run("lead", "show", "bjorn", "--json")[1])["notes"] == "Café ☺"
    assert json.loads(run("lead", "show", "anna", "--json")[1])["next_followup_at"].startswith(
        "2026-11-23"
    )


def test_twentys_people_export_is_recognised(run, write, db_url):
    header = (
        "Id,Name / First Name,Name / Last Name,Emails / Primary Email,Emails / Additional Emails,"
        "Linkedin / Link URL,Job Title,City,Fiverr Username,Stage,Creation date"
    )
    rows = (
        "7f1e,Ada,Lovelace,ada@example.com,,https://linkedin.com/in/ada,Founder,London,"
        "adalove,Qualified,2026-11-01T10:00:00.000Z\n"
        "8a2b,Grace,Hopper,grace.hopper@example.com,,,,,,,2026-11-02T10:00:00.000Z\n"
    )
    code, out, err = run("import", str(write("people.csv", f"\ufeff{header}\n{rows}")), "--dry-run")
    assert code == 0, err
    assert "Twenty people" in out
    assert "Ignored: Id, Emails / Additional Emails, Creation date" in out
    assert run("import", str(write("people.csv", f"\ufeff{header}\n{rows}")))[0] == 0
    ada = json.loads(run("lead", "show", "adalove", "--json")[1])
    assert ada["display_name"] == "Ada Lovelace" and ada["stage"] == "qualified"
    assert ada["notes"].splitlines() == [
        "Email: ada@example.com",
        "Linkedin / Link URL: https://linkedin.com/in/ada",
        "Job Title: Founder",
        "City: London",
    ]
    # No Fiverr username in Twenty: the email's name stands in for it.
    grace = json.loads(run("lead", "show", "grace.hopper", "--json")[1])
    assert grace["display_name"] == "Grace Hopper"


def test_a_failure_while_writing_leaves_nothing_half_imported(run, write, db_url, monkeypatch):
    from sellerdesk.transfer import apply

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(apply, "_record_referrals", broken)
    path = write("crm.csv", f"{SEED_002_HEADER}\n{SEED_002_ROW}\nNew,other,,,,,\n")
    code, out, err = run("import", str(path))
    # Any failure is one line (a bug's too), and the import is all or nothing.
    assert (code, out) == (1, "")
    assert "unexpected error (RuntimeError: disk full)" in err and err.count("\n") == 1
    assert count_leads(db_url) == 0


def test_control_characters_in_a_file_never_reach_the_terminal(run, write, db_url):
    evil = "\x1b]52;c;ZXZpbA==\x07"
    path = write("evil.csv", f"Username,Category\nanna{evil},New\nbob,{evil}\n")
    _code, out, err = run("import", str(path), "--dry-run")
    assert "\x1b" not in out + err and "\x07" not in out + err
    assert "\\x1b]52;c;ZXZpbA==\\x07" in out


def _referral_traces(db_url: str, referrer_known: bool) -> dict:
    def rows(sql: str) -> list[tuple]:
        return raw_sql(db_url, sql)

    def timeline(username: str) -> list[tuple]:
        return rows(
            "SELECT e.kind, e.body, e.data FROM events e JOIN leads l ON l.id = e.lead_id "
            f"WHERE l.username = '{username}' AND e.kind != 'created' ORDER BY e.id"
        )

    return {
        "referred": rows(
            "SELECT referred_by, source, notes FROM leads WHERE username = 'inzoneagency'"
        ),
        "referrer": rows("SELECT stage, source FROM leads WHERE username = 'bgsone'"),
        # A referrer already in the book is changed by recording: someone editing it
        # meanwhile must not overwrite that silently.
        "version": rows(
            "SELECT CASE WHEN version > 1 THEN 1 ELSE 0 END FROM leads WHERE username = 'bgsone'"
        ) if referrer_known else None,
        "labels": rows(
            "SELECT l.username, b.label FROM lead_labels b JOIN leads l ON l.id = b.lead_id "
            "ORDER BY l.username, b.id"
        ),
        "referrals": rows(
            "SELECT a.username, b.username, r.reward, r.status, r.created_by FROM referrals r "
            "JOIN leads a ON a.id = r.referrer_id JOIN leads b ON b.id = r.referred_id"
        ),
        "bgsone": [row[:2] for row in timeline("bgsone")],
        "inzoneagency": [row for row in timeline("inzoneagency") if row[0] != "stage"],
        "created": rows(
            "SELECT e.body FROM events e JOIN leads l ON l.id = e.lead_id "
            "WHERE l.username = 'bgsone' AND e.kind = 'created'"
        ),
    }  # fmt: skip


@pytest.mark.parametrize("referrer", ["new", "in the book"])
def test_an_imported_referral_is_recorded_as_one_recorded_by_hand(
    run, write, db_url, tmp_path, referrer
):
    """The import records referrals in bulk; what it leaves must match `lead add --referred-by`."""
    from sellerdesk.cli.main import main

    by_hand = f"sqlite:///{tmp_path / 'by-hand.sqlite3'}"
    if referrer == "in the book":
        for target in (db_url, by_hand):
            assert main(["--db", target, "lead", "add", "bgsone", "--stage", "completed"]) == 0
    assert main(["--db", by_hand, "lead", "add", "inzoneagency", "--referred-by", "bgsone",
                 "--stage", "hot lead"]) == 0  # fmt: skip
    row = "Hot Lead,inzoneagency,,,,,Referred by: bgsone"
    code, _, err = run("import", str(write("crm.csv", f"{SEED_002_HEADER}\n{row}\n")))
    assert code == 0, err
    known = referrer == "in the book"
    imported, typed = _referral_traces(db_url, known), _referral_traces(by_hand, known)
    assert imported == typed
    assert ("label_added", "Referral", None) in imported["inzoneagency"]
    assert imported["referrals"][0][:2] == ("bgsone", "inzoneagency")


def test_a_referrer_further_down_the_file_is_linked_not_duplicated(run, write, db_url):
    path = write(
        "crm.csv",
        f"{SEED_002_HEADER}\n{SEED_002_ROW}\nCompleted,BgsOne,bgs.one,,,Past Client,\n",
    )
    code, _out, err = run("import", str(path))
    assert code == 0, err
    assert count_leads(db_url) == 2
    lead = json.loads(run("lead", "show", "inzoneagency", "--json")[1])
    assert lead["referred_by"] == "BgsOne"  # as the book spells it
    referrals = json.loads(run("referrals", "--json")[1])
    assert "BgsOne" in json.dumps(referrals)


def test_do_not_contact_rows_import_and_get_no_follow_up(run, write, db_url, frozen_now):
    path = write(
        "dnc.csv",
        "Username,Do not contact,Next Follow-up\nanna,asked us to stop,\nbob,yes,\n"
        "carl,no,2026-11-30\ndave,asked us to stop,2026-11-30\n",
    )
    code, _, err = run("import", str(path))
    assert code == 1
    assert "line 5, column Next Follow-up: the lead is marked do-not-contact" in err
    code, _, err = run("import", str(path), "--skip-bad")
    assert code == 0, err
    anna = json.loads(run("lead", "show", "anna", "--json")[1])
    assert anna["do_not_contact"] and anna["dnc_reason"] == "asked us to stop"
    assert "dnc_on" in [event["kind"] for event in anna["timeline"]]
    assert json.loads(run("lead", "show", "bob", "--json")[1])["do_not_contact"]
    carl = json.loads(run("lead", "show", "carl", "--json")[1])
    assert not carl["do_not_contact"] and carl["next_followup_at"].startswith("2026-11-30")
    # An existing do-not-contact lead is not given a follow-up by an update either.
    again = write("again.csv", "Username,Next Follow-up\nanna,2026-12-01\n")
    code, _, err = run("import", str(again), "--update")
    assert code == 1 and "anna is marked do-not-contact, so no follow-up can be planned" in err


@pytest.mark.parametrize(
    "notes",
    [
        "Wants 4 pages; Referred by: bakerybob",
        "Wants 4 pages. referred by: bakerybob",
        '"Referred by: bakerybob, wants 4 pages"',
        '"Wants 4 pages\nREFERRED BY:bakerybob"',
    ],
)
def test_referred_by_is_read_wherever_the_notes_say_it(run, write, db_path, notes):
    path = write("crm.csv", f"Username,Category,Notes\nflowershop,Qualified,{notes}\n")
    code, out, err = run("import", str(path), "--dry-run")
    assert code == 0, err
    assert "line 2: add flowershop (Qualified; referred by bakerybob)" in out.splitlines()
    assert count_leads(db_path) == 0

    code, out, err = run("import", str(path))
    assert code == 0, err
    assert "(1 referral recorded)" in out
    lead = json.loads(run("lead", "show", "flowershop", "--json")[1])
    assert lead["referred_by"] == "bakerybob" and lead["labels"] == ["Referral"]
    # The notes said it already: it is not written a second time.
    assert lead["notes"].lower().count("referred by") == 1
    referrals = json.loads(run("referrals", "--json")[1])
    assert "bakerybob" in json.dumps(referrals) and "flowershop" in json.dumps(referrals)


def test_referred_by_inside_a_sentence_is_not_a_referral(run, write, db_path):
    path = write("crm.csv", "Username,Notes\nflowershop,Asked who referred by: bakerybob\n")
    code, out, err = run("import", str(path))
    assert code == 0, err
    assert "referral" not in out
    assert json.loads(run("lead", "show", "flowershop", "--json")[1])["referred_by"] is None


def test_imported_leads_are_a_backlog_not_todays_contacts_or_inquiries(
    run, write, db_path, frozen_now
):
    """Four old spreadsheet leads and one inquiry that arrived today: only the
    inquiry is a new contact, a first reply due and an inquiry for the response rate."""
    path = write(
        "old.csv",
        "Username,Category,Last Messaged,Source,Notes\n"
        "old1,New,,,\n"
        "old2,Qualified,,,\n"
        "old3,New,2026-10-01,,\n"
        "old4,New,,Fiverr inbox,Wants 4 pages; Referred by: bakerybob\n",
    )
    code, _out, err = run("import", str(path))
    assert code == 0, err
    run("lead", "add", "fresh")

    today = json.loads(run("today", "--json")[1])
    first = next(lane for lane in today["lanes"] if lane["key"] == "first_replies")
    # A row that names where the lead came from keeps that source, and with it a
    # place among the first replies (README); one that says nothing is a backlog lead.
    assert [item["username"] for item in first["items"]] == ["old4", "fresh"]
    quiet = [item["username"] for item in today["no_next_step"]["items"]]
    assert {"old1", "old2", "old3"} <= set(quiet)  # still in the queue, with nothing planned
    assert today["activity"]["new_contacts"] == 1  # fresh; not the imports, not bakerybob

    report = json.loads(run("report", "--json")[1])
    assert report["first_replies"]["inquiries"] == 1
    day = next(d for d in report["targets"]["days"] if d["day"] == frozen_now.date().isoformat())
    assert day["new_contacts"] == 1
    assert json.loads(run("lead", "show", "old1", "--json")[1])["source"] == "imported"
