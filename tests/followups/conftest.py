"""Helpers for follow-up tests: set the clock and the user's zone in one call."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sellerdesk import clock


@pytest.fixture
def set_clock():
    """`set_clock("2026-11-23 10:00", "America/New_York")`: local wall time in that zone."""

    def _set(local: str, zone: str = "UTC") -> datetime:
        tz = ZoneInfo(zone)
        moment = datetime.fromisoformat(local).replace(tzinfo=tz)
        clock.set_local_zone(tz)
        clock.freeze(moment)
        return clock.now()

    return _set
