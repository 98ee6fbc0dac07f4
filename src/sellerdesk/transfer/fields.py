"""What a column of an imported file can fill in a lead.

Each field has the name used with `--map COLUMN=FIELD`, a sentence for the
mapping screen, the longest cell it takes (checked before anything else, so
a megabyte in one cell is refused without being echoed), and the headers
that name it in the spreadsheets people keep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sellerdesk.checks import MAX_NOTE


@dataclass(frozen=True)
class Field:
    name: str
    help: str
    max_len: int
    headers: tuple[str, ...] = ()
    repeatable: bool = False  # may be the target of several columns


FIELDS: tuple[Field, ...] = (
    Field("username", "the Fiverr username (required)", 200,
          ("username", "fiverr username", "user name", "user", "buyer", "client username")),
    Field("display_name", "the client's name", 200,
          ("name", "display name", "client name", "full name", "client", "contact name")),
    Field("first_name", "first name (joined with the last name)", 200, ("first name",)),
    Field("last_name", "last name (joined with the first name)", 200, ("last name",)),
    Field("stage", "the stage (New, Qualified, Hot Lead ...)", 100,
          ("stage", "category", "lead stage", "status")),
    Field("website", "the client's website", 500, ("website", "site", "url", "web site")),
    Field("last_messaged", "when they were last messaged (a date)", 64,
          ("last messaged", "last message", "last contacted", "last contact")),
    Field("next_followup", "the next follow-up (a date; planned as a follow-up)", 64,
          ("next follow up", "next followup", "follow up", "follow up date", "next step date")),
    Field("followup_reason", "why to follow up", 500, ("follow up reason", "next step")),
    Field("labels", "labels, separated by , or ;", 2000, ("labels", "label", "tags")),
    Field("notes", "notes (\"Referred by: USERNAME\" records the referral)", MAX_NOTE,
          ("notes", "note", "comments")),
    Field("source", "where the lead came from", 100, ("source", "lead source")),
    Field("referred_by", "the username of who referred them", 200,
          ("referred by", "referrer", "referred by username")),
    Field("project_type", "redesign, new website, changes", 100, ("project type", "project")),
    Field("industry", "the client's industry", 100, ("industry",)),
    Field("owner", "who on the team owns the lead", 100, ("owner", "assigned to")),
    Field("do_not_contact", "do not contact: the reason (or yes)", 2000,
          ("do not contact", "dnc")),
    Field("email", "an email address (kept in the notes)", 320, ("email", "e mail")),
    Field("note", "kept in the notes as 'Column: value'", 2000, (), repeatable=True),
    Field("ignore", "not imported", 0, (), repeatable=True),
)  # fmt: skip

BY_NAME = {f.name: f for f in FIELDS}
FIELD_NAMES = tuple(f.name for f in FIELDS)


def norm(text: str) -> str:
    """A header as compared: lower case, words only ("Next Follow-up" → "next follow up")."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


_BY_HEADER = {norm(header): f.name for f in FIELDS for header in f.headers}


def field_for_header(header: str) -> str | None:
    return _BY_HEADER.get(norm(header))


def parse_field(text: str) -> str:
    """A field named as a person types it: `display_name`, `display name`, `Notes`."""
    from sellerdesk.errors import Invalid

    key = norm(text).replace(" ", "_")
    if key in BY_NAME:
        return key
    by_header = field_for_header(text)
    if by_header:
        return by_header
    raise Invalid(f"'{text}' is not a field; choose one of: {', '.join(FIELD_NAMES)}.")
