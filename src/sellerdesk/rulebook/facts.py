"""What the rules read about a lead: its record, its script runs (answers and
ticks) and its orders, at one moment. Read in one unit, so the rules judge a
state that existed, never a mix of two."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk import clock
from sellerdesk.db.engine import Database
from sellerdesk.db.models import ScriptRunModel
from sellerdesk.leads import load_id, to_record
from sellerdesk.records import Lead
from sellerdesk.referrals.gate import OrderFacts
from sellerdesk.scripts.standing import ACTIVE, Run, confirmed_answers, to_run


@dataclass(frozen=True)
class LeadFacts:
    lead: Lead
    runs: tuple[Run, ...] = ()
    """Active runs first, then the most recently changed."""
    orders: tuple[OrderFacts, ...] = ()
    now: datetime | None = None
    confirmed: Mapping[str, Mapping[str, Any] | None] = field(default_factory=dict)
    """By script id, the answers its offer's latest confirmation covered (see
    `standing.confirmed_answers`); a script not here was not read."""


def facts_in_unit(session: Session, lead_id: int, lead: Lead | None = None) -> LeadFacts:
    """The lead's facts inside the caller's unit (the write unit that records a copy).
    `lead`: the record as the caller just read it, to spare reading it again."""
    from sellerdesk.referrals.guard import order_facts

    if lead is None:
        lead = to_record(load_id(session, lead_id))
    rows = session.scalars(
        select(ScriptRunModel)
        .where(ScriptRunModel.lead_id == lead_id)
        .order_by(
            (ScriptRunModel.status == ACTIVE).desc(),
            ScriptRunModel.updated_at.desc(),
            ScriptRunModel.id.desc(),
        )
    )
    runs = tuple(to_run(row) for row in rows)
    confirmed: dict[str, Mapping[str, Any] | None] = {}
    for run in runs:
        spec = run.definition.offer
        if spec is not None and run.ticks & set(spec.confirmation):
            confirmed[run.script] = confirmed_answers(
                session, lead_id, run.definition, spec.confirmation
            )
    return LeadFacts(lead, runs, tuple(order_facts(session, lead_id)), clock.now(), confirmed)


def read_facts(db: Database, lead_id: int, lead: Lead | None = None) -> LeadFacts:
    with db.read() as session:
        return facts_in_unit(session, lead_id, lead)
