"""The referrals report: per referrer, who they brought and the rewards
pending, owed and redeemed, with totals; enter opens a referrer, x redeems.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Footer, Header, Static

from sellerdesk.screens.referral_links import status_text
from sellerdesk.screens.referral_redeem import RedeemScreen
from sellerdesk.ui.desk import DeskScreen
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.theme import PRIMARY, WARNING, WARNING_BOLD
from sellerdesk.ui.user_text import plain

if TYPE_CHECKING:
    # The domain is imported only when its data is loaded, off the first frame.
    from sellerdesk.errors import SellerdeskError
    from sellerdesk.referrals.report import ReferrerLine, Report
    from sellerdesk.referrals.tracking import Referral


def _number(value: int, style: str = "") -> Text:
    return Text(str(value), style=style, justify="right")


class ReferralsScreen(DeskScreen):
    """Per referrer: who they brought, rewards pending, owed and redeemed; totals."""

    CSS_PATH = "referrals.tcss"
    BINDINGS = [
        Binding("x", "redeem", "Redeem reward", id="referrals-redeem"),
        Binding("enter", "open_lead", "Open lead", id="referrals-open", show=True),
        Binding("ctrl+r", "reload", "Reload", id="referrals-reload"),
        Binding("escape,backspace", "back", "Back", id="referrals-back"),
    ]

    COLUMNS = ("Referrer", "Brought", "Pending", "Owed", "Redeemed")

    def __init__(self) -> None:
        super().__init__()
        self.report: Report | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="referrals-body"):
            yield DataTable(id="referrers", cursor_type="row", zebra_stripes=True)
            yield Static("", id="referrals-totals")
            yield Static("", id="referrals-detail")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Referrals"
        table = self.query_one(DataTable)
        table.add_columns(*self.COLUMNS)
        table.focus()
        self.app.when_db_ready(self.reload)

    def reload(self) -> None:
        def job(db):
            from sellerdesk.referrals.report import build

            return build(db)

        run_db(self, job, self._show, group="referrals", exclusive=True)

    def action_reload(self) -> None:
        self.reload()

    def _show(self, report: Report) -> None:
        self.report = report
        table = self.query_one(DataTable)
        keep = self.selected.referrer if self.selected else None
        table.clear()
        for line in report.lines:
            table.add_row(
                line.referrer,
                _number(len(line.referrals)),
                _number(line.pending),
                _number(line.owed, WARNING_BOLD if line.owed else ""),
                _number(line.redeemed),
                key=line.referrer,
            )
        kept = report.line_for(keep) if keep else None
        if kept is not None:
            table.move_cursor(row=table.get_row_index(kept.referrer))
        t = report.totals
        if not report.lines:
            summary = Text(
                "No referrals recorded yet. On a lead, press r to record who referred them."
            )
        else:
            summary = Text(
                f"{t['referrers']} referrers brought {t['referred']}: {t['pending']} pending, "
                f"{t['owed']} rewards owed, {t['redeemed']} redeemed."
            )
        if report.untracked:
            names = ", ".join(f"{u.username} (by {u.referred_by})" for u in report.untracked)
            summary.append(
                f"\nNot tracked, no reward until recorded (r on the lead): {names}", WARNING
            )
        self.query_one("#referrals-totals", Static).update(summary)
        self._detail()

    @property
    def selected(self) -> ReferrerLine | None:
        if self.report is None or not self.report.lines:
            return None
        table = self.query_one(DataTable)
        row = table.cursor_row
        if not 0 <= row < table.row_count:
            return None
        key = table.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value
        return self.report.line_for(key or "")

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._detail()

    def _detail(self) -> None:
        line = self.selected
        detail = self.query_one("#referrals-detail", Static)
        if line is None:
            detail.update("")
            return
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold")
        table.title = f"{line.referrer} brought (enter opens {line.referrer}, x redeems)"
        table.title_justify = "left"
        table.title_style = PRIMARY
        for r in line.referrals:
            table.add_row(Text(r.referred, style="bold"), status_text(r), plain(r.reward))
        detail.update(table)

    def on_data_table_row_selected(self, _event: DataTable.RowSelected) -> None:
        self.action_open_lead()

    def action_open_lead(self) -> None:
        line = self.selected
        if line is not None:
            self.app.open_lead(line.referrer_id)

    def action_redeem(self) -> None:
        line = self.selected
        if line is None:
            return
        if not line.owed:
            pending = f" ({line.pending} pending)" if line.pending else ""
            self.notify(
                f"{line.referrer} has no earned reward to redeem{pending}.", severity="warning"
            )
            return
        referrer = line.referrer
        # The reward redeemed is the one shown: if a teammate redeemed it meanwhile,
        # this is refused rather than spending the next one.
        earned = [r for r in line.referrals if r.status == "earned"]
        seen = min(earned, key=lambda r: (r.earned_at or r.created_at, r.id)) if earned else None

        def confirmed(note: str | None) -> None:
            if note is None:
                return

            def job(db):
                from sellerdesk.referrals.earning import redeem

                return redeem(db, referrer, note, seen=seen)

            def done(r: Referral) -> None:
                self.notify(
                    f"Redeemed {r.referrer}'s reward for referring {r.referred}.", timeout=5
                )
                self.reload()

            def failed(exc: SellerdeskError) -> None:
                self.notify(str(exc), severity="error", timeout=8)
                self.reload()  # what is there now

            run_db(self, job, done, failed, group="referral-write")

        self.app.push_screen(RedeemScreen(line), confirmed)

    def action_back(self) -> None:
        self.app.pop_screen()
