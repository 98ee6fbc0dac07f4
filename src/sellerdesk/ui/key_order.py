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
has run. A paste waits its turn the same way (it goes to the widget that has
focus once the keys before it are dealt with).

How long a marker takes is no sign that it is lost: on a busy machine the
event loop can stall for a second between two hops, and a key let go on a
deadline then lands in the field the focus is just leaving. A marker is lost
only when the widget it was given to leaves the screen before passing it on
(Esc closing a dialog), so that is what the held keys check for, every
`CHECK_S`. Past `GIVE_UP_S` they go on anyway, so that a handler that never
returns cannot take the keyboard with it.
"""

from __future__ import annotations

from collections import deque
from time import monotonic

from textual import events
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.timer import Timer

CHECK_S = 0.05
GIVE_UP_S = 5.0


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
        self._key_target: MessagePump | None = None
        self._key_sent_at = 0.0
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
        self._key_target, self._key_sent_at = target, monotonic()
        target.post_message(KeyHandled(serial))
        if self._key_timer is None:
            self._key_timer = self.set_interval(CHECK_S, self._check_key)
        else:
            self._key_timer.resume()

    async def _check_key(self) -> None:
        target, serial = self._key_target, self._key_in_flight
        if serial is None or target is None:
            return
        lost = target._closing or target._closed or not target.is_attached
        if lost or monotonic() - self._key_sent_at > GIVE_UP_S:
            await self._key_done(serial)

    def on_key_handled(self, message: KeyHandled) -> None:
        message.stop()
        # After whatever the key's action asked to run later (a widget's focus()).
        self.call_later(self._key_done, message.serial)

    async def _key_done(self, serial: int) -> None:
        if serial != self._key_in_flight:
            return
        self._key_in_flight = self._key_target = None
        if self._key_timer is not None:
            self._key_timer.pause()
        while self._keys_waiting and self._key_in_flight is None:
            await self._deliver(self._keys_waiting.popleft())
