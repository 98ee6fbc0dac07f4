"""Every path that records the client's yes asks the same domain reading: the
order form, `sellerdesk order create --consent`, and the after-sales
walkthrough confirmation. A refusal says why in one line and quotes the seed."""

from __future__ import annotations

import pytest
from tests.sop.conftest import make_app
from tests.tui.conftest import SIZE, fill, settle
from textual.widgets import Checkbox, Input, Static

from sellerdesk import leads
from sellerdesk.orders.store import list_orders
from sellerdesk.screens.order_form import OrderFormScreen
from sellerdesk.screens.order_review import OrderReviewScreen

pytestmark = pytest.mark.usefixtures("no_display")

SEED = '"Yes, please place the order"'


async def test_the_order_form_refuses_an_acknowledgement_then_takes_a_yes(db, db_url):
    lead = leads.add_lead(db, "brightsmile", display_name="Maya", stage="offer sent")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(lead.id)
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, OrderFormScreen)
        await fill(pilot, form.query_one("#f-consent", Input), "Yes I received the offer")
        await fill(pilot, form.query_one("#f-price", Input), "450")
        await fill(pilot, form.query_one("#f-days", Input), "7")
        await fill(pilot, form.query_one("#f-pages", Input), "Home, About, Contact")
        form.query_one("#f-scope", Checkbox).value = True
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, OrderFormScreen)
        said = str(form.query_one("#consent-error", Static).content)
        assert "only take note" in said and SEED in said and "\n" not in said
        assert list_orders(db) == []

        form.query_one("#f-consent", Input).value = ""
        await fill(pilot, form.query_one("#f-consent", Input), "can you place the order?")
        await pilot.press("f2")
        await settle(pilot)
        assert "is asking" in str(form.query_one("#consent-error", Static).content)

        form.query_one("#f-consent", Input).value = ""
        await fill(pilot, form.query_one("#f-consent", Input), "yes, go ahead and place the order")
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, OrderReviewScreen)
        await pilot.press("enter")
        await settle(pilot)
    (row,) = list_orders(db)
    assert row.username == "brightsmile"


def test_the_command_refuses_thanks_and_a_promise_and_takes_a_yes(db, cli):
    leads.add_lead(db, "brightsmile", stage="offer sent")
    base = ["order", "create", "brightsmile", "--price", "450", "--due", "7d",
            "--pages", "Home", "--confirm-scope", "--consent"]  # fmt: skip
    code, out, err = cli(*base, "okay thanks for the info")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "only take note" in err and SEED in err
    code, _, err = cli(*base, "Sure, I'll place the order tomorrow")
    assert code == 1 and "what they will do" in err and SEED in err
    assert list_orders(db) == []
    code, out, err = cli(*base, "Yes, create the order", "--number", "FO81A2B3C4D5")
    assert (code, err) == (0, "")
    assert "Created order FO81A2B3C4D5 for brightsmile" in out
