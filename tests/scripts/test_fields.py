"""Typed answers: what is taken, what is refused (and how it is said), what is warned."""

from __future__ import annotations

import pytest

from sellerdesk.config import Limits
from sellerdesk.errors import Invalid
from sellerdesk.scripts.fields import display, edit_text, parse, template_values
from sellerdesk.scripts.redesign import (
    COMPETITORS,
    DELIVERY,
    DESIGN,
    FOCUS,
    MILESTONES_FIELD,
    PAGES,
    PRICE,
    REVISIONS,
)


@pytest.mark.parametrize("raw", ["abc", "four hundred", "$", "12..5", "1e3x"])
def test_a_price_that_is_not_a_number_is_refused_naming_the_field(raw):
    with pytest.raises(Invalid, match=r"Fixed price must be a number of dollars"):
        parse(PRICE, raw)


@pytest.mark.parametrize(
    ("raw", "stored"), [("450", "450"), ("$1,200", "1200"), ("99.5", "99.50"), ("USD 75", "75")]
)
def test_prices_in_the_ways_people_type_them(raw, stored):
    assert parse(PRICE, raw).value == stored
    assert parse(PRICE, raw).warnings == ()


def test_a_price_outside_fivers_range_is_taken_and_warned():
    high = parse(PRICE, "25000")
    assert high.value == "25000"
    assert "Fiverr accepts offers from $5 to $20,000" in high.warnings[0]
    assert parse(PRICE, "4").warnings
    with pytest.raises(Invalid, match="more than \\$0"):
        parse(PRICE, "0")


@pytest.mark.parametrize("days", ["0", "91", "120"])
def test_delivery_days_outside_1_to_90_are_warned(days):
    parsed = parse(DELIVERY, days)
    assert parsed.value == int(days)
    assert parsed.warnings == (
        f"Fiverr accepts 1–90 days; delivery time of {days} days would be refused.",
    )


def test_delivery_days_inside_the_range_and_the_limit_follows_the_settings():
    assert parse(DELIVERY, "7 days") == parse(DELIVERY, "7")
    assert parse(DELIVERY, "90").warnings == ()
    assert parse(DELIVERY, "30", Limits(offer_max_days=14)).warnings
    with pytest.raises(Invalid, match="whole number of days"):
        parse(DELIVERY, "a week")
    with pytest.raises(Invalid, match="cannot be negative"):
        parse(DELIVERY, "-2")


@pytest.mark.parametrize("raw", [",", " , ,\n", "1. \n- "])
def test_an_empty_pages_list_is_refused(raw):
    with pytest.raises(Invalid, match="The pages list is empty"):
        parse(PAGES, raw)


def test_pages_split_on_commas_and_lines_numbering_dropped_and_deduplicated():
    value = parse(PAGES, "1. Home\n2. About, Services\n- Contact\nhome").value
    assert value == ["Home", "About", "Services", "Contact"]
    assert display(PAGES, value) == "Home, About, Services, Contact"
    assert parse(PAGES, edit_text(PAGES, value)).value == value


def test_two_primary_inspirations_are_a_validation_error():
    with pytest.raises(Invalid, match=r"one primary inspiration only: acme\.com and best\.co"):
        parse(DESIGN, "*acme.com, best.co*, third.org")


def test_one_primary_and_references():
    value = parse(DESIGN, "other.com, *acme.com, third.org").value
    assert value == {"primary": "acme.com", "references": ["other.com", "third.org"]}
    assert template_values(DESIGN, value) == {
        "design_direction": "acme.com",
        "references": "other.com, third.org",
    }
    assert parse(DESIGN, edit_text(DESIGN, value)).value == value
    assert parse(DESIGN, "acme.com").value == {"primary": "acme.com", "references": []}
    assert parse(DESIGN, "acme.com (primary), b.com").value["primary"] == "acme.com"


def test_several_inspirations_with_none_marked_ask_for_the_primary():
    with pytest.raises(Invalid, match=r"Mark the one primary inspiration with \*"):
        parse(DESIGN, "acme.com, best.co")


def test_choices_by_name_number_or_prefix_and_a_clear_refusal():
    assert parse(FOCUS, "services").value == "services"
    assert parse(FOCUS, "1").value == "events"
    assert parse(FOCUS, "Events and services").value == "events_services"
    with pytest.raises(Invalid, match=r"'shop' is not a choice for focus; choose 1\. Events"):
        parse(FOCUS, "shop")


def test_revisions_and_milestones():
    assert parse(REVISIONS, "unlimited").value == "unlimited"
    assert parse(REVISIONS, "2").value == 2
    with pytest.raises(Invalid):
        parse(REVISIONS, "two")
    value = parse(MILESTONES_FIELD, "Design | 5 | 200\nBuild | 7 | $300").value
    assert value == [
        {"title": "Design", "days": 5, "price": "200"},
        {"title": "Build", "days": 7, "price": "300"},
    ]
    with pytest.raises(Invalid, match="up to 3 milestones; 4 were given"):
        parse(MILESTONES_FIELD, "a|1|10\nb|1|10\nc|1|10\nd|1|10")
    with pytest.raises(Invalid, match="Milestone 1 should read"):
        parse(MILESTONES_FIELD, "just a title")


def test_blank_text_is_not_an_answer():
    with pytest.raises(Invalid, match="Competitors is empty"):
        parse(COMPETITORS, "   ")
