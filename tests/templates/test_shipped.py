"""The shipped set: every agreed id, clean under the default settings, and the
seed 002 texts rendering to the seed's exact words."""

from __future__ import annotations

import pytest
from tests.conftest import seller_settings

from sellerdesk.config import Settings
from sellerdesk.templates.lint import check_template
from sellerdesk.templates.loading import load_library
from sellerdesk.templates.render import render
from sellerdesk.templates.values import from_settings

AGREED = """redesign.first_reply redesign.ask_site_competitors redesign.pages
redesign.design_direction redesign.homepage_embedding redesign.budget redesign.mockup_objection
redesign.scope_confirmation redesign.custom_offer followup.offer_day1 followup.offer_day3
followup.offer_day7 referral.ask referral.forward order.next_steps order.requirements_submitted
order.requirements_partial order.requirements_full hosting.has_hosting hosting.domain_only
hosting.nothing hosting.setup_call hosting.propagation_notice industry.business
industry.ecommerce industry.courses industry.real_estate industry.membership""".split()  # noqa: SIM905

SEED_ASK = """I'm really happy to hear you're pleased with the website – working with you has been a great experience ☺☺

I'm glad we could build a solid business relationship together.

Most of our projects come through word-of-mouth, so I wanted to ask – if you know anyone who's looking for a new website or a redesign, I'd truly appreciate an introduction.

As a small thank-you, I offer a 10% discount on your next project for every successful referral.

No pressure at all – just sharing this while everything is fresh.

And of course, I'm always here if you need anything."""  # noqa: E501

SEED_FORWARD = """Hi, I recently worked with Jehan from Fiverr on my website and had a great experience. The communication was smooth, the work was professional, and the final result turned out really strong.

You can see my website here:

☺☺[Client Website Link]

Jehan is a Top Rated Seller on Fiverr, has 6+ years of experience, and has completed 2500+ website projects for clients worldwide.

If you're looking for a reliable Website Developer for a new website or redesign, you can check him out here:

☺☺https://www.fiverr.com/jehanzaib_007/"""  # noqa: E501


def seed_settings() -> Settings:
    settings = seller_settings()
    settings.referral.kind, settings.referral.value = "percent", "10"
    return settings


@pytest.fixture(scope="module")
def library():
    found = load_library()
    assert found.problems == []
    return found


def test_every_agreed_id_ships(library):
    assert set(AGREED) <= set(library.templates)


def test_every_shipped_template_is_clean_with_default_settings(library):
    findings = {t.id: check_template(t, Settings()) for t in library.ordered()}
    assert {k: v for k, v in findings.items() if v} == {}


def test_referral_ask_renders_to_the_seed_words(library):
    values = from_settings(seed_settings())
    result = render(library.get("referral.ask").body, values)
    assert result.complete and result.text == SEED_ASK


def test_forward_renders_to_the_seed_words(library):
    values = from_settings(seed_settings()) | {"website": "[Client Website Link]"}
    result = render(library.get("referral.forward").body, values)
    assert result.complete and result.text == SEED_FORWARD


@pytest.mark.parametrize(
    ("kind", "value", "said"),
    [
        ("amount", "50", "I offer $50 off on"),
        ("addon", "a free speed optimisation", "I offer a free speed optimisation on"),
    ],
)
def test_the_ask_follows_the_one_reward_setting(library, kind, value, said):
    settings = seed_settings()
    settings.referral.kind, settings.referral.value = kind, value
    text = render(library.get("referral.ask").body, from_settings(settings)).text
    assert said in text and "10%" not in text


def test_the_seed_quotes_ship_verbatim(library):
    assert (
        library.get("redesign.pages").body == "Please list the pages you want on the new website."
    )
    assert library.get("redesign.design_direction").body == (
        "Which competitor do you like most in terms of design?"
    )
    assert library.get("redesign.budget").body == "Do you have a budget range in mind?"
    offer = library.get("redesign.custom_offer")
    assert offer.field == "offer_description" and offer.editable
    assert offer.body.endswith("Once the order is placed, we’ll get started.")
    for name in ("{pages}", "{design_direction}", "{delivery_days}", "{price}"):
        assert name in offer.body


def test_starting_points_are_marked(library):
    assert library.get("redesign.first_reply").editable
    assert not library.get("referral.ask").editable
    assert not library.get("redesign.pages").editable
