"""The template library: every message by script and step, previewed for the
current lead with its lint findings, copied with Enter or 1–9.

`copy_message` is the one copy flow (also used by other screens): fill in,
ask for missing values, put the text on a clipboard, record it on the lead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk import clipboard
from sellerdesk.copying import PreparedCopy, prepare_copy
from sellerdesk.errors import SellerdeskError
from sellerdesk.records import Lead
from sellerdesk.safe_text import visible
from sellerdesk.screens.tasks import run_db
from sellerdesk.templates.lint import limit_for
from sellerdesk.templates.loading import Library, library
from sellerdesk.templates.model import Template
from sellerdesk.widgets.user_text import plain

SCRIPT_TITLES = {
    "redesign": "Website redesign chat",
    "followup": "Follow-ups after an offer",
    "referral": "Referral",
    "order": "Order",
    "hosting": "Hosting & domain",
    "industry": "Industry questions",
}

_problems_shown = False


def script_title(script: str) -> str:
    return SCRIPT_TITLES.get(script, script.replace("_", " ").capitalize())


def report_problems(node: Any, found: Library) -> None:
    """A broken user template is reported once per run, not on every screen."""
    global _problems_shown
    if found.problems and not _problems_shown:
        _problems_shown = True
        node.app.notify(
            "Some of your templates were skipped:\n" + "\n".join(found.problems),
            severity="warning",
            timeout=15,
        )


def copy_message(
    screen: Screen, template: Template, lead: Lead | None, on_done: Callable[[], Any] | None = None
) -> None:
    """Copy `template` filled in for `lead`; ask first for any value it still needs."""
    from sellerdesk.screens.show_text import ShowTextScreen

    app = screen.app
    settings = app.settings
    prepared = prepare_copy(template, lead, settings)
    if prepared.rendered.bad:
        app.notify(
            f"Not copied: {template.id} has malformed placeholders "
            f"({', '.join(prepared.rendered.bad)}); fix {template.path}.",
            severity="error",
            timeout=10,
        )
        return
    if lead is None:
        app.push_screen(
            ShowTextScreen(template.title, prepared.text, "Open a lead to copy and record this.")
        )
        return
    from sellerdesk.referrals.guard import check_copy, is_referral

    if is_referral(template):
        # The referral gate reads the lead's orders: checked before anything is copied.
        run_db(
            screen,
            lambda db: check_copy(db, template, lead.id, lead.username, prepared.text, settings),
            lambda _gate: _fill_and_deliver(screen, prepared, on_done),
            lambda exc: app.notify(str(exc), severity="error", timeout=12),
            group="copy",
        )
        return
    _fill_and_deliver(screen, prepared, on_done)


def _fill_and_deliver(
    screen: Screen, prepared: PreparedCopy, on_done: Callable[[], Any] | None
) -> None:
    from sellerdesk.screens.fill_values import FillValuesScreen

    app = screen.app
    settings = app.settings
    template, lead = prepared.template, prepared.lead
    if not prepared.missing:
        _deliver(screen, prepared, {}, on_done)
        return

    def filled(values: dict[str, str] | None) -> None:
        if values is None:
            app.notify("Not copied: the missing values were not filled in.", severity="warning")
            return
        _save_profile_values(app, values)
        again = prepare_copy(template, lead, settings, values)
        if not again.ready:
            missing = ", ".join("{" + n + "}" for n in again.missing)
            app.notify(f"Not copied: still missing {missing}.", severity="error")
            return
        _deliver(screen, again, values, on_done)

    app.push_screen(FillValuesScreen(template.title, prepared.missing_fields()), filled)


def _save_profile_values(app: Any, values: dict[str, str]) -> None:
    from sellerdesk.config import save_settings
    from sellerdesk.templates.values import apply_to_settings

    if apply_to_settings(app.settings, values):
        try:
            save_settings(app.settings)
        except OSError as exc:
            app.notify(f"Your profile could not be saved: {exc}", severity="warning")


def _deliver(
    screen: Screen, prepared: PreparedCopy, typed: dict[str, str], on_done: Callable[[], Any] | None
) -> None:
    app = screen.app
    lead = prepared.lead
    assert lead is not None

    def check(db: Any) -> None:
        # Referral texts are gated (and checked for forbidden language) before
        # anything reaches a clipboard.
        from sellerdesk.referrals.guard import check_copy

        check_copy(db, prepared.template, lead.id, lead.username, prepared.text, app.settings)

    def refused(exc: SellerdeskError) -> None:
        app.notify(str(exc), severity="error", timeout=10)

    run_db(screen, check, lambda _: _copy_and_record(screen, prepared, typed, on_done), refused)


def _copy_and_record(
    screen: Screen, prepared: PreparedCopy, typed: dict[str, str], on_done: Callable[[], Any] | None
) -> None:
    from sellerdesk.copying import commit_copy
    from sellerdesk.screens.show_text import ShowTextScreen

    app = screen.app
    text = prepared.text
    # The app owns a terminal, so OSC 52 is always there to fall back on.
    copied = clipboard.copy(text, app.copy_to_clipboard)
    app.remember_copy(prepared.template.title, text)  # `v` shows it, wherever the toast is read
    path = copied.way

    def done(_event: Any) -> None:
        hint = " If nothing pastes, press v to see the text." if path == clipboard.TERMINAL else ""
        severity, seconds = ("warning", 10) if copied.failed else ("information", 5)
        # Plain text: the line may quote a clipboard program's error message.
        line = clipboard.summary(copied, len(text)) + hint
        app.notify(line, severity=severity, timeout=seconds, markup=False)
        if prepared.warnings:
            app.notify("\n".join(str(f) for f in prepared.warnings), severity="warning", timeout=10)
        if on_done is not None:
            on_done()

    def failed(exc: SellerdeskError) -> None:
        app.notify(f"Copied to the {path}, but not recorded: {exc}", severity="error", timeout=10)
        app.push_screen(ShowTextScreen(prepared.template.title, text, "Not on the timeline yet."))

    run_db(
        screen,
        lambda db: commit_copy(db, prepared, path, remember=typed),
        done,
        failed,
        group="copy",
    )


HELP = (
    "Every approved message, by script and step, shown filled in for this lead with what "
    "the lint found: placeholders nobody filled (a form asks for them when copying), the "
    "SOPs' forbidden phrases, words that get a Fiverr message held for review, and Fiverr's "
    "length limits. enter (or the step's number) copies the highlighted message and writes "
    "it on the lead's timeline; v shows its text to copy by hand."
)


class TemplateLibraryScreen(Screen):
    HELP = HELP
    DEFAULT_CSS = """
    TemplateLibraryScreen #library-body { height: 1fr; }
    TemplateLibraryScreen #template-list { width: 45%; max-width: 44; height: 1fr; }
    TemplateLibraryScreen #template-side { width: 1fr; padding: 0 1; }
    TemplateLibraryScreen #template-heading { height: auto; color: $text-muted; }
    TemplateLibraryScreen #template-scroll { height: 1fr; border: round $panel; }
    TemplateLibraryScreen #template-findings { height: auto; max-height: 10; }
    """

    BINDINGS = [
        Binding("v", "show_text", "Show text", id="library-show-text"),
        Binding("escape,backspace", "back", "Back", id="library-back"),
        *(
            Binding(
                str(n), f"copy_number({n})", f"Copy step {n}", show=n == 1, id=f"library-copy-{n}"
            )
            for n in range(1, 10)
        ),
    ]

    def __init__(
        self,
        lead_id: int | None = None,
        *,
        script: str | None = None,
        template_id: str | None = None,
    ) -> None:
        super().__init__()
        self.lead_id = lead_id
        self.lead: Lead | None = None
        self.start_script = script
        self.start_id = template_id
        self.library = library()
        self.current: Template | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="library-body"):
            yield OptionList(*self._options(), id="template-list")
            with Vertical(id="template-side"):
                yield Static("", id="template-heading")
                with VerticalScroll(id="template-scroll"):
                    yield Static("", id="template-preview")
                yield Static("", id="template-findings")
        yield Footer(show_command_palette=False)

    def _options(self) -> list[Option | None]:
        options: list[Option | None] = []
        for script in self.library.scripts():
            if options:
                options.append(None)
            options.append(Option(plain(script_title(script), style="bold"), disabled=True))
            for number, template in enumerate(self._in_script(script), start=1):
                mark = " ✎" if template.origin == "user" else ""
                options.append(Option(plain(f"{number}. {template.title}{mark}"), id=template.id))
        return options

    def _in_script(self, script: str) -> list[Template]:
        return [t for t in self.library.ordered() if t.script == script]

    def on_mount(self) -> None:
        self.sub_title = "Templates"
        report_problems(self, self.library)
        options = self.query_one(OptionList)
        options.focus()
        start = self.start_id
        if start is None and self.start_script:
            found = self._in_script(self.start_script)
            start = found[0].id if found else None
        if start is None:
            first = next(iter(self.library.ordered()), None)
            start = first.id if first else None
        if start is not None and start in self.library.templates:
            options.highlighted = options.get_option_index(start)
            self._select(start)
        if self.lead_id is not None:
            self.reload_lead()

    def reload_lead(self) -> None:
        lead_id = self.lead_id

        def job(db):
            from sellerdesk.leads import get_lead_by_id

            return get_lead_by_id(db, lead_id)

        run_db(self, job, self._lead_loaded, group="library-lead", exclusive=True)

    def _lead_loaded(self, lead: Lead) -> None:
        self.lead = lead
        self.sub_title = f"Templates for {lead.name}"
        self.refresh_preview()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._select(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._select(event.option.id)
            self.action_copy()

    def _select(self, template_id: str) -> None:
        self.current = self.library.templates.get(template_id)
        self.refresh_preview()

    def prepared(self) -> PreparedCopy | None:
        if self.current is None:
            return None
        return prepare_copy(self.current, self.lead, self.app.settings)

    def refresh_preview(self) -> None:
        prepared = self.prepared()
        if prepared is None:
            return
        template = prepared.template
        heading = Text()
        heading.append(visible(template.title), style="bold")
        heading.append(visible(f"  {script_title(template.script)}, step {template.step}"))
        limit = limit_for(template.field, self.app.settings)
        heading.append(f"  {len(prepared.text)}/{limit} characters")
        if template.editable:
            heading.append("\nA starting point written from the seed: edit it to your voice.")
        if template.origin == "user":
            heading.append(visible(f"\nYour version: {template.path}"))
        heading.append(visible(f"\nid {template.id} (for files and the command line)"), style="dim")
        self.query_one("#template-heading", Static).update(heading)
        preview = Text(visible(prepared.text))
        for name in prepared.missing:
            preview.highlight_words(["{" + name + "}"], style="reverse")
        self.query_one("#template-preview", Static).update(preview)
        self.query_one("#template-findings", Static).update(self._findings(prepared))

    def _findings(self, prepared: PreparedCopy) -> Text:
        out = Text()
        if prepared.missing:
            names = ", ".join("{" + n + "}" for n in prepared.missing)
            out.append(f"Asked for when copying: {names}\n", style="bold")
        for finding in prepared.warnings:
            out.append(visible(str(finding)) + "\n", style="red" if finding.is_error else "yellow")
        if not out:
            out.append("No lint findings.", style="green")
        return out

    def action_copy(self) -> None:
        if self.current is not None:
            copy_message(self, self.current, self.lead, self._copied)

    def action_copy_number(self, number: int) -> None:
        script = self.current.script if self.current else self.start_script
        found = self._in_script(script) if script else []
        if not 1 <= number <= len(found):
            self.notify(f"There is no step {number} in {script_title(script or '')}.")
            return
        options = self.query_one(OptionList)
        options.highlighted = options.get_option_index(found[number - 1].id)
        self._select(found[number - 1].id)
        self.action_copy()

    def _copied(self) -> None:
        if self.lead_id is not None:
            self.reload_lead()

    def action_show_text(self) -> None:
        from sellerdesk.screens.show_text import ShowTextScreen

        prepared = self.prepared()
        if prepared is not None:
            self.app.push_screen(ShowTextScreen(prepared.template.title, prepared.text))

    def action_back(self) -> None:
        self.dismiss(None)
