"""Referrals in the app: the report (who brought whom, rewards owed and
redeemed), recording who referred a lead, and the links both ways shown on
each lead's screen with whether a referral may be asked now.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk.errors import SellerdeskError
from sellerdesk.screens.tasks import run_db
from sellerdesk.widgets.user_text import plain

if TYPE_CHECKING:
    # The domain is imported only when its data is loaded, off the first frame.
    from sellerdesk.referrals.gate import Gate
    from sellerdesk.referrals.report import ReferrerLine, Report
    from sellerdesk.referrals.tracking import Links, Referral

STATUS_STYLES = {"pending": "#727169", "earned": "bold #dca561", "redeemed": "#98bb6c"}
MAX_MATCHES = 8


def _number(value: int, style: str = "") -> Text:
    return Text(str(value), style=style, justify="right")


def _status(referral: Referral) -> Text:
    return Text(referral.status, style=STATUS_STYLES.get(referral.status, ""))


# ---------------------------------------------------------------- on the lead screen


@dataclass(frozen=True)
class LeadReferrals:
    links: Links
    gate: Gate | None
    """None when the lead has no order yet: there is nothing to ask about."""
    untracked_by: str | None = None
    """A "Referred by" typed on the record with no referral behind it (no reward tracked)."""


def load_lead_referrals(db: Any, lead_id: int) -> LeadReferrals:
    from sellerdesk.leads import get_lead_by_id
    from sellerdesk.referrals.guard import gate_in_unit, order_facts
    from sellerdesk.referrals.tracking import links

    found = links(db, lead_id)
    with db.read() as session:
        gate = gate_in_unit(session, lead_id) if order_facts(session, lead_id) else None
    typed = get_lead_by_id(db, lead_id).referred_by if found.referred_by is None else None
    return LeadReferrals(found, gate, typed)


class ReferralLinks(Static):
    """Referred by whom, who this lead brought, and whether an ask is allowed."""

    DEFAULT_CSS = "ReferralLinks { height: auto; margin-top: 1; }"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__("", **kwargs)
        self.data: LeadReferrals | None = None

    def load(self, lead_id: int) -> None:
        run_db(
            self,
            lambda db: load_lead_referrals(db, lead_id),
            self.show,
            group="lead-referrals",
            exclusive=True,
        )

    def show(self, data: LeadReferrals) -> None:
        self.data = data
        self.update(self.render_links(data))

    @staticmethod
    def render_links(data: LeadReferrals) -> Table | Text:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="#727169", no_wrap=True)
        table.add_column(overflow="fold")
        by = data.links.referred_by
        if by is not None:
            line = Text(by.referrer, style="bold")
            line.append("  reward ")
            line.append_text(_status(by))
            table.add_row("Referrer", line)
        if data.untracked_by:
            table.add_row(
                "Referrer",
                Text(
                    f"{data.untracked_by} is not tracked yet (no reward): press r to record it",
                    style="#dca561",
                ),
            )
        if data.links.brought:
            line = Text()
            for n, referral in enumerate(data.links.brought):
                if n:
                    line.append(", ")
                line.append(referral.referred, style="bold")
                line.append(" (")
                line.append_text(_status(referral))
                line.append(")")
            table.add_row("Brought", line)
        if data.gate is not None:
            if data.gate.holds:
                table.add_row("Referral ask", Text("allowed now", style="#98bb6c"))
            else:
                table.add_row(
                    "Referral ask", Text(f"not yet: {data.gate.reason()}", style="#e46876")
                )
        if not table.rows:
            return Text("")
        return table


class ReferralJumpScreen(ModalScreen[int | None]):
    """The leads linked to this one by a referral; enter opens one."""

    BINDINGS = [Binding("escape", "cancel", "Close", id="referral-jump-cancel")]

    def __init__(self, username: str, links: Links) -> None:
        super().__init__()
        self.username = username
        self.links = links

    def compose(self) -> ComposeResult:
        options: list[Option] = []
        by = self.links.referred_by
        if by is not None:
            options.append(
                Option(f"{by.referrer}  — referred {self.username}", id=f"lead-{by.referrer_id}")
            )
        for r in self.links.brought:
            options.append(
                Option(
                    f"{r.referred}  — brought by {self.username} ({r.status})",
                    id=f"lead-{r.referred_id}",
                )
            )
        with Vertical(classes="dialog", id="referral-jump"):
            yield Static(f"Referral links of {self.username}", classes="dialog-title")
            yield OptionList(*options, id="referral-jump-list")
            yield Static("enter opens · escape closes", classes="hint")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(int(event.option.id.removeprefix("lead-")))

    def action_cancel(self) -> None:
        self.dismiss(None)


# ---------------------------------------------------------------- who referred this lead


class ReferredByScreen(ModalScreen[str | None]):
    """Ask "Who referred you to us?": pick an existing lead or type a username."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="referred-by-cancel"),
        Binding("down", "to_matches", "Matches", show=False, id="referred-by-down"),
    ]

    def __init__(self, username: str) -> None:
        super().__init__()
        self.username = username

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="referred-by"):
            yield Static(f"Who referred {self.username}?", classes="dialog-title")
            yield Input(placeholder="Referrer's Fiverr username", id="referred-by-input")
            yield OptionList(id="referred-by-matches")
            yield Static("", id="referred-by-error", classes="error")
            yield Static(
                "type to find a lead · down picks from the list · enter records · "
                "a username not in the book is added as a past client",
                classes="hint",
            )
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        text = event.value.strip().lstrip("@")
        matches = self.query_one(OptionList)
        if len(text) < 2:
            matches.clear_options()
            return
        me = self.username.lower()

        def job(db):
            from sellerdesk.search import list_leads

            return [
                r for r in list_leads(db, text, limit=MAX_MATCHES + 1) if r.username.lower() != me
            ]

        def show(rows) -> None:
            matches.clear_options()
            for row in rows[:MAX_MATCHES]:
                label = row.username + (f" — {row.display_name}" if row.display_name else "")
                matches.add_option(Option(plain(label), id=row.username))

        run_db(self, job, show, group="referred-by-search", exclusive=True)

    def action_to_matches(self) -> None:
        matches = self.query_one(OptionList)
        if matches.option_count:
            matches.focus()
            matches.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from sellerdesk.checks import clean_username
        from sellerdesk.errors import Invalid

        try:
            name = clean_username(event.value)
        except Invalid as exc:
            self._error(str(exc))
            return
        if name.lower() == self.username.lower():
            self._error(f"{self.username} cannot refer themselves.")
            return
        self.dismiss(name)

    def _error(self, message: str) -> None:
        error = self.query_one("#referred-by-error", Static)
        error.update(plain(message))
        error.add_class("shown")

    def action_cancel(self) -> None:
        self.dismiss(None)


