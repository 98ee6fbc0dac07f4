"""Dates as spreadsheets write them: 2026-11-23, 11/23/2026, 23 Nov 2026 ...

A numeric date with both parts 12 or less is read month first, as the US
Fiverr CRM of seed 002 shows it (MM/DD/YYYY), unless the import is told
`day_first`. A date that can only be read the other way is refused with the
fix, rather than guessed: one such row means the whole file may be written
the other way round, and the rows that fit both ways would be read wrong.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sellerdesk.errors import Invalid
from sellerdesk.followups.when import at_local, start_of_day
from sellerdesk.transfer.text import shown

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower() for name in (*calendar.day_name, *calendar.day_abbr)}

_NUMERIC = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?$")
_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Moment:
    """A parsed date: the UTC moment, and whether a time of day was written."""

    at: datetime
    has_time: bool


def parse_moment(text: str, *, day_first: bool = False) -> Moment:
    """Read one date as typed in a spreadsheet cell; raises `Invalid` with why not."""
    raw = " ".join(text.split())
    if _ISO_START.match(raw):
        return _iso(raw)
    words = raw.lower().replace(",", " ").split()
    if words and words[0].rstrip(".") in WEEKDAYS:
        words = words[1:]
    day_words, at = _split_time(words, raw)
    if len(day_words) == 1 and _NUMERIC.match(day_words[0]):
        day = _numeric(day_words[0], raw, day_first)
    elif len(day_words) == 3:
        day = _spelled(day_words, raw)
    else:
        raise Invalid(_not_a_date(raw))
    if at is None:
        return Moment(start_of_day(day), False)
    return Moment(at_local(day, at), True)


def _not_a_date(raw: str) -> str:
    return (
        f"'{shown(raw, 40)}' is not a date (write 2026-11-23, 11/23/2026 or 23 Nov 2026)"
    )


def _iso(raw: str) -> Moment:
    try:
        moment = datetime.fromisoformat(raw.replace(" ", "T", 1) if " " in raw else raw)
    except ValueError:
        return _checked_iso_date(raw)
    if len(raw) == 10:
        return Moment(start_of_day(moment.date()), False)
    if moment.tzinfo is None:
        return Moment(at_local(moment.date(), moment.time()), True)
    return Moment(moment.astimezone(UTC), True)


def _checked_iso_date(raw: str) -> Moment:
    match = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", raw)
    if match:
        year, month, day = (int(part) for part in match.groups())
        _real_day(year, month, day, raw)
    raise Invalid(_not_a_date(raw))


def _split_time(words: list[str], raw: str) -> tuple[list[str], time | None]:
    for take in (2, 1):
        if len(words) <= take:
            continue
        candidate = "".join(words[-take:])
        match = _TIME.match(candidate)
        if match:
            return words[:-take], _time(match, raw)
    return words, None


def _time(match: re.Match[str], raw: str) -> time:
    hour, minute = int(match.group(1)), int(match.group(2))
    second, half = int(match.group(3) or 0), match.group(4)
    if half:
        if not 1 <= hour <= 12:
            raise Invalid(f"'{shown(raw, 40)}' has no such time of day")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59 or second > 59:
        raise Invalid(f"'{shown(raw, 40)}' has no such time of day")
    return time(hour, minute, second)


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:
        year += 2000 if year < 70 else 1900
    return year


def _numeric(word: str, raw: str, day_first: bool) -> date:
    match = _NUMERIC.match(word)
    assert match is not None
    first, second, third = match.groups()
    if len(first) == 4:  # 2026/11/23
        return _real_day(int(first), int(second), int(third), raw)
    a, b, year = int(first), int(second), _year(third)
    if day_first:
        if b > 12 and a <= 12:
            raise Invalid(
                f"'{shown(raw, 40)}' reads month first ({b} is not a month); "
                "import without --day-first"
            )
        return _real_day(year, b, a, raw)
    if a > 12 and b <= 12:
        raise Invalid(
            f"'{shown(raw, 40)}' reads day first ({a} is not a month); "
            "import with --day-first if the file writes dates day first"
        )
    return _real_day(year, a, b, raw)


def _spelled(words: list[str], raw: str) -> date:
    """23 Nov 2026, 23rd November 2026, Nov 23 2026."""
    first, second, third = (word.rstrip(".") for word in words)
    if first in MONTHS:
        month, day_text = MONTHS[first], second
    elif second in MONTHS:
        month, day_text = MONTHS[second], first
    else:
        raise Invalid(_not_a_date(raw))
    day_text = re.sub(r"(st|nd|rd|th)$", "", day_text)
    if not day_text.isdigit() or not third.isdigit():
        raise Invalid(_not_a_date(raw))
    return _real_day(_year(third), month, int(day_text), raw)


def _real_day(year: int, month: int, day: int, raw: str) -> date:
    if not 1 <= month <= 12:
        raise Invalid(f"'{shown(raw, 40)}' has no month {month}")
    try:
        return date(year, month, day)
    except ValueError:
        last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 31
        raise Invalid(
            f"'{shown(raw, 40)}' does not exist: {calendar.month_name[month]} {year} "
            f"has {last} days"
        ) from None
