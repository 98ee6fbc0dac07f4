"""Reading where a lead stands, for the chooser, and suggesting for a lead by
username: the one call the TUI and the CLI make."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sellerdesk.records import Lead
from sellerdesk.suggest.choose import LeadState, choose
from sellerdesk.suggest.model import Suggestion
from sellerdesk.suggest.reading import read
from sellerdesk.suggest.state import state_of

if TYPE_CHECKING:
    from sellerdesk.config import Settings


def lead_state(db, lead: Lead, settings: Settings | None = None) -> LeadState:
    """Read in one unit: the facts the rule book reads, and the templates sent."""
    from sqlalchemy import select

    from sellerdesk.db.models import EventModel
    from sellerdesk.event_kinds import COPIED_KIND
    from sellerdesk.followups.activity import sent_template
    from sellerdesk.rulebook import facts_in_unit

    with db.read() as session:
        facts = facts_in_unit(session, lead.id, lead)
        copied = session.scalars(
            select(EventModel.data).where(
                EventModel.lead_id == lead.id, EventModel.kind == COPIED_KIND
            )
        ).all()
    sent = {sent_template(COPIED_KIND, data) for data in copied}
    return state_of(facts, frozenset(t for t in sent if t), settings)


def suggest_for(
    db, username: str, text: str | None, settings: Settings | None = None
) -> tuple[Lead, LeadState, Suggestion]:
    """Read `text` as a message from the lead `username` and choose the reply."""
    from sellerdesk.leads import get_lead

    lead = get_lead(db, username)
    state = lead_state(db, lead, settings)
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
