"""The words people type for a due date, as a table, refusals included."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sellerdesk.errors import Invalid
from sellerdesk.followups.when import after_days, parse

# Wednesday 2026-11-25, 10:00 in UTC.
NOW = "2026-11-25 10:00"


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "due", "has_time"),
    [
        ("2w", utc(2026, 12, 9), False),
        ("3d", utc(2026, 11, 28), False),
        ("1d", utc(2026, 11, 26), False),
        ("in 2 weeks", utc(2026, 12, 9), False),
        ("+3 days", utc(2026, 11, 28), False),
        ("4h", utc(2026, 11, 25, 14), True),
        ("today", utc(2026, 11, 25), False),
        ("tomorrow", utc(2026, 11, 26), False),
        ("Tomorrow 9:30", utc(2026, 11, 26, 9, 30), True),
        ("tomorrow at 3pm", utc(2026, 11, 26, 15), True),
        ("fri", utc(2026, 11, 27), False),
        ("Friday", utc(2026, 11, 27), False),
        ("fri 15:00", utc(2026, 11, 27, 15), True),
        ("wed", utc(2026, 12, 2), False),  # said on a Wednesday: a week from today
        ("mon", utc(2026, 11, 30), False),
        ("next monday", utc(2026, 11, 30), False),
        ("next fri", utc(2026, 12, 4), False),  # Friday of the coming week
        ("next monday 09:00", utc(2026, 11, 30, 9), True),
        ("2026-12-01", utc(2026, 12, 1), False),
        ("2026-12-01 15:45", utc(2026, 12, 1, 15, 45), True),
        ("2026-12-01T15:45", utc(2026, 12, 1, 15, 45), True),
        ("15:00", utc(2026, 11, 25, 15), True),
        ("11pm", utc(2026, 11, 25, 23), True),
    ],
)
def test_accepted_words(set_clock, typed, due, has_time):
    set_clock(NOW)
    if due is None:
        with pytest.raises(Invalid, match="Accepted: 2w, 3d"):
            parse(typed)
        return
    when = parse(typed)
    assert (when.due_at, when.has_time) == (due, has_time)


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "soon", "yesterday", "2x", "3 months", "2026-13-01", "2026-02-30",
     "fri 25:00", "fri 3", "13pm", "next", "someday 15:00", "1000d"],
)  # fmt: skip
def test_anything_else_is_refused_with_what_is_accepted(set_clock, typed):
    set_clock(NOW)
    with pytest.raises(Invalid) as caught:
        parse(typed)
    message = str(caught.value)
    assert "2w, 3d" in message and "next monday" in message and "2026-12-01" in message


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2026-11-24", "Tue 2026-11-24 is in the past; pick today or a later date."),
        ("2020-01-01", "Wed 2020-01-01 is in the past; pick today or a later date."),
        ("09:00", "Wed 2026-11-25 09:00 is in the past; pick a later time."),
        ("today 10:00", "Wed 2026-11-25 10:00 is in the past; pick a later time."),
    ],
)
def test_a_moment_in_the_past_is_refused(set_clock, typed, message):
    set_clock(NOW)
    with pytest.raises(Invalid) as caught:
        parse(typed)
    assert str(caught.value) == message


def test_today_without_a_time_is_not_past_even_late_in_the_day(set_clock):
    set_clock("2026-11-25 23:59")
    assert parse("today").due_at == utc(2026, 11, 25)


def test_dates_are_local_days(set_clock):
    # 21:00 in New York is already the next day in UTC; "tomorrow" is New York's.
    set_clock("2026-11-25 21:00", "America/New_York")
    when = parse("tomorrow")
    assert when.due_at == utc(2026, 11, 26, 5)  # local midnight, EST = UTC-5
    assert when.local.date().isoformat() == "2026-11-26"
    assert parse("tomorrow 9:00").due_at == utc(2026, 11, 26, 14)


def test_days_across_the_dst_change_keep_the_local_time(set_clock):
    # New York leaves daylight saving on Sunday 2026-11-01 at 02:00.
    set_clock("2026-10-31 10:00", "America/New_York")
    assert after_days(1) == utc(2026, 11, 1, 15)  # 10:00 EST, not 09:00
    assert parse("tomorrow 10:00").due_at == utc(2026, 11, 1, 15)
    assert parse("tomorrow").due_at == utc(2026, 11, 1, 4)  # midnight was still EDT
    assert parse("2d").due_at == utc(2026, 11, 2, 5)


def test_days_across_the_spring_change_keep_the_local_time(set_clock):
    set_clock("2026-03-28 09:00", "Europe/London")  # the UK springs forward on the 29th
    assert after_days(1) == utc(2026, 3, 29, 8)  # 09:00 BST
