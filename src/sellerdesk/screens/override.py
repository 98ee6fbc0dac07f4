"""The dialog that passes a refused rule on purpose: it shows the rule book's
sentence and asks why. Escape leaves the rule standing (nothing is copied or
moved); a reason passes it, and the reason goes on the lead's timeline with
the rule and who passed it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Static


class OverrideScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    OverrideScreen { align: center middle; }
    OverrideScreen #override-dialog {
        width: 76; height: auto; max-height: 90%;
        border: round $warning; padding: 1 2; background: $surface;
    }
    OverrideScreen #override-title { text-style: bold; color: $warning; }
    OverrideScreen #override-sentence { margin: 1 0; }
    OverrideScreen #override-error { color: $error; height: auto; }
    OverrideScreen .override-hint { color: $text-muted; }
    """

    BINDINGS = [
        Binding("f2,ctrl+s", "save", "Pass it on purpose", id="override-save", priority=True),
        Binding("escape", "cancel", "Leave it refused", id="override-cancel"),
    ]

    def __init__(self, title: str, sentence: str, what: str = "copy it anyway") -> None:
        super().__init__()
        self.title_text = title
        self.sentence = sentence
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(id="override-dialog"):
            yield Static(Text(f"Refused: {self.title_text}"), id="override-title")
            yield Static(Text(self.sentence), id="override-sentence")
            yield Static(
                Text(f"To {self.what} on purpose, say why (it goes on the lead's timeline):")
            )
            yield Input(placeholder="e.g. scope agreed in an earlier chat", id="override-reason")
            yield Static("", id="override-error")
            yield Static(
                "enter or f2 passes the rule with this reason · escape leaves it refused",
                classes="override-hint",
            )
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        reason = " ".join(self.query_one(Input).value.split())
        if not reason:
            self.query_one("#override-error", Static).update(
                "A reason is needed: nothing passes a rule silently."
            )
            return
        self.dismiss(reason)

    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_override(
    screen: Screen,
    title: str,
    sentence: str,
    passed: Callable[[str], Any],
    what: str = "copy it anyway",
) -> None:
    """Show a refusal and ask for a reason to pass it; `passed(reason)` if one is given,
    else the refusal stays (and is said once more, so the seller knows nothing went)."""
    app = screen.app

    def answered(reason: str | None) -> None:
        if reason:
            passed(reason)
        else:
            app.notify(f"Not done. {sentence}", severity="warning", timeout=8, markup=False)

    app.push_screen(OverrideScreen(title, sentence, what), answered)
