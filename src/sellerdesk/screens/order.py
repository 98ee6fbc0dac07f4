"""One order: its facts, the job-order checklist, the after-sales walkthrough
once delivered, its history, and the keys that move it (status, requirements,
feedback, complaint, walkthrough, price dispute) and copy its messages (next
steps with the order number, requirements, the job order's notices)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk import clock
from sellerdesk.errors import NotFound, SellerdeskError
from sellerdesk.orders.items import (
    NEXT_STATUSES,
    NEXT_STEPS_TEMPLATE,
    REQUIREMENTS,
    REQUIREMENTS_TEMPLATES,
    STATUSES,
    CheckItem,
    Order,
)
from sellerdesk.records import Lead
from sellerdesk.safe_text import visible
from sellerdesk.ui.desk import DeskScreen
from sellerdesk.ui.tasks import run_db
from sellerdesk.ui.theme import AQUA, ERROR_BOLD, GOLD, MUTED, SUCCESS
from sellerdesk.ui.user_text import plain


def _when(moment) -> str:
    return clock.to_local(clock.as_utc(moment)).strftime("%Y-%m-%d %H:%M") if moment else ""


HELP = (
    "One order: its facts, its history, and the job-order checklist (space ticks the "
    "highlighted line; c copies its message where it has one). n copies the next steps "
    "for the client, m the requirements message for where the requirements stand. "
    "t moves the status, r records the requirements, j chooses the job-order checklist, "
    "f records feedback, x a complaint, p a price dispute, d the due date, a a note."
)


class OrderScreen(DeskScreen):
    HELP = HELP
    CSS_PATH = "order.tcss"
    BINDINGS = [
        Binding("n", "copy_next_steps", "Next steps", id="order-copy-next-steps"),
        Binding("m", "copy_requirements", "Req. message", id="order-copy-requirements"),
        Binding("t", "status", "Status", id="order-status"),
        Binding("r", "requirements", "Reqs", id="order-requirements"),
        Binding("space", "toggle_check", "Tick", id="order-tick", show=False),
        Binding("c", "copy_item_message", "Copy item msg", id="order-copy-item", show=False),
        Binding("j", "checklist", "Job order", id="order-checklist"),
        Binding("f", "feedback", "Feedback", id="order-feedback"),
        Binding("x", "complaint", "Complaint", id="order-complaint"),
        Binding("w", "walkthrough", "Walkthrough", id="order-walkthrough", show=False),
        Binding("p", "dispute", "Dispute", id="order-dispute"),
        Binding("a", "note", "Note", id="order-note"),
        Binding("d", "due", "Due date", id="order-due", show=False),
        Binding("escape,backspace", "back", "Back", id="order-back"),
    ]

    def __init__(self, order_id: int) -> None:
        super().__init__()
        self.order_id = order_id
        self.order: Order | None = None
        self.lead: Lead | None = None
        self.items: list[CheckItem] = []
        self.after: list[CheckItem] = []
        self.by_option: dict[str, CheckItem] = {}
        self.checklist_title = ""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="order-body"):
            with Vertical(id="order-side"):
                yield Static("Loading…", id="order-card")
                yield Static("", id="order-checks-title", classes="section-title")
                yield OptionList(id="order-checks")
            with Vertical(id="order-main"):
                yield Static("History", classes="section-title")
                with VerticalScroll(id="order-history"):
                    yield Static("", id="order-history-body")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#order-checks").focus()
        self.reload()

    def on_screen_resume(self) -> None:
        if self.order is not None:
            self.reload()

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        order_id = self.order_id

        def job(db):
            from sellerdesk.leads import get_lead_by_id
            from sellerdesk.orders import checklists, disputes
            from sellerdesk.orders.store import get_order_by_id

            number = get_order_by_id(db, order_id).number
            view = disputes.view(db, number)
            checklist, items = checklists.checklist_of(db, number)
            after = checklists.after_sales_of(db, number)
            lead = get_lead_by_id(db, view.order.lead_id)
            return view, checklist, items, after, lead

        run_db(self, job, self._show, self._load_failed, group="order", exclusive=True)

    def _load_failed(self, exc: SellerdeskError) -> None:
        self.notify(str(exc), severity="error", timeout=8)
        if isinstance(exc, NotFound) and self.is_current:
            self.app.pop_screen()

    def _show(self, result) -> None:
        view, checklist, items, after, lead = result
        self.order, self.lead, self.items, self.after = view.order, lead, items, after
        self.sub_title = f"Order {self.order.number} · {lead.name}"
        self.query_one("#order-card", Static).update(self._card(self.order))
        self.checklist_title = checklist.title if checklist else ""
        title = (
            f"{self.checklist_title}  (space ticks)"
            if checklist
            else "Job order: none yet (j chooses new or transferred client)"
        )
        self.query_one("#order-checks-title", Static).update(title)
        options = self.query_one("#order-checks", OptionList)
        highlighted = options.highlighted
        rows: list[Option] = [self._check_option(n, item) for n, item in enumerate(items, 1)]
        if after:
            rows.append(Option(self._after_title(self.order), id="after-title", disabled=True))
            rows.extend(self._check_option(n, item) for n, item in enumerate(after, 1))
        self.by_option = {f"{item.checklist}:{item.item}": item for item in (*items, *after)}
        options.clear_options()
        options.add_options(rows)
        if self.by_option:
            index = min(highlighted or 0, len(rows) - 1)
            if rows[index].disabled:
                index = index + 1 if index + 1 < len(rows) else index - 1
            options.highlighted = index
        self.query_one("#order-history-body", Static).update(self._history(view.history))

    @staticmethod
    def _after_title(order: Order) -> Text:
        from sellerdesk.orders.job_order import AFTER_SALES

        title = Text(f"\n{AFTER_SALES.title}: ", style="bold")
        if order.walkthrough_at is not None:
            title.append("walkthrough confirmed by the client", style=SUCCESS)
        else:
            title.append("waiting for the client's confirmation (w records it)", style=GOLD)
        return title

    def _card(self, order: Order) -> Table:
        from sellerdesk.orders.summary import order_rows

        table = Table.grid(padding=(0, 2))
        table.add_column(style=MUTED, no_wrap=True)
        table.add_column(overflow="fold")
        for label, value in order_rows(order):
            style = "bold" if label in ("Order", "Status") else ""
            if label == "Complaint" and order.complaint_open:
                style = ERROR_BOLD
            table.add_row(label, plain(value or "—", style=style))
        return table

    @staticmethod
    def _check_option(number: int, item: CheckItem) -> Option:
        text = Text(f"{number}. ")
        text.append("[x] " if item.done else "[ ] ", style=SUCCESS if item.done else "")
        text.append(item.label)
        if item.done and item.done_by:
            text.append(visible(f"  {item.done_by}, {_when(item.done_at)}"), style=MUTED)
        return Option(text, id=f"{item.checklist}:{item.item}")

    def _highlighted_item(self) -> CheckItem | None:
        options = self.query_one("#order-checks", OptionList)
        if options.highlighted is None or not self.by_option:
            return None
        return self.by_option.get(options.get_option_at_index(options.highlighted).id or "")

    @staticmethod
    def _history(events) -> Text | Table:
        if not events:
            return Text("Nothing yet.", style=MUTED)
        table = Table.grid(padding=(0, 2))
        table.add_column(style=MUTED, no_wrap=True)
        table.add_column(overflow="fold", ratio=1)
        for event in reversed(events):
            who = Text(_when(event.at), style=MUTED)
            who.append("\n" + visible(event.author), style=AQUA)
            table.add_row(who, plain(event.body))
        return table

    # ------------------------------------------------------------ changing

    def _change(self, job: Callable[[Any], Any], message: str) -> None:
        def done(_result: Any) -> None:
            self.notify(message, timeout=3)
            self.reload()

        def failed(exc: SellerdeskError) -> None:
            self.notify(str(exc), severity="error", timeout=8)
            self.reload()

        run_db(self, job, done, failed, group="order-write")

    def action_status(self) -> None:
        order = self.order
        if order is None:
            return
        allowed = NEXT_STATUSES.get(order.status, ())
        if not allowed:
            self.notify(f"Order {order.number} is {order.status_label.lower()}; it stays so.")
            return
        from sellerdesk.ui.prompts import ChoiceScreen, TextPromptScreen

        def move(status: str | None, reason: str = "") -> None:
            if status is None:
                return

            def job(db):
                from sellerdesk.orders.status import set_status

                return set_status(
                    db, order.number, status, reason=reason, expected_version=order.version
                )

            self._change(job, f"Order {order.number}: {STATUSES.label(status)}.")

        def chosen(status: str | None) -> None:
            if status != "cancelled":
                move(status)
                return
            self.app.push_screen(
                TextPromptScreen(
                    f"Cancel order {order.number}",
                    "Why is it cancelled? (kept on record)",
                    required="Say why the order is cancelled.",
                ),
                lambda reason: move("cancelled", reason) if reason else None,
            )

        choices = [(key, STATUSES.label(key)) for key in allowed]
        self.app.push_screen(ChoiceScreen(f"Order {order.number} is now…", choices), chosen)

    def action_requirements(self) -> None:
        order = self.order
        if order is None:
            return
        from sellerdesk.ui.prompts import ChoiceScreen, TextPromptScreen

        def save(state: str | None, missing: str = "") -> None:
            if state is None:
                return

            def job(db):
                from sellerdesk.orders.requirements import set_requirements

                return set_requirements(
                    db, order.number, state, missing=missing, expected_version=order.version
                )

            label = REQUIREMENTS.label(state).lower()
            self._change(job, f"Requirements {label}. m copies the message.")

        def chosen(state: str | None) -> None:
            if state != "partial":
                save(state)
                return
            self.app.push_screen(
                TextPromptScreen(
                    "What is still missing?",
                    "It fills the partly-incomplete message.",
                    placeholder="e.g. logo, About page text",
                    required="List what is missing.",
                ),
                lambda missing: save("partial", missing) if missing else None,
            )

        choices = list(REQUIREMENTS.items)
        self.app.push_screen(ChoiceScreen("Requirements are…", choices, order.requirements), chosen)

    def action_toggle_check(self) -> None:
        order = self.order
        if order is None or not self.by_option:
            self.action_checklist()
            return
        item = self._highlighted_item()
        if item is None:
            return

        def job(db):
            from sellerdesk.orders.checklists import tick

            return tick(db, order.number, item.item, done=not item.done, checklist=item.checklist)

        self._change(job, f"{'Unticked' if item.done else 'Ticked'}: {item.label}.")
        if not item.done and item.template:
            self.notify(f"Copy the notice with c: {item.template}.", timeout=5)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "order-checks":
            self.action_toggle_check()

    def action_checklist(self) -> None:
        order = self.order
        if order is None:
            return
        from sellerdesk.orders.checklists import CHECKLISTS
        from sellerdesk.ui.prompts import ChoiceScreen

        def chosen(key: str | None) -> None:
            if key is None:
                return

            def job(db):
                from sellerdesk.orders.checklists import start

                return start(db, order.number, key)

            self._change(job, f"{CHECKLISTS[key].title} ready.")

        choices = [(key, checklist.title) for key, checklist in CHECKLISTS.items()]
        current = next((k for k, c in CHECKLISTS.items() if c.title == self.checklist_title), None)
        self.app.push_screen(ChoiceScreen("Which job order?", choices, current), chosen)

    def action_feedback(self) -> None:
        order = self.order
        if order is None:
            return
        from sellerdesk.ui.prompts import ChoiceScreen, TextPromptScreen

        def words(mood: str | None) -> None:
            if mood is None:
                return
            self.app.push_screen(
                TextPromptScreen(
                    f"{mood.capitalize()} feedback on {order.number}",
                    "The client's words (optional):",
                ),
                lambda text: save(mood, text) if text is not None else None,
            )

        def save(mood: str, text: str) -> None:
            def job(db):
                from sellerdesk.orders.feedback import record_feedback

                return record_feedback(db, order.number, mood, text, expected_version=order.version)

            self._change(job, "Feedback recorded.")

        choices = [("positive", "Positive"), ("negative", "Negative")]
        self.app.push_screen(ChoiceScreen("The client's feedback is…", choices), words)

    def action_complaint(self) -> None:
        order = self.order
        if order is None:
            return
        from sellerdesk.ui.prompts import TextPromptScreen

        opening = not order.complaint_open

        def save(text: str | None) -> None:
            if text is None:
                return

            def job(db):
                from sellerdesk.orders.feedback import set_complaint

                return set_complaint(
                    db, order.number, opening, text, expected_version=order.version
                )

            self._change(job, "Complaint opened." if opening else "Complaint closed.")

        if opening:
            screen = TextPromptScreen(
                f"Complaint on {order.number}",
                "What does the client complain about?",
                required="Say what the client complains about.",
            )
        else:
            screen = TextPromptScreen(
                f"Close the complaint on {order.number}", "How was it resolved? (optional)"
            )
        self.app.push_screen(screen, save)

    def action_note(self) -> None:
        order = self.order
        if order is None:
            return
        from sellerdesk.ui.prompts import TextPromptScreen

        def save(text: str | None) -> None:
            if not text:
                return

            def job(db):
                from sellerdesk.orders.notes import add_note

                return add_note(db, order.number, text)

            self._change(job, "Note added.")

        self.app.push_screen(
            TextPromptScreen(
                f"Note on order {order.number}", "", required="A note cannot be empty."
            ),
            save,
        )

    def action_due(self) -> None:
        order = self.order
        if order is None:
            return
        from sellerdesk.ui.prompts import TextPromptScreen

        def save(text: str | None) -> None:
            if not text:
                return

            def job(db):
                from sellerdesk.orders.deliveries import move_due
                from sellerdesk.orders.fields import parse_due

                return move_due(db, order.number, parse_due(text), expected_version=order.version)

            self._change(job, "Delivery date moved.")

        self.app.push_screen(
            TextPromptScreen(
                f"New delivery date for {order.number}",
                "An extension agreed in chat:",
                placeholder="3d, fri, 2026-12-01",
                required="Say when the delivery is due now.",
            ),
            save,
        )

    def action_dispute(self) -> None:
        if self.order is not None:
            from sellerdesk.screens.order_dispute import DisputeScreen

            self.app.push_screen(DisputeScreen(self.order.number))

    # ------------------------------------------------------------ copying

    def _copy(self, template_id: str) -> None:
        from sellerdesk.templates.loading import library
        from sellerdesk.ui.copy_flow import copy_message

        template = library().templates.get(template_id)
        if template is None:
            self.notify(f"The template {template_id} is missing.", severity="error")
            return
        # This order's number, whichever order of the lead's is on screen.
        extra = {"order_number": self.order.number} if self.order is not None else None
        copy_message(self, template, self.lead, self.reload, extra=extra)

    def action_copy_next_steps(self) -> None:
        if self.lead is not None:
            self._copy(NEXT_STEPS_TEMPLATE)

    def action_copy_requirements(self) -> None:
        if self.order is not None and self.lead is not None:
            self._copy(REQUIREMENTS_TEMPLATES[self.order.requirements])

    def action_copy_item_message(self) -> None:
        """The highlighted item's message: the propagation notice, the pointing
        reminder, or (on the after-sales list) the request to confirm the walkthrough."""
        from sellerdesk.orders.job_order import AFTER_SALES, WALKTHROUGH_TEMPLATE

        item = self._highlighted_item()
        if item is None:
            return
        template = WALKTHROUGH_TEMPLATE if item.checklist == AFTER_SALES.key else item.template
        if template is None:
            self.notify(f"{item.label} has no message to send.")
            return
        self._copy(template)

    def action_walkthrough(self, words: str = "") -> None:
        """Record the client's confirmation of the after-sales walkthrough, in their words."""
        order = self.order
        if order is None:
            return
        if not self.after:
            self.notify(
                f"Order {order.number} is not delivered yet; the after-sales walkthrough "
                "comes after the delivery."
            )
            return
        if order.walkthrough_at is not None:
            self.notify(f"The walkthrough is confirmed already: {order.walkthrough_text}")
            return
        from sellerdesk.ui.prompts import TextPromptScreen

        def save(text: str | None) -> None:
            if not text:
                return

            def job(db):
                from sellerdesk.orders.after_sales import confirm_walkthrough

                return confirm_walkthrough(db, order.number, text, expected_version=order.version)

            def done(_result: Any) -> None:
                self.notify("Walkthrough confirmed; it leaves the morning queue.", timeout=4)
                self.reload()

            def refused(exc: SellerdeskError) -> None:
                # Nothing typed is lost: the words come back with the reason.
                self.notify(str(exc), severity="error", timeout=10)
                self.action_walkthrough(text)

            run_db(self, job, done, refused, group="order-write")

        self.app.push_screen(
            TextPromptScreen(
                f"Walkthrough confirmation for {order.number}",
                "Paste the client's words confirming the walkthrough (training, email set-up):",
                placeholder="e.g. Yes, the walkthrough is done and my email works",
                required="Paste the client's confirmation.",
                value=words,
            ),
            save,
        )

    def action_back(self) -> None:
        self.app.pop_screen()
