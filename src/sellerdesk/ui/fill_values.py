"""The small form that asks for placeholder values a message still needs.

Nothing is copied until every value is filled; the values typed here are
remembered (on the lead, or in the seller profile) so the next copy does
not ask again.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Input, Label, Static

from sellerdesk.templates.values import ValueInfo
from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.user_text import plain
from sellerdesk.ui.value_box import ValueBox


class FillValuesScreen(DeskModal[dict[str, str] | None]):
    DEFAULT_CSS = """
    FillValuesScreen { align: center middle; }
    FillValuesScreen #fill-dialog {
        width: 72; height: auto; max-height: 90%;
        border: round $accent; padding: 1 2; background: $surface;
    }
    FillValuesScreen .fill-label { margin-top: 1; }
    FillValuesScreen #fill-error { color: $error; height: auto; }
    FillValuesScreen .fill-hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("f2,ctrl+s", "save", "Copy", id="fill-save", priority=True),
        Binding("escape", "cancel", "Cancel", id="fill-cancel"),
    ]

    def __init__(
        self,
        title: str,
        fields: list[tuple[str, ValueInfo]],
        initial: dict[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.fields = fields
        self.initial = initial or {}

    def compose(self) -> ComposeResult:
        with Vertical(id="fill-dialog"):
            yield Static(plain(self.title_text, "bold") + " needs:")
            for name, info in self.fields:
                yield Label(f"{info.label} {{{name}}}", classes="fill-label")
                yield ValueBox(
                    self.initial.get(name, ""),
                    placeholder=info.hint,
                    id=f"value-{name}",
                )
            yield Static("", id="fill-error")
            yield Static(
                "enter: next / copy · f2 copies · ctrl+a selects a box · "
                "escape cancels (nothing copied)",
                classes="fill-hint",
            )
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs) and not all(i.value.strip() for i in inputs):
            inputs[index + 1].focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        values = {
            name: self.query_one(f"#value-{name}", Input).value.strip() for name, _ in self.fields
        }
        empty = [info.label for name, info in self.fields if not values[name]]
        if empty:
            self.query_one("#fill-error", Static).update(
                f"Still empty: {', '.join(empty)}. Nothing is copied with a blank."
            )
            first = next(name for name, _ in self.fields if not values[name])
            self.query_one(f"#value-{first}", Input).focus()
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)
