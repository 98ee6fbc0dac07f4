"""The box a seller edits a value in (a script's answer, a placeholder's value).

Textual's Input moves to the start of the line on ctrl+a (as in a shell) and
selects all on ctrl+shift+a, which most terminals cannot send apart from
ctrl+a. Sellers press ctrl+a to replace what a box holds, so here it selects
all; home still goes to the start. A box that gets focus holds its value
selected (Textual's `select_on_focus`), so typing replaces an old answer.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input


class ValueBox(Input):
    BINDINGS = [Binding("ctrl+a", "select_all", "Select all", show=False, id="value-select-all")]
