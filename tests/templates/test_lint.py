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
        ("let's work outside of Fiverr", [("outside-fiverr", WARNING)]),
        ("I'm also on Upwork", [("marketplace", WARNING)]),
        ("see my Freelancer page", [("marketplace", WARNING)]),
        ("Profile: https://www.fiverr.com/jehanzaib_007/", []),
        ("See https://example.org/page for more", [("link", WARNING)]),
        ("See www.competitor.net now", [("link", WARNING)]),
        ("See portfolio.io", [("link", WARNING)]),
        # What sellers report gets held, however it is meant.
        ("We never work outside of Fiverr.", [("outside-fiverr", WARNING)]),
        ("nothing happens outside Fiverr", [("outside-fiverr", WARNING)]),
        ("I'll send a zip file with the pages", [("zip-file", WARNING)]),
        ("the photos are in site-photos.zip", [("zip-file", WARNING)]),
        ("Leave me a voicemail", [("voicemail", WARNING)]),
        ("My work is on Behance", [("marketplace", WARNING)]),
        ("and on dribbble too", [("marketplace", WARNING)]),
        ("Reach me at 555.123.4567", [("phone", WARNING)]),
        ("Call 5551234567 now", [("phone", WARNING)]),
        ("Leave a 5-star review and get 10% off your next order!", [("review-incentive", ERROR)]),
        ("A positive review earns you a free extra page.", [("review-incentive", ERROR)]),
        ("Rate us and we will give you a discount", [("review-incentive", ERROR)]),
        # Reviews alone, the verb, and incentives in another sentence are fine.
        ("Do you have reviews or certifications to show?", []),
        ("I'll review your site and send a discount.", []),
        ("Feel free to leave a review.", []),
        ("Thanks for the review! Your next order has a 10% discount.", []),
        # Control characters never pass.
        ("Hello\x1b[2J there", [("control-character", ERROR)]),
        ("bell\x07 and nul\x00", [("control-character", ERROR)]),
        ("line one\rline two", [("control-character", ERROR)]),
        ("C1 \x9b too", [("control-character", ERROR)]),
        ("lines\nand\ttabs are text", []),
    ],
)
def test_lint_table(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("We never work outside of Fiverr.", "all communication stays here on Fiverr"),
        ("Add me on Skype", "all communication stays here on Fiverr"),
        ("Write to jane@example.org", "all communication stays here on Fiverr"),
        ("Call 0300 1234567", "all communication stays here on Fiverr"),
        ("I'll send a zip file", "I'll attach the files here in our Fiverr chat"),
        ("I can take PayPal", "payment goes through a custom offer here on Fiverr"),
        ("See my Behance", "my Fiverr profile and portfolio: {profile_url}"),
        ("A 5-star review gets 10% off", "an honest review is always appreciated"),
    ],
)
def test_findings_suggest_safer_wording(text, suggested):
    (finding,) = lint_text(text, Settings())
    assert suggested in finding.suggestion
    assert f'Say instead: "{finding.suggestion}"' in str(finding)


def test_referral_texts_never_mention_ratings():
    text = "Thanks for the great review! If you know anyone, I'd love an introduction."
    assert codes(text) == []
    found = lint_text(text, Settings(), referral=True)
    assert [(f.code, f.severity) for f in found] == [("referral-rating", ERROR)]
    assert "I'd truly appreciate an introduction" in found[0].suggestion


def test_a_text_repeating_one_thing_gets_a_few_lines_about_it():
    found = lint_text(
        "Call 555 123 4567. " * 2000 + "see a1.com b2.com c3.com d4.com e5.com f6.com g7.com",
        Settings(),
    )
    assert [f.code for f in found].count("phone") == 1
    links = [f for f in found if f.code == "link"]
    assert len(links) == 6 and links[-1].message == "… and 2 more like these."


def test_control_characters_in_a_template_title_or_body_are_errors():
    found = check_template(make("Hi\x00 there", title="Ask\x1b]52;c;aGk=\x07"), Settings())
    messages = [f.message for f in found if f.code == "control-character"]
    assert len(messages) == 2
    assert messages[0].startswith("The title holds control characters (ESC, BEL)")
    assert messages[1].startswith("The text holds control characters (NUL)")


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
