"""A lead's orders on the lead screen, and the keys that reach them:
create an order (o) and open one (O)."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static

from sellerdesk import clock
from sellerdesk.orders.items import STATUSES, OrderRow
from sellerdesk.records import Lead
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.theme import MUTED

SHOWN = 5


def _orders_of(db, lead_id: int) -> list[OrderRow]:
    from sellerdesk.orders.store import list_orders

    return list_orders(db, lead_id=lead_id, limit=50)


class LeadOrders(Static):
    """The lead's orders, newest first: number, status, price, due date."""

    DEFAULT_CSS = "LeadOrders { height: auto; margin-top: 1; }"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self.rows: list[OrderRow] = []

    def load(self, lead_id: int) -> None:
        run_db(self, lambda db: _orders_of(db, lead_id), self.show, group="lead-orders")

    def show(self, rows: list[OrderRow]) -> None:
        self.rows = rows
        self.update(self.render_rows(rows))

    @staticmethod
    def render_rows(rows: list[OrderRow]) -> Table | Text:
        if not rows:
            return Text("No orders yet (o: new order, with the client's yes)", style=MUTED)
        table = Table.grid(padding=(0, 2))
        table.add_column(style=MUTED, no_wrap=True)
        table.add_column(overflow="fold")
        for n, row in enumerate(rows[:SHOWN]):
            line = Text(row.number, style="bold")
            line.append(f"  {STATUSES.label(row.status)}  {row.price}")
            if row.delivery_due_at is not None and row.status not in ("completed", "cancelled"):
                due = clock.to_local(row.delivery_due_at).strftime("%Y-%m-%d")
                line.append(f"  due {due}")
            table.add_row("Orders" if n == 0 else "", line)
        if len(rows) > SHOWN:
            table.add_row("", Text(f"and {len(rows) - SHOWN} more (O lists them)", style="dim"))
        return table


def create_order_for(screen: Screen, lead: Lead | None, on_done: Any = None) -> None:
    if lead is None:
        return
    from sellerdesk.screens.order_form import start_order

    start_order(screen, lead, on_done)


def open_orders(screen: Screen, lead: Lead | None) -> None:
    """Open the lead's only order, or choose among them."""
    if lead is None:
        return
    app = screen.app

    def pick(rows: list[OrderRow]) -> None:
        from sellerdesk.screens.order import OrderScreen
        from sellerdesk.ui.prompts import ChoiceScreen

        if not rows:
            app.notify(f"{lead.username} has no order yet; o creates one.")
            return
        if len(rows) == 1:
            app.push_screen(OrderScreen(rows[0].id))
            return
        ids = {str(row.id): row.id for row in rows}
        choices = [
            (str(row.id), f"{row.number}  {STATUSES.label(row.status)}  {row.price}")
            for row in rows
        ]

        def chosen(key: str | None) -> None:
            if key is not None:
                app.push_screen(OrderScreen(ids[key]))

        app.push_screen(ChoiceScreen(f"Orders of {lead.username}", choices), chosen)

    run_db(screen, lambda db: _orders_of(db, lead.id), pick)
