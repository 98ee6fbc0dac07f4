"""Putting text on a clipboard, and knowing whether it landed.

The system clipboard first. Where a clipboard program serves it (wl-copy on
Wayland, xclip or xsel on X11, pbcopy on macOS) we run the program ourselves,
check its exit status and read the text back (wl-paste, xclip -o, xsel -o,
pbpaste): a program that starts but copies nothing, as with a stale DISPLAY
or a compositor that is gone, is a failure, not a copy. Elsewhere (Windows,
WSL) pyperclip copies and pastes back for the same check.

Then the terminal's clipboard (OSC 52) where a terminal is attached; nothing
can read that back, so callers hint at `v`. If no way took the text, `Copy`
says so and the caller shows the text. Nothing here raises for a missing or
broken clipboard.
"""

from __future__ import annotations

import base64
import os
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass

from sellerdesk.safe_text import one_line

SYSTEM = "system clipboard"
TERMINAL = "terminal clipboard (OSC 52)"
NOWHERE = "shown only"

# Generous for a busy machine; a healthy copy or read-back takes a few ms.
COPY_SECONDS = 3.0
READ_SECONDS = 2.0


class ClipboardUnavailable(Exception):
    """No clipboard could take the text; the message says why."""


class ClipboardFailed(ClipboardUnavailable):
    """A clipboard program ran, but the text did not land (worth telling the user)."""


@dataclass(frozen=True)
class Copy:
    """Which way the text went (SYSTEM, TERMINAL or NOWHERE) and why earlier ways failed."""

    way: str
    reasons: tuple[str, ...] = ()
    # Set when a clipboard program ran and failed: said even when a later way worked.
    failed: str | None = None

    @property
    def landed(self) -> bool:
        return self.way != NOWHERE


@dataclass(frozen=True)
class _Helper:
    name: str
    copy: tuple[str, ...]
    paste: tuple[str, ...]
    env: tuple[tuple[str, str], ...] = ()


_TEXT = "text/plain;charset=utf-8"  # given, so wl-copy does not guess (~90 ms)
_WAYLAND = _Helper("wl-copy", ("wl-copy", "--type", _TEXT), ("wl-paste", "-n", "-t", _TEXT))
_XCLIP = _Helper(
    "xclip", ("xclip", "-selection", "clipboard"), ("xclip", "-o", "-selection", "clipboard")
)
_XSEL = _Helper("xsel", ("xsel", "--clipboard", "--input"), ("xsel", "--clipboard", "--output"))
_MAC = _Helper("pbcopy", ("pbcopy",), ("pbpaste",), (("LC_CTYPE", "UTF-8"),))


