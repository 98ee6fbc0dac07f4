"""Typing as a terminal delivers it: a whole burst of keys at once, with no
pause for the app to catch up between them (the Pilot's `press` waits)."""

from __future__ import annotations

from textual import events

NAMES = {" ": "space", ".": "full_stop", "-": "minus", "_": "underscore", "/": "slash",
         ",": "comma", ":": "colon", "@": "at", "?": "question_mark", "\t": "tab"}  # fmt: skip


def burst(pilot, *keys: str) -> None:
    """Send `keys` (key names, or text split into characters) all at once."""
    driver = pilot.app._driver
    for key in keys:
        for name, char in _events(key):
            event = events.Key(name, char)
            event.set_sender(pilot.app)
            driver.send_message(event)


def _events(key: str) -> list[tuple[str, str | None]]:
    if len(key) > 1 and key.startswith("text:"):
        return [(NAMES.get(ch, ch), ch) for ch in key.removeprefix("text:")]
    if len(key) == 1:
        return [(NAMES.get(key, key), key)]
    printable = {"space": " ", "tab": "\t", "enter": "\r"}
    return [(key, printable.get(key))]


async def typed(pilot, *keys: str) -> None:
    """`burst`, then wait until the app has dealt with every key (a signal, not a delay)."""
    burst(pilot, *keys)
    app = pilot.app
    for _ in range(500):
        await pilot.pause()
        if not app.keys_pending:
            break
    else:
        raise AssertionError("the keys typed were never all dealt with")
    await pilot.pause()
