"""Keys typed fast land where they were meant to go.

Textual hands a key to the focused widget through that widget's message
queue, and a binding that is not a priority one (Tab, or ↓ in the search
box) acts only once the key has travelled up through every parent's queue
to the app. Meanwhile the next keys, already read from the terminal in the
same burst, were handed to the widget that still had focus: "Yes⇥450" typed
at once put "450" into the first field.

So the app hands over one key at a time: after a key goes to a widget, a
marker follows it on the same path, and the next key waits until the marker
reaches the app, and until what the key's action deferred (a focus change)
has run. A marker that never arrives (its widget was removed) holds nothing
up for more than `WAIT_S`. A paste waits its turn the same way (it goes to
the widget that has focus once the keys before it are dealt with).
"""

from __future__ import annotations

from collections import deque

from textual import events
from textual.app import App
from textual.message import Message
from textual.timer import Timer

WAIT_S = 0.5


class KeyHandled(Message):
    """Follows a key down to the widget it was given to; bubbling back up to
    the app, it says that key has been dealt with."""

    def __init__(self, serial: int) -> None:
        super().__init__()
        self.serial = serial


class OrderedKeys(App):
    """An app that delivers keys one after another (see the module's docstring)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._key_serial = 0
        self._key_in_flight: int | None = None
        self._keys_waiting: deque[events.Key | events.Paste] = deque()
        self._key_timer: Timer | None = None

    @property
    def keys_pending(self) -> bool:
        """A key is still on its way, or waiting for the one before it."""
        return self._key_in_flight is not None or bool(self._keys_waiting)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self._key_in_flight is not None:
                self._keys_waiting.append(event)
                return
            await self._deliver(event)
            return
        await super().on_event(event)

    async def _deliver(self, event: events.Key | events.Paste) -> None:
        target = self.focused or self.screen
        await super().on_event(event)
        if isinstance(event, events.Paste) or not event.is_forwarded:
            return  # dealt with here and now (a priority binding), or text for a field
        self._key_serial += 1
        serial = self._key_in_flight = self._key_serial
        target.post_message(KeyHandled(serial))
        self._key_timer = self.set_timer(WAIT_S, lambda: self._key_done(serial))

    def on_key_handled(self, message: KeyHandled) -> None:
        message.stop()
        # After whatever the key's action asked to run later (a widget's focus()).
        self.call_later(self._key_done, message.serial)

    async def _key_done(self, serial: int) -> None:
        if serial != self._key_in_flight:
            return
        self._key_in_flight = None
        if self._key_timer is not None:
            self._key_timer.stop()
            self._key_timer = None
        while self._keys_waiting and self._key_in_flight is None:
            await self._deliver(self._keys_waiting.popleft())
