"""The small list a `FilterChoice` opens: "All …" first, then the options.

Enter (or a click) picks, escape cancels. Typing jumps: each letter goes to
the next option with a word starting with what was typed so far ("pa" →
Past Client), and the same letter again goes on to the next one that starts
with it. Returns the row picked (0 is "All …"), or None when cancelled.
Every row is drawn as plain text: labels are data.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.user_text import plain


class TypeToJump(OptionList):
    """An OptionList where printable keys jump to a matching row (so they are
    its keys: a footer never offers them while it has focus)."""

    def __init__(self, rows: list[str], **kwargs) -> None:
        super().__init__(*(Option(plain(row)) for row in rows), **kwargs)
        self._words = [f" {row.casefold()}" for row in rows]
        self._typed = ""

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return character is not None and character.isprintable()

    def on_key(self, event: events.Key) -> None:
        character = event.character
        if character is None or not character.isprintable():
            self._typed = ""  # an arrow or a page key: the next letter starts afresh
            return
        event.stop()
        event.prevent_default()
        here = self.highlighted or 0
        typed = self._typed + character.casefold()
        row = self._find(typed, here)
        if row is None:  # no row goes on with it: the letter on its own, after this row
            typed = character.casefold()
            row = self._find(typed, here + 1)
        self._typed = typed if row is not None else ""
        if row is not None:
            self.highlighted = row

    def _find(self, typed: str, start: int) -> int | None:
        """The first row from `start` on (wrapping round) with a word that starts with `typed`."""
        count = len(self._words)
        for step in range(count):
            row = (start + step) % count
            if f" {typed}" in self._words[row]:
                return row
        return None


class FilterPicker(DeskModal[int | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="filter-cancel")]

    def __init__(self, title: str, rows: list[str], current: int) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="filter-dialog"):
            yield Static(plain(self.title_text), classes="dialog-title")
            yield TypeToJump(self.rows, id="filter-options")
            yield Static("type to jump · enter picks · escape cancels", classes="hint")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        options = self.query_one(TypeToJump)
        options.highlighted = self.current
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_cancel(self) -> None:
        self.dismiss(None)
