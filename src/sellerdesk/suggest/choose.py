"""Which approved reply comes next: the message's intent and facts against
where the lead stands (its script run, what was already sent, its orders and
referral gate).

Whether a template may go out now is never decided here: `closed_gate` asks
the rule book (`rulebook.state_refusals`, the rules every copy path meets)
on the lead's facts as they will be once the message's answers are saved.
Its refusals are the script's entry gates (no budget question before the
scope), the custom offer's gate and limits, the referral gate (the ask only
after acceptance) and the consent gate (order messages follow an order). A
reply held back is named with the rule's own sentence, and the reply that
keeps the frame is offered instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sellerdesk.scripts.engine import Script, State, Step
from sellerdesk.suggest.model import OTHER, Choice, Reading, StepRef
from sellerdesk.suggest.state import LeadState, hypothetical

__all__ = ["LeadState", "answers_with", "choose", "closed_gate"]

BUDGET = "redesign.budget"
MOCKUP = "redesign.mockup_objection"
REFERRAL_ASK = "referral.ask"
NEXT_STEPS = "order.next_steps"
WHO_REFERRED = "chat.who_referred"
STAY_ON_FIVERR = "chat.stay_on_fiverr"
NOT_NOW = "chat.not_now"
COMPLAINT = "chat.complaint"
HOSTING = {
    "has_hosting": "hosting.has_hosting",
    "domain_only": "hosting.domain_only",
    "nothing": "hosting.nothing",
}
# A step the client sets off, and the fact that does it.
TRIGGERS = {"homepage_embedding": "everything_on_homepage"}
CONTINUING = ("new_inquiry", "shares_site", "lists_pages", "design_direction", "asks_price")

_NEW_SITE = re.compile(
    r"\b(?:from scratch|new (?:web)?site|build (?:a |my |our )?(?:web)?site|no website)\b", re.I
)
_REDESIGN = re.compile(
    r"\b(?:redesign\w*|redo|revamp|makeover|refresh|outdated|old (?:web)?site)\b", re.I
)


def answers_with(script: Script, state: LeadState, reading: Reading) -> dict[str, Any]:
    """The run's answers as they will be once this message's facts are applied."""
    from sellerdesk.suggest.apply import stored_values

    out = state.answers_for(script)
    out.update(stored_values(script, reading, out))
    return out


def closed_gate(
    template: str, script: Script | None, state: LeadState, answers: Mapping
) -> str | None:
    """The sentence of the rule that keeps `template` back for this lead, or None.

    The rule book's verdict on the lead as it will be once `answers` are saved
    on its run of `script`: the refusal a copy would meet then, word for word.
    """
    from sellerdesk.rulebook import blocking, state_refusals

    facts = hypothetical(state, script, answers)
    refusal = blocking(state_refusals(_template(template), facts, state.settings), None)
    return None if refusal is None else refusal.sentence


def _template(template_id: str):
    from sellerdesk.templates.loading import library
    from sellerdesk.templates.model import Template

    found = library().templates.get(template_id)
    if found is not None:
        return found
    # Named by a script but not installed: judged by its id and script alone.
    return Template(template_id, template_id, template_id.split(".")[0], 0, "")


def choose(reading: Reading, state: LeadState) -> Choice:
    intent = reading.intent
    if intent == OTHER:
        return Choice(
            None, why=reading.note or "No approved reply fits this message; answer it yourself."
        )
    # The client's yes is held to the lead's own script, never to a guessed one.
    script = state.script if intent == "consent" else _script_for(reading, state)
    answers = answers_with(script, state, reading) if script else {}
    if intent in CONTINUING or (intent == "referred_by" and reading.fact("referrer")):
        choice = _continue(reading, state, script, answers)
    else:
        choice = _HANDLERS[intent](reading, state, script, answers)
    return _asked(choice, state, script, answers)


def _asked(choice: Choice, state: LeadState, script: Script | None, answers: Mapping) -> Choice:
    """The choice, or none when the rule book keeps its reply back: whatever the
    handler chose, no reply is offered that a copy would refuse."""
    if choice.template is None:
        return choice
    blocked = closed_gate(choice.template, script, state, answers)
    if blocked is None:
        return choice
    return Choice(None, choice.step, blocked, "Capture what the rule names first.")


def _script_for(reading: Reading, state: LeadState) -> Script | None:
    from sellerdesk.scripts.registry import get_script

    if reading.intent == "changes_request":
        if state.script is not None and state.script.id.endswith("_changes"):
            return state.script
        return get_script("past_client_changes" if state.past_client else "new_client_changes")
    if reading.intent == "hosting_domain":
        return get_script("hosting")
    if state.script is not None:
        return state.script
    if _NEW_SITE.search(reading.text):
        return get_script("new_website")
    if _REDESIGN.search(reading.text) or reading.fact("website") or reading.fact("competitors"):
        return get_script("redesign")
    return get_script("qualification")


def _ref(script: Script, index: int) -> StepRef:
    step = script.steps[index]
    return StepRef(script.id, script.title, index + 1, len(script.steps), step.title)


def _continue(
    reading: Reading, state: LeadState, script: Script | None, answers: Mapping
) -> Choice:
    """The first step of the script not yet done, and its message."""
    if script is None:
        return Choice(None, why="Start a script for this lead (g) to get its next reply.")
    now = State(answers, state.ticks_for(script))
    index = next(
        (
            i
            for i, step in enumerate(script.steps)
            if not _done(script, i, step, state, now, reading)
        ),
        None,
    )
    if index is None:
        return Choice(
            None, why=f"{script.title} is finished for this lead; nothing in it comes next."
        )
    step = script.steps[index]
    held = None
    if reading.intent == "asks_price":
        held = _budget_held_back(script, index, state, answers)
    messages = step.messages_for(answers)
    template = messages[0] if messages else None
    if template is not None:
        blocked = closed_gate(template, script, state, answers)
        if blocked:
            return Choice(None, _ref(script, index), blocked, "Capture what the gate names first.")
    why = f"{step.purpose}" if template else f"No message at this step: {step.purpose}"
    if held:
        why = "The client asked the price before the scope: keep the frame and move to the scope."
    return Choice(template, _ref(script, index), held, why + _ahead(script, index, state))


def _ahead(script: Script, index: int, state: LeadState) -> str:
    """Why the reply's step is further on than the lead's script stands, when it
    is: the steps in between are answered (captured, or given by this message)
    or were never set off, but nobody passed them in the script yet."""
    if not state.has_run or state.script is not script or state.finished:
        return ""
    at = state.run_index
    if index <= at:
        return ""
    between = f"step {at + 1} is" if index == at + 1 else f"steps {at + 1}–{index} are"
    return (
        f" The script still stands at step {at + 1}/{len(script.steps)} "
        f"({script.steps[at].title}): {between} answered or not needed, "
        "so pass them in the script (g)."
    )


def _budget_held_back(script: Script, index: int, state: LeadState, answers: Mapping) -> str | None:
    budget = next(
        (
            i
            for i, step in enumerate(script.steps)
            if any(m.template == BUDGET for m in step.messages)
        ),
        None,
    )
    if budget is None or index >= budget:
        return None
    blocked = closed_gate(BUDGET, script, state, answers)
    return blocked or "The budget question comes after scope only."


def _done(
    script: Script, index: int, step: Step, state: LeadState, now: State, reading: Reading
) -> bool:
    if state.has_run and state.script is script and (state.finished or index < state.run_index):
        return True
    if step.trigger:
        fact = TRIGGERS.get(step.id)
        wanted = fact is not None and reading.fact(fact) is not None
        sent = any(m.template in state.sent for m in step.messages)
        return not wanted or sent or all(now.has(f.name) for f in step.fields)
    if step.offer:
        return any(m.template in state.sent for m in step.messages)
    needed = list(step.leave.fields) if step.leave else [f.name for f in step.fields]
    ticks = list(step.leave.ticks) if step.leave else []
    if needed or ticks:
        return all(now.has(name) for name in needed) and all(t in now.ticks for t in ticks)
    if any(m.template in state.sent for m in step.messages):
        return True
    if index == 0 and state.answers:
        return True
    if step.checklist:
        return all(c.id in now.ticks for c in step.checks_for(now.answers))
    return not step.messages


def _step_of(script: Script | None, template: str) -> StepRef | None:
    if script is None:
        return None
    for index, step in enumerate(script.steps):
        if any(m.template == template for m in step.messages):
            return _ref(script, index)
    return None


def _complaint(reading, state, script, answers) -> Choice:
    return Choice(
        COMPLAINT, why="Answer the complaint first, without arguing; record it on the order."
    )


def _consent(reading, state, script, answers) -> Choice:
    """No order before the offer could go out (the scope confirmed, the price and
    delivery time set); the next steps once the order is recorded."""
    blocked = _offer_held(script, state, answers)
    if blocked:
        return Choice(
            None,
            _offer_ref(script),
            blocked,
            "The client said yes, but no order before the scope is confirmed.",
        )
    create = "Create the order with the client's words as the consent (o)"
    blocked = closed_gate(NEXT_STEPS, script, state, answers)
    if blocked:
        return Choice(None, None, blocked, f"{create}, then send the next steps.")
    return Choice(
        NEXT_STEPS, None, None, f"{create} unless it is recorded already; then send the next steps."
    )


def _offer_held(script: Script | None, state: LeadState, answers: Mapping) -> str | None:
    """Why the script's custom offer may not go out (None: it may, or it has none)."""
    if script is None or script.offer is None:
        return None
    return closed_gate(script.offer.template, script, state, answers)


