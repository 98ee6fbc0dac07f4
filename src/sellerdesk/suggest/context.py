"""Reading where a lead stands, for the chooser, and suggesting for a lead by
username: the one call the TUI and the CLI make."""

from __future__ import annotations

import json

from sellerdesk.records import Lead
from sellerdesk.suggest.choose import LeadState, choose
from sellerdesk.suggest.model import Suggestion
from sellerdesk.suggest.reading import read

PAST_CLIENT = "past client"


def lead_state(db, lead: Lead) -> LeadState:
    from sqlalchemy import select

    from sellerdesk import clock
    from sellerdesk.db.models import EventModel
    from sellerdesk.referrals.gate import evaluate
    from sellerdesk.referrals.guard import order_facts
    from sellerdesk.scripts.runs import current_run, default_script

    run = current_run(db, lead.id)
    with db.read() as session:
        orders = order_facts(session, lead.id)
        copied = session.scalars(
            select(EventModel.data).where(
                EventModel.lead_id == lead.id, EventModel.kind == "message_copied"
            )
        ).all()
    sent = set()
    for data in copied:
        try:
            sent.add(json.loads(data or "{}").get("template"))
        except (ValueError, AttributeError):
            continue
    live = [o for o in orders if o.status != "cancelled"]
    past = (
        any(label.lower() == PAST_CLIENT for label in lead.labels)
        or lead.stage in ("delivered", "completed")
        or any(o.status == "completed" for o in live)
    )
    index, script = 0, default_script(lead)
    if run is not None:
        try:
            script, index = run.definition, run.index
        except (KeyError, LookupError):
            run = None
    return LeadState(
        username=lead.username,
        script=script,
        has_run=run is not None,
        run_index=index,
        finished=bool(run and run.finished),
        answers=dict(run.answers) if run else {},
        ticks=run.ticks if run else frozenset(),
        sent=frozenset(t for t in sent if t),
        referral_gate=evaluate(orders, clock.now()),
        live_orders=len(live),
        past_client=past,
        do_not_contact=lead.do_not_contact,
    )


def suggest_for(db, username: str, text: str | None) -> tuple[Lead, LeadState, Suggestion]:
    """Read `text` as a message from the lead `username` and choose the reply."""
    from sellerdesk.leads import get_lead

    lead = get_lead(db, username)
    state = lead_state(db, lead)
    return lead, state, suggest(text, state)


def suggest(text: str | None, state: LeadState) -> Suggestion:
    from sellerdesk.templates.loading import library

    reading = read(text)
    choice = choose(reading, state)
    title = None
    if choice.template is not None:
        found = library().templates.get(choice.template)
        title = found.title if found else None
    return Suggestion(reading, choice, state.username, title)