def record_referred_by(screen: Screen, username: str, on_done: Any = None) -> None:
    """Ask who referred `username`, record it, and say what changed."""
    app = screen.app

    def chosen(referrer: str | None) -> None:
        if referrer is None:
            return

        def job(db):
            from sellerdesk.referrals.tracking import record_referral

            return record_referral(db, username, referrer, settings=app.settings)

        def done(got) -> None:
            r = got.referral
            added = f" {r.referrer} was added as a past client." if got.created_referrer else ""
            app.notify(
                f"{r.referred}: referred by {r.referrer}; label Referral and note added.{added}",
                timeout=6,
            )
            if on_done is not None:
                on_done()

        def failed(exc: SellerdeskError) -> None:
            app.notify(str(exc), severity="error", timeout=10)

        run_db(screen, job, done, failed, group="referral-write")

    app.push_screen(ReferredByScreen(username), chosen)


# ---------------------------------------------------------------- the report


class RedeemScreen(ModalScreen[str | None]):
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


class ReferralsScreen(Screen):
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
                _number(line.owed, "bold #dca561" if line.owed else ""),
                _number(line.redeemed),
                key=line.referrer,
            )
        if keep and report.line_for(keep):
            table.move_cursor(row=table.get_row_index(report.line_for(keep).referrer))
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
                f"\nNot tracked, no reward until recorded (r on the lead): {names}", "#dca561"
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
        key = table.coordinate_to_cell_key((row, 0)).row_key.value
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
        table.title_style = "#7fb4ca"
        for r in line.referrals:
            table.add_row(Text(r.referred, style="bold"), _status(r), plain(r.reward))
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
                from sellerdesk.referrals.tracking import redeem

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


def open_referral_links(screen: Screen, username: str) -> None:
    """Jump to the referrer or a referred lead of the lead on `screen`."""
    widget = screen.query_one(ReferralLinks)
    data = widget.data
    if data is None or (data.links.referred_by is None and not data.links.brought):
        screen.notify(f"{username} has no referral links yet; press r to record who referred them.")
        return

    def chosen(lead_id: int | None) -> None:
        if lead_id is not None:
            screen.app.open_lead(lead_id)

    screen.app.push_screen(ReferralJumpScreen(username, data.links), chosen)
