"""Paste the client's message: the lead screen's `p`. The box reads it as it
is pasted; beside it, the intent, where the conversation stands in the
script, the approved reply to copy next (by its title), the facts with the
words they came from, and the warnings.

Nothing is written until a key says so: `c` copies the reply through the
library's one copy flow, `a` shows the answers in the script's own form
before they are saved, `f` plans the follow-up the client asked for, `r`
records who referred them, `d` marks do-not-contact, `o` opens the new-order
form with the client's yes as its consent. Every write lands on
the lead's timeline. Client text is only ever drawn as plain text.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.widgets import Footer, Header, Static, TextArea

from sellerdesk.errors import SellerdeskError
from sellerdesk.records import Lead
from sellerdesk.suggest.choose import LeadState
from sellerdesk.suggest.model import Suggestion
from sellerdesk.suggest.text import clean
from sellerdesk.ui.desk import DeskModal, DeskScreen
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.theme import ERROR, MUTED, PRIMARY_BOLD, SUCCESS_BOLD, WARNING


class PasteBox(TextArea):
    """A multi-line box that takes a paste as plain text: control characters
    (a pasted escape sequence) become spaces before they reach the screen."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()
        if self.read_only:
            return
        if result := self._replace_via_keyboard(clean(event.text), *self.selection):
            self.move_cursor(result.end_location)
            self.focus()


