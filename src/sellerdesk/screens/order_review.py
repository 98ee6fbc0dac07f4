"""The review summary before an order is saved (seed 004 step 6): read it
back, then confirm. Returns True to save, False to go back and correct."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Static

from sellerdesk.orders import summary
from sellerdesk.orders.gate import Draft
from sellerdesk.safe_text import visible
from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.theme import ERROR_BOLD, MUTED, SUCCESS
from sellerdesk.ui.user_text import plain


class OrderReviewScreen(DeskModal[bool]):
    CSS_PATH = "order.tcss"
    BINDINGS = [
        Binding("enter,y", "confirm", "Create order", id="order-review-confirm", priority=True),
        Binding("escape,n", "back", "Back to the form", id="order-review-back"),
    ]

    def __init__(self, username: str, draft: Draft) -> None:
        super().__init__()
        self.username = username
        self.draft = draft

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="order-review"):
            yield Static("Review the order with the client", classes="dialog-title")
            yield Static(self._summary(), id="order-review-summary")
            yield Static(self._checks(), id="order-review-checks")
            yield Static("enter or y creates the order · escape goes back", classes="hint")
        yield Footer(show_command_palette=False)

    def _summary(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style=MUTED, no_wrap=True)
        table.add_column(overflow="fold")
        for label, value in summary.draft_rows(self.draft, self.username):
            table.add_row(label, plain(value or "—"))
        return table

    def _checks(self) -> Text:
        out = Text("\n")
        for label, ok, detail in summary.check_rows(self.draft):
            out.append("✓ " if ok else "✗ ", style=SUCCESS if ok else ERROR_BOLD)
            out.append(label)
            out.append(visible(f"  ({detail})\n" if ok else f"  {detail}\n"), style=MUTED)
        out.append("✓ ", style=SUCCESS)
        out.append("Consent recorded in the client's words")
        return out

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_back(self) -> None:
        self.dismiss(False)
