"""Stored runs on a real SQLite file: start and resume, answers all-or-nothing,
gates on next, every move on the timeline, stage moves with the step."""

from __future__ import annotations

import pytest
from tests.scripts.conftest import DISCOVERY, walk_to

from sellerdesk import leads
from sellerdesk.config import Settings
from sellerdesk.db.open import open_database
from sellerdesk.errors import Conflict, Invalid, NotFound
from sellerdesk.followups import store
from sellerdesk.scripts import runs


def _events(db, lead, kind):
    return [e for e in leads.lead_timeline(db, lead.id) if e.kind == kind]


def test_start_uses_the_project_type_and_resumes_after_reopening(db, db_url, lead):
    run = runs.start(db, lead.username)
    assert (run.script, run.step, run.index) == ("redesign", "first_reply", 0)
    runs.next_step(db, lead.username)
    runs.set_answers(db, lead.username, DISCOVERY)
    db.close()
    again = open_database(db_url, author="someone else")
    try:
        resumed = runs.start(again, lead.username)
        assert resumed.step == "site_competitors"
        assert resumed.answers["competitors"] == ["acme.com", "best.co"]
        assert runs.get_run(again, lead.username).id == run.id
    finally:
        again.close()


def test_a_lead_without_project_type_must_choose(db):
    leads.add_lead(db, "no_type")
    with pytest.raises(Invalid, match="no project type"):
        runs.start(db, "no_type")
    assert runs.start(db, "no_type", "hosting").script == "hosting"
    with pytest.raises(NotFound, match="No script 'nope'"):
        runs.start(db, "no_type", "nope")


def test_answers_are_all_or_nothing_and_every_problem_is_named(db, lead):
    runs.start(db, lead.username, "redesign")
    with pytest.raises(Invalid) as caught:
        runs.set_answers(
            db, lead.username, {"pages": "Home", "price": "cheap", "design_direction": "*a, *b"}
        )
    message = str(caught.value)
    assert "Fixed price must be a number" in message
    assert "one primary inspiration only" in message
    assert message.endswith("Nothing was saved.")
    assert runs.get_run(db, lead.username).answers == {}
    run, warnings = runs.set_answers(db, lead.username, {"pages": "Home", "delivery_days": "120"})
    assert run.answers == {"pages": ["Home"], "delivery_days": 120}
    assert warnings == ["Fiverr accepts 1–90 days; delivery time of 120 days would be refused."]
    run, _ = runs.set_answers(db, lead.username, {"delivery_days": ""})
    assert "delivery_days" not in run.answers
    with pytest.raises(Invalid, match="'colour' is not captured"):
        runs.set_answers(db, lead.username, {"colour": "blue"})


def test_the_website_captured_fills_an_empty_record(db, lead):
    runs.start(db, lead.username, "redesign")
    runs.set_answers(db, lead.username, {"website": "oldsite.example"})
    assert leads.get_lead(db, lead.username).website == "oldsite.example"


def test_next_is_gated_and_each_step_passed_is_on_the_timeline(db, lead):
    runs.start(db, lead.username, "redesign")
    runs.next_step(db, lead.username)
    with pytest.raises(runs.Blocked, match="capture the current website"):
        runs.next_step(db, lead.username)
    run = walk_to(db, lead.username, "homepage_embedding")
    assert run.index == 4
    passed = _events(db, lead, "script_step")
    bodies = [e.body for e in reversed(passed)]
    assert bodies[0] == "Website Redesign chat: started at step 1, First Reply (Control the Frame)"
    assert bodies[1] == (
        "Website Redesign chat: passed step 1, First Reply (Control the Frame) → "
        "step 2, Website & Competitor Review"
    )
    assert "passed step 3, Pages Discovery (Mandatory) → step 4" in bodies[3]
    assert "(Pages: Home, About, Events, Gallery, Contact)" in bodies[3]
    assert all(e.author == "tester" for e in passed)
    back = runs.back_step(db, lead.username)
    assert back.step == "design_direction"
    assert _events(db, lead, "script_step")[0].body.endswith(
        "back to step 4, Design Direction Lock"
    )


def test_the_budget_step_waits_for_scope_even_when_answers_are_cleared(db, lead):
    walk_to(db, lead.username, "homepage_embedding")
    runs.set_answers(db, lead.username, {"design_direction": ""})
    with pytest.raises(runs.Blocked) as caught:
        runs.next_step(db, lead.username)
    assert str(caught.value) == (
        "The budget question comes after scope only: capture the design direction (step 4) first."
    )
    assert runs.get_run(db, lead.username).step == "homepage_embedding"


