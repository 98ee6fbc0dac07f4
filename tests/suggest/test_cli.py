"""`sellerdesk suggest`, run as a person runs it: the message on stdin."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from sellerdesk import leads


@pytest.fixture
def suggest(db, db_url):
    leads.add_lead(db, "brightevents", project_type="redesign")

    def run(*args: str, stdin: str | bytes = "") -> subprocess.CompletedProcess:
        data = stdin.encode() if isinstance(stdin, str) else stdin
        return subprocess.run(
            [sys.executable, "-m", "sellerdesk", "--db", db_url, "suggest", *args],
            input=data,
            capture_output=True,
            timeout=60,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )

    return run


def test_the_json_has_the_intent_reply_facts_and_warnings(suggest):
    message = (
        "Our site is www.brightevents.com, pages: Home, About, Events, Contact. "
        "How much? whatsapp me +1 415 555 0199"
    )
    proc = suggest("--lead", "brightevents", "--json", stdin=message)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["intent"] == "asks_price"
    assert data["template"] == "redesign.first_reply" != "redesign.budget"
    assert data["template_title"] == "First reply (control the frame)"
    assert data["blocked"].startswith("The budget question comes after scope only")
    facts = {f["name"]: f for f in data["facts"]}
    assert facts["website"]["value"] == "brightevents.com"
    start, end = facts["pages"]["span"]
    assert message[start:end] == facts["pages"]["text"] == "Home, About, Events, Contact"
    assert {w["kind"] for w in data["warnings"]} == {"off_platform"}


def test_plain_output_names_the_step_and_the_reply_by_title(suggest):
    proc = suggest("--lead", "brightevents", stdin="Can you send me a mockup first?")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert "Intent: asks_mockup" in out
    assert "Step: Website Redesign chat, step 7/9: Mockup Objection" in out
    assert "Reply: Mockup objection  (redesign.mockup_objection)" in out
    assert "Warning [free_mockup]" in out


def test_no_control_character_reaches_the_terminal(suggest):
    hostile = (
        b"Our site is evil.com\x1b]52;c;aGk=\x07 \x1b[2J\x9b and \xc2\x9d "
        b"pages: Home, About, Contact"
    )
    for args in (("--lead", "brightevents"), ("--lead", "brightevents", "--json")):
        proc = suggest(*args, stdin=hostile)
        assert proc.returncode == 0
        text = proc.stdout.decode()
        assert not [
            ch for ch in text if (ord(ch) < 32 and ch not in "\n") or 0x7F <= ord(ch) <= 0x9F
        ]


@pytest.mark.parametrize(
    "stdin", ["", "😀😀😀", "<html><body><p>Hi</p></body></html>", "x" * 100_000]
)
def test_bad_input_is_other_in_one_clear_answer(suggest, stdin):
    proc = suggest("--lead", "brightevents", "--json", stdin=stdin)
    assert proc.returncode == 0 and proc.stderr == b""
    data = json.loads(proc.stdout)
    assert data["intent"] == "other" and data["template"] is None and data["facts"] == []
    assert data["note"]


def test_an_unknown_lead_is_one_line_on_stderr(suggest):
    proc = suggest("--lead", "nobody", stdin="hello")
    assert proc.returncode == 1
    assert proc.stderr.decode().strip() == "sellerdesk: No lead with username 'nobody'."


def test_a_stated_budget_in_a_new_inquiry_is_no_price_question(suggest):
    """The client names a budget and asks nothing: a new inquiry, with the
    budget, the page count and the business as facts."""
    message = "Hi, I need a new website for my bakery, 5 pages, budget $300"
    proc = suggest("--lead", "brightevents", "--json", stdin=message)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["intent"] == "new_inquiry"
    assert data["template"] == "redesign.first_reply" and data["blocked"] is None
    assert "asked the price" not in data["why"]
    facts = {f["name"]: f for f in data["facts"]}
    assert facts["budget"]["value"] == {"amount": "300", "currency": "USD"}
    assert facts["page_count"]["value"] == 5 and facts["page_count"]["text"] == "5 pages"
    assert facts["business"]["value"] == "bakery"
    plain = suggest("--lead", "brightevents", stdin=message).stdout.decode()
    assert "Intent: new_inquiry" in plain and "page_count: 5" in plain


def test_a_budget_asked_about_is_still_a_price_question(suggest):
    proc = suggest(
        "--lead", "brightevents", "--json", stdin="I want a website for my cafe. Is $200 enough?"
    )
    assert json.loads(proc.stdout)["intent"] == "asks_price"
