"""The referral gate as a table: every condition, and every failing one named."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sellerdesk.referrals.gate import OrderFacts, evaluate

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
EARLIER = NOW - timedelta(days=30)


def order(number="FO1", status="completed", satisfaction="positive", **kw) -> OrderFacts:
    return OrderFacts(number, status, satisfaction, created_at=kw.pop("created_at", EARLIER), **kw)


CASES = [
    # (orders, holds, failing keys, words the reason must contain)
    ([], False, {"accepted", "satisfied"}, ["No project has been delivered and accepted"]),
    ([order()], True, set(), []),
    ([order(status="delivered")], False, {"accepted", "satisfied"}, ["must be Completed"]),
    ([order(status="in_progress")], False, {"accepted", "satisfied"}, ["accepted"]),
    ([order(satisfaction=None)], False, {"satisfied"}, ["No positive feedback", "FO1"]),
    ([order(satisfaction="negative")], False, {"satisfied"}, ["FO1 is negative"]),
    ([order(complaint_open=True)], False, {"nothing_pending"}, ["complaint is open on order FO1"]),
    (
        [order(), order("FO2", "revision", None, created_at=NOW)],
        False,
        {"nothing_pending"},
        ["Never ask during revisions", "revision is pending on order FO2"],
    ),
    (
        [order(), order("FO2", "in_progress", None, delivery_due_at=NOW - timedelta(hours=1))],
        False,
        {"nothing_pending"},
        ["FO2 is past its delivery date"],
    ),
    # A project still in progress and on time does not stop the ask about the accepted one.
    (
        [order(), order("FO2", "in_progress", None, delivery_due_at=NOW + timedelta(days=3))],
        True,
        set(),
        [],
    ),
    # Cancelled orders are ignored, whatever they say.
    ([order(), order("FO2", "cancelled", "negative", complaint_open=True)], True, set(), []),
    ([order("FO2", "cancelled", "positive")], False, {"accepted", "satisfied"}, []),
    # The newest accepted project decides satisfaction.
    (
        [order("OLD", created_at=EARLIER), order("NEW", satisfaction=None, created_at=NOW)],
        False,
        {"satisfied"},
        ["order NEW"],
    ),
    (
        [order("OLD", satisfaction="negative", created_at=EARLIER), order("NEW", created_at=NOW)],
        True,
        set(),
        [],
    ),
    # A late delivery that was handed in is not a delay any more.
    ([order(delivery_due_at=NOW - timedelta(days=2))], True, set(), []),
    (
        [order(satisfaction="negative", complaint_open=True)],
        False,
        {"satisfied", "nothing_pending"},
        ["negative", "complaint"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("orders", "holds", "failing", "words"), CASES)
def test_gate_table(orders, holds, failing, words):
    gate = evaluate(orders, NOW)
    assert gate.holds is holds
    assert {c.key for c in gate.failing} == failing
    assert [c.key for c in gate.conditions] == ["accepted", "satisfied", "nothing_pending"]
    for word in words:
        assert word in gate.reason()
    assert (gate.reason() == "") is holds
    for condition in gate.conditions:
        assert bool(condition.detail) is not condition.ok
