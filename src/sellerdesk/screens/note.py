"""Writing a note on a lead. The text stays in the box until it is saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Static, TextArea

from sellerdesk.ui.desk import DeskModal


class NoteScreen(DeskModal[str | None]):
    BINDINGS = [
        Binding("f2,ctrl+s", "save", "Save note", id="note-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="note-cancel"),
    ]

    def __init__(self, username: str, text: str = "") -> None:
        super().__init__()
        self.username = username
        self.initial = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="note-dialog"):
            yield Static(f"Note on {self.username}", classes="dialog-title")
            yield TextArea(self.initial, id="note-text", soft_wrap=True, tab_behavior="focus")
            yield Static("", id="note-error", classes="error")
            yield Static("f2 saves · escape cancels", classes="hint")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        text = self.query_one(TextArea).text.strip()
        if not text:
            self.query_one("#note-error", Static).update("A note cannot be empty.")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
