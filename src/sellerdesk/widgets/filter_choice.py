"""A one-line filter: it shows "All …" or the value chosen, and enter, space
or a click opens a small picker listing "All …" first, then the options.

It stands where a Textual `Select` would, on a screen that must draw fast: a
Select composes a row of Statics and a hidden OptionList, with their styles,
before the first frame. This is one widget that draws one line; the picker
(`sellerdesk.widgets.filter_picker`) is imported and built only when opened.

Setting `value`, `set_options` and `clear()` are silent: only a pick that
changes the value posts `Changed`, so a screen that sets the filter itself
does not search twice. Labels are data (a user's own labels among them):
they are drawn as plain text, here and in the picker, never read as markup.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from sellerdesk.ui.user_text import plain

ARROW = " ▼"


class FilterChoice(Widget, can_focus=True):
    """Shows `prompt` (nothing chosen: `value` is None) or the chosen option's label."""

    DEFAULT_CSS = """
    FilterChoice {
        width: 20;
        height: 1;
        padding: 0 1 0 0;
        background: $surface;
        color: $text-muted;
        pointer: pointer;
    }
    FilterChoice.-chosen {
        color: $foreground;
    }
    FilterChoice:focus {
        background: $selection;
        color: $foreground;
    }
    FilterChoice > .filter-choice--arrow {
        color: $text-muted;
    }
    """
    COMPONENT_CLASSES = {"filter-choice--arrow"}
    BINDINGS = [Binding("enter,space", "open_picker", "Choose", id="filter-choice-open")]
    ALLOW_SELECT = False

    class Changed(Message):
        """The user picked another value (None: all)."""

        def __init__(self, choice: FilterChoice, value: str | None) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> FilterChoice:
            return self.choice

    def __init__(
        self,
        options: Iterable[tuple[str, str]] = (),
        *,
        prompt: str,
        title: str,
        id: str | None = None,
    ) -> None:
        """`options` are (label, value) pairs; `prompt` names "all" ("All stages");
        `title` heads the picker."""
        super().__init__(id=id)
        self.prompt = prompt
        self.title = title
        self._options = list(options)
        self._value: str | None = None

    @property
    def value(self) -> str | None:
        """The chosen value, or None for all. Setting it posts nothing."""
        return self._value

    @value.setter
    def value(self, value: str | None) -> None:
        if value is not None and value not in (v for _label, v in self._options):
            raise ValueError(f"{value!r} is not one of the options")
        self._show(value)

    def set_options(self, options: Iterable[tuple[str, str]]) -> None:
        """Replace the options; the value stays if it is still one of them, else
        it becomes None (all). Posts nothing."""
        self._options = list(options)
        values = {v for _label, v in self._options}
        self._show(self._value if self._value in values else None)

    def clear(self) -> None:
        """Back to all, without posting."""
        self._show(None)

    def _show(self, value: str | None) -> None:
        self._value = value
        self.set_class(value is not None, "-chosen")
        self.refresh()

    def _label(self) -> str:
        for label, value in self._options:
            if value == self._value:
                return label
        return self.prompt

    def render(self) -> Text:
        text = plain(self._label())
        text.truncate(max(self.content_size.width - len(ARROW), 0), overflow="ellipsis", pad=True)
        arrow = self.get_component_rich_style("filter-choice--arrow", partial=True)
        text.append(ARROW, style=arrow)
        return text

    def open_picker(self) -> None:
        """Show the picker over the screen; a pick that changes the value posts `Changed`."""
        from sellerdesk.widgets.filter_picker import FilterPicker

        options = list(self._options)  # what the picker lists, whatever reloads meanwhile
        values = [v for _label, v in options]
        current = values.index(self._value) + 1 if self._value in values else 0

        def picked(row: int | None) -> None:
            if row is None:
                return
            value = None if row == 0 else values[row - 1]
            if value != self._value:
                self._show(value)
                self.post_message(self.Changed(self, value))

        rows = [self.prompt, *(label for label, _v in options)]
        self.app.push_screen(FilterPicker(self.title, rows, current), picked)

    def action_open_picker(self) -> None:
        self.open_picker()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.open_picker()