class ConfirmScreen(DeskModal[bool]):
    """One write, said in full before it is made: enter or y does it."""

    BINDINGS = [
        Binding("enter,y", "confirm", "Save", id="confirm-yes"),
        Binding("escape,n", "cancel", "Cancel", id="confirm-no"),
    ]

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="confirm-dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.body, markup=False, id="confirm-body")
            yield Static("enter saves · escape cancels", classes="hint")
        yield Footer(show_command_palette=False)

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class SuggestScreen(DeskScreen):
    DEFAULT_CSS = """
    SuggestScreen #suggest-body { height: 1fr; }
    SuggestScreen #suggest-left { width: 1fr; min-width: 30; padding: 0 1; }
    SuggestScreen #suggest-box { height: 1fr; }
    SuggestScreen #suggest-result { width: 1fr; padding: 0 1; border: round $panel; }
    SuggestScreen #suggest-result:focus { border: round $accent; }
    """
    BINDINGS = [
        Binding("f2", "done", "Read it", id="suggest-done", priority=True),
        Binding("c", "copy", "Copy reply", id="suggest-copy"),
        Binding("a", "apply", "Apply answers", id="suggest-apply"),
        Binding("f", "followup", "Plan follow-up", id="suggest-followup"),
        Binding("r", "referral", "Record referral", id="suggest-referral"),
        Binding("o", "order", "New order", id="suggest-order", show=False),
        Binding("d", "do_not_contact", "Do not contact", id="suggest-dnc", show=False),
        Binding("e", "edit", "Edit the paste", id="suggest-edit", show=False),
        Binding("escape", "back", "Back", id="suggest-back"),
    ]

    def __init__(self, lead_id: int, text: str = "") -> None:
        super().__init__()
        self.lead_id = lead_id
        self.initial = text
        self.lead: Lead | None = None
        self.state: LeadState | None = None
        self.suggestion: Suggestion | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="suggest-body"):
            with Vertical(id="suggest-left"):
                yield Static(
                    "Paste the client's message (tab or f2 when done)", classes="section-title"
                )
                yield PasteBox(self.initial, id="suggest-box", soft_wrap=True, tab_behavior="focus")
            with VerticalScroll(id="suggest-result", can_focus=True):
                yield Static(Text("Loading the lead…", style=MUTED), id="suggest-view")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(PasteBox).focus()
        self.reload()

    # ------------------------------------------------------------ reading

    def reload(self) -> None:
        lead_id, settings = self.lead_id, self.app.settings

        def job(db):
            from sellerdesk.leads import get_lead_by_id
            from sellerdesk.suggest.context import lead_state

            lead = get_lead_by_id(db, lead_id)
            return lead, lead_state(db, lead, settings)

        run_db(self, job, self._loaded, group="suggest-lead", exclusive=True)

    def _loaded(self, result: tuple[Lead, LeadState]) -> None:
        self.lead, self.state = result
        self.sub_title = f"Paste a message from {self.lead.name}"
        self.read_box()

    def on_text_area_changed(self, _event: TextArea.Changed) -> None:
        self.read_box()

    def read_box(self) -> None:
        if self.state is None:
            return
        from sellerdesk.suggest.context import suggest

        self.suggestion = suggest(self.query_one(PasteBox).text, self.state)
        self.query_one("#suggest-view", Static).update(render(self.suggestion))

    # ------------------------------------------------------------ keys

    def action_done(self) -> None:
        self.query_one("#suggest-result").focus()

    def action_edit(self) -> None:
        self.query_one(PasteBox).focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def action_copy(self) -> None:
        found, lead, state = self.suggestion, self.lead, self.state
        if found is None or lead is None or state is None:
            return
        if found.template is None:
            self.notify(
                escape(found.choice.blocked or found.choice.why), severity="warning", timeout=8
            )
            return
        from sellerdesk.scripts.offer import with_answers
        from sellerdesk.templates.loading import library
        from sellerdesk.ui.copy_flow import copy_message

        template = library().templates.get(found.template)
        if template is None:
            self.notify(f"The template {found.template} is not installed.", severity="error")
            return
        script = state.script
        filled = with_answers(lead, script, state.answers) if script and state.has_run else lead
        # The copy's own unit does what sending means (the offer moves the lead to
        # Offer Sent); what is left here is to read the lead again.
        copy_message(self, template, filled, self.reload)

    def action_apply(self) -> None:
        found, lead, state = self.suggestion, self.lead, self.state
        if found is None or lead is None or state is None:
            return
        from sellerdesk.scripts.registry import get_script
        from sellerdesk.suggest.apply import proposals, save_answers

        step = found.choice.step
        script = get_script(step.script) if step else state.script
        current = state.answers_for(script)
        found_answers = proposals(script, found.reading, current) if script else []
        if script is None or not found_answers:
            self.notify("This message gives no new answers for the script.", timeout=4)
            return
        from sellerdesk.screens.script_dialogs import ScriptFieldsScreen

        limits = self.app.settings.limits
        username, script_id = lead.username, script.id

        def save(typed: dict[str, str] | None) -> None:
            if typed is None:
                return
            self._write(
                lambda db: save_answers(db, username, script_id, typed, limits),
                f"Answers saved on {script.title}.",
            )

        self.app.push_screen(
            ScriptFieldsScreen(
                f"{script.title}, from the client's message",
                tuple(p.field for p in found_answers),
                {p.field.name: p.text for p in found_answers},
                limits,
            ),
            save,
        )

    def action_followup(self) -> None:
        fact = self.suggestion.reading.fact("followup_when") if self.suggestion else None
        if fact is None or self.lead is None:
            self.notify("The message names no day to follow up on.", timeout=4)
            return
        from sellerdesk.followups import when as when_
        from sellerdesk.suggest.apply import plan_followup

        username = self.lead.username
        day = when_.parse(fact.detail, allow_past=True).describe()
        self._confirm(
            "Plan a follow-up",
            f"Follow up with {username} on {day}.\nThe client wrote: “{fact.text}”",
            lambda db: plan_followup(db, username, fact),
            f"Follow-up planned for {day}.",
        )

    def action_referral(self) -> None:
        found = self.suggestion
        if found is None or self.lead is None:
            return
        fact = found.reading.fact("referrer")
        username = self.lead.username
        if fact is None:
            if found.intent != "referred_by":
                self.notify("The message names no referral.", timeout=4)
                return
            from sellerdesk.screens.referred_by import record_referred_by

            record_referred_by(self, username, self.reload)
            return
        from sellerdesk.suggest.apply import record_referrer

        referrer = fact.value
        settings = self.app.settings
        self._confirm(
            "Record the referral",
            f"{referrer} referred {username}: the Referral label and the note "
            f"“Referred by: {referrer}” are added, and the reward is owed once they order.",
            lambda db: record_referrer(db, username, referrer, settings),
            "Referral recorded.",
        )

    def action_order(self) -> None:
        fact = self.suggestion.reading.fact("consent_words") if self.suggestion else None
        if fact is None or self.lead is None:
            self.notify("The message holds no clear yes to placing the order.", timeout=4)
            return
        from textual.widgets import Input

        from sellerdesk.screens.order_form import start_order

        start_order(self, self.lead, self.reload)
        words = fact.text

        def fill() -> None:
            # The form shows the client's words as the consent; saving it is the form's key.
            for box in self.app.screen.query("#f-consent"):
                if isinstance(box, Input) and not box.value:
                    box.value = words

        self.app.call_after_refresh(fill)

    def action_do_not_contact(self) -> None:
        fact = self.suggestion.reading.fact("do_not_contact") if self.suggestion else None
        if fact is None or self.lead is None:
            self.notify("The client did not ask to stop being contacted.", timeout=4)
            return
        from sellerdesk.suggest.apply import mark_do_not_contact

        username = self.lead.username
        self._confirm(
            "Do not contact",
            f"Mark {username} do-not-contact, with the client's words as the"
            f" reason:\n“{fact.text}”",
            lambda db: mark_do_not_contact(db, username, fact),
            "Marked do-not-contact.",
        )

    # ------------------------------------------------------------ writing

    def _confirm(self, title: str, body: str, job, done_message: str) -> None:
        def chosen(yes: bool | None) -> None:
            if yes:
                self._write(job, done_message)

        self.app.push_screen(ConfirmScreen(title, body), chosen)

    def _write(self, job, done_message: str) -> None:
        def done(_result: Any) -> None:
            self.notify(done_message, timeout=4)
            self.reload()

        def failed(exc: SellerdeskError) -> None:
            self.notify(escape(str(exc)), severity="error", timeout=10)
            self.reload()

        run_db(self, job, done, failed, group="suggest-write")


