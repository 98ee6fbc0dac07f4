"""Adding and removing a lead's labels: the common ones, those in use, or a new one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, SelectionList, Static

from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.user_text import plain
from sellerdesk.vocab import COMMON_LABELS

MAX_LABEL = 64


class LabelsScreen(DeskModal[tuple[list[str], list[str]] | None]):
    """Returns (labels to add, labels to remove), or None when cancelled."""

    BINDINGS = [
        Binding("f2,ctrl+s", "save", "Save labels", id="labels-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="labels-cancel"),
    ]

    def __init__(self, username: str, current: tuple[str, ...], known: list[str]) -> None:
        super().__init__()
        self.username = username
        self.current = list(current)
        choices: dict[str, str] = {}
        for label in (*COMMON_LABELS, *known, *current):
            choices.setdefault(label.lower(), label)
        self.choices = list(choices.values())

    def compose(self) -> ComposeResult:
        have = {label.lower() for label in self.current}
        with Vertical(classes="dialog", id="labels-dialog"):
            yield Static(f"Labels of {self.username}", classes="dialog-title")
            yield SelectionList[str](
                *[(plain(label), label, label.lower() in have) for label in self.choices],
                id="labels-list",
            )
            yield Input(placeholder="New label, then enter", id="labels-new")
            yield Static("", id="labels-error", classes="error")
            yield Static("space ticks · f2 saves · escape cancels", classes="hint")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        label = " ".join(event.value.split())
        error = self.query_one("#labels-error", Static)
        if not label:
            error.update("Type a label first.")
            return
        if len(label) > MAX_LABEL:
            error.update(f"A label can be at most {MAX_LABEL} characters.")
            return
        error.update("")
        selection = self.query_one(SelectionList)
        existing = {choice.lower(): choice for choice in self.choices}
        if label.lower() in existing:
            selection.select(existing[label.lower()])
        else:
            self.choices.append(label)
            selection.add_option((plain(label), label, True))
        event.input.value = ""

    def action_save(self) -> None:
        chosen = set(self.query_one(SelectionList).selected)
        have = {label.lower(): label for label in self.current}
        added = [label for label in self.choices if label in chosen and label.lower() not in have]
        removed = [
            label for key, label in have.items() if not any(c.lower() == key for c in chosen)
        ]
        self.dismiss((added, removed))

    def action_cancel(self) -> None:
        self.dismiss(None)
