"""Values given for one copy (`--set`, the library's small form) are the answers
the script's gates ask for, and the script keeps them, as the script screen
would have: the offer goes out with the price typed for it, and step 9 shows it."""

from __future__ import annotations

import pytest
from tests.scripts.conftest import walk_to
from tests.tui.conftest import notified, settle
from textual.widgets import Input

from sellerdesk import leads
from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings
from sellerdesk.screens.script import ScriptScreen
from sellerdesk.screens.script_dialogs import ScriptFieldsScreen
from sellerdesk.screens.templates import TemplateLibraryScreen
from sellerdesk.scripts import runs
from sellerdesk.ui.fill_values import FillValuesScreen

OFFER = (
    "Website redesign\n\n"
    "Pages: Home, About, Events, Gallery, Contact\n"
    "Design direction: {design}\n"
    "Delivery time: 7 days\n"
    "Fixed price: $300\n\n"
    "Once the order is placed, we’ll get started."
)


def _confirmed_at_step_8(db) -> None:
    leads.add_lead(db, "givenvalues", project_type="redesign")
    walk_to(db, "givenvalues", "scope_confirmation")
    for item in ("confirm_design", "confirm_pages", "confirm_focus"):
        runs.tick(db, "givenvalues", item, script="redesign")


def test_price_and_delivery_given_for_the_offer_count_and_are_kept(db, run):
    _confirmed_at_step_8(db)
    code, out, err = run(
        "copy", "redesign.custom_offer", "--lead", "givenvalues",
        "--set", "price=$300", "--set", "delivery_days=7 days", "--print",
    )  # fmt: skip
    assert code == 0, err
    design = runs.get_run(db, "givenvalues").answers["design_direction"]["primary"]
    assert out == OFFER.format(design=design) + "\n"
    stored = runs.get_run(db, "givenvalues")
    assert stored.answers["price"] == "300" and stored.answers["delivery_days"] == 7
    lead = leads.get_lead(db, "givenvalues")
    assert lead.stage == "offer_sent"
    kinds = [e.kind for e in leads.lead_timeline(db, lead.id)]
    assert "script_answer" in kinds and "message_copied" in kinds


def test_without_them_the_shell_asks_for_the_values_not_for_step_9(db, run):
    _confirmed_at_step_8(db)
    code, out, err = run("copy", "redesign.custom_offer", "--lead", "givenvalues", "--print")
    assert code == 1 and out == ""
    assert err == (
        "sellerdesk: Not copied: redesign.custom_offer needs values for delivery_days "
        "(Delivery time (days)), price (Fixed price (USD)); give them with --set NAME=VALUE.\n"
    )


def test_a_value_the_field_refuses_is_named_and_nothing_is_kept(db, run):
    _confirmed_at_step_8(db)
    code, out, err = run(
        "copy", "redesign.custom_offer", "--lead", "givenvalues",
        "--set", "price=cheap", "--set", "delivery_days=7", "--print",
    )  # fmt: skip
    assert code == 1 and out == ""
    assert "Fixed price must be a number of dollars" in err
    assert "price" not in runs.get_run(db, "givenvalues").answers


def test_a_confirmed_answer_changed_for_the_copy_clears_the_confirmation(db, run):
    _confirmed_at_step_8(db)
    code, out, err = run(
        "copy", "redesign.custom_offer", "--lead", "givenvalues",
        "--set", "pages=Home, Contact", "--set", "price=300", "--set", "delivery_days=7",
        "--print",
    )  # fmt: skip
    assert code == 1 and out == ""
    assert "confirm in chat design direction (step 8), pages list (step 8)" in err
    lead = leads.get_lead(db, "givenvalues")
    assert lead.stage != "offer_sent"
    assert runs.get_run(db, "givenvalues").answers["pages"] != ["Home", "Contact"]


async def test_the_offer_key_at_step_8_says_where_the_boxes_are(db, db_url):
    _confirmed_at_step_8(db)
    lead = leads.get_lead(db, "givenvalues")
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(140, 48)) as pilot:
        await settle(pilot)
        app.push_screen(ScriptScreen(lead.id))
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        said = [n.message for n in notified(app)][-1]
        assert said == (
            "The offer cannot be composed yet: capture the delivery time (step 9) and the "
            "fixed price (step 9) first. Step 9 has the boxes for the delivery time and the "
            "fixed price: n goes there once this step's gate holds, then f fills them in."
        )
        await pilot.press("n")  # the way it names works: step 9, its boxes
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, ScriptFieldsScreen)
        assert {box.id for box in app.screen.query(Input)} >= {
            "answer-delivery_days",
            "answer-price",
        }


@pytest.mark.usefixtures("no_display")
async def test_the_library_form_fills_the_offer_and_the_script_keeps_it(db, db_url):
    _confirmed_at_step_8(db)
    lead = leads.get_lead(db, "givenvalues")
    app = SellerdeskApp(db_url, Settings())
    async with app.run_test(size=(140, 48)) as pilot:
        await settle(pilot)
        app.push_screen(TemplateLibraryScreen(lead.id, template_id="redesign.custom_offer"))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, FillValuesScreen)  # asked, not refused
        assert [name for name, _ in form.fields] == ["delivery_days", "price"]
        await pilot.press("7", "enter", "3", "0", "0", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TemplateLibraryScreen)
        design = runs.get_run(db, "givenvalues").answers["design_direction"]["primary"]
        assert app.clipboard == OFFER.format(design=design)
    stored = runs.get_run(db, "givenvalues")
    assert stored.answers["price"] == "300" and stored.answers["delivery_days"] == 7
    assert leads.get_lead(db, "givenvalues").stage == "offer_sent"


def test_a_value_given_as_the_script_already_has_it_reads_as_the_script_has_it(db, run):
    _confirmed_at_step_8(db)
    runs.set_answers(db, "givenvalues", {"price": "300", "delivery_days": "7"})
    code, out, err = run(
        "copy", "redesign.custom_offer", "--lead", "givenvalues", "--set", "price=$300", "--print"
    )
    assert code == 0, err
    assert "Fixed price: $300\n" in out
    # The script keeps it; the lead does not keep a second copy of it.
    assert "price" not in leads.get_lead(db, "givenvalues").values
