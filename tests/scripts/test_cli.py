"""`sellerdesk script ...` as typed: a walk to the offer, refusals in one line."""

from __future__ import annotations

import pytest

from sellerdesk import leads
from sellerdesk.cli.main import main


@pytest.fixture
def run(db_url, capsys):
    def _run(*argv: str) -> tuple[int, str, str]:
        code = main(["--db", db_url, *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def test_walk_to_the_offer_from_the_shell(run, db):
    leads.add_lead(db, "shell_lead", project_type="redesign", industry="courses")
    code, out, _ = run("script", "start", "shell_lead")
    assert code == 0
    assert "Website Redesign chat: step 1/9, First Reply (Control the Frame)" in out
    assert "Hard rule: If it’s not written in chat, it doesn’t exist." in out
    run("script", "next", "shell_lead")
    code, out, err = run("script", "next", "shell_lead")
    assert code == 1 and out == ""
    assert err == (
        "sellerdesk: Review the website before the pages: capture the current website "
        '(step 2) first. (To pass it on purpose: --override "reason".)\n'
    )
    code, out, _ = run("script", "show", "shell_lead")
    assert "Message 2: industry.courses" in out
    assert run("script", "set", "shell_lead", "website", "old.example")[0] == 0
    run("script", "set", "shell_lead", "focus", "services")
    run("script", "next", "shell_lead")
    code, _, err = run("script", "set", "shell_lead", "pages", " , ")
    assert code == 1 and "The pages list is empty" in err
    run("script", "set", "shell_lead", "pages", "Home, Courses, Contact")
    run("script", "set", "shell_lead", "design_direction", "learnfast.com")
    code, out, err = run("script", "offer", "shell_lead")
    assert code == 1 and "confirm in chat design direction (step 8)" in err
    for item in ("confirm_design", "confirm_pages", "confirm_focus"):
        assert run("script", "tick", "shell_lead", item)[0] == 0
    code, _, err = run("script", "set", "shell_lead", "delivery_days", "100")
    assert code == 0 and "warning: Fiverr accepts 1–90 days" in err
    run("script", "set", "shell_lead", "delivery_days", "14")
    run("script", "set", "shell_lead", "price", "800")
    code, out, _ = run("script", "offer", "shell_lead", "--sent")
    assert code == 0
    assert "Pages: Home, Courses, Contact" in out and "Price: $800" in out
    assert leads.get_lead(db, "shell_lead").stage == "offer_sent"
    code, out, _ = run("script", "list")
    assert "redesign: Website Redesign chat, 9 steps" in out


def test_unknown_lead_and_no_run(run, db):
    code, _, err = run("script", "show", "nobody")
    assert code == 1 and err.startswith("sellerdesk: ") and "Traceback" not in err
    leads.add_lead(db, "fresh")
    code, _, err = run("script", "show", "fresh")
    assert code == 1 and "has no script run yet" in err
