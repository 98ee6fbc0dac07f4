"""The suggester and the rule book never disagree about whether a template may
go out: for every template of the library, on leads in many states built
through the domain on a real database, the suggester's verdict (`closed_gate`)
is the rule book's (`state_refusals` on the facts every copy path reads), word
for word; and the verdict it gives on a message's answers before they are
saved is the rule book's once they are."""

from __future__ import annotations

import pytest
from tests.conftest import accept_project, order_draft
from tests.scripts.conftest import walk_to

from sellerdesk import leads
from sellerdesk.config import Settings
from sellerdesk.orders import feedback
from sellerdesk.orders.store import create_order
from sellerdesk.rulebook import blocking, read_facts, state_refusals
from sellerdesk.scripts import runs
from sellerdesk.scripts.registry import all_scripts
from sellerdesk.suggest.apply import proposals, save_answers
from sellerdesk.suggest.choose import answers_with, choose, closed_gate
from sellerdesk.suggest.context import lead_state
from sellerdesk.suggest.reading import read
from sellerdesk.templates.loading import library

USER = "brightevents"
SETTINGS = Settings()


def _offer_ready(db, price: str = "650") -> None:
    walk_to(db, USER, "custom_offer")
    runs.set_answers(db, USER, {"delivery_days": "10", "price": price})


def _complaint(db) -> None:
    accept_project(db, USER)
    feedback.set_complaint(db, "FO1", True, "The gallery is not what we agreed.")


STATES = {
    "new, no script yet": lambda db: None,
    "no project type": lambda db: leads.update_lead(db, USER, project_type=None),
    "site and pages only": lambda db: (
        runs.start(db, USER, "redesign"),
        runs.set_answers(db, USER, {"website": "brightevents.com", "pages": "Home, Contact"}),
    ),
    "offer ready": _offer_ready,
    "offer Fiverr would refuse": lambda db: _offer_ready(db, price="2"),
    "ordered": lambda db: (_offer_ready(db), create_order(db, USER, order_draft())),
    "accepted and happy": lambda db: accept_project(db, USER),
    "complaint open": _complaint,
    "hosting, domain only": lambda db: (
        runs.start(db, USER, "hosting"),
        runs.set_answers(db, USER, {"scenario": "domain only"}, script="hosting"),
    ),
}


@pytest.fixture(params=list(STATES))
def lead(request, db, frozen_now):
    made = leads.add_lead(db, USER, display_name="Bright Events", project_type="redesign")
    STATES[request.param](db)
    return leads.get_lead(db, USER) if made else None


def rule_book(db, template_id: str) -> str | None:
    facts = read_facts(db, leads.get_lead(db, USER).id)
    refusal = blocking(state_refusals(library().get(template_id), facts, SETTINGS), None)
    return None if refusal is None else refusal.sentence


def test_for_every_template_the_suggester_says_what_the_rule_book_says(db, lead):
    state = lead_state(db, lead, SETTINGS)
    refused = 0
    for template in library().templates.values():
        expected = rule_book(db, template.id)
        refused += expected is not None
        # Whichever script the suggester reads a message against, with nothing
        # new captured, its verdict is the one a copy would meet.
        for script in (state.script, *all_scripts().values()):
            said = closed_gate(template.id, script, state, state.answers_for(script))
            assert said == expected, (template.id, script and script.id)
    assert refused  # every state holds something back (the referral ask at least)


MESSAGES = [
    ("site and pages only", "I like eventify.com the most, partyplanners is just a reference."),
    ("site and pages only", "Our budget is around $500."),
    ("new, no script yet", "Our site is www.brightevents.com, we like eventify.com and x.com"),
    ("new, no script yet", "We'd need Home, About Us, Events and Contact."),
    ("offer ready", "Actually we only need Home, About and Contact."),
    ("offer ready", "Yes, that's all correct!"),
    ("offer ready", "Yes, please place the order."),
]


@pytest.mark.parametrize(("state_name", "message"), MESSAGES)
def test_the_verdict_on_a_messages_answers_is_the_rule_books_once_they_are_saved(
    db, frozen_now, state_name, message
):
    leads.add_lead(db, USER, display_name="Bright Events", project_type="redesign")
    STATES[state_name](db)
    state = lead_state(db, leads.get_lead(db, USER), SETTINGS)
    script = state.script
    reading = read(message)
    answers = answers_with(script, state, reading)
    before = {t: closed_gate(t, script, state, answers) for t in library().templates}
    suggested = choose(reading, state).template

    given = proposals(script, reading, state.answers_for(script))
    if given:  # "Yes, that's all correct!" gives none: the stored state is judged
        save_answers(db, USER, script.id, {p.field.name: p.text for p in given}, None)

    after = {t: rule_book(db, t) for t in library().templates}
    assert before == after
    assert suggested is None or after[suggested] is None
