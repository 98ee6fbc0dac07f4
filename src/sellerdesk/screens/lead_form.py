"""Adding or editing a lead, with each problem named beside its field.

Nothing typed is lost on an error: the form stays open with every value as
typed. A duplicate username is named while typing, before saving. Editing
sends the version that was read, so a change someone else saved in between
is reported (errors.Conflict) instead of silently overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Label, Select, Static, TextArea

from sellerdesk.errors import Conflict, Duplicate, Invalid, SellerdeskError
from sellerdesk.records import Lead
from sellerdesk.safe_text import visible
from sellerdesk.ui.desk import DeskScreen
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.user_text import plain
from sellerdesk.vocab import INDUSTRIES, PROJECT_TYPES, SOURCES, STAGES
from sellerdesk.widgets.username_box import link_to_username

DUPLICATE_CHECK_S = 0.25
DEFAULT_SOURCE = "fiverr_inbox"
INPUTS = ("username", "display_name", "website", "referred_by", "owner", "labels")
# Fields that take a username, or the Fiverr link of one (made its username).
USERNAMES = ("username", "referred_by")


def _pure_checks() -> dict[str, Callable[[str], Any]]:
    from sellerdesk import checks

    def name(value: str) -> None:
        checks.clean_field("display_name", value)

    def optional_username(value: str) -> None:
        if value.strip():
            checks.clean_username(value)

    def labels(value: str) -> None:
        for label in split_labels(value):
            checks.clean_label(label)

    return {
        "username": checks.clean_username,
        "display_name": name,
        "website": checks.clean_website,
        "referred_by": optional_username,
        "labels": labels,
    }


def split_labels(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


HELP = (
    "A lead's record. The username is the client's Fiverr username; a pasted Fiverr link "
    "(their inbox conversation or profile) becomes the username. Each problem is named "
    "beside its field, and a username already in the book is named while you type. "
    "tab moves between fields; f2 (or enter in a field) saves, escape cancels."
)


class LeadFormScreen(DeskScreen[int | None]):
    """Returns the saved lead's id, or None when cancelled."""

    HELP = HELP

    BINDINGS = [
        Binding("f2,ctrl+s", "save", "Save", id="form-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="form-cancel"),
    ]

    def __init__(self, lead: Lead | None = None, *, username: str = "") -> None:
        super().__init__()
        self.lead = lead
        # A new lead's username as already typed elsewhere (the search box).
        self.typed_username = username
        # Stored text is shown with its control characters visible; a field left
        # as shown saves the stored text, not the placeholders.
        self._stored: dict[str, tuple[str, str]] = {}
        self._dup_timer: Timer | None = None
        self._duplicate_of: str | None = None
        self._saving = False

    @property
    def editing(self) -> bool:
        return self.lead is not None

    def compose(self) -> ComposeResult:
        lead = self.lead
        yield Header()
        with VerticalScroll(id="form"):
            title = f"Edit {lead.username}" if lead else "New lead"
            yield Static(title, classes="dialog-title", id="form-title")
            yield Static("", id="form-error", classes="error")
            yield from self._row(
                "username",
                "Fiverr username",
                Input(
                    lead.username if lead else self.typed_username,
                    placeholder="as on Fiverr, or paste their inbox link",
                    disabled=self.editing,
                    compact=True,
                ),
            )
            yield from self._text_row("display_name", "Name", lead.display_name if lead else "")
            yield from self._text_row(
                "website", "Website", lead.website if lead else "", "example.com"
            )
            yield from self._row(
                "source",
                "Source",
                self._select(SOURCES.items, lead.source if lead else DEFAULT_SOURCE),
            )
            if not self.editing:
                yield from self._row("stage", "Stage", self._select(STAGES.items, "new"))
            yield from self._row(
                "project_type",
                "Project type",
                self._select(PROJECT_TYPES.items, lead.project_type if lead else None, blank=True),
            )
            yield from self._row(
                "industry",
                "Industry",
                self._select(INDUSTRIES.items, lead.industry if lead else None, blank=True),
            )
            yield from self._text_row(
                "referred_by", "Referred by", lead.referred_by if lead else "", "their username"
            )
            yield from self._text_row("owner", "Owner", lead.owner if lead else "")
            if not self.editing:
                yield from self._text_row("labels", "Labels", "", "comma separated, e.g. Referral")
            yield from self._row(
                "notes",
                "Notes",
                TextArea(
                    self._shown("notes", lead.notes if lead else ""),
                    soft_wrap=True,
                    tab_behavior="focus",
                ),
            )
            yield Static("f2 saves · enter in a field saves · escape cancels", classes="hint")
        yield Footer(show_command_palette=False)

    def _row(self, name: str, label: str, widget: Widget) -> ComposeResult:
        widget.id = f"f-{name}"
        with Horizontal(classes="form-row", id=f"row-{name}"):
            yield Label(label, classes="form-label")
            with Vertical(classes="form-field"):
                yield widget
                yield Static("", id=f"{name}-error", classes="error field-error")

    def _text_row(self, name: str, label: str, value: str | None, hint: str = "") -> ComposeResult:
        shown = self._shown(name, value)
        yield from self._row(name, label, Input(shown, placeholder=hint, compact=True))

    def _shown(self, name: str, value: str | None) -> str:
        shown = visible(value or "")
        self._stored[name] = (shown, value or "")
        return shown

    @staticmethod
    def _select(items, value: str | None, blank: bool = False) -> Select:
        return Select(
            [(label, key) for key, label in items],
            value=value if value else Select.NULL,
            allow_blank=blank or value is None,
            prompt="—",
            compact=True,
        )

    def on_mount(self) -> None:
        first = "#f-display_name" if self.editing else "#f-username"
        self.query_one(first).focus()

    # ------------------------------------------------------------ values

    def _value(self, name: str) -> str:
        widget = self.query_one(f"#f-{name}")
        if isinstance(widget, Input):
            return self._typed(name, widget.value)
        if isinstance(widget, TextArea):
            return self._typed(name, widget.text)
        if isinstance(widget, Select):
            value = widget.value
            return value if isinstance(value, str) else ""
        return ""

    def _typed(self, name: str, text: str) -> str:
        shown, stored = self._stored.get(name, (None, ""))
        return stored if text == shown else text

    def set_error(self, name: str, message: str) -> None:
        target = self.query_one(f"#{name}-error", Static)
        target.update(plain(message))
        target.set_class(bool(message), "shown")

    def _check(self, name: str) -> str:
        """Check one field now; returns (and shows) its problem, or ''."""
        checks = _pure_checks()
        message = ""
        if name in checks and self.query(f"#f-{name}"):
            try:
                checks[name](self._value(name))
            except Invalid as exc:
                message = str(exc)
        if name == "username" and not message and self._duplicate_of:
            message = self._duplicate_message(self._duplicate_of)
        self.set_error(name, message)
        return message

    @staticmethod
    def _duplicate_message(existing: str) -> str:
        return f"A lead with username '{existing}' already exists; find it with ctrl+p."

    # ------------------------------------------------------------ events

    def on_input_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("f-")
        if name not in INPUTS:
            return
        self.set_error(name, "")
        if name == "username" and not self.editing:
            self._duplicate_of = None
            if self._dup_timer is not None:
                self._dup_timer.stop()
            self._dup_timer = self.set_timer(DUPLICATE_CHECK_S, self._check_duplicate)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        name = (event.input.id or "").removeprefix("f-")
        if name in USERNAMES:
            link_to_username(event.input)  # a pasted Fiverr link: its username
        if name in INPUTS and event.input.value.strip():
            self._check(name)

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    @property
    def typing_pending(self) -> bool:
        """The username changed moments ago; its duplicate check is about to run."""
        return self._dup_timer is not None

    def _check_duplicate(self) -> None:
        self._dup_timer = None
        typed = self._value("username").strip().lstrip("@")
        if not typed or self.app.db is None:
            return

        def job(db):
            from sellerdesk.leads import clean_username, find_lead

            try:
                name = clean_username(typed)
            except Invalid:
                return typed, None
            found = find_lead(db, name)
            return typed, found.username if found else None

        def done(result: tuple[str, str | None]) -> None:
            checked, existing = result
            if checked != self._value("username").strip().lstrip("@"):
                return  # typing went on; a newer check is coming
            self._duplicate_of = existing
            if existing:
                self.set_error("username", self._duplicate_message(existing))

        run_db(self, job, done, lambda _exc: None, group="form-dup", exclusive=True)

    # ------------------------------------------------------------ saving

    def action_save(self) -> None:
        if self._saving:
            return
        for name in USERNAMES:
            if self.query(f"#f-{name}"):
                link_to_username(self.query_one(f"#f-{name}", Input))
        names = ["username", "display_name", "website", "referred_by", "labels"]
        problems = [name for name in names if self.query(f"#f-{name}") and self._check(name)]
        if problems:
            self._form_error("Please fix the marked field" + ("s." if len(problems) > 1 else "."))
            self.query_one(f"#f-{problems[0]}").focus()
            return
        self._form_error("")
        values = {name: self._value(name) for name in self._field_names()}
        self._saving = True
        if self.lead is None and values["referred_by"].strip():
            job = _add_referred_job(values, self.app.settings)
            run_db(self, job, self._saved, self._failed, group="form-save")
        elif self.lead is None:
            run_db(self, _add_job(values), self._saved, self._failed, group="form-save")
        else:
            job = _update_job(self.lead, values)
            run_db(self, job, self._saved, self._failed, group="form-save")

    def _field_names(self) -> list[str]:
        names = ["display_name", "website", "source", "project_type", "industry"]
        names += ["referred_by", "owner", "notes"]
        if not self.editing:
            names += ["username", "stage", "labels"]
        return names

    def _saved(self, lead: Lead) -> None:
        self._saving = False
        if not self.editing and lead.referred_by:
            message = (
                f"Saved {lead.username}, referred by {lead.referred_by}; the referral is tracked."
            )
        else:
            message = f"Saved {lead.username}."
        self.notify(message, timeout=3)
        self.dismiss(lead.id)

    def _failed(self, exc: SellerdeskError) -> None:
        self._saving = False
        if isinstance(exc, Duplicate):
            self.set_error("username", str(exc))
            self.query_one("#f-username").focus()
            self._form_error("Not saved: that username is taken.")
        elif isinstance(exc, Conflict):
            self._form_error(
                f"Not saved: {exc} Your changes are still here; escape, reopen the lead "
                "and enter them again."
            )
        else:
            self._form_error(f"Not saved: {exc}")

    def _form_error(self, message: str) -> None:
        self.set_error("form", message)

    def action_cancel(self) -> None:
        self.dismiss(None)


def _add_job(values: dict[str, str]) -> Callable[[Any], Lead]:
    def job(db) -> Lead:
        from sellerdesk.leads import add_lead

        return add_lead(
            db,
            values["username"],
            display_name=values["display_name"],
            website=values["website"],
            source=values["source"] or None,
            stage=values["stage"] or None,
            labels=split_labels(values["labels"]),
            referred_by=values["referred_by"],
            project_type=values["project_type"] or None,
            industry=values["industry"] or None,
            owner=values["owner"],
            notes=values["notes"],
        )

    return job


def _add_referred_job(values: dict[str, str], settings: Any) -> Callable[[Any], Lead]:
    """A new lead naming its referrer is recorded as the CLI records it: the
    referral is tracked (label, note, pending reward), not just typed."""
    source = values["source"]
    if source == DEFAULT_SOURCE:
        # The untouched default would hide that this lead came by referral.
        source = ""

    def job(db) -> Lead:
        from sellerdesk.referrals.recording import add_referred_lead

        return add_referred_lead(
            db,
            values["username"],
            values["referred_by"],
            stage=values["stage"] or None,
            labels=split_labels(values["labels"]),
            settings=settings,
            display_name=values["display_name"],
            website=values["website"],
            source=source,
            project_type=values["project_type"],
            industry=values["industry"],
            owner=values["owner"],
            notes=values["notes"],
        )

    return job


def _update_job(seen: Lead, values: dict[str, str]) -> Callable[[Any], Lead]:
    def job(db) -> Lead:
        from sellerdesk.leads import update_lead

        return update_lead(db, seen.username, expected_version=seen.version, seen=seen, **values)

    return job
