"""Confirming the redeem of a referrer's oldest earned reward."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.user_text import plain

if TYPE_CHECKING:
    from sellerdesk.referrals.report import ReferrerLine


class RedeemScreen(DeskModal[str | None]):
    """Confirm using a referrer's oldest earned reward, with an optional note."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="redeem-cancel")]

    def __init__(self, line: ReferrerLine) -> None:
        super().__init__()
        self.line = line

    def compose(self) -> ComposeResult:
        oldest = self.line.owed_rewards[0]
        with Vertical(classes="dialog", id="redeem"):
            yield Static(f"Redeem {self.line.referrer}'s reward", classes="dialog-title")
            yield Static(plain(f"{oldest}  ({self.line.owed} owed; the oldest is used first)"))
            yield Input(
                placeholder="Note, e.g. applied to order FO12345 (optional)", id="redeem-note"
            )
            yield Static("enter redeems · escape cancels", classes="hint")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
