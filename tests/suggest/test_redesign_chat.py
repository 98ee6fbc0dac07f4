"""Seed 000's redesign chat, turn by turn: each client message pasted, the
step and the approved reply checked, and the seller doing what the
suggestion says (copying the reply, applying the answers, ticking the scope)
on a real database before the next message arrives."""

from __future__ import annotations

import pytest

from sellerdesk import leads
from sellerdesk.config import Settings
from sellerdesk.copying import commit_copy, prepare_copy
from sellerdesk.scripts import runs
from sellerdesk.scripts.offer import with_answers
from sellerdesk.suggest.apply import proposals, save_answers
from sellerdesk.suggest.context import suggest_for
from sellerdesk.templates.loading import library

USER = "brightevents"

# (client's message, step number expected, template expected)
CHAT = [
    (
        "Hi! I found your gig. Our events company needs its website redesigned, it looks "
        "really dated.",
        1,
        "redesign.first_reply",
    ),
    (
        "Thanks for the quick reply! We really need a new look for our website, bookings "
        "dropped since it got old.",
        2,
        "redesign.ask_site_competitors",
    ),
    (
        "Sure! Our current website is www.brightevents.com and competitors we like are "
        "eventify.com and partyplanners.com",
        3,
        "redesign.pages",
    ),
    (
        "We'd need Home, About Us, Services, Events, Gallery and Contact.",
        4,
        "redesign.design_direction",
    ),
    (
        "I like eventify.com the most, partyplanners is just for reference. Could everything "
        "be on the homepage though?",
        5,
        "redesign.homepage_embedding",
    ),
    ("Perfect, that makes sense. So how much would all this cost?", 6, "redesign.budget"),
    (
        "Around $500. Could you send me a mockup of the homepage first?",
        7,
        "redesign.mockup_objection",
    ),
    (
        "No worries, I understand. Could you send me your offer then?",
        8,
        "redesign.scope_confirmation",
    ),
    ("Yes, that's all correct, events are our main focus.", 9, "redesign.custom_offer"),
]


@pytest.fixture
def lead(db, frozen_now):
    made = leads.add_lead(db, USER, display_name="Bright Events", project_type="redesign")
    runs.start(db, USER, "redesign")
    return made


def seller_copies(db, template_id: str) -> None:
    """What `c` does after the clipboard: the copy is on the timeline."""
    lead = leads.get_lead(db, USER)
    run = runs.get_run(db, USER)
    filled = with_answers(lead, run.definition, run.answers)
    prepared = prepare_copy(
        db, library().get(template_id), filled, Settings(), {"client_name": "Bright"}
    )
    commit_copy(db, prepared, "printed")


def seller_applies(db, found) -> list[str]:
    run = runs.get_run(db, USER)
    given = proposals(run.definition, found.reading, run.answers)
    if given:
        save_answers(db, USER, "redesign", {p.field.name: p.text for p in given}, None)
    return [p.field.name for p in given]


def test_every_client_turn_of_the_redesign_chat_gets_its_step_and_reply(db, lead):
    applied = {}
    for number, (message, step, template) in enumerate(CHAT, start=1):
        _lead, _state, found = suggest_for(db, USER, message)
        if step == 9:
            # The client confirmed in chat; the offer waits until the seller ticks the
            # scope and sets the delivery time and price, as the gate names.
            assert found.template is None and found.choice.step.number == 9
            assert "confirm in chat" in found.choice.blocked
            runs.set_answers(db, USER, {"focus": "events", "delivery_days": "7", "price": "500"})
            for item in ("confirm_design", "confirm_pages", "confirm_focus"):
                runs.tick(db, USER, item)
            _lead, _state, found = suggest_for(db, USER, message)
        assert (found.choice.step.number, found.template) == (step, template), (number, found)
        assert found.template_title == library().get(template).title
        applied[number] = seller_applies(db, found)
        if step == 3:
            # Step 2's internal review of the site, which no client message gives.
            runs.set_answers(
                db, USER, {"focus": "events", "content": "minimal", "conversion": "booking"}
            )
        seller_copies(db, template)

    assert applied[3] == ["website", "competitors"]
    assert applied[4] == ["pages"]
    assert applied[5] == ["design_direction"]
    assert applied[7] == ["budget"]
    run = runs.get_run(db, USER)
    assert run.answers["design_direction"] == {
        "primary": "eventify.com",
        "references": ["partyplanners.com"],
    }
    assert run.answers["pages"] == ["Home", "About Us", "Services", "Events", "Gallery", "Contact"]
    assert leads.get_lead(db, USER).website == "brightevents.com"

    # Copying the offer (the last turn) recorded it as sent.
    assert leads.get_lead(db, USER).stage == "offer_sent"
    _lead, _state, found = suggest_for(
        db, USER, "Great, the offer looks good. Yes, please place the order."
    )
    assert found.intent == "consent" and found.template == "order.next_steps"
    assert found.reading.value("consent_words") == "Yes, please place the order."

    kinds = [e.kind for e in leads.lead_timeline(db, lead.id, 500)]
    assert kinds.count("message_copied") == len(CHAT)
    assert kinds.count("script_answer") >= 4
