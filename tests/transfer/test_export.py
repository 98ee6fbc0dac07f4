"""`sellerdesk export`: Twenty's People layout split at its 10,000-row limit, the flat
tables, `--since`, private files that never overwrite by accident."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from sellerdesk import leads
from sellerdesk.followups import store
from sellerdesk.transfer import twenty


def rows_of(path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_twenty_people_columns_and_tasks_for_waiting_follow_ups(db, run, tmp_path, frozen_now):
    leads.add_lead(
        db,
        "inzoneagency",
        display_name="Inzone Agency Ltd",
        stage="hot lead",
        labels=["Referral"],
        notes="Referred by: bgsone",
        website="inzone.agency",
    )
    store.add(db, "inzoneagency", "2026-11-27", reason="call back in 2 weeks")
    leads.add_lead(db, "quiet")
    leads.set_do_not_contact(db, "quiet", True, "asked us to stop")
    code, out, err = run("export", "--format", "twenty", "-o", str(tmp_path / "twenty.csv"))
    assert code == 0, err
    people, tasks = tmp_path / "twenty-people-001.csv", tmp_path / "twenty-tasks-001.csv"
    assert f"to {people}, {tasks}." in out
    assert "Fiverr Username (Text)" in out and "Next Follow-up (Date and time)" in out
    header = people.read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == list(twenty.PEOPLE_COLUMNS)
    assert header.startswith("Name / First Name,Name / Last Name,")  # Twenty's own naming
    found = {row["Fiverr Username"]: row for row in rows_of(people)}
    row = found["inzoneagency"]
    assert (row["Name / First Name"], row["Name / Last Name"]) == ("Inzone", "Agency Ltd")
    assert row["Stage"] == "Hot Lead" and row["Labels"] == "Referral"
    assert row["Next Follow-up"] == "2026-11-27T00:00:00Z"
    assert row["Notes"] == "Referred by: bgsone"
    assert found["quiet"]["Do Not Contact"] == "asked us to stop"
    [task] = rows_of(tasks)
    assert task == {
        "Title": "Follow up with inzoneagency: call back in 2 weeks",
        "Body / Markdown": "Fiverr username: inzoneagency\n\nStage: Hot Lead",
        "Due Date": "2026-11-27T00:00:00Z",
        "Status": "TODO",
    }
    for path in (people, tasks):
        assert os.stat(path).st_mode & 0o777 == 0o600


def test_twenty_files_hold_at_most_its_limit_each(db, tmp_path, monkeypatch):
    from sellerdesk.transfer.export import export

    assert twenty.MAX_ROWS == 10_000  # Twenty's CSV import takes at most this many records
    monkeypatch.setattr(twenty, "MAX_ROWS", 3)
    for number in range(7):
        leads.add_lead(db, f"lead{number}")
    done = export(db, tmp_path / "t.csv", fmt="twenty")
    people = [path for path in done.files if "people" in path.name]
    assert [path.name for path in people] == [
        "t-people-001.csv", "t-people-002.csv", "t-people-003.csv",
    ]  # fmt: skip
    assert [len(rows_of(path)) for path in people] == [3, 3, 1]
    assert done.rows == 7


def test_twenty_people_export_imports_back(db, run, tmp_path):
    leads.add_lead(db, "inzoneagency", display_name="Inzone Agency", stage="hot lead",
                   website="inzone.agency", notes="Wants a redesign")  # fmt: skip
    run("export", "--format", "twenty", "-o", str(tmp_path / "tw.csv"))
    other = tmp_path / "other.sqlite3"
    from sellerdesk.cli.main import main
    from sellerdesk.db.open import open_database

    assert main(["--db", str(other), "import", str(tmp_path / "tw-people-001.csv")]) == 0
    back = open_database(f"sqlite:///{other}")
    try:
        lead = leads.get_lead(back, "inzoneagency")
    finally:
        back.close()
    assert (lead.display_name, lead.stage, lead.website) == (
        "Inzone Agency", "hot_lead", "inzone.agency",
    )  # fmt: skip
    assert lead.notes == "Wants a redesign"


@pytest.mark.parametrize("what", ["timeline", "followups", "orders", "referrals"])
def test_flat_tables_for_a_spreadsheet(db, run, tmp_path, frozen_now, what):
    from tests.conftest import seller_settings

    from sellerdesk.referrals.recording import record_referral

    record_referral(db, "carol", "bob", settings=seller_settings())
    store.add(db, "carol", "fri")
    target = tmp_path / f"{what}.csv"
    code, out, err = run("export", "--what", what, "-o", str(target))
    assert code == 0, err
    rows = rows_of(target)
    if what == "timeline":
        assert {"username", "at", "author", "kind", "body"} <= set(rows[0])
        assert any(r["kind"] == "referral_recorded" and r["username"] == "bob" for r in rows)
    elif what == "followups":
        assert rows[0]["username"] == "carol" and rows[0]["status"] == "open"
    elif what == "orders":
        assert rows == [] and "Exported 0 rows" in out
    else:
        assert rows[0]["referrer"] == "bob" and rows[0]["referred"] == "carol"
    target_json = tmp_path / f"{what}.json"
    assert run("export", "--what", what, "--format", "json", "-o", str(target_json))[0] == 0
    assert json.loads(target_json.read_text())["what"] == what


def test_since_limits_the_export(db, run, tmp_path, frozen_now):
    from datetime import timedelta

    from sellerdesk import clock

    clock.freeze(frozen_now - timedelta(days=30))
    leads.add_lead(db, "old")
    clock.freeze(frozen_now)
    leads.add_lead(db, "new")
    target = tmp_path / "recent.json"
    assert run("export", "--format", "json", "--since", "7d", "-o", str(target))[0] == 0
    assert [lead["username"] for lead in json.loads(target.read_text())["leads"]] == ["new"]
    assert run("export", "--since", "2026-10-01", "-o", str(tmp_path / "b.csv"))[0] == 0
    assert len(rows_of(tmp_path / "b.csv")) == 2
    code, _, err = run("export", "--since", "someday", "-o", str(tmp_path / "c.csv"))
    assert code == 1 and "is not a date" in err


def test_json_keeps_text_as_written(db, tmp_path):
    from sellerdesk.transfer.export import export

    leads.add_lead(db, "alice", notes="=1+2")
    export(db, tmp_path / "b.json", fmt="json")
    document = json.loads((tmp_path / "b.json").read_text())
    assert document["format"] == "sellerdesk-export" and document["leads"][0]["notes"] == "=1+2"


def test_an_existing_file_is_replaced_only_when_asked(db, run, tmp_path):
    leads.add_lead(db, "alice")
    target = tmp_path / "leads.csv"
    target.write_text("keep me")
    code, _, err = run("export", "-o", str(target))
    assert code == 1 and "already exists" in err and target.read_text() == "keep me"
    assert run("export", "-o", str(target), "--force")[0] == 0
    assert "alice" in target.read_text(encoding="utf-8-sig")
    assert os.stat(target).st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".*partial"))


def test_twenty_takes_only_people(run, tmp_path):
    code, _, err = run("export", "--format", "twenty", "--what", "timeline")
    assert code == 1 and "Twenty's import takes people" in err
