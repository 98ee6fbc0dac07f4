"""Where leads stand in their scripts, read only: the run record, a lead's
runs, and for a page of the lead list each lead's step in one query."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sellerdesk.db.engine import Database
from sellerdesk.db.models import EventModel, ScriptRunModel
from sellerdesk.errors import NotFound
from sellerdesk.leads import load
from sellerdesk.records import Lead
from sellerdesk.scripts.engine import Script, State, Step
from sellerdesk.scripts.registry import first_reply, for_project_type, get_script

ACTIVE = "active"
TICK_KIND = "script_tick"
FINISHED = "finished"


@dataclass(frozen=True)
class Run:
    id: int
    lead_id: int
    script: str
    step: str
    answers: dict[str, Any]
    ticks: frozenset[str]
    status: str
    started_at: datetime
    updated_at: datetime
    version: int

    @property
    def definition(self) -> Script:
        return get_script(self.script)

    @property
    def index(self) -> int:
        return self.definition.index(self.step)

    @property
    def current(self) -> Step:
        return self.definition.steps[self.index]

    @property
    def state(self) -> State:
        return State(self.answers, self.ticks)

    @property
    def finished(self) -> bool:
        return self.status == FINISHED

    def label(self) -> str:
        """Short, for a list column: "Website Redesign chat 3/9"."""
        script = self.definition
        if self.finished:
            return f"{script.title} ✓"
        return f"{script.title} {self.index + 1}/{len(script.steps)}"


def to_run(model: ScriptRunModel) -> Run:
    return Run(
        id=model.id,
        lead_id=model.lead_id,
        script=model.script,
        step=model.step,
        answers=json.loads(model.answers or "{}"),
        ticks=frozenset(json.loads(model.ticks or "[]")),
        status=model.status,
        started_at=model.started_at,
        updated_at=model.updated_at,
        version=model.version,
    )


def default_script(lead: Lead) -> Script | None:
    return for_project_type(lead.project_type)


def suggested_message(db: Database, lead: Lead) -> str | None:
    """The message a seller most likely sends this lead next: the one its
    follow-up due by tonight suggests, else the first one offered at the step
    its script stands at, else the first reply for its project type. None
    when nothing is known to suggest (a new lead of no known project type)."""
    due = _due_followup_template(db, lead.id)
    if due is not None:
        return due
    run = current_run(db, lead.id)
    if run is not None and not run.finished:
        offered = run.definition.messages_at(run.index, run.answers, lead.industry)
        if offered:
            return offered[0]
    return first_reply(lead.project_type)


def _due_followup_template(db: Database, lead_id: int) -> str | None:
    from datetime import timedelta

    from sellerdesk import clock
    from sellerdesk.followups.store import for_lead
    from sellerdesk.followups.when import start_of_day

    tonight = start_of_day(clock.local_now().date() + timedelta(days=1))
    for followup in for_lead(db, lead_id):
        if followup.due_at >= tonight:
            break
        if followup.template:
            return followup.template
    return None


def runs_for(db: Database, lead_id: int) -> list[Run]:
    """A lead's runs, most recently active first."""
    with db.read() as session:
        rows = session.scalars(
            select(ScriptRunModel)
            .where(ScriptRunModel.lead_id == lead_id)
            .order_by(ScriptRunModel.updated_at.desc(), ScriptRunModel.id.desc())
        )
        return [to_run(row) for row in rows]


def current_run(db: Database, lead_id: int) -> Run | None:
    """The run a lead is in: the latest active one, else the latest finished one."""
    found = runs_for(db, lead_id)
    active = [run for run in found if not run.finished]
    candidates = active or found
    return candidates[0] if candidates else None


def get_run(db: Database, username: str, script: str | None = None) -> Run | None:
    """The lead's run of `script`, or (without one) its current run."""
    with db.read() as session:
        lead = load(session, username)
        lead_id = lead.id
        if script is not None:
            get_script(script)
            model = find_run(session, lead_id, script)
            return to_run(model) if model else None
    return current_run(db, lead_id)


def _standing(db: Database, lead_ids: list[int]) -> dict[int, tuple[Script, int, bool]]:
    """(script, step index, active) per lead: its latest active run, else its latest run."""
    if not lead_ids:
        return {}
    with db.read() as session:
        rows = session.execute(
            select(
                ScriptRunModel.lead_id,
                ScriptRunModel.script,
                ScriptRunModel.step,
                ScriptRunModel.status,
            )
            .where(ScriptRunModel.lead_id.in_(lead_ids))
            .order_by(ScriptRunModel.updated_at, ScriptRunModel.id)
        ).all()
    out: dict[int, tuple[Script, int, bool]] = {}
    for lead_id, script_id, step_id, status in rows:
        try:
            script = get_script(script_id)
            index = script.index(step_id)
        except (NotFound, KeyError):
            continue
        active = status == ACTIVE
        previous = out.get(lead_id)
        # Later rows win, but a finished run never hides an active one.
        if previous is None or active or not previous[2]:
            out[lead_id] = (script, index, active)
    return out


def current_steps(db: Database, lead_ids: list[int]) -> dict[int, str]:
    """For a page of leads, in one query: each lead's current step, named."""
    out = {}
    for lead_id, (script, index, active) in _standing(db, lead_ids).items():
        if active:
            out[lead_id] = f"{index + 1}/{len(script.steps)} {script.steps[index].title}"
        else:
            out[lead_id] = f"{script.title} done"
    return out


def step_marks(db: Database, lead_ids: list[int]) -> dict[int, str]:
    """For the lead list's narrow column, in one query: "3/9", or "✓" when finished."""
    return {
        lead_id: f"{index + 1}/{len(script.steps)}" if active else "✓"
        for lead_id, (script, index, active) in _standing(db, lead_ids).items()
    }


def find_run(session: Session, lead_id: int, script: str) -> ScriptRunModel | None:
    return session.scalar(
        select(ScriptRunModel).where(
            ScriptRunModel.lead_id == lead_id, ScriptRunModel.script == script
        )
    )


def confirmed_answers(
    session: Session, lead_id: int, definition: Script, items: tuple[str, ...]
) -> dict[str, Any] | None:
    """The answers the latest confirmation covered, as ticked; None when it did not
    say (ticked before confirmations were bound: every answer counts as covered)."""
    rows = session.scalars(
        select(EventModel.data)
        .where(EventModel.lead_id == lead_id, EventModel.kind == TICK_KIND)
        .order_by(EventModel.at.desc(), EventModel.id.desc())
    )
    for raw in rows:
        data = json.loads(raw or "{}")
        if data.get("script") == definition.id and data.get("item") in items and data.get("on"):
            confirmed = data.get("confirmed")
            return confirmed if isinstance(confirmed, dict) else None
    return None
