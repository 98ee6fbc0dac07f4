"""One lead: its record (in the order of the CRM card the seller knows), its
timeline newest first, and the keys that change it.

Other features add their keys here in one line each (e.g. copying the current
script step's message) and fill the `#script-step` panel. The footer lists
the keys of a live chat first (copy, script, follow-up, note, stage, order);
the rest are in help (f1).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, Static

from sellerdesk import clock
from sellerdesk.errors import NotFound, SellerdeskError
from sellerdesk.event_kinds import COPIED_KIND
from sellerdesk.records import Event, Lead
from sellerdesk.safe_text import visible
from sellerdesk.screens.order_list import LeadOrders, create_order_for, open_orders
from sellerdesk.screens.referral_links import ReferralLinks
from sellerdesk.ui.desk import DeskScreen
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.theme import ACCENT, AQUA, ERROR_BOLD, MUTED, PRIMARY, SUCCESS, TEXT, WARNING
from sellerdesk.ui.user_text import plain
from sellerdesk.vocab import INDUSTRIES, PROJECT_TYPES, SOURCES, STAGES
from sellerdesk.widgets.lead_list import STAGE_STYLES

TIMELINE_LIMIT = 200

HELP = (
    "One lead: the record on the left as on a CRM card, the timeline of everything said "
    "and done on the right (newest first). c copies a message: the library opens on the "
    "one to send next (the step the script is at, or the first reply for the project "
    "type; a new lead with no project type is asked which, once), enter copies it. "
    "g opens the sales script. p takes the client's message, pasted: it suggests the "
    "step, the reply and the answers. f plans a follow-up in the same words as everywhere "
    "(2w, fri, tomorrow 15:00, 2026-12-01). a adds a note, s moves the stage, o starts "
    "an order (only with the client's yes in their words), O lists its orders. e edits "
    "the record, l its labels, d marks it do-not-contact; r records who referred it and "
    "R jumps between referrer and referred. v shows the last text copied."
)

KIND_STYLES = {
    "note": PRIMARY,
    "stage": WARNING,
    "dnc_on": ERROR_BOLD,
    "dnc_off": SUCCESS,
    COPIED_KIND: ACCENT,
    "created": SUCCESS,
}


def when(moment: datetime | None, with_time: bool = True) -> str:
    if moment is None:
        return ""
    local = clock.to_local(clock.as_utc(moment))
    return local.strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


class LeadScreen(DeskScreen):
    HELP = HELP
    # Most used first: the footer shows them in this order, as many as fit.
    BINDINGS = [
        Binding("c", "copy_message", "Copy", id="lead-copy"),
        Binding("g", "script", "Script", id="lead-script"),
        Binding("f", "plan_followup", "Follow-up", id="lead-followup"),
        Binding("a", "note", "Note", id="lead-note"),
        Binding("s", "stage", "Stage", id="lead-stage"),
        Binding("o", "create_order", "Order", id="lead-create-order"),
        Binding("escape,backspace", "back", "Back", id="lead-back"),
        # Out of the footer: with it, f1 Help no longer fits at 80 columns.
        Binding("p", "paste_message", "Paste message", id="lead-paste", show=False),
        Binding("e", "edit", "Edit", id="lead-edit", show=False),
        Binding("l", "labels", "Labels", id="lead-labels", show=False),
        Binding("O", "orders", "Orders", id="lead-orders", show=False),
        Binding("d", "do_not_contact", "Do not contact", id="lead-dnc", show=False),
        Binding("r", "referred_by", "Referred by", id="lead-referred-by", show=False),
        Binding("R", "referral_links", "Referral links", id="lead-referral-links", show=False),
    ]

    def __init__(self, lead_id: int) -> None:
        super().__init__()
        self.lead_id = lead_id
        self.lead: Lead | None = None
        self.events: list[Event] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="lead-body"):
            with Vertical(id="lead-side"):
                yield Static("Loading…", id="lead-card")
                yield Static("", id="script-step")
                yield ReferralLinks(id="referral-links")
                yield LeadOrders(id="lead-orders")
            with Vertical(id="lead-main"):
                yield Static("Timeline", classes="section-title")
                with VerticalScroll(id="timeline"):
                    yield Static("", id="timeline-body")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#timeline").focus()

    def on_screen_resume(self) -> None:
        # Also on coming back from a dialog or the form: someone may have changed the lead.
        self.reload()

    def book_changed(self) -> None:
        """Someone else changed the book (perhaps this lead): read it again."""
        self.reload()

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        lead_id = self.lead_id

        def job(db):
            from sellerdesk.leads import get_lead_by_id, lead_timeline

            return get_lead_by_id(db, lead_id), lead_timeline(db, lead_id, TIMELINE_LIMIT)

        run_db(self, job, self._show, self._load_failed, group="lead", exclusive=True)

    def _load_failed(self, exc: SellerdeskError) -> None:
        self.notify(str(exc), severity="error", timeout=8)
        if isinstance(exc, NotFound) and self.is_current:
            self.app.pop_screen()

    def _show(self, result: tuple[Lead, list[Event]]) -> None:
        self.lead, self.events = result
        self.sub_title = self.lead.name
        self.query_one("#lead-card", Static).update(self._card(self.lead))
        self.query_one("#timeline-body", Static).update(self._timeline(self.events))
        self.query_one(ReferralLinks).load(self.lead_id)
        self.query_one(LeadOrders).load(self.lead_id)
        from sellerdesk.screens.script import show_script_step

        show_script_step(self, self.lead)

    def _card(self, lead: Lead) -> Table:
        from sellerdesk.followups.when import day_or_moment

        table = Table.grid(padding=(0, 2))
        table.add_column(style=MUTED, no_wrap=True)
        table.add_column(overflow="fold")
        missing = Text("—", style=MUTED)

        def row(label: str, value: Any) -> None:
            table.add_row(label, value if value else missing)

        row("Username", plain(lead.username, style="bold"))
        row(
            "Category / Stage",
            Text(STAGES.label(lead.stage), style=STAGE_STYLES.get(lead.stage, "")),
        )
        row("Website", lead.website and plain(lead.website))
        row("Last messaged", when(lead.last_messaged_at, with_time=False))
        row("Next follow-up", day_or_moment(lead.next_followup_at))
        row("Labels", plain("  ".join(f"[{label}]" for label in lead.labels), style=WARNING))
        row("Notes", lead.notes and plain(lead.notes))
        table.add_row("", "")
        row("Source", SOURCES.label(lead.source))
        row("Project type", PROJECT_TYPES.label(lead.project_type))
        row("Industry", INDUSTRIES.label(lead.industry))
        row("Referred by", lead.referred_by and plain(lead.referred_by))
        row("Owner", lead.owner and plain(lead.owner))
        if lead.do_not_contact:
            row("Do not contact", plain(f"Yes — {lead.dnc_reason or ''}", style=ERROR_BOLD))
        else:
            row("Do not contact", "No")
        return table

    def _timeline(self, events: list[Event]) -> Table | Text:
        if not events:
            return Text("Nothing on the timeline yet.", style=MUTED)
        from sellerdesk.timeline import event_label

        # Two columns (when and who | what happened): the body keeps most of a narrow pane.
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column(overflow="fold", ratio=1)
        for index, event in enumerate(events):
            if index:
                table.add_row("", "")
            who = Text(when(event.at), style=MUTED)
            who.append("\n" + visible(event.author), style=AQUA)
            what = Text(event_label(event), style=KIND_STYLES.get(event.kind, "bold"))
            if event.body:
                what.append("\n" + visible(event.body), style=TEXT)
            table.add_row(who, what)
        if len(events) == TIMELINE_LIMIT:
            table.add_row("", Text(f"(the newest {TIMELINE_LIMIT} are shown)", style="dim"))
        return table

    # ------------------------------------------------------------ changing

    def _change(
        self,
        job: Callable[[Any], Any],
        done_message: str,
        failed: Callable[[SellerdeskError], Any] | None = None,
    ) -> None:
        def done(_result: Any) -> None:
            self.notify(done_message, timeout=3)
            self.reload()

        def show_error(exc: SellerdeskError) -> None:
            self.notify(str(exc), severity="error", timeout=8)
            if failed is not None:
                failed(exc)
            self.reload()

        run_db(self, job, done, show_error, group="lead-write")

    def action_note(self, text: str = "") -> None:
        if self.lead is None:
            return
        username = self.lead.username
        from sellerdesk.screens.note import NoteScreen

        def save(note: str | None) -> None:
            if note is None:
                return

            def job(db):
                from sellerdesk.leads import add_note

                return add_note(db, username, note)

            # A note that could not be saved goes back into the box, not away.
            self._change(job, "Note added.", lambda _exc: self.action_note(note))

        self.app.push_screen(NoteScreen(username, text), save)

    def action_stage(self) -> None:
        if self.lead is None:
            return
        username = self.lead.username
        seen = self.lead
        from sellerdesk.screens.stage_picker import DECLINED, StagePickerScreen

        def move(stage: str | None, reason: str = "") -> None:
            if stage is None or self.lead is None or stage == self.lead.stage:
                return
            if stage in ("lost", DECLINED) and not reason:
                ask_why(stage)
                return

            days = self.app.settings.followups.nurture_days

            def job(db):
                if stage == DECLINED:
                    from sellerdesk.outcomes import decline_offer

                    return decline_offer(db, username, reason, days=days, seen=seen)
                from sellerdesk.leads import set_stage

                return set_stage(db, username, stage, reason=reason, seen=seen)

            if stage == DECLINED:
                done = f"Back to Qualified; a nurture follow-up in {days} days."
            else:
                done = f"Moved to {STAGES.label(stage)}."
            self._change(job, done)

        def ask_why(stage: str) -> None:
            from sellerdesk.ui.prompts import TextPromptScreen

            if stage == DECLINED:
                title, prompt = f"{username} declined the offer", "What did they say? (kept)"
            else:
                title, prompt = f"Mark {username} as Lost", "Why is the lead lost? (kept on record)"
            self.app.push_screen(
                TextPromptScreen(title, prompt, required="Say why; it is kept on the timeline."),
                lambda why: move(stage, why) if why else None,
            )

        self.app.push_screen(StagePickerScreen(username, self.lead.stage), move)

    def action_labels(self) -> None:
        if self.lead is None:
            return
        lead = self.lead

        def edit(known: list[str]) -> None:
            from sellerdesk.screens.labels import LabelsScreen

            self.app.push_screen(LabelsScreen(lead.username, lead.labels, known), save)

        def save(change: tuple[list[str], list[str]] | None) -> None:
            if not change or not (change[0] or change[1]):
                return
            added, removed = change

            def job(db):
                from sellerdesk.leads import add_labels, remove_labels

                if added:
                    add_labels(db, lead.username, added)
                if removed:
                    remove_labels(db, lead.username, removed)

            self._change(job, "Labels saved.")

        def known_labels(db):
            from sellerdesk.search import all_labels

            return all_labels(db)

        run_db(self, known_labels, edit)

    def action_do_not_contact(self) -> None:
        if self.lead is None:
            return
        lead = self.lead
        from sellerdesk.screens.dnc import DoNotContactScreen

        def save(choice: tuple[bool, str] | None) -> None:
            if choice is None:
                return
            on, reason = choice

            def job(db):
                from sellerdesk.leads import set_do_not_contact

                return set_do_not_contact(db, lead.username, on, reason, seen=lead)

            self._change(job, "Marked do-not-contact." if on else "Contact allowed again.")

        screen = DoNotContactScreen(lead.username, lead.do_not_contact, lead.dnc_reason)
        self.app.push_screen(screen, save)

    def action_edit(self) -> None:
        if self.lead is None:
            return
        from sellerdesk.screens.lead_form import LeadFormScreen

        self.app.push_screen(LeadFormScreen(self.lead))

    def action_copy_message(self) -> None:
        """The library, open on the message to send next; a lead never written to
        whose project type nobody gave is asked which first (each kind has its
        own first reply)."""
        lead = self.lead
        if lead is None:
            return

        def job(db):
            from sellerdesk.scripts.standing import current_run, suggested_message

            suggested = suggested_message(db, lead)
            # Never written to, no script started, no project type: ask which.
            unknown = (
                suggested is None
                and lead.last_messaged_at is None
                and current_run(db, lead.id) is None
            )
            return suggested, unknown

        def chosen(result: tuple[str | None, bool]) -> None:
            suggested, unknown = result
            if not unknown:
                self._library(suggested)
                return
            from sellerdesk.scripts.registry import first_reply
            from sellerdesk.widgets.project_type import ask_project_type

            def saved(changed: Lead) -> None:
                self.lead = changed
                self._library(first_reply(changed.project_type))

            ask_project_type(self, lead.id, lead.username, saved)

        run_db(self, job, chosen, group="lead-suggest")

    def _library(self, template_id: str | None) -> None:
        from sellerdesk.screens.templates import TemplateLibraryScreen

        self.app.push_screen(
            TemplateLibraryScreen(self.lead_id, template_id=template_id), lambda _: self.reload()
        )

    def action_plan_followup(self) -> None:
        """Plan a follow-up during the chat ("get back to me in 2 weeks"), in the
        same words as the queue and the command line (2w, fri, tomorrow 15:00)."""
        if self.lead is None:
            return
        from sellerdesk.widgets.queue_prompts import plan_followup

        username = self.lead.username
        plan_followup(self, username, f"Follow up with {username}", self._change)

    def action_referred_by(self) -> None:
        from sellerdesk.screens.referred_by import record_referred_by

        if self.lead is not None:
            record_referred_by(self, self.lead.username, self.reload)

    def action_referral_links(self) -> None:
        from sellerdesk.screens.referral_links import open_referral_links

        if self.lead is not None:
            open_referral_links(self, self.lead.username)

    def action_create_order(self) -> None:
        create_order_for(self, self.lead)

    def action_orders(self) -> None:
        open_orders(self, self.lead)

    def action_script(self) -> None:
        from sellerdesk.screens.script import ScriptScreen

        self.app.push_screen(ScriptScreen(self.lead_id))

    def action_paste_message(self) -> None:
        from sellerdesk.screens.suggest import SuggestScreen

        self.app.push_screen(SuggestScreen(self.lead_id), lambda _: self.reload())

    def action_back(self) -> None:
        self.app.pop_screen()
