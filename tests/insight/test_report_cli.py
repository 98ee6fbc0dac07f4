"""`sellerdesk report` as a person runs it: the text, the JSON checked against
its published schema, bad input, and stored text that must not reach the
terminal as a command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from tests.insight.conftest import copied

from sellerdesk import leads

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "report.schema.json").read_text("utf-8")
)


def test_the_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_report_json_follows_its_schema(book, run):
    code, out, err = run("report", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert data["funnel"]["leads"] == 8
    assert data["first_replies"]["response_rate"]["rate"] == 0.6
    assert data["orders_referrals"]["totals"]["revenue_cents"] == 75_000


def test_the_schema_catches_a_renamed_field(book, run):
    data = json.loads(run("report", "--json")[1])
    data["funnel"]["stages"][0]["reach"] = data["funnel"]["stages"][0].pop("reached")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_report_text(book, run):
    code, out, err = run("report")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == (
        "Report for 2026-08-26 to 2026-11-23 (90 days) · every owner · every project type"
    )
    for line in (
        "  Day               New contacts  Follow-ups  Referral contacts",
        "  2026-11-23 today             1           0                  0",
        "  2026-11-04                   1           1                  0",
        "  Days on target: new contacts 0/30 · follow-ups 0/30 · referral contacts 0/30",
        "Funnel: 8 leads created in the period",
        # gus went back to qualification when his order was cancelled: none lost here
        "  Order under review    1        3         33%          0          1.0      2",
        "  Completed             1        1           —          0            —      0",
        "First replies: 6 Fiverr inbox inquiries created in the period",
        "  within 1 h                     1    20%",
        "  waiting (inside 24 h)          1      —",
        "  redesign.first_reply        4      4              1    25%  2026-11-16 12:00  "
        "First reply (control the frame)",
        "  legacy.old_text             1      1              0     0%  2026-11-07 09:00  "
        "(not in the library)",
        "  2026-11       3          1     $750               1         1",
        "  Top referrers: ann 1 referred (1 earned, 1 redeemed)",
    ):
        assert line in lines, line
    # Long sentences are wrapped.
    assert (
        "Response rate, last 90 days, as Fiverr counts it: 60% "
        "(3 of 5 answered within 24 h; 1 still inside their 24 h)"
    ) in " ".join(out.split())


def test_since_owner_and_project_type(book, run):
    data = json.loads(run("report", "--since", "7d", "--json")[1])
    assert data["scope"]["since"] == "2026-11-17"
    assert data["funnel"]["leads"] == 1
    data = json.loads(run("report", "--since", "2026-11-02", "--owner", "sam", "--json")[1])
    assert (data["scope"]["owner"], data["funnel"]["leads"]) == ("sam", 1)
    data = json.loads(run("report", "--since", "all", "--project-type", "redesign", "--json")[1])
    assert (data["scope"]["project_type"], data["funnel"]["leads"]) == ("redesign", 1)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (("--since", "last tuesday"), "'last tuesday' is not a date"),
        (("--since", "2027-01-01"), "2027-01-01 is in the future"),
        (("--project-type", "logo"), "'logo' is not a project type"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(book, run, argv, says):
    code, out, err = run("report", *argv)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and says in err


def test_stored_control_characters_never_reach_the_terminal(book, run, isolated_home):
    folder = isolated_home / "config" / "sellerdesk" / "templates"
    folder.mkdir(parents=True)
    (folder / "sneaky.txt").write_text(
        "id: custom.sneaky\ntitle: Hi\x1b]52;c;ZXZpbA==\x07 there\x9b2J\nscript: custom\n---\n"
        "Hello {client_name}.\n",
        encoding="utf-8",
    )
    from sellerdesk.templates import loading

    loading._cache.clear()
    leads.update_lead(book, "ann", owner="Bo\x1b[2Jss")
    copied(book, "ann", "custom.sneaky")
    code, out, _ = run("report", "--owner", "bo\x1b[2jss")
    loading._cache.clear()
    assert code == 0
    assert not any(ch in out for ch in "\x1b\x07\x9b")
    assert "Hi\\x1b]52;c;ZXZpbA==\\x07 there\\x9b2J" in out
    assert "owner bo\\x1b[2jss" in out
    code, out, _ = run("report", "--json")
    assert not any(ch in out for ch in "\x1b\x07\x9b")
    titles = {t["template"]: t["title"] for t in json.loads(out)["messages"]["templates"]}
    assert titles["custom.sneaky"] == "Hi\x1b]52;c;ZXZpbA==\x07 there\x9b2J"


def test_stored_names_are_escaped_by_the_one_rule_every_printer_uses(book, run, isolated_home):
    """A line separator in a title is shown as `safe_text.one_line` shows it
    everywhere (\\u2028), never as a misleading \\x2028, and breaks no row."""
    from sellerdesk.safe_text import one_line

    title = "Hi\u2028there\u0085now"
    folder = isolated_home / "config" / "sellerdesk" / "templates"
    folder.mkdir(parents=True)
    (folder / "apart.txt").write_text(
        f"id: custom.apart\ntitle: {title}\nscript: custom\n---\nHello.\n", encoding="utf-8"
    )
    from sellerdesk.templates import loading

    loading._cache.clear()
    copied(book, "ann", "custom.apart")
    code, out, _ = run("report")
    loading._cache.clear()
    assert code == 0
    [row] = [line for line in out.splitlines() if "custom.apart" in line]
    assert row.rstrip().endswith(one_line(title)) and one_line(title) == "Hi\\u2028there\\x85now"
    assert "\u2028" not in out and "\x85" not in out


def test_report_as_a_separate_process(book, db_url):
    env = dict(os.environ)
    done = subprocess.run(
        [sys.executable, "-m", "sellerdesk", "--db", db_url, "report", "--since", "all",
         "--json"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    jsonschema.validate(data, SCHEMA)
    # All time: nothing here depends on today's date.
    assert data["funnel"]["leads"] == 9
    assert data["first_replies"]["inquiries"] == 7
    lines = {t["template"]: t for t in data["messages"]["templates"]}
    first = lines["redesign.first_reply"]
    assert (first["copies"], first["leads"], first["ordered"]) == (5, 5, 1)
    assert data["orders_referrals"]["totals"] == {
        "orders": 3, "cancelled": 1, "revenue_cents": 75_000,
        "rewards_earned": 1, "rewards_redeemed": 1,
    }  # fmt: skip
    text = subprocess.run(
        [sys.executable, "-m", "sellerdesk", "--db", db_url, "report", "--since", "all"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert text.returncode == 0 and "Funnel: 9 leads created in the period" in text.stdout
