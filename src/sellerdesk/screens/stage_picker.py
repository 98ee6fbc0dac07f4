"""Choosing a lead's stage from the fixed list; for an open conversation, also
"the client declined the offer" (back to Qualified with a nurture follow-up,
seed 003). Lost and a decline each ask why before anything changes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk.ui.desk import DeskModal
from sellerdesk.vocab import OPEN_STAGES, STAGES

DECLINED = "declined"


class StagePickerScreen(DeskModal[str | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="stage-cancel"),
    ]

    def __init__(self, username: str, current: str) -> None:
        super().__init__()
        self.username = username
        self.current = current

    def compose(self) -> ComposeResult:
        options = [
            Option(label + ("   (now)" if key == self.current else ""), id=key)
            for key, label in STAGES.items
        ]
        if self.current in OPEN_STAGES:
            options.append(
                Option("Client declined the offer → back to Qualified, nurture later", id=DECLINED)
            )
        with Vertical(classes="dialog", id="stage-dialog"):
            yield Static(f"Move {self.username} to…", classes="dialog-title")
            yield OptionList(*options, id="stage-options")
            yield Static("enter moves · escape cancels", classes="hint")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = STAGES.keys.index(self.current) if self.current in STAGES.keys else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