def _offer_ref(script: Script | None) -> StepRef | None:
    if script is None:
        return None
    index = next((i for i, s in enumerate(script.steps) if s.offer), None)
    return _ref(script, index) if index is not None else None


def _not_now(reading, state, script, answers) -> Choice:
    if reading.fact("do_not_contact"):
        return Choice(
            None, why="The client asked not to be contacted: mark the lead do-not-contact (d)."
        )
    when = reading.fact("followup_when")
    plan = f"plan the follow-up for {when.value} (f)" if when else "plan a follow-up by hand"
    return Choice(NOT_NOW, why=f"Acknowledge it, then {plan}.")


def _mockup(reading, state, script, answers) -> Choice:
    return Choice(MOCKUP, _step_of(script, MOCKUP), None, "Never provide free mockups.")


def _confirms(reading, state, script, answers) -> Choice:
    if script is None or script.offer is None:
        return _continue(reading, state, script, answers)
    offer = _offer_ref(script)
    blocked = _offer_held(script, state, answers)
    if blocked:
        return Choice(
            None,
            offer,
            blocked,
            "The client confirmed the scope in chat: tick it in the script (g), capture the "
            "delivery time and price, then copy the offer.",
        )
    return Choice(script.offer.template, offer, None, "Scope confirmed: send the custom offer.")


