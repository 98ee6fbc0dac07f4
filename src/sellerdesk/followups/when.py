"""Turning the words people use for a date ("2w", "fri", "next monday 15:00")
into a due moment.

Dates are reasoned about in the user's local zone (`clock.local_zone()`) and
returned in UTC. A date without a time is due at the start of that local day
and is shown without a time. Wall-clock arithmetic keeps "in 1 day" at the
same local time across a daylight-saving change.

Every date is checked against a window (from 2000 to ten years ahead) before
it is turned into a moment: the far ends of the calendar do not survive a
change of zone (9999-12-31 in New York is past year 9999 in UTC).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sellerdesk import clock
from sellerdesk.errors import Invalid

ACCEPTED = (
    "2w, 3d, 4h, today, tomorrow, fri, next monday, 2026-12-01, "
    "optionally with a time: tomorrow 9:30, fri 15:00, 3pm"
)

WEEKDAYS = {
    "mon": 0, "monday": 0,
    "tue": 1, "tues": 1, "tuesday": 1,
    "wed": 2, "weds": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5,
    "sun": 6, "sunday": 6,
}  # fmt: skip

_UNITS = {
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
    "d": "d", "day": "d", "days": "d",
    "w": "w", "wk": "w", "wks": "w", "week": "w", "weeks": "w",
}  # fmt: skip
_RELATIVE = re.compile(r"^(?:in\s+)?([+-]?)(\d{1,3})\s*([a-z]+)$")
_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")

EARLIEST = date(2000, 1, 1)
YEARS_AHEAD = 10


@dataclass(frozen=True)
class When:
    """A parsed due moment: UTC, and whether a time of day was given."""

    due_at: datetime
    has_time: bool

    @property
    def local(self) -> datetime:
        return clock.to_local(self.due_at)

    def describe(self) -> str:
        return describe(self.due_at, self.has_time)


def describe(due_at: datetime, has_time: bool) -> str:
    """How a due moment is shown: "Fri 2026-11-27", with " 15:00" when a time was given."""
    local = clock.to_local(due_at)
    text = local.strftime("%a %Y-%m-%d")
    return f"{text} {local:%H:%M}" if has_time else text


def day_or_moment(due_at: datetime | None) -> str:
    """A lead's next follow-up as lists show it: "2026-12-04", or "2026-12-04 10:00"
    when it has a time of day.

    The lead keeps only the moment of its earliest follow-up, not whether a time
    was given; a follow-up planned for a day is due at the start of that local
    day, so local midnight reads as the day alone.
    """
    if due_at is None:
        return ""
    local = clock.to_local(clock.as_utc(due_at))
    if local.time() == time(0):
        return f"{local:%Y-%m-%d}"
    return f"{local:%Y-%m-%d %H:%M}"


def keeping_time(when: When, before: datetime, had_time: bool) -> When:
    """`when`, at the time of day `before` had when `when` names a day only:
    a 10:00 follow-up put off to Friday is due Friday 10:00. A day whose kept
    time has passed already (today, later than that time) stays the day."""
    if when.has_time or not had_time:
        return when
    moment = at_local(when.local.date(), clock.to_local(clock.as_utc(before)).time())
    if moment <= clock.now():
        return when
    return When(moment, True)


def start_of_day(day: date) -> datetime:
    """The UTC moment the local day begins (local midnight, whatever the offset that day)."""
    return datetime.combine(day, time(0), tzinfo=clock.local_zone()).astimezone(UTC)


def at_local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=clock.local_zone()).astimezone(UTC)


def after_days(days: int, moment: datetime | None = None) -> datetime:
    """The same local wall-clock time `days` days later (DST changes move nothing)."""
    local = clock.to_local(moment or clock.now())
    wall = local.replace(tzinfo=None) + timedelta(days=days)
    return wall.replace(tzinfo=clock.local_zone()).astimezone(UTC)


def parse(text: str | None, *, allow_past: bool = False) -> When:
    """Parse a due date as typed; refuse anything else, and dates in the past."""
    words = " ".join((text or "").lower().replace(",", " ").split())
    if not words:
        raise Invalid(f"Say when. Accepted: {ACCEPTED}.")
    backwards = _RELATIVE.match(words)
    if backwards and backwards.group(1) == "-" and backwards.group(3) in _UNITS and not allow_past:
        raise Invalid(
            f"'{words}' counts back from today: dates in the past are not allowed; "
            "pick today or a later date."
        )
    when = _parse_words(words)
    if when is None:
        raise Invalid(f"'{(text or '').strip()}' is not a date I understand. Accepted: {ACCEPTED}.")
    if not allow_past:
        _refuse_past(when)
    return when


def _refuse_past(when: When) -> None:
    now = clock.now()
    if when.has_time and when.due_at <= now:
        raise Invalid(f"{when.describe()} is in the past; pick a later time.")
    if not when.has_time and when.local.date() < clock.local_now().date():
        raise Invalid(f"{when.describe()} is in the past; pick today or a later date.")


def _parse_words(words: str) -> When | None:
    relative = _RELATIVE.match(words)
    if relative and relative.group(3) in _UNITS:
        sign = -1 if relative.group(1) == "-" else 1
        return _relative(sign * int(relative.group(2)), relative.group(3))
    words = re.sub(r"^(\d{4}-\d{2}-\d{2})t(?=\d)", r"\1 ", words)
    day_words, at = _split_time(words)
    if not day_words:
        # A time alone means today at that time.
        day_words = "today"
    day = _day(day_words)
    if day is None:
        return None
    check_window(day)
    if at is None:
        return When(start_of_day(day), has_time=False)
    return When(at_local(day, at), has_time=True)


def _relative(count: int, unit_word: str) -> When | None:
    unit = _UNITS.get(unit_word)
    if unit is None:
        return None
    if unit == "h":
        return When(clock.now() + timedelta(hours=count), has_time=True)
    days = count * 7 if unit == "w" else count
    day = clock.local_now().date() + timedelta(days=days)
    check_window(day)
    return When(start_of_day(day), has_time=False)


def latest_day() -> date:
    """The last day a date may name: ten years from today, local time."""
    today = clock.local_now().date()
    try:
        return today.replace(year=today.year + YEARS_AHEAD)
    except ValueError:  # 29 February, ten years on
        return today.replace(year=today.year + YEARS_AHEAD, day=28)


def check_window(day: date) -> None:
    """Refuse a day before 2000 or more than ten years ahead, in words."""
    if day < EARLIEST:
        raise Invalid(f"{day.isoformat()} is before the year 2000; pick a later date.")
    latest = latest_day()
    if day > latest:
        raise Invalid(
            f"{day.isoformat()} is more than {YEARS_AHEAD} years ahead; "
            f"pick a date up to {latest.isoformat()}."
        )


def _split_time(words: str) -> tuple[str, time | None]:
    """Take a trailing time of day ("15:00", "9am", "at 3 pm") off the words."""
    parts = words.split(" ")
    for take in (2, 1):
        if len(parts) < take:
            continue
        candidate = " ".join(parts[-take:])
        at = _time(candidate)
        if at is not None:
            rest = parts[:-take]
            if rest and rest[-1] == "at":
                rest = rest[:-1]
            return " ".join(rest), at
    return words, None


def _time(text: str) -> time | None:
    match = _TIME.match(text.replace(" ", ""))
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if half is None and match.group(2) is None:
        return None  # a bare number is not a time ("fri 3" is ambiguous)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _day(words: str) -> date | None:
    today = clock.local_now().date()
    if words == "today":
        return today
    if words in ("tomorrow", "tmrw", "tmr"):
        return today + timedelta(days=1)
    iso = _ISO.match(words)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    following = words.startswith("next ")
    name = words.removeprefix("next ").removeprefix("this ")
    weekday = WEEKDAYS.get(name)
    if weekday is None:
        return None
    if following:
        # "next monday": that day in the coming calendar week (weeks start on Monday).
        next_week_monday = today + timedelta(days=7 - today.weekday())
        return next_week_monday + timedelta(days=weekday)
    # "fri": the next Friday after today (said on a Friday, a week from today).
    ahead = (weekday - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead)
