"""Showing what a user, a client or a file wrote: never read as markup, never
sent to the terminal as a control.

Every screen and widget puts such text on screen through `plain` (or, inside
a Rich `Text` it is building, through `sellerdesk.safe_text.visible`), so the
rule lives here. A Rich `Text` is drawn as it is written: a bracket stays a
bracket and `[link=...]` never becomes a hyperlink. (Escaping into markup is
not enough: Textual's parser still reads `[URGENT]` as a style and doubles
backslashes.) Notifications and titles are made plain by the app itself.
"""

from __future__ import annotations

from rich.text import Text

from sellerdesk.safe_text import visible


def plain(value: object, style: str = "") -> Text:
    """`value` as text to draw: no markup read into it, control characters visible."""
    return Text(visible(str(value)), style=style)


def as_markup(value: object) -> str:
    """`value` as content markup that draws exactly its visible text, for the
    few places that take nothing but markup (the command palette's help line).
    Every bracket is escaped; Textual's `escape` leaves `[URGENT]` a style."""
    return visible(str(value)).replace("[", "\\[")
