"""Quoting a file's cell in one line of output.

A cell can hold anything: escape sequences, a megabyte of one word, line
breaks. What the import and export say about a file's content is cut to a
readable length and put on one line by `sellerdesk.safe_text`, the rule
every printed string follows.
"""

from __future__ import annotations

from sellerdesk.safe_text import one_line


def shown(text: str, limit: int = 60) -> str:
    """`text` made safe for one line of terminal output, cut to `limit` characters."""
    cut = text if len(text) <= limit else text[: limit - 1] + "…"
    return one_line(cut)
