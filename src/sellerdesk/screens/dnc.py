"""Do-not-contact: set it with a reason (kept on record), or clear it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, Static

from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.user_text import plain


class DoNotContactScreen(DeskModal[tuple[bool, str] | None]):
    """Returns (on, reason) or None when cancelled."""

    BINDINGS = [
        Binding("f2,ctrl+s", "save", "Save", id="dnc-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="dnc-cancel"),
    ]

    def __init__(self, username: str, on: bool, reason: str | None) -> None:
        super().__init__()
        self.username = username
        self.on = on
        self.reason = reason or ""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="dnc-dialog"):
            if self.on:
                yield Static(f"{self.username} is marked do-not-contact", classes="dialog-title")
                yield Static(plain(f"Reason: {self.reason}"))
                yield Static(
                    "Press f2 to allow contacting this lead again; escape keeps it as is.",
                    classes="hint",
                )
            else:
                yield Static(f"Do not contact {self.username}", classes="dialog-title")
                yield Static("They will not appear in the follow-up queue. Why? (kept on record)")
                yield Input(placeholder="Reason, e.g. asked not to be messaged", id="dnc-reason")
                yield Static("", id="dnc-error", classes="error")
                yield Static("enter or f2 saves · escape cancels", classes="hint")
        yield Footer(show_command_palette=False)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        if self.on:
            self.dismiss((False, ""))
            return
        reason = self.query_one("#dnc-reason", Input).value.strip()
        if not reason:
            self.query_one("#dnc-error", Static).update(
                "Say why this lead must not be contacted; the reason is kept on record."
            )
            return
        self.dismiss((True, reason))

    def action_cancel(self) -> None:
        self.dismiss(None)
