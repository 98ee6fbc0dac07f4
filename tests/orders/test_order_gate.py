"""The consent gate and the pre-checks: each refusal names its reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sellerdesk.errors import Invalid
from sellerdesk.orders.fields import clean_number, parse_days, parse_price
from sellerdesk.orders.gate import Draft, consent_problem, review

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

COMPLETE = Draft(
    consent="Yes, please place the order",
    price_cents=45000,
    delivery_days=7,
    pages="Home, About, Services, Contact",
    design_direction="brightclean.com",
    scope_confirmed=True,
)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "No consent recorded"),
        ("   ", "No consent recorded"),
        ("ok", "too short"),
        ("yes", "too short"),
        ("Maybe next week", 'not sure yet ("maybe")'),
        ("I'm just checking the prices", 'not sure yet ("just checking")'),
        ("I’ll think about it and come back", 'not sure yet ("i will think")'),
        ("Let me think, I need to check with my partner", "not sure yet"),
        ("Not yet, still comparing", 'not sure yet ("not yet")'),
        ("No, that is too much for me", "say no"),
        ("No thanks, we found someone", 'say no ("no thanks")'),
        ("Please cancel the order", 'say no ("cancel")'),
        ("The design looks interesting", "only take note"),
        ("Send me more samples please", "do not say yes"),
        ("Should I place the order now?", "asking"),
        ("yes please go ahead", "do not say yes to placing the order"),
        ("Agreed on $450, I'll order now", "do not say yes"),
        ("x" * 2001, "longer than 2000"),
    ],
)
def test_consent_refusals_name_their_reason(text, reason):
    problem = consent_problem(text)
    assert problem is not None and problem.key == "consent"
    assert reason.lower() in problem.message.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Yes, please place the order",
        "No problem, go ahead and place the order",
        "Okay, I have placed the order",
        "Yes! Please create the order. Can you start tomorrow?",
        "Agreed on $450, please place the order",
    ],
)
def test_clear_yes_passes(text):
    assert consent_problem(text) is None


@pytest.mark.parametrize(
    ("change", "key", "reason"),
    [
        ({"scope_confirmed": False}, "scope", "Scope is not confirmed"),
        ({"price_cents": None}, "price", "No agreed price"),
        ({"price_cents": 0}, "price", "more than zero"),
        ({"price_cents": 5_000_000}, "price", "over the limit of $20,000"),
        ({"delivery_days": None}, "delivery", "No delivery time"),
        ({"delivery_days": 0}, "delivery", "at least 1"),
        ({"delivery_days": 120}, "delivery", "at most 90"),
        ({"delivery_days": None, "due_at": NOW - timedelta(days=1)}, "delivery", "in the past"),
        ({"pages": "  "}, "pages", "No pages listed"),
    ],
)
def test_each_failing_precheck_is_named(change, key, reason):
    problems = review(COMPLETE.with_changes(**change), NOW, max_price_cents=2_000_000, max_days=90)
    assert [(p.key, reason in p.message) for p in problems] == [(key, True)]


def test_a_complete_draft_passes_and_an_empty_one_names_every_check():
    assert review(COMPLETE, NOW) == []
    keys = [p.key for p in review(Draft(), NOW)]
    assert keys == ["consent", "scope", "price", "delivery", "pages"]


@pytest.mark.parametrize(
    ("text", "cents"),
    [("450", 45000), ("$450", 45000), ("1,200.50", 120050), ("USD 99.9", 9990), ("", None)],
)
def test_prices_read_as_people_type_them(text, cents):
    assert parse_price(text) == cents


@pytest.mark.parametrize("text", ["abc", "4,50", "45.999", "-5", "$"])
def test_bad_prices_are_refused_with_a_sentence(text):
    with pytest.raises(Invalid, match="not a price"):
        parse_price(text)


def test_order_numbers_and_days():
    assert clean_number(" #fo81a2b3c4d5 ") == "FO81A2B3C4D5"
    assert clean_number("") == ""
    with pytest.raises(Invalid, match="not an order number"):
        clean_number("FO 12")
    assert parse_days("7d") == 7 and parse_days("10 days") == 10 and parse_days(None) is None
    with pytest.raises(Invalid, match="not a number of days"):
        parse_days("a week")
