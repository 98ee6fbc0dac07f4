"""What a person (or a script) can pass on the command line is checked at the
edge: numbers within bounds, text that is UTF-8, values that look like
options, templates that exist. Each refusal is one line."""

from __future__ import annotations

import pytest
from tests.reliability.conftest import run_cli

from sellerdesk import leads, search
from sellerdesk.followups import store


@pytest.fixture
def run(db, db_url):
    leads.add_lead(db, "ann")

    def _run(*argv: str):
        return run_cli("--db", db_url, *argv)

    return _run


@pytest.mark.parametrize(
    "argv",
    [
        ("lead", "list", "--limit", "99999999999999999999"),
        ("lead", "list", "--limit", "0"),
        ("lead", "list", "--limit", "-5"),
        ("lead", "list", "--limit", "ten"),
        ("order", "list", "--limit", "1e9"),
        ("today", "--limit", "99999999999999999999"),
    ],
)
def test_numbers_out_of_bounds_are_refused_in_one_line(run, argv):
    ran = run(*argv)
    assert ran.code == 2
    assert "is not a whole number from 1 to" in ran.one_line_error()


@pytest.mark.parametrize(
    "argv",
    [
        ("order", "create", "ann", "--delivery-days", "99999999999999999999", "--check"),
        ("order", "create", "ann", "--price", "99999999999999999999", "--check"),
    ],
)
def test_order_numbers_are_bounded(run, argv):
    ran = run(*argv)
    assert ran.code == 1
    line = ran.one_line_error()
    assert "days from 0 to 3650" in line or "at most $100,000,000" in line


@pytest.mark.parametrize(
    "argv",
    [
        ("backup", "x\x00y"),
        ("restore", "x\x00y"),
        ("import", "x\x00y"),
        ("export", "-o", "x\x00y"),
    ],
)
def test_a_path_holding_a_nul_is_refused_in_one_line(run, argv):
    ran = run(*argv)
    assert ran.code == 2
    assert "is not a path: it holds a NUL character" in ran.one_line_error()


def test_bytes_that_are_not_utf8_are_refused_before_anything_runs(run, db):
    # Python hands undecodable bytes to a program as lone surrogates.
    for argv in (("lead", "add", "\udcff\udcfe"), ("note", "ann", "caf\udce9")):
        ran = run(*argv)
        assert ran.code == 2
        assert "is not valid UTF-8 text; nothing was done" in ran.one_line_error()
    assert [row.username for row in search.list_leads(db, "")] == ["ann"]
    assert leads.event_count(db, 1) == 1  # only "created": the note was not added


def test_a_value_that_looks_like_an_option_is_a_value(run, db):
    ran = run("followup", "add", "ann", "-1d")
    assert ran.code == 1
    assert "dates in the past are not allowed" in ran.one_line_error()
    assert run("note", "ann", "-hello").code == 0
    assert run("lead", "edit", "ann", "--notes", "-5 stars, would buy again").code == 0
    lead = leads.get_lead(db, "ann")
    assert lead.notes == "-5 stars, would buy again"
    assert "-hello" in [event.body for event in leads.lead_timeline(db, lead.id)]


def test_a_follow_up_template_must_exist(run, db):
    ran = run("followup", "add", "ann", "2d", "--template", "followup.no_such_thing")
    assert ran.code == 1
    assert "No template 'followup.no_such_thing'" in ran.one_line_error()
    assert store.for_lead(db, 1) == []
    assert run("followup", "add", "ann", "2d", "--template", "followup.offer_day1").code == 0
    assert [f.template for f in store.for_lead(db, 1)] == ["followup.offer_day1"]


@pytest.mark.parametrize(
    "argv",
    [("lead",), ("lead", "frob"), ("followup", "add"), ("lead", "list", "--bogus"), ("--nope",)],
)
def test_usage_errors_are_one_line_pointing_to_help(run, argv):
    ran = run(*argv)
    assert ran.code == 2
    assert ran.one_line_error().endswith("--help)")


def test_text_fields_are_bounded(run, db):
    ran = run("note", "ann", "x" * 20_001)
    assert ran.code == 1 and "at most 20,000 characters" in ran.one_line_error()
    ran = run("lead", "edit", "ann", "--owner", "o" * 201)
    assert ran.code == 1 and "at most 200 characters" in ran.one_line_error()
    assert leads.event_count(db, 1) == 1
    assert run("note", "ann", "x" * 20_000).code == 0


def test_a_search_holding_a_nul_character_is_just_a_search(run):
    # Found by the fuzz: FTS5 read the NUL as the end of its query.
    for text in ("ab\x00cdef", "\x00\x00\x00", "an\x00n"):
        ran = run("lead", "list", "--search", text)
        assert ran.code == 0 and ran.err == "", ran


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("script", "set", "ann", "price", "1e309"), "more than any offer"),
        (("script", "set", "ann", "revisions", "²"), "whole number up to 1000"),
        (("script", "set", "ann", "revisions", "99999999999999999999"), "whole number up to"),
        (("script", "set", "ann", "delivery_days", "99999999999999999999"), "at most 3,650"),
        (("script", "set", "ann", "content", "²"), "is not a choice"),
        (("script", "set", "ann", "milestones", "x"), "(got 'x')"),
    ],
)
def test_script_answers_are_bounded(run, argv, expected):
    # Found by the fuzz once it had a script run to work on.
    assert run("script", "start", "ann", "redesign").code == 0
    ran = run(*argv)
    assert ran.code == 1 and expected in ran.one_line_error()


def test_ctrl_c_while_the_app_starts_ends_quietly(monkeypatch, capsys):
    from sellerdesk import launch
    from sellerdesk.cli.main import main

    def interrupted(**_kwargs):
        raise KeyboardInterrupt  # as Ctrl-C raises it before the app reads keys

    monkeypatch.setattr(launch, "run_app", interrupted)
    assert main([]) == 130
    assert capsys.readouterr().err == ""
