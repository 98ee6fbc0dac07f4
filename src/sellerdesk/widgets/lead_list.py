"""The lead list: one page of leads at a time, the next page asked for at the end.

It holds only the rows it was given. When the cursor (or the scroll position)
nears the last loaded row and more leads match, it posts `NeedMore`; the
screen loads the next page and hands it over with `append`.

When what was searched for could be a username nobody in the book has, the
last row offers to add it (`ADD_ROW`): enter on it adds the lead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from sellerdesk.clock import to_local
from sellerdesk.safe_text import visible
from sellerdesk.ui.theme import (
    ACCENT,
    AQUA,
    ERROR_BOLD,
    MUTED,
    MUTED_STRIKE,
    PRIMARY,
    PRIMARY_BOLD,
    SUCCESS,
    SUCCESS_BOLD,
    WARNING,
)
from sellerdesk.vocab import STAGES

if TYPE_CHECKING:
    from sellerdesk.records import LeadRow

# Calm colours that tell the stages apart at a glance.
STAGE_STYLES = {
    "new": PRIMARY_BOLD,
    "qualified": AQUA,
    "hot_lead": ERROR_BOLD,
    "offer_sent": WARNING,
    "ordered": SUCCESS,
    "in_progress": SUCCESS,
    "delivered": ACCENT,
    "completed": MUTED,
    "lost": MUTED_STRIKE,
}
# The stage column is narrow: seed 000's "Order under review" is "Under review"
# there (a word cut in half would say nothing); the lead screen has it in full.
LIST_LABELS = {"ordered": "Under review"}

# Ask for the next page this many rows before the end, so scrolling rarely waits.
PREFETCH_ROWS = 5
# The key of the row that adds the searched-for username as a new lead.
ADD_ROW = "add"


def short_date(moment) -> str:
    return to_local(moment).strftime("%Y-%m-%d") if moment else ""


class LeadList(DataTable):
    BINDINGS = [
        Binding("enter", "select_cursor", "Open", id="list-open"),
        # In a list of rows, End means the last row (DataTable's own End goes right).
        Binding("end", "scroll_bottom", "Last", id="list-last"),
    ]

    class NeedMore(Message):
        """More leads match than are loaded, and the reader is near the end."""

    def __init__(self, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.total = 0
        # The count stopped early: `total` is only a floor ("more than ...").
        self.total_is_floor = False
        self.loading_more = False
        self._filling = False
        self.add_name: str | None = None  # the username the last row offers to add

    def on_mount(self) -> None:
        # Fits 120 columns; a long name or address is cut rather than pushing dates
        # away. What a seller acts on comes first: at 80 columns the next follow-up
        # is still on screen.
        self.add_column("Username", key="username", width=20)
        self.add_column("Name", key="name", width=18)
        self.add_column("Stage", key="stage", width=12)
        self.add_column("Next follow-up", key="next", width=14)
        self.add_column("Website", key="website", width=20)
        self.add_column("Step", key="step", width=5)
        self.add_column("Last messaged", key="last", width=13)

    @property
    def loaded(self) -> int:
        return self.row_count - (1 if self.add_name else 0)

    @property
    def has_more(self) -> bool:
        return self.loaded < self.total or self.total_is_floor

    def show(
        self, rows: Iterable[LeadRow], total: int, *, floor: bool = False, add: str | None = None
    ) -> None:
        """Replace the list with the first page of a new search; with `add`, a
        last row offers to add that username (only when every match is listed,
        so the offer stays last)."""
        self.clear()
        self.total = total
        self.total_is_floor = floor
        self.loading_more = False
        self.add_name = None
        self._add(rows)
        if add and not self.has_more:
            self.add_name = add
            self.add_row(*self._add_cells(add), key=ADD_ROW)
        if self.row_count:
            self.move_cursor(row=0, animate=False)

    def _add_cells(self, name: str) -> tuple[Text, ...]:
        offer = Text(f"+ Add {name}", style=SUCCESS_BOLD)
        return (offer, Text("new lead: enter", style=SUCCESS), *(Text("") for _ in range(5)))

    def append(self, rows: Iterable[LeadRow], *, last: bool = False) -> None:
        """Add the next page; `last` when it came back short (nothing more matches)."""
        self.loading_more = False
        self._add(rows)
        if last:
            self.total, self.total_is_floor = self.loaded, False
        elif self.total_is_floor:
            self.total = max(self.total, self.loaded)

    def _add(self, rows: Iterable[LeadRow]) -> None:
        # Adding rows moves the cursor internally; that is not the reader nearing the end.
        self._filling = True
        added: list[int] = []
        try:
            for row in rows:
                key = str(row.id)
                if key in self.rows:  # a lead that moved up while paging
                    continue
                self.add_row(*self._cells(row), key=key)
                added.append(row.id)
        finally:
            self._filling = False
        if added:
            self._load_steps(added)

    def _load_steps(self, lead_ids: list[int]) -> None:
        """Script steps for the rows just added: one query per page, filled in after."""
        from sellerdesk.ui.tasks import run_db

        def job(db):
            from sellerdesk.scripts.runs import step_marks

            return step_marks(db, lead_ids)

        run_db(self, job, self._show_steps, lambda _exc: None, group="list-steps")

    def _show_steps(self, marks: dict[int, str]) -> None:
        for lead_id, mark in marks.items():
            if str(lead_id) in self.rows:
                self.update_cell(str(lead_id), "step", Text(mark, style=PRIMARY))

    def _cells(self, row: LeadRow) -> tuple[Text, ...]:
        dim = "dim" if row.do_not_contact else ""
        name = Text(row.username, style="bold " + dim)
        if row.do_not_contact:
            name.append(" DNC", style=ERROR_BOLD)
        # A tone is one style by name; "dim" goes on top of it, not into its name.
        stage = Text(
            LIST_LABELS.get(row.stage) or STAGES.label(row.stage),
            style=STAGE_STYLES.get(row.stage, ""),
        )
        if dim:
            stage.stylize(dim)
        return (
            name,
            Text(visible(row.display_name or ""), style=dim),
            stage,
            Text(short_date(row.next_followup_at), style=dim),
            Text(visible(row.website or ""), style=dim or "italic"),
            Text(""),
            Text(short_date(row.last_messaged_at), style=dim),
        )

    def lead_id_at_cursor(self) -> int | None:
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        if key.value is None or key.value == ADD_ROW:
            return None
        return int(key.value)

    def add_name_at_cursor(self) -> str | None:
        """The username to add when the cursor is on the offer to add it."""
        if not self.row_count or self.add_name is None:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return self.add_name if key.value == ADD_ROW else None

    def _maybe_more(self, near_end: bool) -> None:
        if near_end and self.has_more and not self.loading_more and not self._filling:
            self.loading_more = True
            self.post_message(self.NeedMore())

    def watch_cursor_coordinate(self, old, new) -> None:
        super().watch_cursor_coordinate(old, new)
        self._maybe_more(self.row_count > 0 and new.row >= self.row_count - PREFETCH_ROWS)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        # Scrolling with the mouse wheel moves the view, not the cursor.
        limit = self.max_scroll_y
        if new_value > old_value and limit > 0:
            self._maybe_more(new_value >= limit - PREFETCH_ROWS)
