"""Where a lead's notes name who referred them ("Referred by: USERNAME").

Seed 002 writes it on a line of its own, but people type it wherever the
sentence ends: "Wants 4 pages; Referred by: bakerybob". It is read at the
start of a line or after `;`, `.` or `,`, in any case, up to the end of that
clause. Pure Python, so reading a file to import needs nothing heavier.
"""

from __future__ import annotations

import re

# The referrer runs to the next `;`, `,`, line end, or a full stop that ends a
# sentence ("bob.smith" keeps its dot; "bob. Wants" does not).
REFERRED_BY = re.compile(
    r"(?:^|(?<=[;.,]))[ \t]*referred by[ \t]*:[ \t]*(?P<by>[^;,\n]*?)[ \t]*"
    r"(?=[;,\n]|\.(?:\s|$)|$)",
    re.IGNORECASE | re.MULTILINE,
)


def referrer_said(notes: str | None) -> str | None:
    """The text the notes give as the referrer (not yet checked as a username), or None."""
    found = REFERRED_BY.search(notes or "")
    return found.group("by") if found else None


def says_referred_by(notes: str | None, by: str) -> bool:
    """Whether the notes already say the lead was referred by `by` (ignoring case)."""
    return any(m.group("by").lower() == by.lower() for m in REFERRED_BY.finditer(notes or ""))
