"""Choosing the reply: the rule book decides whether a reply may go out, and
the one function that asks it (`closed_gate`) names the rule that holds a
reply back. The states here are built from facts by hand, no database."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from sellerdesk.records import Lead
from sellerdesk.referrals.gate import OrderFacts
from sellerdesk.rulebook import LeadFacts
from sellerdesk.scripts.registry import get_script
from sellerdesk.scripts.standing import Run
from sellerdesk.suggest.choose import LeadState, choose, closed_gate
from sellerdesk.suggest.reading import read
from sellerdesk.suggest.state import state_of

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
REDESIGN = get_script("redesign")
SCOPE = {
    "website": "brightevents.com",
    "pages": ["Home", "About", "Events", "Contact"],
    "design_direction": {"primary": "eventify.com", "references": []},
}


def lead_record(**kw) -> Lead:
    fields = {
        "id": 1,
        "username": "brightevents",
        "display_name": None,
        "source": "fiverr_inbox",
        "stage": "new",
        "stage_since": NOW,
        "website": None,
        "last_messaged_at": None,
        "next_followup_at": None,
        "do_not_contact": False,
        "dnc_reason": None,
        "referred_by": None,
        "project_type": "redesign",
        "industry": None,
        "owner": None,
        "notes": None,
        "created_at": NOW,
        "updated_at": NOW,
        "version": 1,
    }
    return Lead(**{**fields, **kw})


def run_of(script, answers=None, ticks=frozenset()) -> Run:
    return Run(1, 1, script.id, script.steps[0].id, dict(answers or {}), frozenset(ticks),
               "active", NOW, NOW, 1)  # fmt: skip


def state(
    *,
    script=REDESIGN,
    has_run=True,
    answers=None,
    ticks=frozenset(),
    sent=frozenset(),
    orders=(),
    past_client=False,
) -> LeadState:
    """A lead in the redesign chat (or, with script None, with no script at all)."""
    lead = lead_record(
        project_type=script.project_type if script else None,
        labels=("Past Client",) if past_client else (),
    )
    runs = (run_of(script, answers, ticks),) if script and has_run else ()
    return state_of(LeadFacts(lead, runs, tuple(orders), NOW), frozenset(sent))


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


def test_closed_gate_judges_the_answers_the_message_gives_not_only_those_stored():
    """A lead with no run yet: the answers the message gives start one, as saving them would."""
    fresh = state(has_run=False)
    assert closed_gate("redesign.budget", REDESIGN, fresh, {}) is not None
    assert closed_gate("redesign.budget", REDESIGN, fresh, SCOPE) is None


def test_an_offer_fiverr_would_refuse_is_held_back_with_the_rule_books_sentence():
    ready = {**SCOPE, "focus": "events", "delivery_days": 7, "price": "500"}
    ticks = frozenset({"confirm_design", "confirm_pages", "confirm_focus"})
    confirmed = state(answers=ready, ticks=ticks)
    assert closed_gate("redesign.custom_offer", REDESIGN, confirmed, ready) is None
    cheap = {**ready, "price": "2"}
    too_cheap = closed_gate("redesign.custom_offer", REDESIGN, confirmed, cheap)
    assert too_cheap.startswith("redesign.custom_offer would be refused by Fiverr")
    choice = pick("Yes, that's all correct!", answers=cheap, ticks=ticks)
    assert choice.template is None and choice.blocked == too_cheap


def test_an_answer_the_client_changes_undoes_the_confirmation_as_saving_it_would():
    ready = {**SCOPE, "focus": "events", "delivery_days": 7, "price": "500"}
    ticks = frozenset({"confirm_design", "confirm_pages", "confirm_focus"})
    confirmed = state(answers=ready, ticks=ticks)
    assert closed_gate("redesign.custom_offer", REDESIGN, confirmed, ready) is None
    changed = {**ready, "pages": ["Home", "Contact"]}
    assert "confirm in chat" in closed_gate("redesign.custom_offer", REDESIGN, confirmed, changed)


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
    choice = pick("Wow, the site looks amazing, thank you so much!")
    assert choice.template is None
    assert choice.blocked.startswith(
        "referral.ask goes to brightevents only once the referral gate holds: No project"
    )
    happy = [OrderFacts("FO1", "completed", "positive")]
    choice = pick("Wow, the site looks amazing, thank you so much!", orders=happy)
    assert choice.template == "referral.ask"
    pending = [OrderFacts("FO1", "completed", "positive", complaint_open=True)]
    choice = pick("Love it, thanks!", orders=pending)
    assert choice.template is None and "a complaint is open on order FO1" in choice.blocked


def test_the_clients_yes_waits_for_the_scope_then_for_the_order():
    before_scope = pick("Yes, please place the order.")
    assert before_scope.template is None
    assert before_scope.blocked.startswith("The offer cannot be composed yet")
    no_order = pick("Yes, please place the order.", script=None, has_run=False)
    assert no_order.template is None and "(o)" in no_order.why
    assert no_order.blocked.startswith("order.next_steps follows an order, and brightevents")
    placed = [OrderFacts("FO1", "under_review")]
    choice = pick("Yes, please place the order.", script=None, has_run=False, orders=placed)
    assert choice.template == "order.next_steps"


def test_requirements_messages_need_an_order():
    assert pick("I've submitted the requirements").blocked.startswith(
        "order.requirements_submitted follows an order"
    )
    placed = [OrderFacts("FO1", "in_progress")]
    assert pick("I've submitted the requirements", orders=placed).template == (
        "order.requirements_submitted"
    )
    assert pick("Attached the logo, photos will follow tomorrow", orders=placed).template == (
        "order.requirements_partial"
    )
    cancelled = [OrderFacts("FO1", "cancelled")]
    assert pick("I've submitted the requirements", orders=cancelled).template is None


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


def test_a_step_further_on_than_the_script_stands_says_where_the_script_stands():
    """Answers saved while the run stayed at step 3 (pages, design direction),
    and a budget in the message: the reply is step 8's, and the why says the
    script still stands at step 3 with steps 3–7 to pass."""
    lead = lead_record()
    at_pages = replace(run_of(REDESIGN, SCOPE), step="pages")
    facts = LeadFacts(lead, (at_pages,), (), NOW)
    choice = choose(
        read("Hi, I need a new website for my bakery, budget $300"),
        state_of(facts, frozenset({"redesign.first_reply"})),
    )
    assert choice.step.number == 8 and choice.template == "redesign.scope_confirmation"
    assert "still stands at step 3/9 (Pages Discovery (Mandatory)): steps 3–7 are" in choice.why
    at_start = choose(read("Hi, budget $300"), state(answers=SCOPE))
    assert "still stands" in at_start.why and "steps 1–" in at_start.why
    fresh = choose(read("Hi, I need a new website for my bakery"), state(has_run=False))
    assert "still stands" not in fresh.why