def osc52(text: str) -> str:
    """The escape that asks a terminal to put `text` on its clipboard."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"\x1b]52;c;{encoded}\a"


def _helpers() -> list[_Helper]:
    """The clipboard programs for this session, best first (chosen afresh each
    time: DISPLAY may appear or vanish between copies, e.g. SSH, tests)."""
    if sys.platform == "darwin":
        return [_MAC] if shutil.which("pbcopy") else []
    found = []
    if os.environ.get("WAYLAND_DISPLAY") and shutil.which("wl-copy") and shutil.which("wl-paste"):
        found.append(_WAYLAND)
    if os.environ.get("DISPLAY"):
        found.extend([h for h in (_XCLIP, _XSEL) if shutil.which(h.name)][:1])
    return found


def copy_system(text: str) -> None:
    """Put `text` on the system clipboard and check it is there.

    Raises ClipboardFailed when a clipboard program failed or the clipboard
    holds something else afterwards, ClipboardUnavailable when there is none.
    """
    helpers = _helpers()
    if not helpers:
        _copy_pyperclip(text)
        return
    failures = []
    for helper in helpers:
        try:
            _copy_with(helper, text)
            return
        except ClipboardFailed as exc:
            failures.append(str(exc))
    raise ClipboardFailed("; ".join(failures))


def _copy_with(helper: _Helper, text: str) -> None:
    import subprocess

    env = {**os.environ, **dict(helper.env)}
    try:
        status, _out, said = _run(helper.copy, env, COPY_SECONDS, given=text.encode("utf-8"))
    except subprocess.TimeoutExpired:
        raise ClipboardFailed(f"{helper.name} did not finish in {COPY_SECONDS:g} s") from None
    except OSError as exc:
        raise ClipboardFailed(f"{helper.name} could not run ({exc.strerror})") from exc
    if status != 0:
        why = _first_line(said) or f"exit status {status}"
        raise ClipboardFailed(f"{helper.name} failed: {why}")
    _read_back(helper, text, env)


def _read_back(helper: _Helper, text: str, env: dict[str, str]) -> None:
    """Raise ClipboardFailed unless the clipboard gives `text` back.

    The process that serves the selection is one the copying program left
    behind, and it may take the selection a moment after its parent exited
    (xclip and xsel both can): a wrong or missing answer is asked again, briefly.
    """
    import subprocess
    import time

    paste = helper.paste[0]
    deadline = time.monotonic() + READ_SECONDS
    wait = 0.002
    while True:
        try:
            status, back, said = _run(helper.paste, env, max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            raise ClipboardFailed(f"{paste} did not answer in {READ_SECONDS:g} s") from None
        except OSError as exc:
            raise ClipboardFailed(f"{paste} could not run ({exc.strerror})") from exc
        if status != 0:
            why = _first_line(said) or f"exit status {status}"
            problem = f"{helper.name} ran, but {paste} could not read it back: {why}"
        elif not _same(back.decode("utf-8", "replace"), text):
            problem = f"{helper.name} ran, but the clipboard holds something else"
        else:
            return
        if time.monotonic() + wait > deadline:
            raise ClipboardFailed(problem)
        time.sleep(wait)
        wait = min(wait * 2, 0.1)


def _run(
    command: tuple[str, ...],
    env: dict[str, str],
    seconds: float,
    *,
    given: bytes = b"",
) -> tuple[int, bytes, bytes]:
    """Run a clipboard program to its end: exit status, output, errors.

    Files rather than pipes, in and out: a copying program leaves a process
    behind holding whatever it was given, and a pipe held open would keep a
    reader of ours (or of our own output) waiting for ever. subprocess's timed
    wait sleeps in steps growing to 50 ms, several times what these programs
    take, so this waits in half-milliseconds.
    """
    import subprocess
    import tempfile
    import time

    with (
        tempfile.TemporaryFile() as stdin,
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
    ):
        stdin.write(given)
        stdin.seek(0)
        process = subprocess.Popen(command, stdin=stdin, stdout=out, stderr=err, env=env)
        deadline = time.monotonic() + seconds
        while process.poll() is None:
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                raise subprocess.TimeoutExpired(command, seconds)
            time.sleep(0.0005)
        out.seek(0)
        err.seek(0)
        return process.returncode, out.read(), err.read()


def _copy_pyperclip(text: str) -> None:
    import pyperclip

    try:
        copy, paste = pyperclip.determine_clipboard()
        copy(text)
        back = paste()
    except pyperclip.PyperclipException as exc:
        raise ClipboardUnavailable(_first_line(str(exc)) or "no clipboard") from exc
    except OSError as exc:
        raise ClipboardFailed(str(exc)) from exc
    if not _same(back or "", text):
        raise ClipboardFailed("the clipboard holds something else after the copy")


def _same(back: str, sent: str) -> bool:
    return back.replace("\r\n", "\n") == sent.replace("\r\n", "\n")


def _first_line(said: bytes | str) -> str:
    """What a program said, as one line fit to print (control characters as escapes)."""
    if isinstance(said, bytes):
        said = said.decode("utf-8", "replace")
    lines = [line.strip() for line in said.splitlines() if line.strip()]
    return one_line(lines[0]) if lines else ""


def copy_terminal(text: str, tty: str = "/dev/tty") -> None:
    """Send OSC 52 straight to the controlling terminal (the CLI's way out)."""
    try:
        with open(tty, "w", encoding="ascii") as out:
            out.write(osc52(text))
            out.flush()
    except OSError as exc:
        raise ClipboardUnavailable(f"no terminal to send OSC 52 to ({exc.strerror})") from exc


def copy(text: str, terminal: Callable[[str], object]) -> Copy:
    """The system clipboard, else `terminal` (which sends OSC 52, or raises
    ClipboardUnavailable where there is no terminal), else nowhere."""
    reasons: list[str] = []
    failed = None
    try:
        copy_system(text)
        return Copy(SYSTEM)
    except ClipboardFailed as exc:
        failed = str(exc)
        reasons.append(f"system clipboard: {exc}")
    except ClipboardUnavailable as exc:
        reasons.append(f"system clipboard: {exc}")
    try:
        terminal(text)
        return Copy(TERMINAL, tuple(reasons), failed)
    except ClipboardUnavailable as exc:
        reasons.append(f"terminal: {exc}")
    return Copy(NOWHERE, tuple(reasons), failed)


def summary(copied: Copy, chars: int) -> str:
    """One line for the user: where the text went, and what failed on the way."""
    if not copied.landed:
        return f"Not copied ({'; '.join(copied.reasons)})."
    if copied.failed:
        return (
            f"The system clipboard failed ({copied.failed}); "
            f"copied {chars} characters to the {copied.way} instead."
        )
    return f"Copied {chars} characters to the {copied.way}."


def copy_from_cli(text: str) -> Copy:
    """Copy for a shell command: OSC 52 goes to the controlling terminal, if any."""
    return copy(text, copy_terminal)
