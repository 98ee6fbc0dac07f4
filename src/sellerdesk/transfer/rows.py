"""Reading one row of an imported file into a lead, checked by the same rules
as a lead typed in by hand (`sellerdesk.checks`, the vocabularies, labels).

Every problem is collected with the column it is in, so a refused row says
all that is wrong with it at once. Nothing here reads the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any, NamedTuple

from sellerdesk.checks import clean_field, clean_label, clean_username
from sellerdesk.errors import Invalid
from sellerdesk.referrals.said import referrer_said
from sellerdesk.transfer.csv_read import Row
from sellerdesk.transfer.dates import Moment, parse_moment
from sellerdesk.transfer.fields import BY_NAME
from sellerdesk.transfer.layouts import OWN, Mapping
from sellerdesk.transfer.own import OWN_LIMITS, json_list
from sellerdesk.transfer.text import shown
from sellerdesk.vocab import STAGES

# What the CRM card of seed 002 shows in an empty field: typed as seen, it means empty.
PLACEHOLDERS = {
    "click to add website",
    "mm/dd/yyyy",
    "dd/mm/yyyy",
    "yyyy-mm-dd",
    "mm/dd/yyyy update",
    "search or select labels",
}
YES = {"yes", "y", "true", "1", "x", "dnc", "do not contact"}
NO = {"no", "n", "false", "0", ""}
# Formula-safe exports put a quote before a cell starting with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EDITABLE_GIVEN = ("display_name", "website", "source", "project_type", "industry", "owner")


@dataclass(frozen=True, slots=True)
class Problem:
    column: str  # the column's header; "" when it is the row as a whole
    why: str


@dataclass(slots=True)
class Candidate:
    """A lead as a row gives it: only what the row says (empty cells say nothing)."""

    username: str
    fields: dict[str, Any] = field(default_factory=dict)  # checked editable fields
    stage: str | None = None
    labels: list[str] = field(default_factory=list)
    last_messaged_at: datetime | None = None
    followup: Moment | None = None
    followup_reason: str = ""
    dnc_reason: str | None = None
    referred_by: str | None = None
    restore: dict[str, Any] | None = None  # the rest of a sellerdesk export's row
    columns: dict[str, str] = field(default_factory=dict)  # field → its column's header

    def column(self, name: str) -> str:
        return self.columns.get(name, "")


def cell_text(raw: str) -> str:
    value = raw.strip()
    if value.lower() in PLACEHOLDERS:
        return ""
    if value.startswith("'") and value[1:2] in FORMULA_START and value[1:2]:
        return value[1:]  # undo the quote a formula-safe export put there
    return value


class Cells(NamedTuple):
    """A row's cells by field, before they are read as a lead."""

    given: dict[str, str]
    headers: dict[str, str]
    notes_extra: list[str]
    problems: list[Problem]


def read_cells(row: Row, mapping: Mapping) -> Cells:
    """The row's non-empty cells by field, and the problems with the row as a whole
    or with a cell's size (`plan.read_row` reads them as a lead)."""
    problems: list[Problem] = []
    given: dict[str, str] = {}
    headers = _headers(mapping)
    notes_extra: list[str] = []
    width = len(mapping.columns)
    extra = [cell for cell in row.cells[width:] if cell.strip()]
    if extra:
        problems.append(Problem("", f"has {len(row.cells)} cells; the header has {width}"))
    for column in mapping.columns:
        name = column.field
        if not name or name == "ignore" or column.index >= len(row.cells):
            continue
        raw = row.cells[column.index]
        limit = _limit(name, mapping)
        if limit and len(raw) > limit:
            problems.append(
                Problem(column.header, f"is {len(raw):,} characters long; at most {limit:,}")
            )
            continue
        value = cell_text(raw)
        if not value:
            continue
        if name == "note" or (name == "email" and mapping.layout != OWN):
            label = "Email" if name == "email" else column.header
            notes_extra.append(f"{label}: {value}")
            if name == "email":
                given.setdefault("email", value)
            continue
        given[name] = value
    return Cells(given, headers, notes_extra, problems)


@lru_cache(maxsize=16)
def _headers(mapping: Mapping) -> dict[str, str]:
    """Field → the header of the column that fills it; shared by every row, never changed."""
    headers: dict[str, str] = {}
    for column in mapping.columns:
        if column.field and column.field != "ignore":
            headers.setdefault(column.field, column.header)
    if "first_name" in headers or "last_name" in headers:
        headers.setdefault("display_name", headers.get("first_name") or headers["last_name"])
    return headers


def _limit(name: str, mapping: Mapping) -> int:
    if mapping.layout == OWN:
        return OWN_LIMITS.get(name, 0)
    return BY_NAME[name].max_len


def check_cell(problems: list[Problem], column: str, check, *args):
    try:
        return check(*args)
    except Invalid as exc:
        problems.append(Problem(column, _reason(exc)))
        return None


