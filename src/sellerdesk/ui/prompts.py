"""Small dialogs: pick one of a few choices, or type a line (the order screens
and the prompt that passes a refused rule on purpose use them)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.user_text import plain


class ChoiceScreen(DeskModal[str | None]):
    """Returns the chosen key, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="order-choice-cancel")]

    def __init__(
        self, title: str, choices: list[tuple[str, str]], current: str | None = None
    ) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices
        self.current = current

    def compose(self) -> ComposeResult:
        options = [
            Option(plain(label + ("   (now)" if key == self.current else "")), id=key)
            for key, label in self.choices
        ]
        with Vertical(classes="dialog", id="order-choice-dialog"):
            yield Static(plain(self.title_text), classes="dialog-title")
            yield OptionList(*options, id="order-choices")
            yield Static("enter chooses · escape cancels", classes="hint")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        keys = [key for key, _ in self.choices]
        options.highlighted = keys.index(self.current) if self.current in keys else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextPromptScreen(DeskModal[str | None]):
    """One line of text; when `required`, an empty line is refused with `required`'s sentence."""

    BINDINGS = [
        Binding("f2,ctrl+s", "save", "Save", id="order-prompt-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="order-prompt-cancel"),
    ]

    def __init__(
        self, title: str, prompt: str, *, placeholder: str = "", required: str = "", value: str = ""
    ) -> None:
        super().__init__()
        self.title_text = title
        self.prompt = prompt
        self.placeholder = placeholder
        self.required = required
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="order-prompt-dialog"):
            yield Static(plain(self.title_text), classes="dialog-title")
            yield Static(plain(self.prompt))
            yield Input(self.value, placeholder=self.placeholder, id="order-prompt-text")
            yield Static("", id="order-prompt-error", classes="error")
            yield Static("enter or f2 saves · escape cancels", classes="hint")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        text = self.query_one(Input).value.strip()
        if self.required and not text:
            error = self.query_one("#order-prompt-error", Static)
            error.update(self.required)
            error.add_class("shown")
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
