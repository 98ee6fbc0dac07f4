"""One job-order checklist per client type (seed 001), the same in the hosting
script and on the order screen; ticks land on the order's history; the
pointing-date reminder is a message with the date and time; the next-steps
message shares the order number (seed 004)."""

from __future__ import annotations

import pytest
from tests.sop.conftest import make_app, rendered, timeline
from tests.tui.conftest import SIZE, fill, settle
from textual.widgets import Input, OptionList

from sellerdesk import leads
from sellerdesk.orders import checklists
from sellerdesk.orders.job_order import NEW_CLIENT, TRANSFERRED_CLIENT
from sellerdesk.orders.store import create_order
from sellerdesk.screens.order import OrderScreen
from sellerdesk.scripts.hosting import SCRIPT as HOSTING
from sellerdesk.ui.fill_values import FillValuesScreen

pytestmark = pytest.mark.usefixtures("no_display")

# Every item seed 001 names, in its words (new clients, then transferred ones).
SEED_NEW = ("15-day trial", "email accounts", "Domain registration", "Domain pointing",
            "Hosting creation", "Website upload")  # fmt: skip
SEED_TRANSFERRED = ("credentials", "unlocked and under public settings", "Email backed up",
                    "re-created in the control panel", "Website copy", "15-day trial",
                    "24–48 hour propagation", "pointing date and time", "domain transfer",
                    "Domain pointing", "Hosting creation", "Website upload")  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "checklist", "seed"),
    [("new", NEW_CLIENT, SEED_NEW), ("transferred", TRANSFERRED_CLIENT, SEED_TRANSFERRED)],
)
def test_the_hosting_script_and_the_order_hold_the_same_seed_items(
    db, draft, kind, checklist, seed
):
    job_step = HOSTING.steps[HOSTING.index("job_order")]
    in_script = [c.text for c in job_step.checks_for({"client_kind": kind})]
    leads.add_lead(db, f"client_{kind}")
    order = create_order(db, f"client_{kind}", draft)
    on_order = [i.label for i in checklists.start(db, order.number, kind)]
    assert in_script == on_order == [i.label for i in checklist.items]
    assert len(on_order) == len(seed)
    for label, words in zip(on_order, seed, strict=True):
        assert words.lower() in label.lower()


def test_the_transferred_propagation_item_is_what_the_last_step_waits_for():
    last = len(HOSTING.steps) - 1
    from sellerdesk.scripts.engine import State

    answers = {"scenario": "has_hosting", "client_kind": "transferred"}
    blocked = HOSTING.can_leave(last, State(answers))
    assert blocked is not None and "24–48 hour propagation notice sent (step 3)" in blocked
    assert "propagation notice sent (step 4)" not in blocked  # a new client's item, not theirs
    assert (
        HOSTING.can_leave(last, State(answers, frozenset({"transfer_propagation_notice"}))) is None
    )
    new = {"scenario": "nothing", "client_kind": "new"}
    assert HOSTING.can_leave(last, State(new, frozenset({"notice_sent"}))) is None


async def test_ticks_go_on_the_order_history_and_the_reminder_carries_date_and_time(
    db, db_url, draft
):
    leads.add_lead(db, "harbor", display_name="Harbor Dental")
    order = create_order(db, "harbor", draft.with_changes(number="FO5"))
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(OrderScreen(order.id))
        await settle(pilot)
        await pilot.press("j")  # which job order?
        await settle(pilot)
        await pilot.press("down", "enter")  # transferred client
        await settle(pilot)
        screen = app.screen
        options = screen.query_one("#order-checks", OptionList)
        options.focus()
        options.highlighted = 7  # "Email reminding the client of the pointing date and time"
        await pilot.press("space")
        await settle(pilot)
        await pilot.press("c")  # its message
        await settle(pilot)
        assert isinstance(app.screen, FillValuesScreen)
        await fill(pilot, app.screen.query_one("#value-pointing_date", Input), "Friday 12 December")
        await fill(pilot, app.screen.query_one("#value-pointing_time", Input), "10 pm your time")
        await pilot.press("f2")
        await settle(pilot)
        assert "on Friday 12 December at 10 pm your time" in app.clipboard
        history = rendered(app, "#order-history-body")
        assert "✓ Email reminding the client of the pointing date and time sent" in history

    ticks = [e.body for e in timeline(db, "harbor", "order_check")]
    assert ticks == [
        "Order FO5, transferred client job order: "
        "✓ Email reminding the client of the pointing date and time sent"
    ]
    (copied,) = timeline(db, "harbor", "message_copied")
    assert copied.data["template"] == "hosting.pointing_reminder"


async def test_the_next_steps_message_carries_this_orders_number(db, db_url, draft, cli):
    leads.add_lead(db, "harbor", display_name="Harbor Dental")
    first = create_order(db, "harbor", draft.with_changes(number="FO5"))
    create_order(db, "harbor", draft.with_changes(number="FO6"))
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(OrderScreen(first.id))  # the older of the two
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert "Your order number is FO5." in app.clipboard
    # From the shell, the lead's latest order is remembered on it.
    code, out, _ = cli("copy", "order.next_steps", "--lead", "harbor", "--print")
    assert code == 0 and "Thank you for placing the order, Harbor Dental!" in out
    assert "Your order number is FO6." in out
