"""The script screen's two dialogs: the form for a step's answers (checked as
typed, nothing lost on a refusal, with the offer's live character counter)
and the picker for which script to run."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk.config import Limits
from sellerdesk.errors import Invalid
from sellerdesk.safe_text import visible
from sellerdesk.scripts.fields import CHOICE, Field, parse
from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.user_text import plain
from sellerdesk.ui.value_box import ValueBox

# Given the typed texts, the line to show under the form (e.g. "412/1500 characters").
Preview = Callable[[dict[str, str]], Text]


class ScriptFieldsScreen(DeskModal[dict[str, str] | None]):
    """Answers for one step. Enter moves on, the last Enter (or F2) saves;
    a value that cannot be taken is named and the form stays as typed."""

    BINDINGS = [
        Binding("f2,ctrl+s", "save", "Save", id="script-fields-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="script-fields-cancel"),
    ]

    def __init__(
        self,
        title: str,
        fields: tuple[Field, ...],
        values: dict[str, str],
        limits: Limits,
        preview: Preview | None = None,
        error: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields
        self.values = values
        self.limits = limits
        self.preview = preview
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical(id="script-fields-dialog", classes="dialog"):
            yield Static(f"[b]{self.title_text}[/b]: answers, as written in chat", markup=True)
            for item in self.fields:
                yield Label(self._label(item), classes="script-field-label")
                yield ValueBox(
                    visible(self.values.get(item.name, "")),
                    placeholder=item.hint,
                    id=f"answer-{item.name}",
                )
            yield Static("", id="script-fields-preview")
            yield Static(plain(self.error), id="script-fields-error")
            yield Static(
                "enter: next / save · f2 saves · ctrl+a selects a box's answer · an empty box "
                "clears that answer · escape cancels",
                classes="hint",
            )
        yield Footer(show_command_palette=False)

    def _label(self, item: Field) -> str:
        if item.kind == CHOICE:
            options = ", ".join(f"{n}. {label}" for n, (_k, label) in enumerate(item.choices, 1))
            return f"{item.label} ({options})"
        return item.label

    def on_mount(self) -> None:
        self.query(Input).first().focus()
        self._refresh_preview()

    def typed(self) -> dict[str, str]:
        return {
            item.name: self.query_one(f"#answer-{item.name}", Input).value for item in self.fields
        }

    def on_input_changed(self, _event: Input.Changed) -> None:
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        if self.preview is not None:
            self.query_one("#script-fields-preview", Static).update(self.preview(self.typed()))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        typed = self.typed()
        problems = []
        for item in self.fields:
            text = typed[item.name]
            if not text.strip():
                continue
            try:
                parse(item, text, self.limits)
            except Invalid as exc:
                problems.append((item.name, str(exc)))
        if problems:
            self.query_one("#script-fields-error", Static).update(
                plain(" ".join(message for _name, message in problems))
            )
            self.query_one(f"#answer-{problems[0][0]}", Input).focus()
            return
        self.dismiss(typed)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ScriptPickerScreen(DeskModal[str | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="script-picker-cancel")]

    def __init__(self, username: str, scripts: list[tuple[str, str]], note: str = "") -> None:
        super().__init__()
        self.username = username
        self.scripts = scripts
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="script-picker-dialog", classes="dialog"):
            yield Static(f"Which script for [b]{self.username}[/b]?", markup=True)
            if self.note:
                yield Static(self.note, classes="hint")
            yield OptionList(
                *(Option(title, id=script_id) for script_id, title in self.scripts),
                id="script-picker",
            )
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
