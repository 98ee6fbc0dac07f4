"""The text of a message on screen, to select and copy by hand when no
clipboard took it (or to check what was sent)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Static, TextArea

from sellerdesk.safe_text import visible
from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.user_text import plain


class ShowTextScreen(DeskModal[None]):
    DEFAULT_CSS = """
    ShowTextScreen { align: center middle; }
    ShowTextScreen #show-dialog {
        width: 90%; height: 85%; border: round $accent; padding: 0 1; background: $surface;
    }
    ShowTextScreen #show-text { height: 1fr; }
    ShowTextScreen .show-hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="show-close"),
        # Priority: the text area's own ctrl+a goes to the line's start.
        Binding("ctrl+a", "select_all", "Select all", id="show-select-all", priority=True),
    ]

    def __init__(self, title: str, text: str, note: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="show-dialog"):
            yield Static(plain(self.title_text, "bold") + f"  ({len(self.text)} characters)")
            if self.note:
                yield Static(self.note, id="show-note")
            yield TextArea(visible(self.text), read_only=True, soft_wrap=True, id="show-text")
            yield Static(
                "select with the mouse or shift+arrows (ctrl+a: all), then copy with your terminal",
                classes="show-hint",
            )
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_select_all(self) -> None:
        self.query_one(TextArea).select_all()

    def action_close(self) -> None:
        self.dismiss(None)