def _referred(reading, state, script, answers) -> Choice:
    return Choice(WHO_REFERRED, why="Ask who referred them; do not assume or guess.")


def _changes(reading, state, script, answers) -> Choice:
    return _continue(reading, state, script, answers)


def _hosting(reading, state, script, answers) -> Choice:
    scenario = answers.get("scenario")
    if scenario in HOSTING and script is not None:
        return Choice(HOSTING[scenario], _ref(script, 1), None, script.steps[1].purpose)
    return Choice(
        None,
        _ref(script, 0) if script else None,
        None,
        "Ask what the client has: hosting, a domain only, or nothing yet.",
    )


def _requirements(reading, state, script, answers) -> Choice:
    template = (
        "order.requirements_partial"
        if reading.fact("requirements_pending")
        else ("order.requirements_submitted")
    )
    blocked = closed_gate(template, script, state, answers)
    if blocked:
        return Choice(None, None, blocked, "Create the order first (o).")
    return Choice(template, why="Confirm what arrived and what is still missing.")


def _feedback(reading, state, script, answers) -> Choice:
    blocked = closed_gate(REFERRAL_ASK, script, state, answers)
    if blocked:
        return Choice(
            None,
            None,
            blocked,
            "Record the feedback on the order; the referral ask waits for its gate.",
        )
    return Choice(
        REFERRAL_ASK, why="The project is accepted and the client is happy: ask for a referral now."
    )


def _off_platform(reading, state, script, answers) -> Choice:
    return Choice(STAY_ON_FIVERR, why="Keep the conversation and the payment on Fiverr.")


_HANDLERS = {
    "complaint": _complaint,
    "consent": _consent,
    "not_now": _not_now,
    "asks_mockup": _mockup,
    "confirms_scope": _confirms,
    "referred_by": _referred,
    "changes_request": _changes,
    "hosting_domain": _hosting,
    "requirements": _requirements,
    "feedback_positive": _feedback,
    "off_platform": _off_platform,
}
