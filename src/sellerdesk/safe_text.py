"""Text that users, clients and files wrote, made safe to print or draw.

A terminal obeys the control characters in whatever it is sent: ESC starts a
sequence that can blank the screen or (OSC 52) overwrite the clipboard, BEL
rings, CR moves back over what was written, and terminals that honour C1
treat 0x80–0x9f the same way. Stored text is shown with each such character
replaced by its escape as Python writes it (`\\x1b`, `\\r`), so the reader
sees what is there and the terminal is sent nothing it would obey.

`visible` keeps line breaks and tabs, for text that is meant to span lines (a
note); `one_line` escapes them too, for an error or anything else that must
stay on one line whatever it quotes.
"""

from __future__ import annotations

import re

_SHORT = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape(code: int) -> str:
    if chr(code) in _SHORT:
        return _SHORT[chr(code)]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# C0, DEL and C1: every character a terminal may act on rather than draw.
CONTROLS = frozenset((*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)))
_ONE_LINE = {code: _escape(code) for code in (*CONTROLS, 0x2028, 0x2029)}
_VISIBLE = {code: text for code, text in _ONE_LINE.items() if code in CONTROLS}
del _VISIBLE[ord("\n")], _VISIBLE[ord("\t")]
# The characters `visible` escapes, to find them (a template's lint, a paste).
CONTROL_RE = re.compile("[" + "".join(f"\\x{code:02x}" for code in sorted(_VISIBLE)) + "]")


def visible(text: str) -> str:
    """`text` with every control character but newline and tab replaced by its escape.

    A Windows line break (CR LF) is a line break, not a stray CR."""
    return text.replace("\r\n", "\n").translate(_VISIBLE)


def one_line(text: str) -> str:
    """`text` on one line: every control character, line breaks and tabs included,
    replaced by its escape."""
    return text.translate(_ONE_LINE)
