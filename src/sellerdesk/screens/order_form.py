"""Creating an order from a lead: the client's yes, the pre-checks, then a review.

The form starts from the lead's redesign script answers (marked "from the
script") and every value can be corrected by hand. Review (f2 or enter)
runs the gate: every failing check is named beside its field and nothing
moves on until they all hold; then the review summary asks for a final
confirmation. Nothing typed is lost when saving fails.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Checkbox, Footer, Header, Input, Label, Select, Static

from sellerdesk.errors import Invalid, SellerdeskError
from sellerdesk.orders.gate import Draft
from sellerdesk.orders.items import REQUIREMENTS
from sellerdesk.records import Lead
from sellerdesk.safe_text import visible
from sellerdesk.ui.desk import DeskScreen
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.user_text import plain

INPUTS = ("consent", "number", "price", "days", "due", "pages", "design", "notes")
# Which field shows the problem for each check of the gate.
PROBLEM_FIELD = {
    "consent": "consent",
    "number": "number",
    "price": "price",
    "delivery": "days",
    "pages": "pages",
    "scope": "scope",
    "requirements": "requirements",
}
FROM_SCRIPT = "from the script"
PROBLEM_NAMES = {
    "consent": "the client's yes",
    "scope": "scope",
    "price": "price",
    "delivery": "delivery time",
    "pages": "pages",
    "number": "order number",
    "requirements": "requirements",
}


HELP = (
    "A new order, allowed only with the client's explicit yes, pasted in their own words. "
    "Values the script captured are filled in (marked \"from the script\") and can be "
    "corrected. f2 or enter reviews: the pre-checks (the yes, the scope confirmed, the "
    "price, the delivery time, the pages) must all hold; each failing one is named beside "
    "its field and nothing is saved until they do. The summary then asks for a last "
    "confirmation. tab moves between fields; space ticks the scope box."
)


class OrderFormScreen(DeskScreen[int | None]):
    """Returns the new order's id, or None when cancelled."""

    HELP = HELP

    CSS_PATH = "order.tcss"
    BINDINGS = [
        Binding("f2,ctrl+s", "review", "Review", id="order-form-review", priority=True),
        Binding("escape", "cancel", "Cancel", id="order-form-cancel"),
    ]

    def __init__(self, lead: Lead) -> None:
        super().__init__()
        self.lead = lead
        self.prefilled = Draft()
        self._saving = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form"):
            yield Static(plain(f"New order for {self.lead.name}"), classes="dialog-title")
            yield Static(
                'Only with the client\'s clear yes ("Yes, please place the order"), '
                "in their own words.",
                classes="hint order-rule",
            )
            yield Static("", id="form-error", classes="error")
            yield from self._input("consent", "Client's yes", "paste their words from the chat")
            yield from self._input(
                "number", "Order number", "Fiverr's, e.g. FO81A2B3C4D5; empty: direct"
            )
            yield from self._input("price", "Agreed price", "US dollars, e.g. 450")
            yield from self._input("days", "Delivery days", "e.g. 7")
            yield from self._input("due", "or due date", "7d, fri, 2026-12-01")
            yield from self._input("pages", "Pages", "e.g. Home, About, Services, Contact")
            yield from self._input("design", "Design direction", "the one primary inspiration")
            yield from self._row(
                "requirements",
                "Requirements",
                Select(
                    [(label, key) for key, label in REQUIREMENTS.items],
                    value="submitted",
                    allow_blank=False,
                    compact=True,
                ),
            )
            yield from self._row(
                "scope",
                "Scope",
                Checkbox("The client confirmed design direction, pages and focus", compact=True),
            )
            yield from self._input("notes", "Notes", "what was agreed, for later")
            yield Static("f2 or enter reviews · escape cancels", classes="hint")
        yield Footer(show_command_palette=False)

    def _row(self, name: str, label: str, widget: Widget) -> ComposeResult:
        widget.id = f"f-{name}"
        with Horizontal(classes="form-row", id=f"row-{name}"):
            yield Label(label, classes="form-label")
            with Vertical(classes="form-field"):
                yield widget
                yield Static("", id=f"{name}-note", classes="order-source")
                yield Static("", id=f"{name}-error", classes="error field-error")

    def _input(self, name: str, label: str, hint: str) -> ComposeResult:
        yield from self._row(name, label, Input(placeholder=hint, compact=True))

    def on_mount(self) -> None:
        self.sub_title = f"New order · {self.lead.username}"
        self.query_one("#f-consent").focus()
        lead_id = self.lead.id

        def job(db):
            from sellerdesk.orders.prefill import prefill

            return prefill(db, lead_id)

        run_db(self, job, self._prefill, lambda _exc: None, group="order-prefill")

    def _prefill(self, draft: Draft) -> None:
        from sellerdesk.orders.items import format_price

        self.prefilled = draft
        values = {
            "price": format_price(draft.price_cents).lstrip("$").replace(",", ""),
            "days": str(draft.delivery_days or ""),
            "pages": draft.pages,
            "design": draft.design_direction,
        }
        for name, value in values.items():
            widget = self.query_one(f"#f-{name}", Input)
            if value and not widget.value:
                widget.value = visible(value)
                self.query_one(f"#{name}-note", Static).update(FROM_SCRIPT)
        if draft.scope_confirmed:
            self.query_one("#f-scope", Checkbox).value = True
            self.query_one("#scope-note", Static).update(FROM_SCRIPT + " (step 8)")

    # ------------------------------------------------------------ values

    def _text(self, name: str) -> str:
        return self.query_one(f"#f-{name}", Input).value

    def set_error(self, name: str, message: str) -> None:
        target = self.query_one(f"#{name}-error", Static)
        target.update(plain(message))
        target.set_class(bool(message), "shown")

    def on_input_changed(self, event: Input.Changed) -> None:
        name = (event.input.id or "").removeprefix("f-")
        if name in INPUTS:
            self.set_error(name, "")

    def on_checkbox_changed(self, _event: Checkbox.Changed) -> None:
        self.set_error("scope", "")

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_review()

    def draft(self) -> tuple[Draft | None, dict[str, str]]:
        """The draft from the form, or None and the fields that cannot be read."""
        from sellerdesk.orders.fields import parse_days, parse_due, parse_price

        problems: dict[str, str] = {}
        values: dict[str, Any] = {}
        readers = {
            "price_cents": ("price", parse_price),
            "delivery_days": ("days", parse_days),
            "due_at": ("due", parse_due),
        }
        for key, (name, reader) in readers.items():
            try:
                values[key] = reader(self._text(name))
            except Invalid as exc:
                problems[name] = str(exc)
        if problems:
            return None, problems
        requirements = self.query_one("#f-requirements", Select).value
        draft = Draft(
            consent=self._text("consent"),
            number=self._text("number"),
            pages=self._text("pages"),
            design_direction=self._text("design"),
            scope_confirmed=self.query_one("#f-scope", Checkbox).value,
            requirements=requirements if isinstance(requirements, str) else "submitted",
            notes=self._text("notes"),
            **values,
        )
        return draft.with_changes(sources=self._sources(draft)), {}

    def _sources(self, draft: Draft) -> tuple[tuple[str, str], ...]:
        """A value still as the script gave it counts as from the script; else by hand."""
        before = self.prefilled
        same = {
            "pages": before.pages and draft.pages == before.pages,
            "price": before.price_cents is not None and draft.price_cents == before.price_cents,
            "delivery": before.delivery_days is not None
            and draft.delivery_days == before.delivery_days
            and draft.due_at is None,
            "scope": before.scope_confirmed and draft.scope_confirmed,
        }
        return tuple((key, "script" if ok else "hand") for key, ok in same.items())

    # ------------------------------------------------------------ review and save

    def action_review(self) -> None:
        if self._saving:
            return
        from sellerdesk import clock
        from sellerdesk.orders.fields import clean_number
        from sellerdesk.orders.gate import review

        for name in (*INPUTS, "scope", "requirements"):
            self.set_error(name, "")
        draft, unreadable = self.draft()
        if draft is None:
            for name, message in unreadable.items():
                self.set_error(name, message)
            self._form_error("Please fix the marked fields.")
            return
        limits = self.app.settings.limits
        problems = review(
            draft,
            clock.now(),
            max_price_cents=limits.offer_max_price * 100,
            max_days=limits.offer_max_days,
        )
        try:
            clean_number(draft.number)
        except Invalid as exc:
            from sellerdesk.orders.items import Problem

            problems.append(Problem("number", str(exc)))
        if problems:
            for problem in problems:
                self.set_error(PROBLEM_FIELD.get(problem.key, "form"), problem.message)
            names = ", ".join(PROBLEM_NAMES.get(p.key, p.key) for p in problems)
            self._form_error(f"No order yet. To check: {names}.")
            first = PROBLEM_FIELD.get(problems[0].key, "consent")
            self.query_one(f"#f-{first}").focus()
            return
        self._form_error("")
        from sellerdesk.screens.order_review import OrderReviewScreen

        def confirmed(ok: bool | None) -> None:
            if ok:
                self._save(draft)

        self.app.push_screen(OrderReviewScreen(self.lead.username, draft), confirmed)

    def _save(self, draft: Draft) -> None:
        username = self.lead.username
        settings = self.app.settings
        self._saving = True

        def job(db):
            from sellerdesk.orders.store import create_order

            return create_order(db, username, draft, settings=settings)

        run_db(self, job, self._saved, self._failed, group="order-save")

    def _saved(self, order) -> None:
        self._saving = False
        self.dismiss(order.id)

    def _failed(self, exc: SellerdeskError) -> None:
        self._saving = False
        self._form_error(f"Not saved: {exc}")

    def _form_error(self, message: str) -> None:
        self.set_error("form", message)

    def action_cancel(self) -> None:
        self.dismiss(None)


def start_order(screen: Screen, lead: Lead, on_done: Any = None) -> None:
    """Open the order form for `lead`; once saved, show the order with its next steps a key away."""
    app = screen.app

    def saved(order_id: int | None) -> None:
        if order_id is None:
            return
        from sellerdesk.screens.order import OrderScreen
        from sellerdesk.vocab import STAGES

        stage = STAGES.label("ordered")
        app.notify(f"Order created; the lead is now {stage}. Press n to copy the next steps.")
        if on_done is not None:
            on_done()
        app.push_screen(OrderScreen(order_id))

    app.push_screen(OrderFormScreen(lead), saved)
