"""Referrals on a lead's screen: the links both ways (referred by whom, who
this lead brought, whether a referral may be asked now) and the dialog that
jumps to a linked lead.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk.ui.desk import DeskModal, desk
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.theme import ERROR, MUTED, SUCCESS, WARNING, WARNING_BOLD

if TYPE_CHECKING:
    # The domain is imported only when its data is loaded, off the first frame.
    from sellerdesk.referrals.gate import Gate
    from sellerdesk.referrals.tracking import Links, Referral

STATUS_STYLES = {"pending": MUTED, "earned": WARNING_BOLD, "redeemed": SUCCESS}


def status_text(referral: Referral) -> Text:
    return Text(referral.status, style=STATUS_STYLES.get(referral.status, ""))


@dataclass(frozen=True)
class LeadReferrals:
    links: Links
    gate: Gate | None
    """None when the lead has no order yet: there is nothing to ask about."""
    untracked_by: str | None = None
    """A "Referred by" typed on the record with no referral behind it (no reward tracked)."""
    ask_who: bool = False
    """From the Referral source with nobody recorded: ask "Who referred you to us?"."""


def load_lead_referrals(db: Any, lead_id: int) -> LeadReferrals:
    from sellerdesk.leads import get_lead_by_id
    from sellerdesk.referrals.guard import gate_in_unit, order_facts
    from sellerdesk.referrals.next_message import needs_referrer
    from sellerdesk.referrals.tracking import links

    found = links(db, lead_id)
    with db.read() as session:
        gate = gate_in_unit(session, lead_id) if order_facts(session, lead_id) else None
    lead = get_lead_by_id(db, lead_id)
    typed = lead.referred_by if found.referred_by is None else None
    return LeadReferrals(found, gate, typed, ask_who=needs_referrer(lead))


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
        table.add_column(style=MUTED, no_wrap=True)
        table.add_column(overflow="fold")
        by = data.links.referred_by
        if by is not None:
            line = Text(by.referrer, style="bold")
            line.append("  reward ")
            line.append_text(status_text(by))
            table.add_row("Referrer", line)
        if data.untracked_by:
            table.add_row(
                "Referrer",
                Text(
                    f"{data.untracked_by} is not tracked yet (no reward): press r to record it",
                    style=WARNING,
                ),
            )
        if data.ask_who:
            table.add_row(
                "Referrer",
                Text(
                    'not recorded: ask "Who referred you to us?" (in c, Referral tracking) '
                    "and press r to record the answer",
                    style=WARNING,
                ),
            )
        if data.links.brought:
            line = Text()
            for n, referral in enumerate(data.links.brought):
                if n:
                    line.append(", ")
                line.append(referral.referred, style="bold")
                line.append(" (")
                line.append_text(status_text(referral))
                line.append(")")
            table.add_row("Brought", line)
        if data.gate is not None:
            if data.gate.holds:
                table.add_row("Referral ask", Text("allowed now", style=SUCCESS))
            else:
                table.add_row(
                    "Referral ask", Text(f"not yet: {data.gate.reason()}", style=ERROR)
                )
        if not table.rows:
            return Text("")
        return table


class ReferralJumpScreen(DeskModal[int | None]):
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


def open_referral_links(screen: Screen, username: str) -> None:
    """Jump to the referrer or a referred lead of the lead on `screen`."""
    widget = screen.query_one(ReferralLinks)
    data = widget.data
    if data is None or (data.links.referred_by is None and not data.links.brought):
        screen.notify(f"{username} has no referral links yet; press r to record who referred them.")
        return

    def chosen(lead_id: int | None) -> None:
        if lead_id is not None:
            desk(screen).open_lead(lead_id)

    screen.app.push_screen(ReferralJumpScreen(username, data.links), chosen)
