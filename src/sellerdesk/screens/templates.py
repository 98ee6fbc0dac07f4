"""The template library: every message by script and step, previewed for the
current lead with its lint findings and what the rule book says, copied with
Enter or 1–9 through the one copy flow (`sellerdesk.ui.copy_flow`).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk.copying import PreparedCopy, prepare_with
from sellerdesk.records import Lead
from sellerdesk.rulebook import LeadFacts
from sellerdesk.safe_text import visible
from sellerdesk.templates.lint import limit_for
from sellerdesk.templates.loading import Library, library
from sellerdesk.templates.model import Template
from sellerdesk.ui.copy_flow import copy_message
from sellerdesk.ui.desk import DeskScreen
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.theme import ERROR, ERROR_BOLD, SUCCESS, WARNING
from sellerdesk.ui.user_text import plain

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


HELP = (
    "Every approved message, by script and step, shown filled in for this lead with what "
    "the lint found: placeholders nobody filled (a form asks for them when copying), the "
    "SOPs' forbidden phrases, words that get a Fiverr message held for review, and Fiverr's "
    "length limits. enter (or the step's number) copies the highlighted message and writes "
    "it on the lead's timeline; v shows its text to copy by hand."
)


class TemplateLibraryScreen(DeskScreen):
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
        self.facts: LeadFacts | None = None
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
        if lead_id is None:
            return

        def job(db):
            from sellerdesk.rulebook import read_facts

            return read_facts(db, lead_id)

        run_db(self, job, self._lead_loaded, group="library-lead", exclusive=True)

    def _lead_loaded(self, facts: LeadFacts) -> None:
        self.facts = facts
        self.lead = facts.lead
        self.sub_title = f"Templates for {self.lead.name}"
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
        """The preview: filled and judged on the lead's facts as last read."""
        if self.current is None:
            return None
        return prepare_with(self.current, self.facts, self.app.settings)

    def refresh_preview(self) -> None:
        prepared = self.prepared()
        if prepared is None:
            return
        template = prepared.template
        heading = Text()
        heading.append(visible(template.title), style="bold")
        heading.append(visible(f"  {script_title(template.script)}, step {template.step}"))
        limit = limit_for(template.field, self.app.settings)
        size = len(prepared.text)
        heading.append(f"  {size:,}/{limit:,} characters")
        if size > limit:
            heading.append(f": cut {size - limit:,}", style=ERROR_BOLD)
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
        refusal = prepared.blocked
        if refusal is not None:
            out.append(f"Refused: {refusal.sentence}\n", style=ERROR_BOLD)
        if prepared.missing:
            names = ", ".join("{" + n + "}" for n in prepared.missing)
            out.append(f"Asked for when copying: {names}\n", style="bold")
        for finding in prepared.warnings:
            out.append(visible(str(finding)) + "\n", style=ERROR if finding.is_error else WARNING)
        if not out:
            out.append("No lint findings.", style=SUCCESS)
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
        from sellerdesk.ui.show_text import ShowTextScreen

        prepared = self.prepared()
        if prepared is None:
            return
        if prepared.blocked is not None:
            # Text to copy by hand is a copy too: a refused one is not handed out.
            sentence = f"Not shown for copying. {prepared.blocked.sentence}"
            self.notify(sentence, severity="warning", timeout=10, markup=False)
            return
        self.app.push_screen(ShowTextScreen(prepared.template.title, prepared.text))

    def action_back(self) -> None:
        self.dismiss(None)
