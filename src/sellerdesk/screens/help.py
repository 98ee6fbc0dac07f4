"""The help screen: what the screen underneath is for (its own `HELP` text:
its keys, its gates, its words), then every key of that screen and of the app,
read from the bindings themselves so keys added later appear here too."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from sellerdesk.ui.desk import DeskModal
from sellerdesk.ui.theme import WARNING_BOLD

# For a screen that does not explain itself (no HELP attribute).
ABOUT = "The keys of this screen, then those that work everywhere."
# Textual's own keys, which every screen has and the bindings below leave out.
MOVING = [
    ("tab, shift+tab", "The next / previous part of the screen: a field, a list, a checkbox"),
    ("space", "Ticks or unticks the checkbox that has focus"),
]


class HelpScreen(DeskModal[None]):
    BINDINGS = [
        Binding("escape,q,f1,question_mark", "dismiss", "Close", id="help-close"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            beneath = self._beneath()
            yield Static("Help: " + _section_title(type(beneath).__name__), id="help-title")
            yield Static(getattr(beneath, "HELP", None) or ABOUT, id="help-about")
            yield Static(self._keys_table(), id="help-keys")
        yield Footer(show_command_palette=False)

    def _beneath(self) -> Screen:
        stack = self.app.screen_stack
        index = stack.index(self) if self in stack else len(stack)
        return stack[index - 1] if index > 0 else self

    def _keys_table(self) -> Table:
        table = Table.grid(padding=(0, 3))
        table.add_column(style=WARNING_BOLD, no_wrap=True)
        table.add_column()
        beneath = self._beneath()
        sections = [(beneath.__class__.__name__, self._bindings_of(beneath))]
        # Keys that work while a part of the screen has focus (the list, a panel).
        kinds: dict[type, None] = {}
        for widget in beneath.query("*"):
            if type(widget).__module__.startswith("sellerdesk"):
                kinds.setdefault(type(widget))
        for kind in kinds:
            bindings = self._bindings_of(kind)
            if bindings:
                sections.append((_widget_title(kind.__name__), bindings))
        sections.append(("Everywhere", [*self._bindings_of(self.app), *MOVING]))
        for title, bindings in sections:
            if not bindings:
                continue
            table.add_row(Text(_section_title(title), style="bold underline"), "")
            for keys, description in bindings:
                table.add_row(keys, description)
            table.add_row("", "")
        return table

    def _bindings_of(self, node) -> list[tuple[str, str]]:
        rows: list[tuple[str, str]] = []
        seen: set[str] = set()
        for binding in self._declared(node):
            if not binding.description or binding.system or binding.action in seen:
                continue
            seen.add(binding.action)
            keys = ", ".join(
                self.app.get_key_display(Binding(key.strip(), binding.action))
                for key in binding.key.split(",")
            )
            rows.append((keys, binding.description))
        return rows

    @staticmethod
    def _declared(node) -> list[Binding]:
        found: list[Binding] = []
        for cls in (node if isinstance(node, type) else type(node)).__mro__:
            if not cls.__module__.startswith("sellerdesk"):
                continue  # Textual's own keys (tab, ctrl+c) are not ours to explain
            for item in cls.__dict__.get("BINDINGS", []):
                if isinstance(item, Binding) and item not in found:
                    found.append(item)
        return found


def _section_title(name: str) -> str:
    names = {
        "HomeScreen": "Lead book",
        "LeadScreen": "Lead",
        "LeadFormScreen": "Lead form",
        "ScriptScreen": "Sales script",
        "TemplateLibraryScreen": "Message library",
        "OrderFormScreen": "New order",
        "QueueScreen": "Whole queue",
    }
    return names.get(name, name.removesuffix("Screen"))


def _widget_title(name: str) -> str:
    """'LeadList' → 'In the lead list'."""
    words = "".join(f" {ch.lower()}" if ch.isupper() else ch for ch in name).strip()
    return f"In the {words}"
