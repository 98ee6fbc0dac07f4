"""`sellerdesk today` and `sellerdesk followup ...` as a person types them."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from tests.conftest import raw_sql

from sellerdesk import leads
from sellerdesk.cli.main import main
from sellerdesk.db.open import open_database


def test_today_with_nothing_due_exits_0(run, frozen_now):
    code, out, err = run("today")
    assert code == 0 and err == ""
    assert out.splitlines() == [
        "Morning review for 2026-11-23",
        "",
        "First replies: 0",
        "  nothing",
        "",
        "Overdue: 0",
        "  nothing",
        "",
        "Today: 0",
        "  nothing",
        "",
        "Upcoming (7 days): 0",
        "  nothing",
        "",
        "No next step: 0 (every open lead has a follow-up planned)",
        "Targets today: New contacts 0/15 · Follow-ups 0/15 · Referral contacts 0/10",
    ]


def _fill(db_url, set_clock):
    set_clock("2026-11-20 09:00")
    db = open_database(db_url, author="tester")
    leads.add_lead(db, "pastdue", stage="qualified")
    leads.add_lead(db, "maria", display_name="Maria Lopez")
    leads.set_stage(db, "maria", "offer_sent")  # 21st, 23rd, 27th at 09:00
    leads.add_lead(db, "drifter", stage="hot_lead")
    leads.add_lead(db, "blocked", stage="qualified")
    db.close()
    set_clock("2026-11-23 07:00")
    db = open_database(db_url, author="tester")
    leads.add_lead(db, "newbie", display_name="Ann New")
    db.close()


def test_followup_commands_then_today_plain(run, db_url, set_clock):
    set_clock("2026-11-20 09:00")
    open_database(db_url).close()
    _fill(db_url, set_clock)
    set_clock("2026-11-20 09:00")
    code, out, _ = run("followup", "add", "pastdue", "sat", "--reason", "call back")
    assert (code, out) == (0, "Follow-up planned for pastdue: Sat 2026-11-21.\n")
    code, out, _ = run("followup", "add", "blocked", "next", "mon", "15:00")
    assert (code, out) == (0, "Follow-up planned for blocked: Mon 2026-11-23 15:00.\n")
    code, _, _ = run("lead", "edit", "blocked", "--do-not-contact", "asked us to stop")
    assert code == 0
    set_clock("2026-11-23 10:00")
    code, out, _ = run("today")
    assert code == 0
    lines = out.splitlines()
    assert lines[:4] == [
        "Morning review for 2026-11-23",
        "",
        "First replies: 1",
        "  newbie                   Ann New                  reply within 21h 0m",
    ]
    overdue = lines[lines.index("Overdue: 3") + 1 : lines.index("Overdue: 3") + 4]
    # the date-only one is due from the start of its day, so it comes first;
    # today's 09:00 is overdue at 10:00
    assert [line.split()[0] for line in overdue] == ["pastdue", "maria", "maria"]
    assert "call back" in overdue[0]
    assert "→ followup.offer_day1" in overdue[1]
    assert overdue[2].split()[:3] == ["maria", "today", "09:00"]
    assert overdue[2].endswith("Offer follow-up (day 3)  → followup.offer_day3")
    assert lines[lines.index("Today: 0") + 1] == "  nothing"
    assert "Upcoming (7 days): 1" in lines
    assert "blocked" not in out
    assert "No next step: 1 open lead with no follow-up planned" in out
    assert "  drifter" in lines
    assert (
        lines[-1] == "Targets today: New contacts 1/15 · Follow-ups 0/15 · Referral contacts 0/10"
    )

    code, out, _ = run("followup", "done", "maria")
    assert (code, out) == (
        0,
        "Done: maria's follow-up of Sat 2026-11-21 09:00 (Offer follow-up (day 1)).\n",
    )
    code, out, _ = run("followup", "snooze", "maria", "3d")
    # the follow-up was due at 09:00: put off by days, it keeps its time of day
    assert (code, out) == (0, "Snoozed maria's follow-up to Thu 2026-11-26 09:00.\n")
    code, out, _ = run("today", "--json")
    data = json.loads(out)
    lanes = {lane["key"]: lane for lane in data["lanes"]}
    assert [i["username"] for i in lanes["overdue"]["items"]] == ["pastdue"]
    assert lanes["today"]["count"] == 0
    assert [(i["username"], i["status"]) for i in lanes["upcoming"]["items"]] == [
        ("maria", "snoozed"),
        ("maria", "open"),
    ]
    assert data["activity"]["followups"] == 1
    assert data["no_next_step"]["count"] == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["followup", "add", "nobody", "tomorrow"], "No lead with username 'nobody'."),
        (["followup", "add", "maria", "someday"], "'someday' is not a date I understand"),
        (["followup", "add", "maria", "2020-01-01"], "is in the past; pick today or a later"),
        (["followup", "done", "maria"], "maria has no follow-up waiting."),
        (["followup", "snooze", "maria", "fri"], "maria has no follow-up waiting."),
    ],
)
def test_errors_are_one_line_and_exit_1(run, frozen_now, argv, message):
    run("lead", "add", "maria")
    code, out, err = run(*argv)
    assert code == 1 and out == ""
    assert err.startswith("sellerdesk: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_followup_list(run, frozen_now):
    run("lead", "add", "maria")
    run(
        "followup", "add", "maria", "fri", "--reason", "send mockup", "--template", "redesign.pages"
    )
    code, out, _ = run("followup", "list", "maria")
    assert code == 0
    assert out.split() == [
        "#1",
        "Fri",
        "2026-11-27",
        "open",
        "send",
        "mockup",
        "→",
        "redesign.pages",
    ]


@pytest.mark.sqlite_only("the sqlite3 reader is for a file; on a server `today` uses SQLAlchemy")
def test_today_as_a_real_process_loads_neither_the_ui_nor_sqlalchemy(
    db_path, db_url, isolated_home
):
    env = {**os.environ, "SELLERDESK_DB": db_url, "TZ": "UTC"}
    cli = [sys.executable, "-m", "sellerdesk"]
    subprocess.run([*cli, "lead", "add", "maria"], env=env, check=True, capture_output=True)
    subprocess.run([*cli, "followup", "add", "maria", "today"], env=env, check=True,
                   capture_output=True)  # fmt: skip
    done = subprocess.run([*cli, "today"], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "Today: 1" in done.stdout and "maria" in done.stdout
    probe = (
        "import sys; from sellerdesk.cli.main import main; code = main(['today', '--json']); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'textual', 'alembic', 'sqlalchemy'}), file=sys.stderr); sys.exit(code)"
    )
    # Read through sqlite3 with the SQL generated from the queue's statements...
    out = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stderr.strip() == "[]"
    plain = json.loads(out.stdout)
    # ...it is the queue SQLAlchemy reads.
    through_sqlalchemy = (
        "from sellerdesk.cli.common import print_json; from sellerdesk.config import Settings; "
        "from sellerdesk.db.open import open_database; from sellerdesk.followups import queue; "
        f"print_json(queue.build(open_database({db_url!r}), Settings(), person='tester')"
        ".to_json())"
    )
    core = json.loads(
        subprocess.run(
            [sys.executable, "-c", through_sqlalchemy], env=env, capture_output=True, text=True,
            check=True,
        ).stdout
    )  # fmt: skip
    assert plain["lanes"][2]["count"] == 1
    for answer in (plain, core):  # apart from the clock ticking between the runs
        answer.pop("generated_at")
        for item in answer["lanes"][0]["items"]:
            item.pop("seconds_left")
    assert plain == core
    # Nothing kept in the data folder for next time.
    assert not (isolated_home / "data").exists()


def test_today_limits_every_lane_through_sqlite3_too(run, frozen_now):
    for name in ("ann", "ben", "cat"):
        run("lead", "add", name, "--stage", "qualified")
        run("followup", "add", name, "today 15:00")
    code, out, _ = run("today", "--limit", "2")
    assert code == 0
    lines = out.splitlines()
    today = lines.index("Today: 3")
    assert [line.split()[0] for line in lines[today + 1 : today + 4]] == ["ann", "ben", "…"]
    assert lines[today + 3] == "  … and 1 more"


@pytest.mark.empty_database
def test_today_on_a_database_needing_migration_migrates_it_first(db_url, capsys):
    from sellerdesk.db.open import _upgrade
    from sellerdesk.db.schema import HEAD

    _upgrade(db_url, "0003_scripts_orders_referrals")
    assert main(["--db", db_url, "today"]) == 0
    assert capsys.readouterr().out.startswith("Morning review for ")
    assert raw_sql(db_url, "SELECT version_num FROM alembic_version") == [(HEAD,)]


def test_a_day_shows_no_time_and_snoozing_to_a_day_keeps_the_time(run, frozen_now, tmp_path):
    """An imported date (no time) reads as the date in `lead list` and `lead show`;
    `followup snooze fri` on a follow-up due at 10:00 keeps 10:00."""
    sheet = tmp_path / "leads.csv"
    sheet.write_text("Username,Next Follow-up\ncarol,12/02/2026\n", encoding="utf-8")
    assert run("import", str(sheet))[0] == 0
    assert run("lead", "add", "bob")[0] == 0
    assert run("followup", "add", "bob", "tomorrow", "10:00")[0] == 0
    code, out, err = run("followup", "snooze", "bob", "fri")
    assert code == 0, err
    assert "Fri 2026-11-27 10:00" in out
    code, out, _ = run("lead", "list")
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert lines["carol"].endswith(" 2026-12-02")
    assert lines["bob"].endswith(" 2026-11-27 10:00")
    shown = dict(
        (line[:15].strip(), line[16:]) for line in run("lead", "show", "carol")[1].splitlines()[:8]
    )
    assert shown["Next follow-up"] == "2026-12-02"