def _reason(exc: Invalid) -> str:
    text = str(exc).rstrip(".")
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def read_fields(
    given: dict[str, str],
    headers: dict[str, str],
    notes_extra: list[str],
    problems: list[Problem],
    day_first: bool,
) -> Candidate:
    username_text = given.get("username")
    columns = headers
    if not username_text and given.get("email"):
        username_text = given["email"].split("@", 1)[0]
        columns = headers | {"username": headers["email"]}
    username_column = columns.get("username", "")
    username = check_cell(problems, username_column, clean_username, username_text) or ""
    lead = Candidate(username, columns=columns)
    name = given.get("display_name") or " ".join(
        part for part in (given.get("first_name"), given.get("last_name")) if part
    )
    if name:
        given["display_name"] = name
    for key in EDITABLE_GIVEN:
        if key in given:
            value = check_cell(problems, headers[key], _field, key, given[key])
            if value is not None:
                lead.fields[key] = value
    if "stage" in given:
        lead.stage = check_cell(problems, headers["stage"], _stage, given["stage"])
    if "labels" in given:
        lead.labels = read_labels(given["labels"], headers["labels"], problems)
    for key, target in (("last_messaged", "last_messaged_at"), ("next_followup", "followup")):
        if key in given:
            moment = check_cell(problems, headers[key], _moment, given[key], day_first)
            if moment is not None:
                setattr(lead, target, moment.at if target == "last_messaged_at" else moment)
    if "followup_reason" in given:
        lead.followup_reason = " ".join(given["followup_reason"].split())
    if "do_not_contact" in given:
        lead.dnc_reason = _dnc(given["do_not_contact"])
    _notes(lead, given, headers, notes_extra, problems)
    if lead.dnc_reason and lead.followup is not None:
        problems.append(
            Problem(
                headers["next_followup"],
                "the lead is marked do-not-contact, so no follow-up can be planned",
            )
        )
    return lead


# A sheet repeats its stages, sources and dates thousands of times: each distinct
# text is checked once. (A refusal raises, and is not remembered.)
_CACHE = 4096


@lru_cache(maxsize=_CACHE)
def _stage(text: str) -> str:
    return STAGES.parse(text)


@lru_cache(maxsize=_CACHE)
def _field(key: str, text: str) -> Any:
    return clean_field(key, text)


@lru_cache(maxsize=_CACHE)
def _moment(text: str, day_first: bool) -> Moment:
    return parse_moment(text, day_first=day_first)


def _dnc(text: str) -> str | None:
    lowered = text.strip().lower()
    if lowered in NO:
        return None
    if lowered in YES:
        return "Marked do-not-contact in the imported file"
    return " ".join(text.split())


def read_labels(text: str, column: str, problems: list[Problem]) -> list[str]:
    try:
        return list(_label_list(text))
    except Invalid:
        pass
    found: list[str] = []
    for part in _label_parts(text):
        label = check_cell(problems, column, clean_label, part)
        if label and label.lower() not in {f.lower() for f in found}:
            found.append(label)
    return found


@lru_cache(maxsize=_CACHE)
def _label_list(text: str) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for part in _label_parts(text):
        label = clean_label(part)
        seen.setdefault(label.lower(), label)
    return tuple(seen.values())


def _label_parts(text: str) -> list[str]:
    parts = json_list(text)
    if parts is None:
        parts = re.split(r"[,;]", text)
    return [part for part in parts if part.strip()]


def clear_caches() -> None:
    """Forget what earlier imports checked (the local zone may have changed since)."""
    for cached in (_stage, _field, _moment, _label_list, _headers):
        cached.cache_clear()


def _notes(
    lead: Candidate,
    given: dict[str, str],
    headers: dict[str, str],
    extra: list[str],
    problems: list[Problem],
) -> None:
    notes = given.get("notes", "")
    column = headers.get("notes", "")
    said = referrer_said(notes)
    by_notes = None
    if said is not None:
        by_notes = check_cell(problems, column, _referrer, said)
    by_column = None
    if "referred_by" in given:
        by_column = check_cell(
            problems, headers["referred_by"], clean_username, given["referred_by"]
        )
    if by_notes and by_column and by_notes.lower() != by_column.lower():
        problems.append(
            Problem(
                headers["referred_by"],
                f"says {by_column} but the notes say 'Referred by: {by_notes}'",
            )
        )
    lead.referred_by = by_column or by_notes
    if lead.referred_by and lead.username and lead.referred_by.lower() == lead.username.lower():
        where = column or headers.get("referred_by", "")
        problems.append(Problem(where, "a lead cannot refer itself"))
    text = "\n".join(part for part in (notes.strip(), *extra) if part)
    if text:
        checked = check_cell(problems, column or "Notes", clean_field, "notes", text)
        if checked:
            lead.fields["notes"] = checked


def _referrer(text: str) -> str:
    try:
        return clean_username(text)
    except Invalid:
        raise Invalid(
            f"the notes say 'Referred by: {shown(text, 40)}', which is not a Fiverr username; "
            "write the referrer's username"
        ) from None
