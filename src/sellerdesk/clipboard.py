"""Putting text on a clipboard: the system's first, else the terminal's (OSC 52).

Nothing here raises for a missing clipboard: callers learn which way worked
(or that none did) and say so; the text itself is never lost because the
caller records it on the timeline whatever happens here.
"""

from __future__ import annotations

import base64
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

SYSTEM = "system clipboard"
TERMINAL = "terminal clipboard (OSC 52)"
NOWHERE = "not copied"


class ClipboardUnavailable(Exception):
    """No clipboard could take the text; the message says why."""


def osc52(text: str) -> str:
    """The escape that asks a terminal to put `text` on its clipboard."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{encoded}\a"


def copy_system(text: str, *, detach_output: bool = False) -> None:
    """Copy with pyperclip; raise ClipboardUnavailable where there is no clipboard.

    `detach_output`: xclip stays alive to hold the selection and would keep our
    stdout/stderr open, so a caller reading this process's output through a pipe
    would wait for ever. The CLI sets it; the TUI (which owns the terminal) does not.
    """
    import pyperclip

    try:
        # Chosen afresh each time: pyperclip otherwise caches its first choice,
        # and DISPLAY may appear or vanish between copies (e.g. SSH, tests).
        copy, _paste = pyperclip.determine_clipboard()
        if detach_output:
            with _output_detached():
                copy(text)
        else:
            copy(text)
    except pyperclip.PyperclipException as exc:
        raise ClipboardUnavailable(
            str(exc).splitlines()[0] if str(exc) else "no clipboard"
        ) from exc
    except OSError as exc:
        raise ClipboardUnavailable(str(exc)) from exc


@contextmanager
def _output_detached() -> Iterator[None]:
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, devnull):
            os.close(fd)


def copy_terminal(text: str, tty: str = "/dev/tty") -> None:
    """Send OSC 52 straight to the controlling terminal (the CLI's way out)."""
    try:
        with open(tty, "w", encoding="ascii") as out:
            out.write(osc52(text))
            out.flush()
    except OSError as exc:
        raise ClipboardUnavailable(f"no terminal to send OSC 52 to ({exc.strerror})") from exc


def copy_from_cli(text: str) -> tuple[str, list[str]]:
    """Copy for a shell command: which path worked, and why the others did not."""
    reasons: list[str] = []
    try:
        copy_system(text, detach_output=True)
        return SYSTEM, reasons
    except ClipboardUnavailable as exc:
        reasons.append(f"system clipboard: {exc}")
    try:
        copy_terminal(text)
        return TERMINAL, reasons
    except ClipboardUnavailable as exc:
        reasons.append(f"terminal: {exc}")
    return NOWHERE, reasons
