"""Choosing the reply: the script's gates decide, and the one function that
asks them (`closed_gate`) names the gate that holds a reply back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sellerdesk.referrals.gate import OrderFacts, evaluate
from sellerdesk.scripts.registry import get_script
from sellerdesk.suggest.choose import LeadState, choose, closed_gate
from sellerdesk.suggest.reading import read

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
REDESIGN = get_script("redesign")
SCOPE = {
    "website": "brightevents.com",
    "pages": ["Home", "About", "Events", "Contact"],
    "design_direction": {"primary": "eventify.com", "references": []},
}


def state(**kw) -> LeadState:
    kw.setdefault("script", REDESIGN)
    kw.setdefault("has_run", True)
    return LeadState(username="brightevents", **kw)


def pick(text: str, **kw):
    return choose(read(text), state(**kw))


@pytest.mark.parametrize(
    ("answers", "sent", "frame"),
    [
        ({}, frozenset(), "redesign.first_reply"),
        ({}, frozenset({"redesign.first_reply"}), "redesign.ask_site_competitors"),
        ({"website": "brightevents.com"}, frozenset({"redesign.first_reply"}), "redesign.pages"),
        (
            {"website": "brightevents.com", "pages": ["Home", "Contact"]},
            frozenset({"redesign.first_reply"}),
            "redesign.design_direction",
        ),
    ],
)
@pytest.mark.parametrize(
    "ask", ["How much?", "whats ur price for 5 pages??", "Can you give me a quote?"]
)
def test_a_price_question_before_scope_never_gets_the_budget_message(answers, sent, frame, ask):
    choice = pick(ask, answers=answers, sent=sent)
    assert choice.template == frame != "redesign.budget"
    assert choice.blocked.startswith("The budget question comes after scope only")


def test_after_the_scope_the_price_question_gets_the_budget_question():
    choice = pick(
        "So how much would this cost?", answers=SCOPE, sent=frozenset({"redesign.first_reply"})
    )
    assert choice.template == "redesign.budget" and choice.blocked is None
    assert choice.step.number == 6


def test_closed_gate_is_the_scripts_own_gates():
    empty = state()
    assert closed_gate("redesign.budget", REDESIGN, empty, {}) == REDESIGN.can_enter(
        5, empty_state()
    )
    assert closed_gate("redesign.budget", REDESIGN, empty, SCOPE) is None
    assert closed_gate("redesign.custom_offer", REDESIGN, empty, SCOPE).startswith(
        "The offer cannot be composed yet"
    )
    assert closed_gate("redesign.pages", REDESIGN, empty, {}) is None


def empty_state():
    from sellerdesk.scripts.engine import State

    return State({}, frozenset())


def test_a_confirmed_scope_gets_the_offer_only_through_its_gate():
    closed = pick("Yes, that's all correct!", answers=SCOPE)
    assert closed.template is None and closed.step.number == 9
    assert closed.blocked.startswith("The offer cannot be composed yet")
    ready = {**SCOPE, "focus": "events", "delivery_days": 7, "price": "500"}
    ticks = frozenset({"confirm_design", "confirm_pages", "confirm_focus"})
    assert pick("Yes, that's all correct!", answers=ready, ticks=ticks).template == (
        "redesign.custom_offer"
    )


def test_the_referral_ask_waits_for_its_gate():
    gate = evaluate([], NOW)
    choice = pick("Wow, the site looks amazing, thank you so much!", referral_gate=gate)
    assert choice.template is None and choice.blocked == gate.reason()
    happy = evaluate([OrderFacts("FO1", "completed", "positive")], NOW)
    choice = pick("Wow, the site looks amazing, thank you so much!", referral_gate=happy)
    assert choice.template == "referral.ask"
    pending = evaluate([OrderFacts("FO1", "completed", "positive", complaint_open=True)], NOW)
    assert pick("Love it, thanks!", referral_gate=pending).template is None


def test_the_clients_yes_waits_for_the_scope_and_the_price():
    assert pick("Yes, please place the order.").template is None
    assert pick("Yes, please place the order.", script=None, has_run=False).template == (
        "order.next_steps"
    )


def test_requirements_messages_need_an_order():
    assert pick("I've submitted the requirements").blocked.startswith("There is no order yet")
    assert pick("I've submitted the requirements", live_orders=1).template == (
        "order.requirements_submitted"
    )
    assert pick("Attached the logo, photos will follow tomorrow", live_orders=1).template == (
        "order.requirements_partial"
    )


@pytest.mark.parametrize(
    ("text", "template"),
    [
        ("my friend told me about you", "chat.who_referred"),
        ("Hi! bgsone referred me to you, I need a redesign", "redesign.first_reply"),
        ("Can we continue on WhatsApp?", "chat.stay_on_fiverr"),
        ("Not now, call me back in 2 weeks", "chat.not_now"),
        ("please don't contact me again", None),
        ("Can you send me a mockup first?", "redesign.mockup_objection"),
        ("I only have the domain name, no hosting", "hosting.domain_only"),
        ("We don't have hosting or a domain yet", "hosting.nothing"),
        ("This is not what we discussed, very disappointing", "chat.complaint"),
        ("😀😀", None),
    ],
)
def test_each_intent_has_its_reply(text, template):
    assert pick(text).template == template


def test_a_change_request_starts_the_right_changes_script():
    assert pick("Could you update the banner and fix the footer links?").template == (
        "changes.new_first_reply"
    )
    past = pick("Hi again! Need a few changes on the site you built for us", past_client=True)
    assert past.template == "changes.past_welcome" and past.step.script == "past_client_changes"


def test_a_wish_for_everything_on_the_homepage_sets_off_step_5():
    answers = {k: v for k, v in SCOPE.items() if k != "design_direction"}
    choice = pick(
        "I like eventify.com the most. Could everything be on the homepage?",
        answers=answers,
        sent=frozenset({"redesign.first_reply"}),
    )
    assert choice.template == "redesign.homepage_embedding" and choice.step.number == 5
