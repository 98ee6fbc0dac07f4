"""Dates as spreadsheets write them, and the ones that do not exist."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sellerdesk.errors import Invalid
from sellerdesk.transfer.dates import parse_moment


@pytest.fixture(autouse=True)
def _utc(frozen_now):
    return frozen_now


DAY = datetime(2026, 11, 23, tzinfo=UTC)


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-23",
        "11/23/2026",
        "11-23-2026",
        "11/23/26",
        "2026/11/23",
        "23 Nov 2026",
        "23 November 2026",
        "23rd Nov. 2026",
        "Nov 23, 2026",
        "November 23 2026",
        "Mon 23 Nov 2026",
    ],
)
def test_common_spellings_of_one_day(text):
    moment = parse_moment(text)
    assert moment.at == DAY and moment.has_time is False


def test_day_first_reads_european_dates():
    assert parse_moment("23/11/2026", day_first=True).at == DAY
    assert parse_moment("03/04/2026", day_first=True).at == datetime(2026, 4, 3, tzinfo=UTC)
    assert parse_moment("03/04/2026").at == datetime(2026, 3, 4, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2026-11-23 14:30", datetime(2026, 11, 23, 14, 30, tzinfo=UTC)),
        ("2026-11-23T14:30:00Z", datetime(2026, 11, 23, 14, 30, tzinfo=UTC)),
        ("2026-11-23T14:30:00+02:00", datetime(2026, 11, 23, 12, 30, tzinfo=UTC)),
        ("11/23/2026 2:30 pm", datetime(2026, 11, 23, 14, 30, tzinfo=UTC)),
        ("23 Nov 2026 09:15", datetime(2026, 11, 23, 9, 15, tzinfo=UTC)),
    ],
)
def test_dates_with_a_time(text, moment):
    parsed = parse_moment(text)
    assert parsed.at == moment and parsed.has_time


@pytest.mark.parametrize(
    ("text", "day_first", "says"),
    [
        ("02/30/2026", False, "does not exist: February 2026 has 28 days"),
        ("2026-02-29", False, "does not exist: February 2026 has 28 days"),
        ("31 Apr 2026", False, "April 2026 has 30 days"),
        ("13/13/2026", False, "no month 13"),
        ("23/11/2026", False, "reads day first"),
        ("11/23/2026", True, "reads month first"),
        ("next tuesday", False, "is not a date"),
        ("11/23/2026 25:00", False, "no such time"),
        ("MM/DD/YYYY-ish", False, "is not a date"),
    ],
)
def test_dates_that_do_not_exist_or_cannot_be_read_say_why(text, day_first, says):
    with pytest.raises(Invalid, match=says):
        parse_moment(text, day_first=day_first)
