"""Time: stored in UTC, shown and reasoned about in the user's local zone.

Tests freeze the clock with `freeze()`; nothing else reads the system time.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo
from functools import cache
from pathlib import Path

_frozen: datetime | None = None
_zone_override: tzinfo | None = None


def now() -> datetime:
    """The current moment, timezone-aware, in UTC."""
    if _frozen is not None:
        return _frozen
    return datetime.now(UTC)


def freeze(moment: datetime | None) -> None:
    """Pin `now()` to a moment (aware), or unpin it with None."""
    global _frozen
    if moment is not None and moment.tzinfo is None:
        raise ValueError("freeze() needs a timezone-aware datetime")
    _frozen = moment.astimezone(UTC) if moment else None


def set_local_zone(zone: tzinfo | None) -> None:
    global _zone_override
    _zone_override = zone


def local_zone() -> tzinfo:
    """The user's zone: a real IANA zone where one can be found, so DST is honoured."""
    if _zone_override is not None:
        return _zone_override
    return _system_zone(os.environ.get("TZ", ""))


@cache
def _system_zone(tz: str) -> tzinfo:
    # Looked up once per TZ value: resolving /etc/localtime for every date shown
    # cost the home screen 40 ms a fill. A machine moved to another zone while
    # the app runs is seen at its next start. zoneinfo is imported here, not
    # with the module: the home screen's modules need this one before the
    # first frame, and a zone only once there are dates to show.
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    name = tz.lstrip(":")
    if name:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            pass
    link = Path("/etc/localtime")
    try:
        target = str(link.resolve())
        if "zoneinfo/" in target:
            return ZoneInfo(target.split("zoneinfo/", 1)[1])
    except (OSError, ZoneInfoNotFoundError, ValueError):
        pass
    return datetime.now().astimezone().tzinfo or UTC


def local_now() -> datetime:
    return now().astimezone(local_zone())


def to_local(moment: datetime) -> datetime:
    try:
        return moment.astimezone(local_zone())
    except OverflowError:
        # A moment at the calendar's very end (stored before dates were checked)
        # has no local time past year 9999: it is shown as it is stored.
        return moment


def as_utc(moment: datetime) -> datetime:
    """Aware UTC from an aware moment, or from a naive one read back from SQLite."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
