"""The scripts as data: the redesign chat as seed 000 writes it, gates that
name what is missing, and every script's messages shipped."""

from __future__ import annotations

from sellerdesk.scripts.engine import HARD_RULE, State
from sellerdesk.scripts.redesign import SCRIPT as REDESIGN
from sellerdesk.scripts.registry import all_scripts, for_project_type
from sellerdesk.templates.loading import load_library

SCOPE = {
    "pages": ["Home", "About", "Events", "Contact"],
    "design_direction": {"primary": "acme.com", "references": ["best.co"]},
}
CONFIRMED = frozenset({"confirm_design", "confirm_pages", "confirm_focus"})


def test_the_nine_redesign_steps_in_the_seed_order_with_its_rules():
    titles = [s.title for s in REDESIGN.steps]
    assert titles == [
        "First Reply (Control the Frame)",
        "Website & Competitor Review",
        "Pages Discovery (Mandatory)",
        "Design Direction Lock",
        "Homepage Embedding Clarification",
        "Budget Alignment",
        "Mockup Objection",
        "Scope Confirmation",
        "Custom Offer Sent",
    ]
    rules = {s.id: s.rules for s in REDESIGN.steps}
    assert rules["first_reply"] == ("No pricing. No mockups. No promises.",)
    assert REDESIGN.steps[0].purpose == "Establish authority."
    assert rules["pages"] == (
        "Client lists pages",
        "Sales refines structure",
        "Do not blindly agree",
    )
    assert rules["design_direction"] == (
        "Lock one primary inspiration",
        "Others are reference only",
    )
    assert rules["homepage_embedding"] == ("Embedded content ≠ removed pages",)
    assert rules["budget"] == (
        "Stay factual",
        "No emotional justification",
        "Adjust scope, not quality",
    )
    assert rules["mockup_objection"] == ("Never provide free mockups",)
    assert REDESIGN.hard_rule == HARD_RULE == "If it’s not written in chat, it doesn’t exist."
    assert "“Once the order is placed, we’ll get started.”" in REDESIGN.steps[8].asks[0]


def test_the_budget_step_is_held_back_until_pages_and_design_direction_exist():
    budget = REDESIGN.index("budget")
    assert REDESIGN.can_enter(budget, State()) == (
        "The budget question comes after scope only: capture the pages (step 3) and "
        "the design direction (step 4) first."
    )
    only_pages = State({"pages": ["Home"]})
    assert "the design direction (step 4)" in REDESIGN.next_blocked(budget - 1, only_pages)
    assert "pages" not in REDESIGN.next_blocked(budget - 1, only_pages)
    assert REDESIGN.next_blocked(budget - 1, State(SCOPE)) is None


def test_the_offer_is_refused_before_scope_confirmation_and_names_what_is_missing():
    answers = {**SCOPE, "focus": "events", "delivery_days": 7, "price": "450"}
    state = State(answers, frozenset({"confirm_design"}))
    assert REDESIGN.offer_blocked(state) == (
        "The offer cannot be composed yet: confirm in chat pages list (step 8) and "
        "focus (events / services) (step 8) first."
    )
    assert REDESIGN.offer_blocked(State(answers, CONFIRMED)) is None
    missing_price = State({k: v for k, v in answers.items() if k != "price"}, CONFIRMED)
    assert REDESIGN.offer_blocked(missing_price) == (
        "The offer cannot be composed yet: capture the fixed price (step 9) first."
    )
    assert REDESIGN.next_blocked(REDESIGN.index("scope_confirmation"), State(answers)) == (
        "Confirm the scope before the offer: confirm in chat design direction (step 8), "
        "pages list (step 8) and focus (events / services) (step 8) first."
    )


def test_leaving_the_review_needs_the_website():
    assert REDESIGN.next_blocked(1, State()) == (
        "Review the website before the pages: capture the current website (step 2) first."
    )
    assert REDESIGN.next_blocked(1, State({"website": "old.example"})) is None


def test_mockup_objection_is_offered_at_every_step_and_industry_questions_in_discovery():
    for index in range(len(REDESIGN.steps)):
        assert "redesign.mockup_objection" in REDESIGN.messages_at(index, {}, "courses")
    with_industry = {
        i for i in range(9) if "industry.courses" in REDESIGN.messages_at(i, {}, "courses")
    }
    assert with_industry == {1, 2}
    assert "industry.other" not in REDESIGN.messages_at(1, {}, "other")
    assert REDESIGN.messages_at(2, {}) == ("redesign.pages", "redesign.mockup_objection")


def test_answers_become_the_template_values():
    values = REDESIGN.values({**SCOPE, "focus": "events", "price": "450", "delivery_days": 7})
    assert values["pages"] == "Home, About, Events, Contact"
    assert values["design_direction"] == "acme.com"
    assert values["focus"] == "Events"
    assert values["price"] == "450" and values["delivery_days"] == "7"


def test_every_script_message_and_offer_template_ships():
    library = load_library()
    assert library.problems == []
    for script in all_scripts().values():
        ids = {m.template for s in script.steps for m in s.messages}
        ids |= {m.template for m in script.anywhere}
        if script.offer:
            ids.add(script.offer.template)
            assert library.get(script.offer.template).field == "offer_description"
        assert ids <= set(library.templates), script.id
    for prefix in ("new_website.", "changes.", "qualification."):
        written = [t for t in library.ordered() if t.id.startswith(prefix)]
        assert written
        assert all(t.editable and "starting point" in t.source for t in written)


def test_project_types_pick_their_script():
    assert for_project_type("redesign").id == "redesign"
    assert for_project_type("new_website").id == "new_website"
    assert for_project_type("past_client_changes").id == "past_client_changes"
    assert for_project_type("new_client_changes").id == "new_client_changes"
    assert for_project_type(None) is None


def test_hosting_messages_and_checklists_follow_the_scenario():
    hosting = all_scripts()["hosting"]
    assert hosting.messages_at(1, {"scenario": "has_hosting"}) == ("hosting.has_hosting",)
    assert hosting.messages_at(1, {"scenario": "nothing"}) == (
        "hosting.nothing",
        "hosting.setup_call",
    )
    new = [c.text for c in hosting.steps[2].checks_for({"client_kind": "new"})]
    jobs = ["Domain registration", "Domain pointing", "Hosting creation", "Website upload"]
    assert new[2:] == jobs
    moved = [c.id for c in hosting.steps[2].checks_for({"client_kind": "transferred"})]
    assert "transfer_domain_unlocked" in moved and "new_domain_registration" not in moved


def test_a_step_whose_entry_gate_fails_offers_only_the_anywhere_messages():
    budget = REDESIGN.index("budget")
    assert REDESIGN.messages_at(budget, {}) == ("redesign.mockup_objection",)
    assert REDESIGN.messages_at(budget, SCOPE) == ("redesign.budget", "redesign.mockup_objection")
