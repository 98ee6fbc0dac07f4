"""Importing a spreadsheet: the same steps as `sellerdesk import`.

Choose the file, see which column fills what (change any of them), see the
dry run's result, then confirm. Nothing is written before the confirmation,
and then all rows or none (unless bad rows are to be skipped). Everything
the file says is shown as plain text, never as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, Footer, Input, Label, ProgressBar, Select, Static

from sellerdesk.errors import SellerdeskError
from sellerdesk.transfer.fields import FIELDS
from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.tasks import run_db

SHOW_REFUSED = 12
OPTIONS = (
    ("opt-update", "Update leads already in the book"),
    ("opt-day-first", "Dates are written day first (23/11/2026)"),
    ("opt-new-labels", "Create labels the book does not use yet"),
    ("opt-skip-bad", "Skip refused rows (they are written beside the file)"),
)


class ColumnSelect(Select[str]):
    """What one column of the file fills."""

    def __init__(self, header: str, value: str | None) -> None:
        choices = [(f"{f.name} — {f.help}", f.name) for f in FIELDS]
        super().__init__(
            choices,
            value=value or Select.NULL,
            prompt="? choose what it holds",
            compact=True,
        )
        self.column_header = header


class ImportScreen(DeskModal[bool]):
    """Returns True when something was imported."""

    DEFAULT_CSS = """
    ImportScreen { align: center middle; }
    ImportScreen #import-dialog {
        width: 96; height: 92%; border: round $accent; padding: 0 2; background: $surface;
    }
    ImportScreen .import-column { height: 3; }
    ImportScreen .import-column Label { width: 30; padding: 1 1 0 0; }
    ImportScreen .import-column Select { width: 1fr; }
    ImportScreen #import-error { color: $error; height: auto; }
    ImportScreen #import-result { height: auto; margin-top: 1; }
    ImportScreen Checkbox { border: none; padding: 0; }
    ImportScreen .hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("f2,ctrl+s", "confirm", "Import", id="import-confirm", priority=True),
        Binding("escape", "cancel", "Cancel", id="import-cancel"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._table = None
        self._plan = None
        self._overrides: dict[str, str] = {}
        self._generation = 0
        self._busy = False

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="import-dialog"):
            yield Static("[b]Import leads[/b] from a spreadsheet (CSV), Twenty or an export")
            yield Label("File (enter reads it)")
            yield Input(placeholder="~/Downloads/leads.csv", id="import-path")
            for option_id, text in OPTIONS:
                yield Checkbox(text, id=option_id, compact=True)
            yield VerticalScroll(id="import-columns")
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Static("", id="import-error")
            yield Static("", id="import-result")
            yield Static("f2 imports · escape cancels · nothing is written before f2",
                         classes="hint")  # fmt: skip
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#import-columns").styles.height = "auto"
        self.query_one("#import-path", Input).focus()

    # ------------------------------------------------------------ reading and planning

    @property
    def options(self):
        from sellerdesk.transfer.plan import Options

        def ticked(option_id: str) -> bool:
            return self.query_one(f"#{option_id}", Checkbox).value

        return Options(
            update=ticked("opt-update"),
            day_first=ticked("opt-day-first"),
            new_labels=ticked("opt-new-labels"),
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "import-path" and event.value.strip():
            self._table = None
            self._overrides = {}
            self._plan_now()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if event.checkbox.id != "opt-skip-bad" and self._table is not None:
            self._plan_now()

    def on_select_changed(self, event: Select.Changed) -> None:
        if not isinstance(event.select, ColumnSelect) or self._table is None:
            return
        header, value = event.select.column_header, event.value
        if isinstance(value, str) and self._overrides.get(header) != value:
            self._overrides[header] = value
            self._plan_now()

    def _plan_now(self) -> None:
        self._generation += 1
        generation = self._generation
        from sellerdesk.errors import Invalid
        from sellerdesk.paths import user_path

        self._say_error("")
        try:
            path = user_path(self.query_one("#import-path", Input).value.strip())
        except Invalid as exc:
            self._say_error(str(exc))
            return
        table, overrides, options = self._table, dict(self._overrides), self.options
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=None, progress=0)
        app = self.app

        def progress(done: int, total: int) -> None:
            app.call_from_thread(bar.update, total=total, progress=done)

        def job(db):
            from sellerdesk.errors import Invalid
            from sellerdesk.transfer.csv_read import read_table
            from sellerdesk.transfer.layouts import detect
            from sellerdesk.transfer.plan import make_plan

            read = table or read_table(path)
            mapping = detect(read.header, overrides)
            try:
                plan = make_plan(db, read, mapping, options, progress)
            except Invalid as exc:
                return generation, read, mapping, None, str(exc)
            return generation, read, mapping, plan, ""

        run_db(self, job, self._show_plan, self._failed, group="import-plan", exclusive=True)

    def _failed(self, exc: SellerdeskError) -> None:
        self._busy = False
        self._say_error(str(exc))

    def _say_error(self, text: str) -> None:
        self.query_one("#import-error", Static).update(Text(text))

    def _show_plan(self, result) -> None:
        generation, table, mapping, plan, problem = result
        if generation != self._generation:
            return
        first = self._table is None
        self._table, self._plan = table, plan
        if first:
            self._show_columns(mapping)
        self._say_error(problem)
        self.query_one("#import-result", Static).update(self._summary(table, mapping, plan))

    def _show_columns(self, mapping) -> None:
        from sellerdesk.transfer.layouts import OWN

        box = self.query_one("#import-columns", VerticalScroll)
        box.remove_children()
        if mapping.layout == OWN:
            box.mount(Static("A sellerdesk export: every field is restored as it was."))
            return
        rows = [
            Horizontal(
                Label(Text(column.header)),
                ColumnSelect(column.header, column.field),
                classes="import-column",
            )
            for column in mapping.columns
            if column.header
        ]
        box.mount(*rows)

    def _summary(self, table, mapping, plan) -> Text:
        from sellerdesk.transfer.text import shown

        text = Text()
        text.append(f"{table.path.name}: {len(table.rows):,} rows, read as {mapping.layout} "
                    f"({table.encoding})\n")  # fmt: skip
        if plan is None:
            return text
        text.append(
            f"Would add {plan.count('add'):,}, update {plan.count('update'):,}, leave "
            f"{plan.count('same'):,} unchanged; {len(plan.refused):,} refused.\n",
            style="bold",
        )
        for step in plan.refused[:SHOW_REFUSED]:
            for problem in step.problems:
                column = f", column {shown(problem.column, 30)}" if problem.column else ""
                text.append(f"{plan.where(step)}{column}: {shown(problem.why, 200)}\n")
        if len(plan.refused) > SHOW_REFUSED:
            text.append(f"… and {len(plan.refused) - SHOW_REFUSED:,} more refused rows\n")
        return text

    # ------------------------------------------------------------ confirming

    def action_confirm(self) -> None:
        plan = self._plan
        if self._busy:
            return
        if plan is None:
            self._say_error("Choose a file (and what its columns hold) first.")
            return
        skip_bad = self.query_one("#opt-skip-bad", Checkbox).value
        if plan.refused and not skip_bad:
            self._say_error(
                f"{len(plan.refused):,} rows are refused: fix the file, or tick "
                "'Skip refused rows' to import the rest."
            )
            return
        if plan.writes == 0:
            self._say_error("Nothing to import.")
            return
        self._busy = True
        bar = self.query_one("#import-progress", ProgressBar)
        app = self.app

        def progress(done: int, total: int) -> None:
            app.call_from_thread(bar.update, total=total, progress=done)

        def job(db):
            from sellerdesk.transfer.apply import apply_plan
            from sellerdesk.transfer.refused import write_refused

            outcome = apply_plan(db, plan, settings=app.settings, progress=progress)
            return outcome, write_refused(plan)

        run_db(self, job, self._imported, self._failed, group="import-apply")

    def _imported(self, result) -> None:
        outcome, refused_file = result
        message = f"Imported {outcome.added:,} new leads, updated {outcome.updated:,}."
        if refused_file is not None:
            message += f" Refused rows are in {refused_file}."
        self.app.notify(message, timeout=8, markup=False)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