def test_ticks_are_recorded_and_unknown_items_refused(db, lead):
    walk_to(db, lead.username, "scope_confirmation")
    run = runs.tick(db, lead.username, "confirm_pages")
    assert run.ticks == {"confirm_pages"}
    assert _events(db, lead, "script_tick")[0].body == (
        "Website Redesign chat, step 8: Pages list confirmed"
    )
    run = runs.tick(db, lead.username, "confirm_pages", on=False)
    assert run.ticks == frozenset()
    with pytest.raises(Invalid, match="'confirm_colour' is not a checklist item"):
        runs.tick(db, lead.username, "confirm_colour")


def test_a_stale_version_is_refused(db, lead):
    run = runs.start(db, lead.username, "redesign")
    runs.next_step(db, lead.username, expected_version=run.version)
    with pytest.raises(Conflict):
        runs.set_answers(db, lead.username, {"website": "x.example"}, expected_version=run.version)


def test_qualification_moves_the_stage_forward_and_labels_hot_leads(db):
    leads.add_lead(db, "maybe_client")
    runs.start(db, "maybe_client", "qualification")
    with pytest.raises(runs.Blocked, match="Qualify the lead first: capture the what they need"):
        runs.next_step(db, "maybe_client")
    runs.set_answers(db, "maybe_client", {"need": "A redesign of our bakery site"})
    for item in ("q_need", "q_fit", "q_engaged"):
        runs.tick(db, "maybe_client", item)
    runs.next_step(db, "maybe_client")
    assert leads.get_lead(db, "maybe_client").stage == "qualified"
    for item in ("h_scope", "h_budget", "h_ready"):
        runs.tick(db, "maybe_client", item)
    runs.next_step(db, "maybe_client")
    lead = leads.get_lead(db, "maybe_client")
    assert lead.stage == "hot_lead"
    assert "Hot Lead" in lead.labels
    stage_events = _events(db, lead, "stage")
    assert stage_events[0].body == "Qualified → Hot Lead (Lead Qualification)"


def test_a_stage_never_moves_backwards(db):
    leads.add_lead(db, "already_hot", stage="offer_sent")
    runs.start(db, "already_hot", "qualification")
    runs.set_answers(db, "already_hot", {"need": "changes"})
    for item in ("q_need", "q_fit", "q_engaged"):
        runs.tick(db, "already_hot", item)
    runs.next_step(db, "already_hot")
    assert leads.get_lead(db, "already_hot").stage == "offer_sent"


def test_copying_the_offer_finishes_the_run_and_the_cadence_plans_follow_ups(
    db, lead, frozen_now
):
    from sellerdesk.copying import commit_copy, prepare_copy
    from sellerdesk.rulebook import Refused
    from sellerdesk.templates.loading import load_library

    offer = load_library().get("redesign.custom_offer")
    walk_to(db, lead.username, "custom_offer")
    early = prepare_copy(db, offer, leads.get_lead(db, lead.username), Settings())
    # Asked for (the small form, --set), not refused; recording it is refused all the same.
    assert early.blocked is None and early.missing == ("delivery_days", "price")
    with pytest.raises(Refused, match="capture the delivery time"):
        commit_copy(db, early, "printed")
    runs.set_answers(db, lead.username, {"delivery_days": "10", "price": "650"})
    commit_copy(db, prepare_copy(db, offer, leads.get_lead(db, lead.username), Settings()), "x")
    run = runs.get_run(db, lead.username)
    assert run.finished and run.step == "custom_offer"
    record = leads.get_lead(db, lead.username)
    assert record.stage == "offer_sent"
    with db.read() as session:
        planned = store.active_for(session, record.id)
    assert len(planned) == 3
    assert runs.current_steps(db, [record.id]) == {record.id: "Website Redesign chat done"}


def test_current_steps_for_a_page_of_leads(db, lead):
    other = leads.add_lead(db, "second_lead")
    walk_to(db, lead.username, "pages")
    runs.start(db, "second_lead", "hosting")
    assert runs.current_steps(db, [lead.id, other.id, 999]) == {
        lead.id: "3/9 Pages Discovery (Mandatory)",
        other.id: "1/4 Identify the Scenario",
    }
    assert runs.current_steps(db, []) == {}


def test_step_marks_for_the_list_column(db, lead, frozen_now):
    other = leads.add_lead(db, "marks_lead")
    walk_to(db, lead.username, "pages")
    runs.start(db, "marks_lead", "hosting")
    assert runs.step_marks(db, [lead.id, other.id]) == {lead.id: "3/9", other.id: "1/4"}


def test_an_order_drafted_for_the_lead_starts_from_the_script_answers(db, lead):
    from sellerdesk.orders.prefill import prefill

    walk_to(db, lead.username, "custom_offer")
    runs.set_answers(db, lead.username, {"delivery_days": "10", "price": "650"})
    draft = prefill(db, lead.id)
    assert draft.pages == "Home, About, Events, Gallery, Contact"
    assert draft.design_direction == "acme.com"
    assert (draft.delivery_days, draft.price_cents, draft.scope_confirmed) == (10, 65000, True)
