"""One set of values: the library, `sellerdesk copy` and the script screen fill a
template from the lead, its script answers and the settings alike, so the
small form asks only for what is truly missing. And the script's own gates
from the shell: passed on purpose with a reason, except a mandatory step."""

from __future__ import annotations

import pytest
from tests.rules.conftest import REASON, sellerdesk_cli
from tests.tui.conftest import settle

from sellerdesk import leads
from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings
from sellerdesk.screens.script import ScriptScreen
from sellerdesk.screens.templates import TemplateLibraryScreen
from sellerdesk.scripts import runs
from sellerdesk.ui.fill_values import FillValuesScreen

SCOPE_TEXT = (
    "Before I send the offer, let me confirm the scope:\n\n"
    "Design direction: inzone-rival.com\n"
    "Pages: Home, Services, Contact\n"
    "Focus: Events\n\n"
    "Please confirm this is correct."
)


def _scoped(db):
    lead = leads.add_lead(db, "inzoneagency", project_type="redesign")
    runs.start(db, "inzoneagency", "redesign")
    runs.set_answers(
        db,
        "inzoneagency",
        {
            "website": "inzone.example",
            "focus": "events",
            "pages": "Home, Services, Contact",
            "design_direction": "inzone-rival.com",
        },
    )
    return lead


def test_the_shell_fills_from_the_script_answers(db, db_url):
    _scoped(db)
    done = sellerdesk_cli(
        db_url, "copy", "redesign.scope_confirmation", "--lead", "inzoneagency", "--print"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == SCOPE_TEXT + "\n"


@pytest.mark.usefixtures("no_display")
async def test_the_library_and_the_script_screen_fill_the_same_text(db, db_url):
    lead = _scoped(db)
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(140, 48)) as pilot:
        await settle(pilot)
        app.push_screen(TemplateLibraryScreen(lead.id, template_id="redesign.scope_confirmation"))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, FillValuesScreen)  # nothing is missing
        assert app.clipboard == SCOPE_TEXT
        app.pop_screen()
        runs.next_step(db, "inzoneagency")  # from the first reply on to the scope
        while runs.get_run(db, "inzoneagency").step != "scope_confirmation":
            runs.next_step(db, "inzoneagency")
        app.push_screen(ScriptScreen(lead.id))
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        copies = [e for e in leads.lead_timeline(db, lead.id) if e.kind == "message_copied"]
        assert [e.body for e in copies] == [SCOPE_TEXT, SCOPE_TEXT]
        assert app.clipboard == SCOPE_TEXT


def test_a_gate_passed_on_purpose_from_the_shell(db, db_url):
    _scoped(db)
    while runs.get_run(db, "inzoneagency").step != "scope_confirmation":
        runs.next_step(db, "inzoneagency")
    refused = sellerdesk_cli(db_url, "script", "next", "inzoneagency")
    assert refused.returncode == 1
    assert refused.stderr.startswith("sellerdesk: Confirm the scope before the offer: ")
    assert refused.stderr.endswith('(To pass it on purpose: --override "reason".)\n')
    passed = sellerdesk_cli(db_url, "script", "next", "inzoneagency", "--override", REASON)
    assert passed.returncode == 0, passed.stderr
    assert runs.get_run(db, "inzoneagency").step == "custom_offer"
    lead = leads.get_lead(db, "inzoneagency")
    [override] = [e for e in leads.lead_timeline(db, lead.id) if e.kind == "rule_override"]
    assert (
        override.body == f"Passed on purpose: Confirm the scope before the offer. Reason: {REASON}"
    )
    assert override.author == "tester" and override.data["rule"] == "script-gate"


def test_a_mandatory_step_is_never_passed_empty(db, db_url):
    leads.add_lead(db, "nopages", project_type="redesign")
    runs.start(db, "nopages", "redesign")
    runs.set_answers(db, "nopages", {"website": "nopages.example"})
    runs.next_step(db, "nopages")
    runs.next_step(db, "nopages")
    assert runs.get_run(db, "nopages").step == "pages"
    for extra in ((), ("--override", REASON)):
        done = sellerdesk_cli(db_url, "script", "next", "nopages", *extra)
        assert done.returncode == 1
        assert done.stderr == (
            "sellerdesk: Pages discovery is mandatory: capture the pages (step 3) first.\n"
        )
    assert runs.get_run(db, "nopages").step == "pages"
