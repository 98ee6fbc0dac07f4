"""Lint: codes, severities, and what must and must not be flagged."""

from __future__ import annotations

import pytest

from sellerdesk.config import Settings
from sellerdesk.templates.lint import check_template, lint_text, reward_findings
from sellerdesk.templates.model import ERROR, WARNING, Template


def codes(text, settings=None, **kw):
    return sorted({(f.code, f.severity) for f in lint_text(text, settings or Settings(), **kw)})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks, I'll review your site first.", []),
        ("please help me with this", [("forbidden-phrase", ERROR)]),
        ("It would mean a LOT to me", [("forbidden-phrase", ERROR)]),
        ("Honestly im struggling for clients", [("forbidden-phrase", ERROR)]),
        ("I’m struggling   for clients", [("forbidden-phrase", ERROR)]),
        ("Can you do me a favor?", [("forbidden-phrase", ERROR)]),
        ("Write to me at jane.doe+x@mail.example.org", [("email", WARNING)]),
        ("Call +1 (555) 123-4567 today", [("phone", WARNING)]),
        ("Call 0300 1234567", [("phone", WARNING)]),
        ("Order 12345, delivery on 2026-11-23, price $1500", []),
        ("Add me on Skype", [("messenger", WARNING)]),
        ("my whatsapp is open", [("messenger", WARNING)]),
        ("Join our discord or telegram", [("messenger", WARNING)]),
        ("I can take PayPal", [("outside-payment", WARNING)]),
        ("we could pay outside the site", [("outside-payment", WARNING)]),
        ("let's work outside of Fiverr", [("outside-payment", WARNING)]),
        ("I'm also on Upwork", [("marketplace", WARNING)]),
        ("see my Freelancer page", [("marketplace", WARNING)]),
        ("Profile: https://www.fiverr.com/jehanzaib_007/", []),
        ("See https://example.org/page for more", [("link", WARNING)]),
        ("See www.competitor.net now", [("link", WARNING)]),
        ("See portfolio.io", [("link", WARNING)]),
    ],
)
def test_lint_table(text, expected):
    assert codes(text) == expected


def test_the_leads_own_website_is_allowed():
    assert codes("Your site https://acme.com/about", website="acme.com") == []
    assert codes("Your site https://acme.com/about", website="other.com") == [("link", WARNING)]


def test_field_limits_come_from_settings():
    settings = Settings()
    assert codes("x" * 1500, settings, field="offer_description") == []
    assert codes("x" * 1501, settings, field="offer_description") == [("too-long", ERROR)]
    assert codes("x" * 1501, settings, field="message") == []
    settings.limits.message = 10
    assert codes("x" * 11, settings) == [("too-long", ERROR)]


def test_lists_extend_from_settings():
    settings = Settings()
    settings.lint.extra_forbidden_phrases = ["Trust me"]
    settings.lint.extra_flagged_words = ["crypto"]
    settings.lint.allowed_domains = ["fiverr.com", "myportfolio.com"]
    found = codes("Trust me, no crypto: myportfolio.com/work", settings)
    assert found == [("flagged-word", WARNING), ("forbidden-phrase", ERROR)]


def make(body, **kw):
    fields = {"id": "referral.test", "title": "t", "script": "referral", "step": 1} | kw
    return Template(body=body, **fields)


def test_unknown_and_malformed_placeholders_are_errors():
    found = check_template(make("Hi {clent_name} {a.b} {pages}"), Settings())
    assert [(f.code, f.severity) for f in found] == [
        ("unknown-placeholder", ERROR),
        ("bad-placeholder", ERROR),
    ]
    assert "clent_name" in found[0].message


def test_declared_placeholders_are_known():
    assert check_template(make("Order {order_ref}", asks=("order_ref",)), Settings()) == []


@pytest.mark.parametrize(
    ("kind", "value", "body", "flagged"),
    [
        ("percent", "10", "I offer a 10% discount on your next project", False),
        ("amount", "50", "I offer a 10% discount on your next project", True),
        ("amount", "50", "I offer $50 off your next project", False),
        ("percent", "10", "I offer $50 off your next project", True),
        ("addon", "a free speed optimisation", "I offer 10% off", True),
        ("amount", "50", "I offer {referral_reward} on your next project", False),
    ],
)
def test_referral_reward_consistency(kind, value, body, flagged):
    settings = Settings()
    settings.referral.kind, settings.referral.value = kind, value
    found = reward_findings(make(body), settings)
    assert bool(found) == flagged
    assert all(f.code == "reward-mismatch" and f.is_error for f in found)


def test_reward_consistency_only_for_referral_templates():
    settings = Settings()
    settings.referral.kind, settings.referral.value = "amount", "50"
    other = make("Save 10% today", id="order.note", script="order")
    assert reward_findings(other, settings) == []
