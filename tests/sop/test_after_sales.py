"""After-sales support (seed 001): once an order is delivered its walkthrough
checklist starts, waits in the morning queue and on the order, and closes
only with the client's own confirmation, read like consent."""

from __future__ import annotations

import pytest
from tests.sop.conftest import make_app, rendered, timeline
from tests.tui.conftest import SIZE, fill, settle
from textual.widgets import Input, OptionList

from sellerdesk import leads
from sellerdesk.config import Settings
from sellerdesk.followups import queue, store
from sellerdesk.orders.gate import WALKTHROUGH_YES, walkthrough_problem
from sellerdesk.orders.status import set_status
from sellerdesk.orders.store import create_order, get_order
from sellerdesk.screens.order import OrderScreen
from sellerdesk.ui.prompts import TextPromptScreen
from sellerdesk.widgets.queue_panel import QueuePanel

pytestmark = pytest.mark.usefixtures("no_display")

WALKTHROUGH = "After-sales walkthrough to confirm: order FO9"


def _delivered(db, draft, number: str = "FO9") -> None:
    leads.add_lead(db, "harbor", display_name="Harbor Dental")
    create_order(db, "harbor", draft.with_changes(number=number))
    set_status(db, number, "in progress")
    set_status(db, number, "delivered")


def _queued(db) -> list[str]:
    built = queue.build(db, Settings())
    return [i.reason for lane in (built.overdue, built.today, built.upcoming) for i in lane.items]


@pytest.mark.parametrize(
    "words",
    [
        "Yes, the walkthrough is done",
        "Confirmed, the control panel training is complete and my email works",
        "The walkthrough was very clear, everything is set up. Thank you!",
        "Yes I confirm the training is done and the email set up is working",
        "All good, I understand the control panel now",
    ],
)
def test_a_confirmation_of_the_walkthrough_passes(words):
    assert walkthrough_problem(words) is None


@pytest.mark.parametrize(
    ("words", "reason"),
    [
        ("ok thanks", "only take note"),
        ("I'll check the email later", "not sure yet"),
        ("The email set up is not working yet", "say not to"),
        ("Can we do the control panel training tomorrow?", "do not say"),
        ("Confirmed", "do not say that the walkthrough is done"),
        ("I still have a problem with the email set up", "say not to"),
    ],
)
def test_anything_short_of_a_confirmation_is_refused_with_the_words_to_wait_for(words, reason):
    problem = walkthrough_problem(words)
    assert problem is not None and reason in problem.message
    assert f'"{WALKTHROUGH_YES}"' in problem.message


async def test_the_walkthrough_waits_in_the_queue_and_on_the_order_until_the_client_confirms(
    db, db_url, draft
):
    _delivered(db, draft)
    order = get_order(db, "FO9")
    app = make_app(db_url)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(QueuePanel)
        assert WALKTHROUGH in [getattr(e, "reason", "") for e in panel.entries.values()]

        app.push_screen(OrderScreen(order.id))
        await settle(pilot)
        shown = "\n".join(
            str(o.prompt) for o in app.screen.query_one("#order-checks", OptionList).options
        )
        assert "After-sales support: waiting for the client's confirmation (w records it)" in shown
        assert "Control panel training" in shown

        # Words before the walkthrough's items are ticked: refused, and kept.
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, TextPromptScreen)
        await fill(pilot, app.screen.query_one(Input), "Yes, the walkthrough is done")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TextPromptScreen)
        assert app.screen.query_one(Input).value == "Yes, the walkthrough is done"
        assert any("tick what the walkthrough covered" in n.message for n in app._notifications)
        await pilot.press("escape")
        await settle(pilot)

        options = app.screen.query_one("#order-checks", OptionList)
        options.focus()
        for index in (1, 2, 3):  # after the title line
            options.highlighted = index
            await pilot.press("space")
            await settle(pilot)

        await pilot.press("w")
        await settle(pilot)
        await fill(pilot, app.screen.query_one(Input), "ok thanks")
        await pilot.press("enter")
        await settle(pilot)
        assert any("only take note" in n.message for n in app._notifications)
        assert get_order(db, "FO9").walkthrough_at is None
        prompt = app.screen.query_one(Input)
        prompt.value = ""
        await fill(pilot, prompt, "Thanks, the control panel training is done and my email works")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen)
        card = rendered(app, "#order-card")
        assert '"Thanks, the control panel training is done and my email works"' in card

    done = get_order(db, "FO9")
    assert done.walkthrough_by == "tester" and done.walkthrough_at is not None
    assert WALKTHROUGH not in _queued(db)
    (confirmed,) = timeline(db, "harbor", "order_walkthrough")
    assert "my email works" in confirmed.body


def test_the_commands_tick_confirm_and_a_reminder_comes_back_until_then(db, draft, cli):
    _delivered(db, draft)
    assert WALKTHROUGH in _queued(db)
    # Done without the client's confirmation: it comes back (after_sales_days later).
    code, out, _ = cli("followup", "done", "harbor")
    lead = leads.get_lead(db, "harbor")
    waiting = [f for f in store.for_lead(db, lead.id) if f.rule == "after_sales"]
    assert len(waiting) == 1 and waiting[0].reason == WALKTHROUGH

    code, out, err = cli("order", "walkthrough", "FO9", "Yes,", "the", "walkthrough", "is", "done")
    assert code == 1 and "tick what the walkthrough covered first" in err
    for item in ("1", "email", "any meeting"):
        code, out, err = cli("order", "check", "FO9", item, "--checklist", "after-sales")
        assert code == 0, err
    code, out, _ = cli("order", "show", "FO9")
    assert "After-sales support: waiting for the client's confirmation" in out
    assert "3. [x] Any meeting the client needs after sales" in out
    code, _, err = cli("order", "walkthrough", "FO9", "maybe", "next", "week")
    assert code == 1 and "not sure yet" in err and err.count("\n") == 1
    code, out, err = cli(
        "order", "walkthrough", "FO9", "All", "good,", "everything", "is", "set", "up"
    )
    assert (code, err) == (0, "")
    code, out, _ = cli("order", "show", "FO9")
    assert "After-sales support: walkthrough confirmed by the client" in out
    assert 'Walkthrough       "All good, everything is set up"' in out
    assert [f for f in store.for_lead(db, lead.id) if f.rule == "after_sales"] == []


def test_a_cancelled_or_undelivered_order_has_no_walkthrough_waiting(db, draft, cli):
    _delivered(db, draft)
    set_status(db, "FO9", "in progress")  # the delivery taken back
    assert WALKTHROUGH not in _queued(db)
    set_status(db, "FO9", "delivered")
    assert WALKTHROUGH in _queued(db)
    set_status(db, "FO9", "cancelled", reason="client stopped the project")
    assert WALKTHROUGH not in _queued(db)
    code, _, err = cli("order", "check", "FO1X", "1", "--checklist", "after-sales")
    assert code == 1 and "No order numbered" in err
