"""The weekly review screen (seed 003): what needs fixing in the records and
the follow-ups, section by section; enter opens the lead of the row, and
coming back reads the review again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk.errors import SellerdeskError
from sellerdesk.ui.desk import DeskScreen
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.theme import MUTED, WARNING_BOLD
from sellerdesk.ui.user_text import plain

if TYPE_CHECKING:
    from sellerdesk.weekly import Week


class WeekScreen(DeskScreen):
    DEFAULT_CSS = """
    WeekScreen #week-body { height: 1fr; padding: 0 1; }
    WeekScreen #week-summary { height: auto; color: $text-muted; }
    WeekScreen #week-list { height: 1fr; border: none; }
    """
    BINDINGS = [
        Binding("enter", "open_lead", "Open lead", id="week-open"),
        Binding("ctrl+r", "reload", "Reload", id="week-reload"),
        Binding("escape,backspace", "back", "Back", id="week-back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.week: Week | None = None
        self.leads: dict[str, int] = {}
        self.loads = 0  # how many times the review was shown (tests wait on it)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="week-body"):
            yield Static("Reading the week…", id="week-summary")
            yield OptionList(id="week-list")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Weekly review"
        self.query_one(OptionList).focus()
        self.app.when_db_ready(self.reload)

    def on_screen_resume(self) -> None:
        if self.week is not None:
            self.reload()

    def reload(self) -> None:
        def job(db):
            from sellerdesk.weekly import review

            return review(db)

        run_db(self, job, self._show, self._failed, group="week", exclusive=True)

    def action_reload(self) -> None:
        self.reload()

    def _failed(self, exc: SellerdeskError) -> None:
        summary = self.query_one("#week-summary", Static)
        summary.update(plain(f"The review could not be read: {exc}"))

    def _show(self, week: Week) -> None:
        self.week = week
        options = self.query_one(OptionList)
        keep = options.highlighted
        rows: list[Option] = []
        self.leads = {}
        for section in week.sections:
            title = Text(f"{section.title} ({section.count})", style=WARNING_BOLD)
            if section.count:
                title.append(f"  {section.hint}", style=MUTED)
            rows.append(Option(title, id=f"section-{section.key}", disabled=True))
            for number, row in enumerate(section.rows):
                key = f"{section.key}-{number}"
                self.leads[key] = row.lead_id
                line = plain(f"  {row.username:<24} ", style="bold")
                line.append_text(plain(row.detail))
                rows.append(Option(line, id=key))
            if section.hidden:
                rows.append(Option(f"  … and {section.hidden} more", disabled=True))
        options.set_options(rows)
        if self.leads:
            first = next(i for i in range(options.option_count) if not rows[i].disabled)
            options.highlighted = keep if keep is not None and keep < len(rows) else first
            if rows[options.highlighted].disabled:
                options.highlighted = first
        summary = (
            f"{week.first_day} to {week.last_day}: {week.total} to look at"
            if week.total
            else f"{week.first_day} to {week.last_day}: nothing to fix, the records are complete"
        )
        self.query_one("#week-summary", Static).update(summary + " · enter opens the lead")
        self.loads += 1

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option.id)

    def action_open_lead(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._open(options.get_option_at_index(options.highlighted).id)

    def _open(self, key: str | None) -> None:
        lead_id = self.leads.get(key or "")
        if lead_id is None:
            return
        from sellerdesk.screens.lead import LeadScreen

        # Over the review, so escape comes back to the next row to look at.
        self.app.push_screen(LeadScreen(lead_id))

    def action_back(self) -> None:
        self.app.pop_screen()
