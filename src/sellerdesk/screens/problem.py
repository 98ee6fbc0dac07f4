"""What the app shows when the database cannot be opened: the reason in plain words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, Static

from sellerdesk.paths import shown_url
from sellerdesk.safe_text import one_line
from sellerdesk.ui.desk import DeskScreen


class ProblemScreen(DeskScreen):
    BINDINGS = [
        Binding("r", "retry", "Try again", id="problem-retry"),
        Binding("q,escape", "app.quit", "Quit", id="problem-quit"),
    ]

    def __init__(self, message: str, db_url: str) -> None:
        super().__init__()
        self.message = message
        self.db_url = db_url

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="problem"):
            yield Static("sellerdesk could not open your lead book", id="problem-title")
            yield Static(one_line(self.message), id="problem-message", markup=False)
            yield Static(
                f"Database: {one_line(shown_url(self.db_url))}\n\n"
                "Nothing was changed. Press r to try again (a server that was away may be "
                "back), or open another file with  sellerdesk --db PATH  "
                "or try the sample data with  sellerdesk --demo.",
                id="problem-hint",
                markup=False,
            )
        yield Footer(show_command_palette=False)

    def action_retry(self) -> None:
        retry = getattr(self.app, "retry_opening", None)
        if retry is not None:
            retry()
