"""A lead's sales script: the steps and where the lead stands on the left, the
current step in the middle (purpose, guard rails, numbered messages to copy
with 1–9, answers, checklist, what blocks the way on), keys to move on and back.

Copies go through the library's one copy flow: the rule book decides on the
lead's stored state (not on what this screen last drew), the script's answers
fill the placeholders, and copying the custom offer moves the lead to Offer
Sent in the same write. A gate that refuses can be passed with a reason.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Header, Static

from sellerdesk.errors import Invalid, SellerdeskError
from sellerdesk.records import Lead
from sellerdesk.rulebook import LeadFacts
from sellerdesk.screens import script_view as view
from sellerdesk.scripts.engine import Script
from sellerdesk.scripts.fields import edit_text
from sellerdesk.scripts.offer import Offer, compose_offer
from sellerdesk.scripts.runs import Run
from sellerdesk.templates.loading import library
from sellerdesk.ui.desk import DeskScreen
from sellerdesk.ui.tasks import run_db

HELP = (
    "A sales script, one step at a time. The middle shows the step: its purpose, its "
    "guard rails (what never to say), the messages to copy, the answers to capture and "
    "its checklist. 1–9 copies that message, filled in for this lead and checked, and "
    "writes it on the timeline; v shows the last text copied if nothing pastes. "
    "f fills in the answers. The checklist: tab moves to a line, space ticks it. "
    "n passes this step, moving to the next one, once this step's gate holds: the "
    "answers and ticks the next step needs are there. If not, nothing moves and "
    "\"Blocked\" says what is missing. \"Held back\" means a step's messages wait for "
    "something only an earlier step captures (no budget question before the scope is "
    "confirmed); in the list of steps · marks the steps held back. b goes back a step, "
    "o shows the custom offer as Fiverr's form takes it, p changes the script."
)


class ScriptScreen(DeskScreen):
    CSS_PATH = "script.tcss"
    HELP = HELP
    # Most used first: the footer shows them in this order, as many as fit.
    BINDINGS = [
        *(
            Binding(str(n), f"copy({n})", "Copy 1–9", show=n == 1, id=f"script-copy-{n}")
            for n in range(1, 10)
        ),
        Binding("n", "next", "Next step", id="script-next"),
        Binding("N", "pass_gate", "Pass a gate on purpose", id="script-pass-gate", show=False),
        Binding("f", "fill", "Answers", id="script-fill"),
        Binding("b", "back_step", "Step back", id="script-back"),
        Binding("o", "show_offer", "Offer", id="script-offer"),
        Binding("escape,backspace", "leave", "Lead", id="script-leave"),
        Binding("p", "pick", "Other script", id="script-pick"),
    ]

    def __init__(self, lead_id: int, script: str | None = None) -> None:
        super().__init__()
        self.lead_id = lead_id
        self.script_id = script
        self.lead: Lead | None = None
        self.run: Run | None = None
        self.blocked: str | None = None
        self._checks_for: tuple[str, str] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="script-body"):
            with Vertical(id="script-side"):
                yield Static("", id="script-title")
                yield Static("", id="script-progress")
            with VerticalScroll(id="script-main"):
                yield Static("Loading…", id="step-head")
                yield Static("", id="step-rules")
                yield Static("", id="step-messages")
                yield Static("", id="step-fields")
                yield Vertical(id="step-checklist")
                yield Static("", id="offer-panel")
                yield Static("", id="step-gate")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#script-main").focus()
        self.app.when_db_ready(self.load)

    # ------------------------------------------------------------ loading

    def load(self) -> None:
        lead_id, script_id = self.lead_id, self.script_id

        def job(db):
            from sellerdesk.leads import get_lead_by_id
            from sellerdesk.scripts import runs

            lead = get_lead_by_id(db, lead_id)
            try:
                return lead, runs.start(db, lead.username, script_id)
            except Invalid:
                if script_id is None:
                    return lead, None
                raise

        run_db(self, job, self._loaded, self._failed, group="script", exclusive=True)

    def _failed(self, exc: SellerdeskError) -> None:
        self.notify(str(exc), severity="error", timeout=8)
        self.load()

    def _loaded(self, result: tuple[Lead, Run | None]) -> None:
        self.lead, self.run = result
        if self.run is None:
            self.action_pick(first=True)
            return
        self.script_id = self.run.script
        self.refresh_view()

    @property
    def script(self) -> Script | None:
        return self.run.definition if self.run else None

    # ------------------------------------------------------------ drawing

    def refresh_view(self) -> None:
        run, lead, script = self.run, self.lead, self.script
        if run is None or lead is None or script is None:
            return
        self.sub_title = f"{lead.name} · {script.title}"
        self.query_one("#script-title", Static).update(view.title(script))
        self.query_one("#script-progress", Static).update(view.progress(run, script))
        self.query_one("#step-head", Static).update(view.head(run, script))
        self.query_one("#step-rules", Static).update(view.rules(script, run.current.rules))
        self.query_one("#step-messages", Static).update(self._messages())
        self.query_one("#step-fields", Static).update(self._fields())
        self._checklist()
        self.query_one("#offer-panel", Static).update(self._offer_panel())
        self._show_gate()

    def message_ids(self) -> tuple[str, ...]:
        if self.run is None or self.script is None:
            return ()
        industry = self.lead.industry if self.lead else None
        return self.script.messages_at(self.run.index, self.run.answers, industry)

    def _messages(self) -> Text:
        return view.messages(
            self.run, self.script, self.message_ids(), library(), self._facts(), self.app.settings
        )

    def _fields(self) -> Any:
        return view.fields(self.run)

    def _checklist(self) -> None:
        box = self.query_one("#step-checklist", Vertical)
        run = self.run
        if run is None:
            return
        checks = run.current.checks_for(run.answers)
        key = (run.step, ",".join(c.id for c in checks))
        if key != self._checks_for:
            self._checks_for = key
            box.remove_children()
            if checks:
                box.mount(
                    Static("Checklist (tab to a line, space ticks it)", classes="section-title")
                )
                box.mount_all(
                    Checkbox(c.text, c.id in run.ticks, id=f"tick-{c.id}") for c in checks
                )
            return
        for check in checks:
            widget = box.query_one(f"#tick-{check.id}", Checkbox)
            with widget.prevent(Checkbox.Changed):
                widget.value = check.id in run.ticks

    def offer(self) -> Offer:
        """The custom offer as it stands; Invalid says what is missing."""
        if self.run is None or self.lead is None or self.script is None:
            raise Invalid("The script is still loading.")
        return compose_offer(self.run, self.lead, self.app.settings)

    def _offer_panel(self) -> Text | str:
        if self.lead is None:
            return ""
        return view.offer_panel(self.run, self.lead, self.app.settings)

    def _show_gate(self, message: str | None = None) -> None:
        run, script = self.run, self.script
        if run is None or script is None:
            return
        if message is None and not run.finished:
            message = script.next_blocked(run.index, run.state)
        self.blocked = message
        self.query_one("#step-gate", Static).update(view.gate(run, message))

    def _facts(self) -> LeadFacts | None:
        """What this screen knows of the lead, for previews (copies read it afresh)."""
        if self.lead is None or self.run is None:
            return None
        return LeadFacts(self.lead, (self.run,))

    # ------------------------------------------------------------ changing

    def _write(self, job, done_message: str = "") -> None:
        username = self.lead.username if self.lead else ""
        version = self.run.version if self.run else None
        script_id = self.script_id

        def work(db):
            return job(db, username, script_id, version)

        def done(result: Any) -> None:
            run, warnings = result if isinstance(result, tuple) else (result, [])
            self.run = run
            if done_message:
                self.notify(done_message, timeout=3)
            for warning in warnings:
                self.notify(warning, severity="warning", timeout=8)
            self.refresh_view()

        def failed(exc: SellerdeskError) -> None:
            from sellerdesk.scripts.runs import Blocked

            if isinstance(exc, Blocked):
                self._show_gate(str(exc))
                hint = " N passes it on purpose, with a reason." if exc.can_override else ""
                self.notify(f"{exc}{hint}", severity="warning", timeout=8, markup=False)
                return
            self.notify(str(exc), severity="error", timeout=8)
            self.load()

        run_db(self, work, done, failed, group="script-write")

    def action_next(self, override: str | None = None) -> None:
        def job(db, username, script, version):
            from sellerdesk.scripts.runs import next_step

            return next_step(
                db, username, script=script, expected_version=version, override=override
            )

        self._write(
            job,
            "The gate was passed on purpose; the reason is on the timeline." if override else "",
        )

    def action_pass_gate(self) -> None:
        """Move on although a gate refuses, saying why (it goes on the timeline)."""
        from sellerdesk.ui.override import ask_override

        run, script = self.run, self.script
        if run is None or script is None or run.finished:
            return
        failing = script.next_gates(run.index, run.state)
        if not failing:
            self.action_next()
            return
        gate, sentence = failing[0]
        if not all(g.can_override for g, _ in failing):
            self.notify(f"{sentence} This one cannot be passed.", severity="warning", markup=False)
            return
        ask_override(self, gate.reason, sentence, self.action_next, "move on anyway")

    def action_back_step(self) -> None:
        def job(db, username, script, version):
            from sellerdesk.scripts.runs import back_step

            return back_step(db, username, script=script, expected_version=version)

        self._write(job)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        item = (event.checkbox.id or "").removeprefix("tick-")
        on = event.value

        def job(db, username, script, version):
            from sellerdesk.scripts.runs import tick

            return tick(db, username, item, on, script=script, expected_version=version)

        self._write(job)

    def action_fill(self, error: str = "", typed: dict[str, str] | None = None) -> None:
        run, script = self.run, self.script
        if run is None or script is None:
            return
        step = run.current
        if not step.fields:
            self.notify("This step captures no answers.", timeout=3)
            return
        from sellerdesk.screens.script_dialogs import ScriptFieldsScreen

        values = typed or {f.name: edit_text(f, run.answers.get(f.name)) for f in step.fields}
        preview = self._offer_preview if step.offer else None

        def save(result: dict[str, str] | None) -> None:
            if result is None:
                return

            def job(db, username, script_id, version):
                from sellerdesk.scripts.runs import set_answers

                return set_answers(
                    db,
                    username,
                    result,
                    script=script_id,
                    limits=self.app.settings.limits,
                    expected_version=version,
                )

            def refused(exc: SellerdeskError) -> None:
                # What was typed goes back into the form, not away.
                self.action_fill(str(exc), result)

            self._write_answers(job, refused)

        self.app.push_screen(
            ScriptFieldsScreen(
                step.title, step.fields, values, self.app.settings.limits, preview, error
            ),
            save,
        )

    def _write_answers(self, job, refused) -> None:
        username = self.lead.username if self.lead else ""
        version = self.run.version if self.run else None
        script_id = self.script_id

        def done(result: tuple[Run, list[str]]) -> None:
            self.run, warnings = result
            self.notify("Answers saved.", timeout=3)
            for warning in warnings:
                self.notify(warning, severity="warning", timeout=8)
            self.refresh_view()

        run_db(
            self,
            lambda db: job(db, username, script_id, version),
            done,
            refused,
            group="script-write",
        )

    def _offer_preview(self, typed: dict[str, str]) -> Text:
        """The live counter: the offer as it would read with what is typed now."""
        if self.run is None or self.script is None or self.lead is None:
            return Text("")
        return view.offer_preview(self.run, self.script, self.lead, typed, self.app.settings)

    def action_copy(self, number: int) -> None:
        ids = self.message_ids()
        if self.lead is None:
            return
        if not 1 <= number <= len(ids):
            self.notify(f"There is no message {number} at this step.", timeout=3)
            return
        template = library().templates.get(ids[number - 1])
        if template is None:
            self.notify(f"The template {ids[number - 1]} is not installed.", severity="error")
            return
        from sellerdesk.ui.copy_flow import copy_message

        copy_message(self, template, self.lead, self.load)

    def action_show_offer(self) -> None:
        from sellerdesk.ui.show_text import ShowTextScreen

        try:
            offer = self.offer()
        except Invalid as exc:
            self.notify(str(exc) + self._how_to_capture(), severity="warning", timeout=10)
            return
        self.app.push_screen(ShowTextScreen("Custom offer", offer.form_text()))

    def _how_to_capture(self) -> str:
        """Where the answers the offer waits on are typed, when a later step has the boxes."""
        from sellerdesk.scripts.offer import captured_later

        later = captured_later(self.run) if self.run is not None else None
        if later is None:
            return ""
        number, labels = later
        what = " and the ".join(labels)
        return (
            f" Step {number} has the boxes for the {what}: n goes there once this "
            "step's gate holds, then f fills them in."
        )

    def action_pick(self, first: bool = False) -> None:
        from sellerdesk.screens.script_dialogs import ScriptPickerScreen
        from sellerdesk.scripts.registry import all_scripts

        if self.lead is None:
            return
        choices = [(s.id, s.title) for s in all_scripts().values()]
        note = "This lead has no project type yet." if first else ""

        def chosen(script_id: str | None) -> None:
            if script_id is None:
                if first:
                    self.dismiss()
                return
            self.script_id = script_id
            self._checks_for = None
            self.load()

        self.app.push_screen(ScriptPickerScreen(self.lead.username, choices, note), chosen)

    def action_leave(self) -> None:
        self.dismiss()


def show_script_step(screen: Screen, lead: Lead) -> None:
    """Fill the lead screen's `#script-step` panel with where the lead stands."""
    lead_id = lead.id

    def job(db):
        from sellerdesk.scripts.runs import current_run, default_script

        run = current_run(db, lead_id)
        return view.standing(run, default_script(lead) if run is None else None)

    def done(text: Text) -> None:
        for panel in screen.query("#script-step"):
            if isinstance(panel, Static):
                panel.update(text)

    run_db(screen, job, done, lambda _exc: None, group="script-step", exclusive=True)
