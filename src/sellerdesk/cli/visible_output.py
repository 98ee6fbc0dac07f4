"""What a command prints reaches the terminal with its control characters made
visible (`sellerdesk.safe_text.visible`), whichever printer wrote it: a lead's
notes, a template's title, an argument echoed back by an error.

Installed around the whole command, argument parsing included, so a printer
added later cannot forget it; the app itself is launched outside it, since it
writes the terminal's own escape sequences.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sellerdesk.safe_text import visible


class VisibleStream:
    """A text stream that passes everything written to it through `visible`."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def visible_output() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleStream(sys.stdout), VisibleStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
