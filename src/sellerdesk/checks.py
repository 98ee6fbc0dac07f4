"""Checking what a person typed into a lead's fields.

Each check returns the cleaned value or raises `Invalid` with a sentence the
person can act on. Plain Python: forms check as you type without the database.
A username may be typed as it is or pasted as the Fiverr link it comes from
(the inbox conversation or the profile), wherever a username is asked for.
"""

from __future__ import annotations

import re
from typing import Any

from sellerdesk.errors import Invalid
from sellerdesk.vocab import INDUSTRIES, PROJECT_TYPES, SOURCES

USERNAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}$")
# "https://www.fiverr.com/inbox/NAME?x=y", "fiverr.com/NAME", "www.fiverr.com/NAME/a-gig".
_FIVERR_LINK = re.compile(
    r"^(?:https?://)?(?:www\.)?fiverr\.com(?P<path>/[^?#\s]*)?(?:[?#]\S*)?$", re.IGNORECASE
)
# First parts of a Fiverr address that are pages, not people.
_NOT_PEOPLE = frozenset(
    {"categories", "gigs", "search", "s", "support", "pro", "start_selling", "login", "join",
     "orders", "manage_orders", "seller_dashboard", "levels", "cp", "resources", "stores"}
)  # fmt: skip
MAX_LABEL = 64
MAX_NAME = 200
# A note is what the seller writes down, not a document; the bound keeps one
# pasted file from filling the timeline.
MAX_NOTE = 20_000

# Fields a person may edit directly, with how each is checked.
EDITABLE = (
    "display_name",
    "website",
    "source",
    "project_type",
    "industry",
    "owner",
    "notes",
    "referred_by",
)


def username_from_link(text: str | None) -> str | None:
    """The username in a Fiverr inbox or profile link; None when `text` is not
    a Fiverr link. A Fiverr link that names nobody is refused with the reason."""
    match = _FIVERR_LINK.match((text or "").strip())
    if match is None:
        return None
    parts = [part for part in (match.group("path") or "").split("/") if part]
    if parts and parts[0].lower() in ("inbox", "users"):
        parts = parts[1:]
    if not parts or parts[0].lower() in _NOT_PEOPLE:
        raise Invalid(
            f"'{(text or '').strip()}' is a Fiverr link with no username in it; paste the link of "
            "the conversation (fiverr.com/inbox/NAME) or of their profile (fiverr.com/NAME)."
        )
    return parts[0]


def clean_username(text: str | None) -> str:
    value = (text or "").strip()
    value = (username_from_link(value) or value).lstrip("@")
    if not value:
        raise Invalid("A Fiverr username is needed.")
    if not USERNAME_RE.match(value):
        raise Invalid(
            f"'{value}' is not a Fiverr username: use letters, digits, '_', '.' or '-', "
            "no spaces, at most 64 characters."
        )
    return value


def as_username(text: str | None) -> str | None:
    """`text` as a username (a link made one) if it can be one, else None:
    whether a search could also be a new lead's name."""
    try:
        return clean_username(text)
    except Invalid:
        return None


def clean_website(text: str | None) -> str | None:
    value = (text or "").strip()
    if not value:
        return None
    if " " in value or "." not in value:
        raise Invalid(f"'{value}' does not look like a website address (e.g. example.com).")
    if len(value) > 500:
        raise Invalid("That website address is longer than 500 characters.")
    return value


def clean_label(text: str) -> str:
    value = " ".join(text.split())
    if not value:
        raise Invalid("A label cannot be empty.")
    if len(value) > MAX_LABEL:
        raise Invalid(f"A label can be at most {MAX_LABEL} characters.")
    return value


def clean_field(name: str, value: Any) -> Any:
    """Check and normalise one editable field; raises Invalid with the reason."""
    return _clean_field(name, value)


def _clean_field(name: str, value: Any) -> Any:
    if name == "website":
        return clean_website(value)
    if name == "source":
        return SOURCES.parse(value) if value else "fiverr_inbox"
    if name == "project_type":
        return PROJECT_TYPES.parse(value) if value else None
    if name == "industry":
        return INDUSTRIES.parse(value) if value else None
    if name == "referred_by":
        return clean_username(value) if value else None
    if name == "display_name":
        value = (value or "").strip() or None
        if value and len(value) > MAX_NAME:
            raise Invalid(f"A display name can be at most {MAX_NAME} characters.")
        return value
    if name == "owner":
        value = (value or "").strip() or None
        if value and len(value) > MAX_NAME:
            raise Invalid(f"An owner's name can be at most {MAX_NAME} characters.")
        return value
    if name == "notes":
        return clean_note(value, what="Notes")
    return (value or "").strip() or None if isinstance(value, str) or value is None else value


def clean_note(text: str | None, what: str = "A note") -> str | None:
    """Text for the record or the timeline, trimmed; None when empty; bounded."""
    value = (text or "").strip() or None
    if value and len(value) > MAX_NOTE:
        raise Invalid(f"{what} can be at most {MAX_NOTE:,} characters; this is {len(value):,}.")
    return value
