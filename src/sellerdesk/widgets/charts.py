"""Charts drawn with block characters, from plain numbers.

Two shapes cover every insight figure: columns over time (one per day or
month, with a target line and one column highlighted) and horizontal bars
(one per stage, bucket, template). Labels are plain text, never markup, so a
template title or a username is shown as written; colours come from the
component classes, which the stylesheet sets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.widget import Widget

EIGHTHS = " ▁▂▃▄▅▆▇█"
LEFT_EIGHTHS = " ▏▎▍▌▋▊▉█"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    note: str = ""
    marked: bool = False


class _Chart(Widget):
    # Few on purpose: each one is styled for every chart on every style update.
    COMPONENT_CLASSES = {"chart--bar", "chart--marked", "chart--target", "chart--muted"}
    DEFAULT_CSS = """
    _Chart { height: auto; }
    """

    def __init__(self, title: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        self._drawn: Text | None = None

    def render(self) -> Text:
        # Asked for more than once a frame (the height, then the lines): drawn once
        # per change of data or style.
        if self._drawn is None:
            self._drawn = self.draw()
        return self._drawn

    def draw(self) -> Text:
        raise NotImplementedError

    def redraw(self) -> None:
        self._drawn = None
        self.refresh(layout=True)

    def notify_style_update(self) -> None:
        self._drawn = None
        super().notify_style_update()

    def _tone(self, name: str) -> Style:
        return self.get_component_rich_style(f"chart--{name}", partial=True)

    def _append_runs(self, out: Text, runs: list[tuple[str, str]]) -> None:
        """Append (text, tone) pieces, joining neighbours of one tone: every
        separate piece becomes a segment the screen measures on every frame."""
        text, tone = "", ""
        for piece, piece_tone in runs:
            if piece_tone != tone and text:
                out.append(text, self._tone(tone))
                text = ""
            text, tone = text + piece, piece_tone
        if text:
            out.append(text, self._tone(tone))

    def heading(self) -> Text:
        return Text(self.title, "bold") if self.title else Text()


class ColumnChart(_Chart):
    """One column per value, oldest on the left, a dotted line at the target."""

    def __init__(self, title: str = "", *, height: int = 5, id: str | None = None) -> None:
        super().__init__(title, id=id)
        self.rows = height
        self.values: Sequence[float] = ()
        self.labels: Sequence[str] = ()
        self.target: float | None = None
        self.marked: int | None = None

    def show(
        self,
        values: Sequence[float],
        labels: Sequence[str],
        *,
        target: float | None = None,
        marked: int | None = None,
    ) -> None:
        """`labels` go under the columns (an empty one leaves a gap); `marked` is highlighted."""
        self.values, self.labels, self.target, self.marked = values, labels, target, marked
        self.redraw()

    def draw(self) -> Text:
        out = self.heading()
        if not self.values:
            return out
        top = max([*self.values, self.target or 0, 1])
        scale = self.rows / top
        target_row = None if not self.target else min(self.rows - 1, int(self.target * scale))
        width = max(len(_number(top)), len(_number(self.target or 0)))
        for row in range(self.rows - 1, -1, -1):
            if out:
                out.append("\n")
            if row == self.rows - 1:
                axis = _number(top)
            elif row == target_row:
                axis = _number(self.target or 0)
            else:
                axis = ""
            out.append(f"{axis:>{width}} ┤", self._tone("muted"))
            runs: list[tuple[str, str]] = []
            for n, value in enumerate(self.values):
                fill = max(0.0, min(1.0, value * scale - row))
                cell = EIGHTHS[round(fill * 8)] * 2
                gap = "╌" if row == target_row else " "
                if cell == "  " and row == target_row:
                    runs.append(("╌╌╌", "target"))
                else:
                    runs.extend(((cell, "marked" if n == self.marked else "bar"), (gap, "target")))
            self._append_runs(out, runs)
        out.append("\n" + " " * width + " └" + "───" * len(self.values), self._tone("muted"))
        # Each label starts under its column; the last may run past the end.
        line = ""
        for n, label in enumerate(self.labels):
            if label and len(line) <= 3 * n:
                line = line.ljust(3 * n) + label
        out.append("\n" + " " * (width + 2) + line, self._tone("muted"))
        return out


class BarChart(_Chart):
    """One bar per line: a label, a bar as long as its share of the largest, a note."""

    def __init__(self, title: str = "", *, width: int = 40, id: str | None = None) -> None:
        super().__init__(title, id=id)
        self.bar_width = width
        self.bars: Sequence[Bar] = ()

    def show(self, bars: Sequence[Bar]) -> None:
        self.bars = bars
        self.redraw()

    def draw(self) -> Text:
        out = self.heading()
        if not self.bars:
            return out
        top = max([bar.value for bar in self.bars] + [1])
        label_width = max(len(bar.label) for bar in self.bars)
        for bar in self.bars:
            if out:
                out.append("\n")
            out.append(f"{bar.label:<{label_width}} ", self._tone("muted"))
            eighths = round(bar.value / top * self.bar_width * 8)
            full, part = divmod(eighths, 8)
            drawn = "█" * full + (LEFT_EIGHTHS[part] if part else "")
            tone = self._tone("marked" if bar.marked else "bar")
            out.append(drawn.ljust(self.bar_width + 1), tone)
            out.append(bar.note)
        return out


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
