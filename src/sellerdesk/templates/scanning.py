"""Running lint patterns over text of any length in linear time.

Python's regular expressions backtrack: a pattern that tries every start
position and rescans what follows it takes quadratic time on the wrong
input (a 200 KB run of digits or dotted words took tens of seconds). Two
things keep lint linear whatever a template holds:

- every pattern search goes through `matches`, which gives the engine one
  window at a time: matches start inside WINDOW characters and may run on
  for REACH more, so no search ever sees more than WINDOW + REACH characters
  and the number of searches grows with the text's length, nothing else;
- the patterns themselves have no nested or overlapping repetition: runs
  are taken whole (possessive quantifiers) and only from where they begin
  (a look-behind), so a failed attempt costs the run once, not once per
  character of it.

A match longer than REACH (an address or a link of hundreds of characters)
is cut at REACH characters past its window; it is still found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WINDOW = 2048
REACH = 256


def search_span(pattern: re.Pattern[str], text: str, pos: int, end: int) -> Iterator[re.Match]:
    """The one place the regex engine meets lint text: `text[pos:end]`, never more.

    Look-behinds still see the characters before `pos`; look-aheads see the
    window's end as the end of the text.
    """
    return pattern.finditer(text, pos, end)


def matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match]:
    """Every match of `pattern` in `text`, left to right and not overlapping,
    found window by window."""
    size = len(text)
    last_end = 0
    for start in range(0, max(size, 1), WINDOW):
        stop = min(start + WINDOW, size) if size else 1
        pos = max(start, last_end)
        if pos >= stop:
            continue
        last = None
        for match in search_span(pattern, text, pos, min(stop + REACH, size)):
            if match.start() >= stop:
                break
            last = match
            yield match
        if last is not None:
            last_end = max(last.end(), last.start() + 1)


def search(pattern: re.Pattern[str], text: str) -> re.Match | None:
    return next(matches(pattern, text), None)


def sub(pattern: re.Pattern[str], replacement: str, text: str) -> str:
    """`pattern.sub(replacement, text)` with a plain replacement, window by window."""
    out: list[str] = []
    done = 0
    for match in matches(pattern, text):
        out.append(text[done : match.start()])
        out.append(replacement)
        done = match.end()
    out.append(text[done:])
    return "".join(out)
