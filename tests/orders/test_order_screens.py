"""The order screens driven by keys on the real app: database out."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from tests.tui.conftest import SIZE, console_for, fill, settle
from textual.widgets import Checkbox, Input, Static

from sellerdesk import leads
from sellerdesk.app import SellerdeskApp
from sellerdesk.config import Settings
from sellerdesk.db.models import OrderModel
from sellerdesk.orders import checklists
from sellerdesk.orders.store import create_order, get_order, list_orders
from sellerdesk.screens.lead import LeadScreen
from sellerdesk.screens.order import OrderScreen
from sellerdesk.screens.order_form import OrderFormScreen
from sellerdesk.screens.order_review import OrderReviewScreen


@pytest.fixture
def app(db_url, db, monkeypatch):
    # No X display: the copy goes to the terminal clipboard, which the app keeps.
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return SellerdeskApp(db_url, Settings())


def _orders(db) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(OrderModel.id))) or 0


def _rendered(app, selector: str) -> str:
    console = console_for(app)
    console.print(app.screen.query_one(selector, Static).content)
    return console.export_text()


def _shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def test_the_form_refuses_until_the_yes_and_every_check_then_reviews_and_saves(app, db, lead):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_lead(lead.id)
        await settle(pilot)
        assert "No orders" in _rendered(app, "#lead-orders")
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, OrderFormScreen)
        form = app.screen

        await fill(pilot, form.query_one("#f-consent", Input), "Maybe, I'll think about it")
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, OrderFormScreen)
        assert 'not sure yet ("maybe")' in _shown(app, "#consent-error")
        assert "No agreed price" in _shown(app, "#price-error")
        assert "No delivery time" in _shown(app, "#days-error")
        assert "No pages listed" in _shown(app, "#pages-error")
        assert "Scope is not confirmed" in _shown(app, "#scope-error")
        assert _shown(app, "#form-error") == (
            "No order yet. To check: the client's yes, scope, price, delivery time, pages."
        )

        form.query_one("#f-consent", Input).value = ""
        await fill(pilot, form.query_one("#f-consent", Input), "Yes, please place the order")
        await fill(pilot, form.query_one("#f-price", Input), "450")
        await fill(pilot, form.query_one("#f-days", Input), "7")
        await fill(pilot, form.query_one("#f-pages", Input), "Home, About, Contact")
        form.query_one("#f-scope", Checkbox).value = True
        await pilot.press("f2")
        await settle(pilot)
        assert isinstance(app.screen, OrderReviewScreen)
        assert _orders(db) == 0  # nothing is saved before the review is confirmed

        await pilot.press("escape")  # back to correct something: nothing lost
        await settle(pilot)
        assert form.query_one("#f-price", Input).value == "450"
        await pilot.press("f2")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)

        assert isinstance(app.screen, OrderScreen)
        assert _orders(db) == 1
        (row,) = list_orders(db)
        order = get_order(db, row.number)
        assert order.consent_text == "Yes, please place the order"
        assert (order.price_cents, order.delivery_days, order.kind) == (45000, 7, "direct")
        assert leads.get_lead(db, "brightsmile").stage == "ordered"

        await pilot.press("n")
        await settle(pilot)
        copied = [e for e in leads.lead_timeline(db, lead.id) if e.kind == "message_copied"]
        assert copied[0].data["template"] == "order.next_steps"
        assert app.clipboard == copied[0].body
        assert copied[0].body.startswith("Thank you for placing the order, Maya!")

        await pilot.press("escape")  # back on the lead: the order is listed, O opens it
        await settle(pilot)
        assert isinstance(app.screen, LeadScreen)
        assert f"{order.number}  Under review  $450" in _rendered(app, "#lead-orders")
        await pilot.press("O")
        await settle(pilot)
        assert isinstance(app.screen, OrderScreen) and app.screen.order_id == order.id


async def test_status_keys_move_the_order_and_the_stage(app, db, lead, draft):
    order = create_order(db, "brightsmile", draft.with_changes(number="FO77"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(OrderScreen(order.id))
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("enter")  # the first choice: In progress
        await settle(pilot)
        assert get_order(db, "FO77").status == "in_progress"
        assert leads.get_lead(db, "brightsmile").stage == "in_progress"
        assert "Status            In progress" in _rendered(app, "#order-card")


async def test_checklist_ticks_by_keys_persist(app, db, db_url, lead, draft):
    order = create_order(db, "brightsmile", draft.with_changes(number="FO78"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(OrderScreen(order.id))
        await settle(pilot)
        await pilot.press("j")  # choose the job order
        await settle(pilot)
        await pilot.press("down", "enter")  # transferred client
        await settle(pilot)
        await pilot.press("space")  # tick the first item
        await settle(pilot)
        await pilot.press("down", "down", "space")
        await settle(pilot)
    checklist, items = checklists.checklist_of(db, "FO78")
    assert checklist is checklists.TRANSFERRED_CLIENT
    assert [i.item for i in items if i.done] == ["credentials_secured", "email_backed_up"]


async def test_requirements_and_a_price_dispute_by_keys(app, db, lead, draft):
    from sellerdesk.followups import store as followups
    from sellerdesk.screens.order_dispute import DisputeScreen
    from sellerdesk.ui.prompts import TextPromptScreen

    order = create_order(db, "brightsmile", draft.with_changes(number="FO79"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(OrderScreen(order.id))
        await settle(pilot)

        await pilot.press("r", "down", "enter")  # partly incomplete: asks what is missing
        await settle(pilot)
        assert isinstance(app.screen, TextPromptScreen)
        await fill(pilot, app.screen.query_one(Input), "logo, About page text")
        await pilot.press("enter")
        await settle(pilot)
        assert get_order(db, "FO79").requirements == "partial"
        reminders = [f.template for f in followups.for_lead(db, lead.id) if f.rule]
        assert "order.requirements_partial" in reminders
        await pilot.press("m")  # the partly-incomplete message, filled with what is missing
        await settle(pilot)
        assert "logo, About page text" in app.clipboard

        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, DisputeScreen)
        assert '"Yes, please place the order"' in _shown(app, "#dispute-quote")
        await pilot.press("o")
        await settle(pilot)
        await fill(pilot, app.screen.query_one(Input), "I didn't agree to this price")
        await pilot.press("enter")
        await settle(pilot)
        assert "Price objection: I didn't agree to this price" in _shown(app, "#dispute-notes")

        await pilot.press("c")
        await settle(pilot)
        await pilot.press("enter")  # an empty reason is refused, the dialog stays
        await settle(pilot)
        assert isinstance(app.screen, TextPromptScreen)
        await fill(pilot, app.screen.query_one(Input), "Client would not accept the price")
        await pilot.press("enter")
        await settle(pilot)
    cancelled = get_order(db, "FO79")
    assert (cancelled.status, cancelled.cancel_reason) == (
        "cancelled",
        "Client would not accept the price",
    )
    assert leads.get_lead(db, "brightsmile").stage == "qualified"
