"""The lead commands, as a person types them, including every error path."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from tests.conftest import raw_sql

from sellerdesk import __version__
from sellerdesk.cli.main import main


def test_add_show_and_list_a_lead(run):
    code, out, _ = run(
        "lead", "add", "inzoneagency", "--stage", "hot lead", "--label", "Referral",
        "--notes", "Referred by: bgsone", "--referred-by", "bgsone",
    )  # fmt: skip
    assert code == 0 and "Added inzoneagency (Hot Lead)" in out
    code, out, _ = run("lead", "show", "inzoneagency")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Username", "inzoneagency"]
    assert "Labels          Referral" in out
    assert "Notes           Referred by: bgsone" in out
    assert "Lead created" in out

    code, out, _ = run("lead", "show", "inzoneagency", "--json")
    data = json.loads(out)
    assert data["stage"] == "hot_lead" and data["labels"] == ["Referral"]
    kinds = [event["kind"] for event in data["timeline"]]
    assert kinds[-1] == "created" and kinds[0] == "stage"
    assert {"kind": "note", "body": "Referred by: bgsone"} in [
        {"kind": e["kind"], "body": e["body"]} for e in data["timeline"]
    ]

    code, out, _ = run("lead", "list", "--label", "referral", "--json")
    assert [row["username"] for row in json.loads(out)] == ["inzoneagency"]
    # naming a referrer records the referral, so the reward is tracked
    code, out, _ = run("referrals", "--json")
    assert "inzoneagency" in out and "bgsone" in out


def test_a_referrer_named_on_add_is_tracked_and_nothing_is_written_on_bad_input(run):
    code, _, err = run("lead", "add", "newbie", "--referred-by", "oldclient", "--website", "x")
    assert code == 1 and "website" in err
    assert run("lead", "show", "newbie")[0] == 1
    assert run("lead", "show", "oldclient")[0] == 1
    code, out, _ = run(
        "lead", "add", "newbie", "--referred-by", "oldclient", "--notes", "Wants 5 pages",
    )  # fmt: skip
    assert code == 0 and "referred by oldclient" in out
    data = json.loads(run("lead", "show", "newbie", "--json")[1])
    assert data["notes"] == "Referred by: oldclient\nWants 5 pages"
    assert "Referral" in data["labels"] and data["referred_by"] == "oldclient"
    assert run("lead", "add", "newbie", "--referred-by", "oldclient")[0] == 1


def test_edit_note_stage_labels_and_do_not_contact(run):
    run("lead", "add", "alice", "--website", "alice.com")
    code, _, _ = run(
        "lead", "edit", "alice", "--name", "Alice Doe", "--stage", "qualified",
        "--label", "Hot Lead", "--industry", "real estate",
    )  # fmt: skip
    assert code == 0
    assert run("note", "alice", "wants 5 pages")[0] == 0
    code, _, _ = run("lead", "edit", "alice", "--do-not-contact", "asked us to stop")
    assert code == 0
    data = json.loads(run("lead", "show", "alice", "--json")[1])
    assert data["display_name"] == "Alice Doe"
    # Do-not-contact ends the open conversation: Lost, for that reason.
    assert data["stage"] == "lost" and data["industry"] == "real_estate"
    assert data["do_not_contact"] is True and data["dnc_reason"] == "asked us to stop"
    kinds = [event["kind"] for event in data["timeline"]]
    assert {"stage", "note", "label_added", "dnc_on", "edited"} <= set(kinds)
    out = run("lead", "list", "--stage", "lost")[1]
    assert "alice" in out and "[do not contact]" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["lead", "show", "ghost"], "No lead with username 'ghost'"),
        (["lead", "add", "alice"], "already exists"),
        (["lead", "add", "ALICE"], "already exists"),
        (["lead", "add", ""], "username is needed"),
        (["lead", "add", "bob", "--stage", "bogus"], "'bogus' is not a stage"),
        (["lead", "add", "bob", "--website", "nope"], "does not look like a website"),
        (["lead", "add", "bob", "--source", "tiktok"], "not a source"),
        (["lead", "edit", "alice", "--stage", "maybe"], "not a stage"),
        (["lead", "edit", "ghost", "--name", "x"], "No lead"),
        (["note", "alice", "  "], "cannot be empty"),
        (["lead", "list", "--stage", "nope"], "not a stage"),
    ],
)
def test_errors_print_one_clear_line_and_exit_non_zero(run, argv, message):
    run("lead", "add", "alice")
    code, _out, err = run(*argv)
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("sellerdesk: ")
    assert message in err
    assert "Traceback" not in err


def test_a_newer_database_is_refused_on_the_command_line(run, db_url):
    run("lead", "add", "alice")
    raw_sql(db_url, "UPDATE alembic_version SET version_num = '9999_next'")
    code, _, err = run("lead", "list")
    assert code == 1 and "newer sellerdesk" in err


def test_version_help_and_paths(capsys, isolated_home):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"sellerdesk {__version__}"
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "lead" in capsys.readouterr().out
    assert main(["paths", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["database"].startswith(str(isolated_home / "data"))
    assert found["settings"].startswith(str(isolated_home / "config"))


def test_the_db_option_and_environment_variable_choose_the_database(tmp_path, capsys, monkeypatch):
    env_db = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("SELLERDESK_DB", str(env_db))
    assert main(["lead", "add", "alice"]) == 0
    assert env_db.exists()
    flag_db = tmp_path / "from-flag.sqlite3"
    assert main(["lead", "list", "--db", str(flag_db)]) == 0
    assert "No leads match" in capsys.readouterr().out


def test_the_console_script_runs_as_a_real_process(db_url):
    env = {**os.environ, "SELLERDESK_DB": db_url}
    add = subprocess.run(
        [sys.executable, "-m", "sellerdesk", "lead", "add", "carol", "--website", "carol.io"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert add.returncode == 0, add.stderr
    dup = subprocess.run(
        [sys.executable, "-m", "sellerdesk", "lead", "add", "Carol"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert dup.returncode == 1
    assert dup.stderr.strip() == "sellerdesk: A lead with username 'carol' already exists."


def test_a_reader_that_stops_early_gets_no_traceback(db_url):
    env = {**os.environ, "SELLERDESK_DB": db_url}
    main(["--db", db_url, "lead", "add", "alice"])
    main(["--db", db_url, "note", "alice", "long brief " * 20_000])  # more than a pipe holds
    listing = subprocess.Popen(
        [sys.executable, "-m", "sellerdesk", "lead", "show", "alice"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )  # fmt: skip
    listing.stdout.readline()
    listing.stdout.close()  # like `| head -1`
    _, err = listing.communicate(timeout=30)
    assert listing.returncode == 0
    assert b"Traceback" not in err


@pytest.mark.parametrize(
    "argv", [["import", "~0"], ["backup", "~nobody-here/saved.sqlite3"], ["restore", "~0"]]
)
def test_a_home_folder_that_cannot_be_found_is_said_in_one_line(run, argv):
    code, out, err = run(*argv)
    assert (code, out) == (1, "")
    assert err == f"sellerdesk: Cannot find the home folder that {argv[1]!r} starts with.\n"
