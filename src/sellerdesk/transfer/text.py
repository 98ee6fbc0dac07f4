"""Showing text that came from a file or the database in the terminal.

A file's cell can hold anything: escape sequences (a terminal obeys OSC 52
from any printed text), a megabyte of one word, line breaks that would
break a one-line message. Everything the import and export commands print
about a file's content goes through `shown`.
"""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls: never written to a terminal as they are.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture": ␛, ␊, ␀ ...
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def visible(text: str) -> str:
    """`text` with every control character replaced by a visible stand-in."""
    return _CONTROLS.sub(_picture, text)


def shown(text: str, limit: int = 60) -> str:
    """`text` made safe for one line of terminal output, cut to `limit` characters."""
    cut = text if len(text) <= limit else text[: limit - 1] + "…"
    return visible(cut)
