"""A price dispute (seed 004 §8): the client's yes in their words, the agreed
price and scope and the notes side by side with the scripted response; the
objection is recorded, and the order cancelled with its reason if need be."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from sellerdesk import clock
from sellerdesk.errors import SellerdeskError
from sellerdesk.safe_text import visible
from sellerdesk.ui.desk import DeskScreen
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.theme import MUTED
from sellerdesk.ui.user_text import plain


class DisputeScreen(DeskScreen):
    CSS_PATH = "order.tcss"
    BINDINGS = [
        Binding("o", "objection", "Record objection", id="dispute-objection"),
        Binding("a", "note", "Note", id="dispute-note"),
        Binding("c", "cancel_order", "Cancel order", id="dispute-cancel-order"),
        Binding("escape,backspace", "back", "Back", id="dispute-back"),
    ]

    def __init__(self, number: str) -> None:
        super().__init__()
        self.number = number
        self.view = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dispute-body"):
            yield Static("Price dispute", classes="section-title")
            yield Static("", id="dispute-quote", classes="dispute-quote")
            yield Static("", id="dispute-facts")
            yield Static("Response", classes="section-title")
            yield Static("", id="dispute-response")
            yield Static("Notes", classes="section-title")
            yield Static("", id="dispute-notes")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = f"Order {self.number}"
        self.reload()

    def reload(self) -> None:
        number = self.number

        def job(db):
            from sellerdesk.orders.disputes import view

            return view(db, number)

        run_db(self, job, self._show, group="dispute", exclusive=True)

    def _show(self, view) -> None:
        self.view = view
        order = view.order
        at = clock.to_local(order.consent_at).strftime("%Y-%m-%d %H:%M")
        self.query_one("#dispute-quote", Static).update(
            plain(f'Client\'s yes ({at}): "{order.consent_text}"')
        )
        facts = Text()
        facts.append("Agreed price  ", style=MUTED)
        facts.append(f"{order.price}\n", style="bold")
        facts.append("Pages         ", style=MUTED)
        facts.append(visible(f"{order.pages or '—'}\n"))
        facts.append("Design        ", style=MUTED)
        facts.append(visible(f"{order.design_direction or '—'}\n"))
        facts.append("Status        ", style=MUTED)
        facts.append(order.status_label)
        self.query_one("#dispute-facts", Static).update(facts)
        steps = Text()
        for number, (step, how) in enumerate(view.response, 1):
            steps.append(f"{number}. {step}: ", style="bold")
            steps.append(how + "\n")
        steps.append("o records the objection · c cancels the order with its reason", style="dim")
        self.query_one("#dispute-response", Static).update(steps)
        self.query_one("#dispute-notes", Static).update(plain(order.notes or "(none)"))

    def _write(self, job, message: str) -> None:
        def done(_result) -> None:
            self.notify(message, timeout=3)
            self.reload()

        def failed(exc: SellerdeskError) -> None:
            self.notify(str(exc), severity="error", timeout=8)

        run_db(self, job, done, failed, group="dispute-write")

    def _prompt(self, title: str, prompt: str, required: str, then) -> None:
        from sellerdesk.ui.prompts import TextPromptScreen

        screen = TextPromptScreen(title, prompt, required=required)
        self.app.push_screen(screen, lambda text: then(text) if text else None)

    def action_objection(self) -> None:
        number = self.number

        def save(text: str) -> None:
            from sellerdesk.orders.notes import record_objection

            self._write(lambda db: record_objection(db, number, text), "Objection recorded.")

        self._prompt(
            "The client objects to the price",
            'Their words (e.g. "I didn\'t agree to this price"):',
            "Paste what the client said.",
            save,
        )

    def action_note(self) -> None:
        number = self.number

        def save(text: str) -> None:
            from sellerdesk.orders.notes import add_note

            self._write(lambda db: add_note(db, number, text), "Note added.")

        self._prompt(f"Note on order {number}", "", "A note cannot be empty.", save)

    def action_cancel_order(self) -> None:
        number = self.number
        version = self.view.order.version if self.view else None

        def save(reason: str) -> None:
            from sellerdesk.orders.status import cancel_order

            self._write(
                lambda db: cancel_order(db, number, reason, expected_version=version),
                f"Order {number} cancelled.",
            )

        self._prompt(
            f"Cancel order {number}",
            "Why is it cancelled? (kept on record)",
            "Say why the order is cancelled.",
            save,
        )

    def action_back(self) -> None:
        self.app.pop_screen()
