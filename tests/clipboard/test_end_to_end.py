"""`sellerdesk copy` as a real process lands the exact text on a real clipboard."""

from __future__ import annotations

import shlex
import subprocess

from tests.conftest import accept_project

from sellerdesk import leads
from sellerdesk.clipboard import NOWHERE, SYSTEM, TERMINAL
from sellerdesk.config import Settings
from sellerdesk.copying import prepare_copy
from sellerdesk.templates.loading import load_library

SEED_VALUES = [
    "--set", "seller_name=Jehan",
    "--set", "seller_level=Top Rated Seller",
    "--set", "years_experience=6+",
    "--set", "projects_completed=2500+",
    "--set", "profile_url=https://www.fiverr.com/jehanzaib_007/",
]  # fmt: skip


def expected(db, username: str, template_id: str) -> str:
    lead = leads.get_lead(db, username)
    prepared = prepare_copy(db, load_library().get(template_id), lead, Settings())
    assert prepared.ready
    return prepared.text


def copied_events(db, username: str):
    lead = leads.get_lead(db, username)
    return [e for e in leads.lead_timeline(db, lead.id) if e.kind == "message_copied"]


def test_copy_lands_in_the_x_clipboard(x_clipboard, db, db_url, sellerdesk_cmd):
    leads.add_lead(db, "acme", display_name="Zoë Ñandú 李", website="zoë-studio.com")
    result = subprocess.run(
        [*sellerdesk_cmd, "copy", "redesign.first_reply", "--lead", "acme", "--db", db_url],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    text = expected(db, "acme", "redesign.first_reply")
    assert "Zoë Ñandú 李" in text
    assert x_clipboard.text() == text
    assert f"Copied {len(text)} characters to the {SYSTEM}" in result.stdout
    [event] = copied_events(db, "acme")
    assert event.body == text and event.data["path"] == SYSTEM
    assert x_clipboard.holders(), "xclip should be holding the selection"


def test_seed_referral_text_lands_exactly(x_clipboard, db, db_url, sellerdesk_cmd):
    leads.add_lead(db, "acme", website="https://acme-bakery.com")
    accept_project(db, "acme")  # seed 002: the referral texts go only after acceptance
    result = subprocess.run(
        [
            *sellerdesk_cmd,
            "copy",
            "referral.forward",
            "--lead",
            "acme",
            "--db",
            db_url,
            *SEED_VALUES,
        ],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    got = x_clipboard.text()
    assert got.startswith("Hi, I recently worked with Jehan from Fiverr")
    assert "☺☺https://acme-bakery.com\n" in got
    assert got.endswith("☺☺https://www.fiverr.com/jehanzaib_007/")
    assert copied_events(db, "acme")[0].body == got


def test_copy_inside_tmux_uses_osc52(tmux_server, db, db_url, sellerdesk_cmd, tmp_path):
    leads.add_lead(db, "acme", display_name="Zoë ☺")
    out, err, rc = (tmp_path / n for n in ("out.txt", "err.txt", "rc.txt"))
    command = " ".join(
        shlex.quote(part)
        for part in [
            *sellerdesk_cmd,
            "copy",
            "followup.offer_day7",
            "--lead",
            "acme",
            "--db",
            db_url,
        ]
    )
    tmux_server.run_shell(f"{command} >{out} 2>{err}; echo $? >{rc}", rc)
    assert rc.read_text().strip() == "0", err.read_text()
    text = expected(db, "acme", "followup.offer_day7")
    assert "Zoë ☺" in text and "we’ll get started" in text
    assert tmux_server.buffer() == text
    assert f"to the {TERMINAL}" in out.read_text()
    [event] = copied_events(db, "acme")
    assert event.body == text and event.data["path"] == TERMINAL


def test_no_clipboard_at_all_keeps_the_text(db, db_url, sellerdesk_cmd, monkeypatch):
    """No DISPLAY and no terminal (no tty): the text goes to stdout and the timeline."""
    monkeypatch.delenv("DISPLAY", raising=False)
    leads.add_lead(db, "acme")
    result = subprocess.run(
        [*sellerdesk_cmd, "copy", "redesign.pages", "--lead", "acme", "--db", db_url],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        text=True,
        start_new_session=True,  # no controlling terminal: /dev/tty cannot be opened
    )
    assert result.returncode == 1
    assert result.stdout == "Please list the pages you want on the new website.\n"
    assert "no clipboard reachable" in result.stderr and "Traceback" not in result.stderr
    assert copied_events(db, "acme") == []  # shown, not sent
    [event] = [e for e in leads.lead_timeline(db, 1) if e.kind == "message_shown"]
    assert event.body == "Please list the pages you want on the new website."
    assert event.data["path"] == NOWHERE