def render(found: Suggestion) -> Text:
    """The suggestion as plain text: nothing the client wrote is read as markup."""
    from sellerdesk.suggest.apply import value_text

    reading, choice = found.reading, found.choice
    out = Text()

    def row(label: str, value: str, style: str = "") -> None:
        out.append(f"{label:<10}", style=MUTED)
        out.append(value + "\n", style=style)

    row("Intent", reading.intent, PRIMARY_BOLD)
    if reading.also:
        row("Also", ", ".join(reading.also))
    if reading.note:
        row("Note", reading.note, WARNING)
    if choice.step is not None:
        row("Step", choice.step.label())
    if choice.template:
        row("Reply", found.template_title or choice.template, SUCCESS_BOLD)
    else:
        row("Reply", "none to copy", MUTED)
    if choice.blocked:
        row("Held back", choice.blocked, WARNING)
    if choice.why:
        row("Why", choice.why)
    if reading.facts:
        out.append("\nFacts\n", style="bold")
        for fact in reading.facts:
            out.append(f"  {fact.name}: ", style=MUTED)
            out.append(value_text(fact.value))
            out.append(f"  ← “{' '.join(fact.text.split())}”\n", style=MUTED)
    if reading.alerts:
        out.append("\nWarnings\n", style="bold")
        for alert in reading.alerts:
            style = ERROR if alert.kind in ("off_platform", "complaint") else WARNING
            out.append(f"  ⚠ {alert.message}", style=style)
            if alert.text:
                out.append(f" (“{' '.join(alert.text.split())}”)", style=MUTED)
            out.append("\n")
    keys = ["c copies the reply" if choice.template else None, "a applies the answers"]
    if reading.fact("followup_when"):
        keys.append("f plans the follow-up")
    if reading.fact("referrer") or reading.intent == "referred_by":
        keys.append("r records the referral")
    if reading.fact("do_not_contact"):
        keys.append("d marks do-not-contact")
    if reading.fact("consent_words"):
        keys.append("o opens the order with these words as the consent")
    out.append("\n" + " · ".join(k for k in keys if k), style=MUTED)
    return out
