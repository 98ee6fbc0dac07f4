"""One reward: the setting in words, refused when it is not one clear discount
or add-on (or cash without approval), and never contradicted by a message."""

from __future__ import annotations

import pytest

from sellerdesk.config import Settings
from sellerdesk.errors import Invalid
from sellerdesk.referrals import reward
from sellerdesk.referrals.guard import text_problems
from sellerdesk.templates.lint import check_template
from sellerdesk.templates.loading import load_library
from sellerdesk.templates.model import Template
from sellerdesk.templates.render import render
from sellerdesk.templates.values import build_values


def settings_with(kind: str, value: str, cash: bool = False) -> Settings:
    settings = Settings()
    settings.referral.kind = kind
    settings.referral.value = value
    settings.referral.cash_approved = cash
    return settings


@pytest.mark.parametrize(
    ("kind", "value", "words"),
    [
        ("percent", "10", "a 10% discount"),
        ("percent", "15%", "a 15% discount"),
        ("amount", "50", "$50 off"),
        ("amount", "$100", "$100 off"),
        ("addon", "a free speed optimisation", "a free speed optimisation"),
        ("addon", "a $50 cash thank-you", "a $50 cash thank-you"),
    ],
)
def test_the_reward_in_words(kind, value, words):
    settings = settings_with(kind, value, cash="cash" in value)
    assert reward.problems(settings) == []
    assert reward.describe(settings) == words
    assert reward.in_full(settings) == f"{words} on the next Fiverr order"


@pytest.mark.parametrize(
    ("kind", "value", "cash", "reason"),
    [
        ("amount", "50-100", False, "is a range; one clear reward only"),
        ("amount", "$50–$100", False, "is a range"),
        ("percent", "150", False, "not a percentage between 1 and 100"),
        ("percent", "ten", False, "not a percentage"),
        ("amount", "0", False, "not an amount in dollars"),
        ("addon", "", False, "No referral reward is set"),
        ("addon", "50", False, "an add-on is named"),
        ("addon", "free SEO setup or an extra page", False, "offers a choice"),
        ("addon", "$50 cash via PayPal", False, "is a cash reward"),
        ("addon", "a $50 payout", False, "is a cash reward"),
        ("voucher", "10", False, 'referral.kind is "voucher"'),
    ],
)
def test_rewards_that_cannot_be_promised(kind, value, cash, reason):
    settings = settings_with(kind, value, cash)
    found = reward.problems(settings)
    assert any(reason in problem for problem in found), found
    with pytest.raises(Invalid, match="cannot be promised"):
        reward.describe(settings)


def test_cash_is_refused_until_approved():
    assert reward.problems(settings_with("addon", "$50 cash", cash=False))
    assert reward.problems(settings_with("addon", "$50 cash", cash=True)) == []


def test_the_shipped_ask_renders_the_setting_and_never_the_seeds_figure():
    ask = load_library().get("referral.ask")
    assert "10%" not in ask.body and "{referral_reward}" in ask.body
    for kind, value, words in [("percent", "10", "a 10% discount"), ("amount", "50", "$50 off")]:
        settings = settings_with(kind, value)
        text = render(ask.body, build_values(None, settings)).text
        assert f"I offer {words} on your next project" in text
        assert not [f for f in check_template(ask, settings) if f.is_error]
        assert text_problems(ask, text, settings) == []


def _user_ask(body: str) -> Template:
    return Template("referral.my_ask", "My ask", "referral", 3, body, origin="user")


def test_a_referral_text_that_states_another_reward_is_flagged():
    settings = settings_with("amount", "50")
    mine = _user_ask("Thanks! I give a 10% discount for every referral.")
    errors = [f for f in check_template(mine, settings) if f.is_error]
    assert [f.code for f in errors] == ["reward-mismatch"]
    assert '"10% discount"' in errors[0].message and "$50 off" in errors[0].message
    assert any("$50 off" in p for p in text_problems(mine, mine.body, settings))
    # The same words agree with a 10% setting.
    assert text_problems(mine, mine.body, settings_with("percent", "10")) == []


@pytest.mark.parametrize(
    "phrase",
    [
        "Please help me",
        "It would mean a lot",
        "I'm struggling for clients",
        "Can you do me a favor",
    ],
)
def test_forbidden_language_is_refused_in_referral_texts(phrase):
    settings = Settings()
    mine = _user_ask(f"Hi! {phrase.lower().replace(chr(39), '’')} — know anyone who needs a site?")
    assert "forbidden-phrase" in {f.code for f in check_template(mine, settings) if f.is_error}
    problems = text_problems(mine, mine.body, settings)
    assert problems and f'"{phrase}" is forbidden' in problems[0]


def test_a_bad_reward_setting_stops_a_text_that_promises_it():
    ask = load_library().get("referral.ask")
    settings = settings_with("addon", "$100 cash")
    assert any("cash reward" in p for p in text_problems(ask, ask.body, settings))
    forward = load_library().get("referral.forward")  # promises no reward
    assert text_problems(forward, forward.body, settings) == []


def test_a_referral_text_promising_cash_is_refused_until_cash_is_approved():
    settings = settings_with("amount", "20")
    mine = _user_ask("For every referral I send you $20 via PayPal.")
    problems = text_problems(mine, mine.body, settings)
    assert any('promises a cash reward ("paypal")' in p for p in problems), problems
    assert [f.code for f in reward.text_findings(mine, settings)] == ["cash-reward"]
    approved = settings_with("amount", "20", cash=True)
    assert reward.text_findings(mine, approved) == []
    assert not any("cash" in p for p in text_problems(mine, mine.body, approved))
    # The shipped texts promise no cash.
    library = load_library()
    for template_id in ("referral.ask", "referral.forward"):
        assert reward.text_findings(library.get(template_id), settings) == []
