"""The baseline: a bare Textual app with the same widgets as the home screen.

Header, an Input, a DataTable of 50 rows and a Footer, filled in `on_mount`,
with no database. sellerdesk's start-up is judged against this.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Input

ROWS = 50


class BareApp(App[None]):
    TITLE = "bare"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="search")
        yield DataTable(id="rows")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("username", "stage", "name", "website", "next follow-up")
        for n in range(ROWS):
            table.add_row(f"user{n}", "Qualified", f"Person {n}", f"site{n}.com", "Mon 10:00")
