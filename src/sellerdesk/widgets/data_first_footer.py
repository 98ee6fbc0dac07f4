"""A footer that lists its keys once the screen's first data is on it.

Textual's footer draws its keys right after the first frame, when the focus
is first given: a dozen small widgets composed and styled while the home
screen's first look is being read in a thread, which then waits for the
interpreter lock. Here the keys wait until the screen says its data is shown
(`data_shown`), so the queue and the leads come first and the keys a moment
later. `LATEST_S` bounds the wait, should the data never come.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class DataFirstFooter(Footer):
    LATEST_S = 1.0

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown = False
        self._asked: Screen | None = None

    def on_mount(self) -> None:
        self.set_timer(self.LATEST_S, self.data_shown)

    def bindings_changed(self, screen: Screen) -> None:
        if self._shown:
            super().bindings_changed(screen)
        else:
            self._asked = screen

    def data_shown(self) -> None:
        """The screen's first data is drawn: the keys may follow (once)."""
        if self._shown:
            return
        self._shown = True
        if self._asked is not None:
            # Through the footer's own queue: its keys bind to its reactives,
            # which Textual looks up on whichever node is running the call.
            self.call_later(super().bindings_changed, self._asked)
            self._asked = None
